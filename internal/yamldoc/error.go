package yamldoc

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/goccy/go-yaml"
)

// Error is a problem at a line and column (1-based, in characters) of a
// YAML document. Callers turn it into a diag.Error at the file's line.
type Error struct {
	Line, Col int
	Msg       string // what is wrong
	Hint      string // what to do about it
}

// Error returns "line:col: msg".
func (e *Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

// FileLine returns the line of src (counted by "\n", as editors and the
// rest of surveysite count) on which line yamlLine of the YAML parser
// starts. The parser also ends a line at a lone "\r". A line past the end
// is the last line.
func FileLine(src []byte, yamlLine int) int {
	g, f := 1, 1
	for i := 0; i < len(src) && g < yamlLine; i++ {
		switch {
		case src[i] == '\n':
			g++
			f++
		case src[i] == '\r' && (i+1 == len(src) || src[i+1] != '\n'):
			g++
		}
	}
	if last := bytes.Count(bytes.TrimSuffix(src, []byte("\n")), []byte("\n")) + 1; f > last {
		return last
	}
	return f
}

// Where returns the line of src (see FileLine), the column (0 if unknown)
// and the message of err, a parser's or decoder's error about src: the
// position of its token when it has one, else line 1 and err's text.
func Where(src []byte, err error) (line, col int, msg string) {
	var ye yaml.Error
	if errors.As(err, &ye) {
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			return FileLine(src, tk.Position.Line), tk.Position.Column, ye.GetMessage()
		}
		return 1, 0, ye.GetMessage()
	}
	return 1, 0, err.Error()
}
