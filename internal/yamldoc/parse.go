package yamldoc

import (
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// Parse checks the nesting of src, parses it and checks the result. A
// problem of nesting, tags or aliases is an *Error at a line of src; a
// syntax error is the parser's (a yaml.Error, with its token, whose line
// FileLine maps to src's). Parse does not recover from a
// panic in the parser: the caller, which knows the file, defers diag.Catch.
func Parse(src []byte) (*ast.File, error) {
	if e := Depth(src); e != nil {
		return nil, e
	}
	f, err := parser.ParseBytes(src, 0)
	if err != nil {
		return nil, err
	}
	if e := Check(f); e != nil {
		e.Line = FileLine(src, e.Line)
		return nil, e
	}
	return f, nil
}
