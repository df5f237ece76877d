package i18n

import (
	"bytes"
	"errors"
	"slices"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"golang.org/x/text/feature/plural"

	"surveysite/internal/diag"
	"surveysite/internal/yamldoc"
)

// parse reads a catalogue: nested mappings whose leaves are messages (see
// the package doc). file names it in errors.
func parse(file string, src []byte) (_ map[string]*message, err error) {
	defer diag.Catch(&err, diag.Pos{Path: file, Line: 1}, file)
	if msgs, ok := parseSimple(file, src); ok {
		return msgs, nil
	}
	return parseYAML(file, src)
}

// parseYAML is parse through the YAML parser.
func parseYAML(file string, src []byte) (_ map[string]*message, err error) {
	f, err := yamldoc.Parse(src)
	if err != nil {
		var e *yamldoc.Error
		if errors.As(err, &e) {
			return nil, diag.Errorf(diag.Pos{Path: file, Line: e.Line, Col: e.Col}, "%s", e.Msg).WithHint("%s", e.Hint)
		}
		line, col, msg := yamldoc.Where(src, err)
		return nil, diag.Errorf(diag.Pos{Path: file, Line: line, Col: col}, "catalogue: %s", msg).
			WithHint("each message is \"key: text\"; put text with a colon (:), # or { at its start in quotes")
	}
	p := &parser{file: file, src: src, msgs: map[string]*message{}, loneCR: bytes.Count(src, []byte("\r")) != bytes.Count(src, []byte("\r\n"))}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return p.msgs, nil
	}
	p.group("", f.Docs[0].Body)
	if err := p.list.Err(); err != nil {
		return nil, err
	}
	return p.msgs, nil
}

type parser struct {
	file   string
	src    []byte
	msgs   map[string]*message
	list   diag.List
	loneCR bool // the parser's lines are not the file's (yamldoc.FileLine)
}

func (p *parser) pos(n ast.Node) diag.Pos {
	pos := diag.Pos{Path: p.file, Line: 1}
	if n != nil && n.GetToken() != nil && n.GetToken().Position != nil {
		tp := n.GetToken().Position
		pos.Line, pos.Col = tp.Line, tp.Column
		if p.loneCR {
			pos.Line = yamldoc.FileLine(p.src, tp.Line) // a scan of the file: only when the lines differ
		}
	}
	return pos
}

// pairs returns the key, value pairs of a mapping node, or ok false.
func pairs(n ast.Node) ([]*ast.MappingValueNode, bool) {
	switch m := n.(type) {
	case *ast.MappingNode:
		return m.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{m}, true
	}
	return nil, false
}

// group reads a mapping of keys under prefix.
func (p *parser) group(prefix string, n ast.Node) {
	kvs, ok := pairs(n)
	if !ok {
		p.list.Add(diag.Errorf(p.pos(n), "the catalogue is not a list of \"key: message\" lines").
			WithHint("write one message per line, such as \"skip: Skip to the content\""))
		return
	}
	for _, kv := range kvs {
		key := keyText(kv.Key)
		if key == "" || strings.ContainsAny(key, ". \t") {
			p.list.Add(diag.Errorf(p.pos(kv.Key), "%q is not a message key", key).
				WithHint("write keys of letters, digits, - and _, nested as mappings (survey: then respondents: under it)"))
			continue
		}
		full := key
		if prefix != "" {
			full = prefix + "." + key
		}
		p.value(full, kv.Value)
	}
}

// value reads the value of key: a message, plural forms or a group.
func (p *parser) value(key string, n ast.Node) {
	if kvs, ok := pairs(n); ok {
		if forms, ordinal, ok := pluralForms(kvs); ok {
			p.pluralMessage(key, n, forms, ordinal)
			return
		}
		p.group(key, n)
		return
	}
	text, ok := p.scalar(key, n)
	if !ok {
		return
	}
	p.add(key, p.pos(n), &message{plural: false}, map[plural.Form]string{plural.Other: text})
}

// pluralForms reports whether kvs are plural forms (only CLDR categories,
// with other), or one key "ordinal" holding them.
func pluralForms(kvs []*ast.MappingValueNode) ([]*ast.MappingValueNode, bool, bool) {
	if len(kvs) == 1 && keyText(kvs[0].Key) == "ordinal" {
		inner, ok := pairs(kvs[0].Value)
		if !ok {
			return nil, false, false
		}
		forms, _, ok := pluralForms(inner)
		return forms, true, ok
	}
	other := false
	for _, kv := range kvs {
		k := keyText(kv.Key)
		if !slices.Contains(formNames[:], k) {
			return nil, false, false
		}
		other = other || k == "other"
	}
	return kvs, false, other
}

func (p *parser) pluralMessage(key string, n ast.Node, kvs []*ast.MappingValueNode, ordinal bool) {
	texts := map[plural.Form]string{}
	for _, kv := range kvs {
		text, ok := p.scalar(key, kv.Value)
		if !ok {
			return
		}
		f := slices.Index(formNames[:], keyText(kv.Key))
		texts[plural.Form(f)] = text
	}
	p.add(key, p.pos(n), &message{plural: true, ordinal: ordinal}, texts)
}

// scalar returns a message's text.
func (p *parser) scalar(key string, n ast.Node) (string, bool) {
	switch v := n.(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		return strings.TrimSuffix(v.Value.Value, "\n"), true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode:
		return v.GetToken().Value, true
	case *ast.NullNode, nil:
		p.list.Add(diag.Errorf(p.pos(n), "message %s is empty", key).
			WithHint("write the message's text after the colon, or remove the line to keep the built-in message"))
	default:
		p.list.Add(diag.Errorf(p.pos(n), "message %s must be text", key).
			WithHint("write the text after the colon; a list or an alias is not a message"))
	}
	return "", false
}

// add compiles the texts of a message at pos and records it under key.
func (p *parser) add(key string, pos diag.Pos, m *message, texts map[plural.Form]string) {
	if _, dup := p.msgs[key]; dup {
		p.list.Add(diag.Errorf(pos, "message %s is given twice", key).WithHint("remove one of the two"))
		return
	}
	m.pos = pos
	var src []string
	for f := range formNames {
		t, ok := texts[plural.Form(f)]
		if !ok {
			continue
		}
		m.forms[f] = compile(t)
		for _, pt := range m.forms[f] {
			if pt.hole && !slices.Contains(m.holes, pt.text) {
				m.holes = append(m.holes, pt.text)
			}
		}
		src = append(src, formNames[f]+"="+t)
	}
	slices.Sort(m.holes)
	m.src = strings.Join(src, "\x01")
	if m.ordinal {
		m.src = "ordinal\x01" + m.src
	}
	p.msgs[key] = m
}

// compile splits a text into literal parts and {name} placeholders; a
// brace that does not start a name of letters, digits and _ is text.
func compile(s string) []part {
	var out []part
	lit := strings.Builder{}
	for i := 0; i < len(s); i++ {
		if s[i] == '{' {
			j := i + 1
			for j < len(s) && (s[j] == '_' || s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= '0' && s[j] <= '9') {
				j++
			}
			if j > i+1 && j < len(s) && s[j] == '}' {
				if lit.Len() > 0 {
					out = append(out, part{text: lit.String()})
					lit.Reset()
				}
				out = append(out, part{text: s[i+1 : j], hole: true})
				i = j
				continue
			}
		}
		lit.WriteByte(s[i])
	}
	if lit.Len() > 0 || len(out) == 0 {
		out = append(out, part{text: lit.String()})
	}
	return out
}

// keyText is a mapping key as text, without the quotes it may be written in.
func keyText(k ast.MapKeyNode) string {
	if s, ok := k.(*ast.StringNode); ok {
		return strings.TrimSpace(s.Value)
	}
	return strings.TrimSpace(k.String())
}
