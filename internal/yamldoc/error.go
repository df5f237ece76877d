package yamldoc

import "fmt"

// Error is a problem at a line and column (1-based, in characters) of a
// YAML document. Callers turn it into a diag.Error at the file's line.
type Error struct {
	Line, Col int
	Msg       string // what is wrong
	Hint      string // what to do about it
}

// Error returns "line:col: msg".
func (e *Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }
