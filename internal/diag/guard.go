package diag

import (
	"fmt"
	"runtime"
)

// Catch, deferred in a function that hands a user's file to a third-party
// parser or renderer (YAML, Markdown, text decoders, the PNG canvas), turns a
// panic inside it into an *Error at pos, "cannot read <what>", stored in
// *err. The library's bug then costs one file, not the build:
//
//	defer diag.Catch(&err, diag.Pos{Path: path, Line: line}, "the front matter")
//
// pos is the nearest position known when the call is made: the key's line
// for a setting, the first line of a page's text.
func Catch(err *error, pos Pos, what string) {
	p := recover()
	if p == nil {
		return
	}
	*err = Panicked(pos, what, p)
}

// Guard calls f behind Catch.
func Guard(pos Pos, what string, f func() error) (err error) {
	defer Catch(&err, pos, what)
	return f()
}

// Panicked returns the *Error Catch makes of the panic value p, for a
// deferred function that must call recover itself.
func Panicked(pos Pos, what string, p any) *Error {
	cause, _ := p.(error)
	if cause == nil {
		cause = fmt.Errorf("%v", p)
	}
	var where string
	if f := panicFrame(); f != "" {
		where = " in " + f
	}
	return &Error{
		Pos:  pos,
		Msg:  fmt.Sprintf("cannot read %s: the library that reads it failed%s (%v)", what, where, cause),
		Hint: "simplify or retype the text from this line on (a stray !, & or * often does it); please report the file to the surveysite maintainers",
		Err:  cause,
	}
}

// panicFrame names the function that panicked, skipping the runtime's own
// frames, e.g. "github.com/goccy/go-yaml/ast.(*ArrayNodeIter).Len": the
// first frame below runtime.gopanic that is not the runtime's, so that a
// deferred function of any caller may call Panicked; else the first frame
// that is neither the runtime's nor Catch's.
func panicFrame() string {
	pcs := make([]uintptr, 64)
	n := runtime.Callers(3, pcs)
	var frames []runtime.Frame
	for fs := runtime.CallersFrames(pcs[:n]); ; {
		f, more := fs.Next()
		frames = append(frames, f)
		if !more {
			break
		}
	}
	runtimeFrame := func(f runtime.Frame) bool {
		return f.Function == "" || len(f.Function) >= 8 && f.Function[:8] == "runtime."
	}
	for i, f := range frames {
		if f.Function != "runtime.gopanic" {
			continue
		}
		for _, g := range frames[i+1:] {
			if !runtimeFrame(g) {
				return g.Function
			}
		}
		return ""
	}
	for _, f := range frames {
		if !runtimeFrame(f) && f.Function != "surveysite/internal/diag.Catch" && f.Function != "surveysite/internal/diag.Panicked" {
			return f.Function
		}
	}
	return ""
}
