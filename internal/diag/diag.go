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
	"math"
	"slices"
	"strconv"
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
	// More is set on a line that stands for problems a List does not show
	// one by one: how many there are. Such a line is not a problem itself.
	More int

	kind string // the format Errorf or Warnf was given: repeated problems share it
	sum  *group // on a line that stands for a group's hidden problems, the group
}

// Errorf returns an Error at pos with a formatted message.
func Errorf(pos Pos, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...), kind: format}
}

// Warnf returns a warning at pos with a formatted message.
func Warnf(pos Pos, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...), Warn: true, kind: format}
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

// MaxPerFile is how many problems a List shows for one file; the rest are
// counted and summarised, so one broken file does not bury the others.
const MaxPerFile = 50

// GroupShown is how many problems of one group a List shows: problems of
// the same file, kind (the message before its values are filled in),
// column and severity. The rest of the group is one line that counts them
// and gives the range of their lines.
const GroupShown = 3

// List collects the problems of one phase. The zero value is ready to use.
//
// Problems that repeat (the same unknown code in 10,000 rows) are grouped:
// the first GroupShown of a group, by line, are listed with their
// positions, then one line "and 9,997 more rows like it (lines 5–10,001)".
// Counts always gives the true totals, and only errors, never warnings,
// make HasErrors true.
type List struct {
	groups  map[groupKey]*group
	perFile map[string]int // problems shown per file
	dropped map[dropKey]int
	shown   int
	seq     int // how many problems were added, to keep their order at one position
	nerr    int
	nwarn   int
}

type groupKey struct {
	path, kind string
	col        int
	warn       bool
}

type dropKey struct {
	path string
	warn bool
}

// group is the problems of one groupKey: those shown, sorted by line, and
// how many more there are on which lines.
type group struct {
	shown       []shown
	hidden      int
	first, last int // lines of the hidden problems
}

// shown is a problem shown and when it was added.
type shown struct {
	e   *Error
	seq int
}

func (g *group) hide(first, last, n int) {
	if g.hidden == 0 || first < g.first {
		g.first = first
	}
	if g.hidden == 0 || last > g.last {
		g.last = last
	}
	g.hidden += n
}

// Add appends e. A problem beyond the first GroupShown of its group, or
// beyond MaxPerFile shown in its file, is counted but not kept. A line that
// stands for hidden problems (More > 0) adds them to the counts.
func (l *List) Add(e *Error) {
	if e == nil {
		return
	}
	if l.groups == nil {
		l.groups = map[groupKey]*group{}
		l.perFile = map[string]int{}
		l.dropped = map[dropKey]int{}
	}
	n := max(e.More, 1)
	if e.Warn {
		l.nwarn += n
	} else {
		l.nerr += n
	}
	if e.More > 0 {
		if e.sum == nil {
			l.dropped[dropKey{e.Pos.Path, e.Warn}] += e.More
			return
		}
		l.group(e).hide(e.sum.first, e.sum.last, e.More)
		return
	}
	g := l.group(e)
	l.seq++
	it := shown{e, l.seq}
	if len(g.shown) < GroupShown {
		if l.perFile[e.Pos.Path] >= MaxPerFile {
			l.dropped[dropKey{e.Pos.Path, e.Warn}]++
			return
		}
		l.perFile[e.Pos.Path]++
		l.shown++
		g.shown = insertByLine(g.shown, it)
		return
	}
	// Keep the first lines shown, whatever order the problems came in.
	if last := g.shown[len(g.shown)-1]; e.Pos.Line < last.e.Pos.Line {
		g.shown = insertByLine(g.shown[:len(g.shown)-1], it)
		e = last.e
	}
	g.hide(e.Pos.Line, e.Pos.Line, 1)
}

// insertByLine inserts it into s, sorted by line, after those of its line.
func insertByLine(s []shown, it shown) []shown {
	i := len(s)
	for i > 0 && s[i-1].e.Pos.Line > it.e.Pos.Line {
		i--
	}
	return slices.Insert(s, i, it)
}

// group returns the group of e, making it if need be.
func (l *List) group(e *Error) *group {
	k := groupKey{path: e.Pos.Path, kind: e.kind, col: e.Pos.Col, warn: e.Warn}
	if k.kind == "" {
		k.kind = e.Msg
	}
	g := l.groups[k]
	if g == nil {
		g = &group{}
		l.groups[k] = g
	}
	return g
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
	for _, e := range o.Items() {
		l.Add(e)
	}
}

// Items returns the problems shown, sorted by path, line and column, each
// group's line for its hidden problems after its last one shown, and at
// the end of each file a line for the problems beyond MaxPerFile.
func (l *List) Items() []*Error {
	if l == nil {
		return nil
	}
	type item struct {
		e    *Error
		at   Pos // where it sorts
		rank int // 0 a problem, 1 a group's summary, 2 a file's
		seq  int
	}
	out := make([]item, 0, l.shown+len(l.dropped))
	for k, g := range l.groups {
		for _, it := range g.shown {
			out = append(out, item{it.e, it.e.Pos, 0, it.seq})
		}
		if g.hidden == 0 {
			continue
		}
		s := &Error{Pos: Pos{Path: k.path, Line: g.first, Col: k.col}, Warn: k.warn, More: g.hidden,
			Msg: moreLikeIt(k.path, g), kind: k.kind, sum: &group{first: g.first, last: g.last}}
		at := s.Pos
		if len(g.shown) > 0 {
			at = g.shown[len(g.shown)-1].e.Pos
		}
		out = append(out, item{s, at, 1, 0})
	}
	for k, n := range l.dropped {
		what := "error"
		if k.warn {
			what = "warning"
		}
		if n != 1 {
			what += "s"
		}
		s := &Error{Pos: Pos{Path: k.path}, Warn: k.warn, More: n,
			Msg: fmt.Sprintf("%s more %s not shown (the first %d problems of this file are listed)", Thousands(n), what, MaxPerFile)}
		out = append(out, item{s, Pos{Path: k.path, Line: math.MaxInt}, 2, 0})
	}
	slices.SortFunc(out, func(a, b item) int {
		return cmp.Or(
			cmp.Compare(a.at.Path, b.at.Path),
			cmp.Compare(a.at.Line, b.at.Line),
			cmp.Compare(a.at.Col, b.at.Col),
			cmp.Compare(a.rank, b.rank),
			cmp.Compare(a.seq, b.seq),
			cmp.Compare(a.e.Msg, b.e.Msg),
			cmp.Compare(b2i(a.e.Warn), b2i(b.e.Warn)),
		)
	})
	es := make([]*Error, len(out))
	for i, it := range out {
		es[i] = it.e
	}
	return es
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// moreLikeIt is the text of a group's line for its hidden problems.
func moreLikeIt(path string, g *group) string {
	like := "more like it"
	if ext := strings.ToLower(path[strings.LastIndexByte(path, '.')+1:]); ext == "csv" || ext == "tsv" {
		like = "more rows like it"
	}
	lines := fmt.Sprintf("line %s", Thousands(g.first))
	if g.last != g.first {
		lines = fmt.Sprintf("lines %s–%s", Thousands(g.first), Thousands(g.last))
	}
	if g.first == 0 {
		return fmt.Sprintf("and %s %s", Thousands(g.hidden), like)
	}
	return fmt.Sprintf("and %s %s (%s)", Thousands(g.hidden), like, lines)
}

// Len returns the number of problems shown, warnings included; lines that
// stand for hidden problems are not counted. Counts gives the totals.
func (l *List) Len() int {
	if l == nil {
		return 0
	}
	return l.shown
}

// Counts returns how many errors and warnings were added, shown or not.
func (l *List) Counts() (errors, warnings int) {
	if l == nil {
		return 0, 0
	}
	return l.nerr, l.nwarn
}

// HasErrors reports whether any problem, shown or not, is not a warning.
func (l *List) HasErrors() bool {
	return l != nil && l.nerr > 0
}

// Err returns l as an error if it holds any error (not only warnings), or nil.
func (l *List) Err() error {
	if l.HasErrors() {
		return l
	}
	return nil
}

// Warnings returns only the warnings, sorted, with the lines that stand
// for hidden ones.
func (l *List) Warnings() []*Error {
	var out []*Error
	for _, e := range l.Items() {
		if e.Warn {
			out = append(out, e)
		}
	}
	return out
}

// Error formats every problem on its own line(s), sorted, with hints, and
// the lines that stand for hidden problems.
func (l *List) Error() string {
	var b strings.Builder
	for _, e := range l.Items() {
		b.WriteString(e.Format())
		b.WriteByte('\n')
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// Count returns how many errors and warnings es stand for, counting each
// line that stands for hidden problems as the problems it stands for.
func Count(es []*Error) (errors, warnings int) {
	for _, e := range es {
		n := max(e.More, 1)
		if e.Warn {
			warnings += n
		} else {
			errors += n
		}
	}
	return errors, warnings
}

// Summary says how many errors and warnings there are: "1 error",
// "10,001 errors and 24,012 warnings", "no problems".
func Summary(errors, warnings int) string {
	var parts []string
	if errors > 0 {
		parts = append(parts, plural(errors, "error"))
	}
	if warnings > 0 {
		parts = append(parts, plural(warnings, "warning"))
	}
	if len(parts) == 0 {
		return "no problems"
	}
	return strings.Join(parts, " and ")
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return Thousands(n) + " " + what + "s"
}

// Thousands formats n with a comma every three digits: 10,001.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + Thousands(-n)
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
