// Package diag reports problems in a user's files with their position, in the
// form editors understand: "path:line:col: message", followed by a hint that
// says what to do about it.
//
// diag is a leaf package: every layer of surveysite reports through it, so it
// imports nothing but the standard library.
package diag

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Pos is a position in a project file. Path is slash-separated and relative
// to the project root. Line and Col are 1-based; zero means unknown.
type Pos struct {
	Path string
	Line int
	Col  int
}

// String formats p as path:line:col, leaving out the parts that are unknown.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.Path
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.Path, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.Path, p.Line, p.Col)
}

// Error is a problem at a position in a user's file.
type Error struct {
	Pos  Pos
	Msg  string // what is wrong, naming the bad value
	Hint string // what to do about it; may be empty
	Err  error  // the underlying cause, if any
	Warn bool   // a warning does not stop the build
}

// Errorf returns an Error at pos with a formatted message.
func Errorf(pos Pos, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// Warnf returns a warning at pos with a formatted message.
func Warnf(pos Pos, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...), Warn: true}
}

// WithHint sets the hint and returns e, so constructors chain.
func (e *Error) WithHint(format string, args ...any) *Error {
	e.Hint = fmt.Sprintf(format, args...)
	return e
}

// Error returns "pos: msg" (with "warning: " before msg for warnings).
func (e *Error) Error() string {
	var b strings.Builder
	if s := e.Pos.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	if e.Warn {
		b.WriteString("warning: ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// Format writes the error and, on the next line, its hint as "  fix: …".
func (e *Error) Format() string {
	if e.Hint == "" {
		return e.Error()
	}
	return e.Error() + "\n  fix: " + e.Hint
}

// MaxPerFile is how many problems a List keeps for one file; the rest are
// counted and summarised, so one broken file does not bury the others.
const MaxPerFile = 50

// List collects the problems of one phase. The zero value is ready to use.
type List struct {
	items   []*Error
	perFile map[string]int
	dropped map[string]int
}

// Add appends e, unless its file already has MaxPerFile problems.
func (l *List) Add(e *Error) {
	if e == nil {
		return
	}
	if l.perFile == nil {
		l.perFile = map[string]int{}
		l.dropped = map[string]int{}
	}
	if l.perFile[e.Pos.Path] >= MaxPerFile {
		l.dropped[e.Pos.Path]++
		return
	}
	l.perFile[e.Pos.Path]++
	l.items = append(l.items, e)
}

// AddErr adds err: a *Error or a List is kept with its positions; any other
// error is reported at pos.
func (l *List) AddErr(pos Pos, err error) {
	if err == nil {
		return
	}
	var list *List
	if errors.As(err, &list) {
		l.Merge(list)
		return
	}
	var de *Error
	if errors.As(err, &de) {
		l.Add(de)
		return
	}
	l.Add(&Error{Pos: pos, Msg: err.Error(), Err: err})
}

// Merge adds every problem of o to l.
func (l *List) Merge(o *List) {
	if o == nil {
		return
	}
	for _, e := range o.items {
		l.Add(e)
	}
	for p, n := range o.dropped {
		if l.dropped == nil {
			l.dropped = map[string]int{}
		}
		l.dropped[p] += n
	}
}

// Items returns the problems sorted by path, line and column.
func (l *List) Items() []*Error {
	if l == nil {
		return nil
	}
	out := slices.Clone(l.items)
	slices.SortStableFunc(out, func(a, b *Error) int {
		return cmp.Or(
			cmp.Compare(a.Pos.Path, b.Pos.Path),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
		)
	})
	return out
}

// Len returns the number of problems kept, warnings included.
func (l *List) Len() int {
	if l == nil {
		return 0
	}
	return len(l.items)
}

// HasErrors reports whether any problem is not a warning.
func (l *List) HasErrors() bool {
	if l == nil {
		return false
	}
	for _, e := range l.items {
		if !e.Warn {
			return true
		}
	}
	return len(l.dropped) > 0
}

// Err returns l as an error if it holds any error (not only warnings), or nil.
func (l *List) Err() error {
	if l.HasErrors() {
		return l
	}
	return nil
}

// Warnings returns only the warnings, sorted.
func (l *List) Warnings() []*Error {
	var out []*Error
	for _, e := range l.Items() {
		if e.Warn {
			out = append(out, e)
		}
	}
	return out
}

// Error formats every problem on its own line(s), sorted, with hints, and a
// line for each file whose problems were capped.
func (l *List) Error() string {
	var b strings.Builder
	for _, e := range l.Items() {
		b.WriteString(e.Format())
		b.WriteByte('\n')
	}
	paths := make([]string, 0, len(l.dropped))
	for p := range l.dropped {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		fmt.Fprintf(&b, "%s: %d more problems not shown (first %d listed)\n", p, l.dropped[p], MaxPerFile)
	}
	return strings.TrimSuffix(b.String(), "\n")
}
