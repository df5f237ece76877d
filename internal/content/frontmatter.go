package content

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"

	"surveysite/internal/diag"
	"surveysite/internal/yamldoc"
)

// FrontMatter holds the keys every page may set. Other keys are in Params.
type FrontMatter struct {
	Title       string
	Description string
	Date        time.Time
	Draft       bool
	Weight      int
	Tags        []string
	Layout      string
	Slug        string
	Params      map[string]any
	// Lines gives the file line of each key, for problems found with its
	// value later (an unknown layout, a misspelt municipality).
	Lines map[string]int
}

// setText sets the text key title, description, layout or slug (in any
// case) to s.
func (fm *FrontMatter) setText(key, s string) {
	switch strings.ToLower(key) {
	case "title":
		fm.Title = s
	case "description":
		fm.Description = s
	case "layout":
		fm.Layout = s
	case "slug":
		fm.Slug = s
	}
}

// validSlug reports whether s can be a slug: one path segment.
func validSlug(s string) bool {
	return !strings.ContainsAny(s, "/\\?#") && s != "." && s != ".."
}

// splitFrontMatter separates a leading "---" YAML block from the body. It
// returns the YAML, the body and the 1-based line on which the YAML starts
// (0 when there is none). An opening fence without a closing one is an error.
func splitFrontMatter(path string, src []byte) (fm, body []byte, fmLine, bodyLine int, err error) {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	first, rest, ok := cutLine(src)
	switch strings.TrimRight(string(first), " \t\r") {
	case "---":
	case "+++":
		return nil, nil, 0, 0, diag.Errorf(diag.Pos{Path: path, Line: 1, Col: 1},
			"the front matter is TOML (between +++ lines), which surveysite does not read").
			WithHint(`write it as YAML between lines of three hyphens "---": title = "…" becomes title: "…", and [params] a key whose lines below are indented`)
	default:
		return nil, src, 0, 1, nil
	}
	if !ok {
		rest = nil
	}
	start := len(src) - len(rest)
	line := 2
	for off := start; off < len(src); {
		l, next, more := cutLine(src[off:])
		if strings.TrimRight(string(l), " \t\r") == "---" {
			end := off
			if more {
				off = len(src) - len(next)
			} else {
				off = len(src)
			}
			return src[start:end], src[off:], 2, line + 1, nil
		}
		if !more {
			break
		}
		off = len(src) - len(next)
		line++
	}
	return nil, nil, 0, 0, diag.Errorf(diag.Pos{Path: path, Line: 1, Col: 1},
		"the front matter that starts here is not closed").
		WithHint(`end the front matter with a line of three hyphens "---"`)
}

func cutLine(b []byte) (line, rest []byte, ok bool) {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		return b, nil, false
	}
	return b[:i], b[i+1:], true
}

// parseFrontMatter decodes the YAML front matter. line is the file line on
// which the YAML starts, so errors point into the file.
func parseFrontMatter(path string, src []byte, line int) (FrontMatter, error) {
	fm := FrontMatter{Params: map[string]any{}}
	if len(bytes.TrimSpace(src)) == 0 {
		return fm, nil
	}
	if simple, ok := parseSimpleFrontMatter(src); ok {
		for k, l := range simple.Lines {
			simple.Lines[k] = line + l - 1
		}
		return simple, nil
	}
	return parseFrontMatterYAML(path, src, line)
}

// parseFrontMatterYAML decodes front matter with the YAML parser, after
// yamldoc has bounded its nesting and aliases and refused tags. The document
// is decoded once, its keys in order by one decoder (yamlvalue.go), so an
// anchor (&name) defined under one key may be used (*name) under a later
// one. A panic in the parser is reported at the line of the key being
// decoded.
func parseFrontMatterYAML(path string, src []byte, line int) (_ FrontMatter, err error) {
	fm := FrontMatter{Params: map[string]any{}, Lines: map[string]int{}}
	at := diag.Pos{Path: path, Line: line}
	defer func() {
		if p := recover(); p != nil {
			fm, err = FrontMatter{Params: map[string]any{}}, diag.Panicked(at, "the front matter", p)
		}
	}()
	pos := func(n ast.Node) diag.Pos {
		p := diag.Pos{Path: path, Line: line}
		if n != nil && n.GetToken() != nil {
			tp := n.GetToken().Position
			p.Line, p.Col = fileLine(src, line, tp.Line), tp.Column
		}
		return p
	}
	file, err := yamldoc.Parse(src)
	if err != nil {
		return fm, yamlError(path, src, line, err)
	}
	if len(file.Docs) == 0 || file.Docs[0].Body == nil {
		return fm, nil
	}
	body := file.Docs[0].Body
	dec := newDocDecoder()
	var values []*ast.MappingValueNode
	switch m := body.(type) {
	case *ast.MappingNode:
		values = m.Values
	case *ast.MappingValueNode:
		values = []*ast.MappingValueNode{m}
	default:
		return fm, diag.Errorf(pos(body), "the front matter is not a list of \"key: value\" lines").
			WithHint("write one setting per line, such as \"title: 部会について\"")
	}
	var list diag.List
	for _, kv := range values {
		at = pos(kv.Key)
		fm.Lines[kv.Key.String()] = at.Line
		key := kv.Key.String()
		val := kv.Value
		bad := func(what string) {
			list.Add(diag.Errorf(pos(val), "%s must be %s, not %s", key, what, strings.TrimSpace(val.String())).
				WithHint("correct the value of %q", key))
		}
		v, err := dec.value(val)
		switch strings.ToLower(key) {
		case "title", "description", "layout", "slug", "date", "draft", "weight", "tags":
			if err != nil {
				v = err // no value: each says what it must be
			}
		default:
			if err != nil {
				list.Add(diag.Errorf(pos(val), "cannot read the value of %s: %s", key, yamlMessage(err)))
				continue
			}
		}
		switch strings.ToLower(key) {
		case "title", "description", "layout", "slug":
			s, ok := yamlString(v)
			if !ok || val.Type() == ast.MappingType || val.Type() == ast.SequenceType {
				bad("text")
				continue
			}
			if strings.EqualFold(key, "slug") && !validSlug(s) {
				list.Add(diag.Errorf(pos(val), "slug %q may not contain / \\ ? # or be . or ..", s).
					WithHint("use one path segment such as \"program\""))
				continue
			}
			fm.setText(key, s)
		case "date":
			t, ok := yamlDate(v)
			if !ok {
				list.Add(diag.Errorf(pos(val), "date %s is not a date", strings.TrimSpace(val.String())).
					WithHint("write the date as 2026-04-01 (year-month-day)"))
				continue
			}
			fm.Date = t
		case "draft":
			var ok bool
			if fm.Draft, ok = yamlBool(v); !ok {
				bad("true or false")
			}
		case "weight":
			var ok bool
			if fm.Weight, ok = yamlInt(v); !ok {
				bad("a whole number")
			}
		case "tags":
			tags, ok := yamlStrings(v)
			if !ok {
				one, ok := yamlString(v)
				if !ok || val.Type() == ast.MappingType {
					bad("a list of words, such as [人材育成, 組織風土]")
					continue
				}
				tags = []string{one}
			}
			fm.Tags = tags
		default:
			fm.Params[key] = v
		}
	}
	return fm, list.Err()
}

func yamlError(path string, src []byte, line int, err error) error {
	var ye yaml.Error
	p := diag.Pos{Path: path, Line: line}
	var be *yamldoc.Error
	if errors.As(err, &be) {
		p.Line, p.Col = line+be.Line-1, be.Col
		return diag.Errorf(p, "%s", be.Msg).WithHint("%s", be.Hint)
	}
	if errors.As(err, &ye) && ye.GetToken() != nil {
		tp := ye.GetToken().Position
		p.Line, p.Col = fileLine(src, line, tp.Line), tp.Column
	}
	return diag.Errorf(p, "front matter is not valid YAML: %s", yamlMessage(err)).
		WithHint(`check this line: each setting is "key: value"; put text with a colon (:) or # in quotes`)
}

// fileLine maps line yamlLine of the YAML src, which starts on file line
// line, to a file line. The YAML parser also breaks lines at a lone "\r",
// which the file's lines do not (yamldoc.FileLine).
func fileLine(src []byte, line, yamlLine int) int {
	return line + yamldoc.FileLine(src, yamlLine) - 1
}

func yamlMessage(err error) string {
	var ye yaml.Error
	if errors.As(err, &ye) {
		return ye.GetMessage()
	}
	return fmt.Sprint(err)
}
