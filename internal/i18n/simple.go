package i18n

import (
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/feature/plural"

	"surveysite/internal/diag"
)

// parseSimple reads a catalogue written in the plain subset of YAML the
// built-in ones use, without the YAML parser, which takes most of the time a
// small build or a tally spends before its first page: lines of "key:" or
// "key: text", nested by indenting with spaces, keys of letters, digits, -
// and _ (or such in double quotes), texts plain or in double quotes with at
// most \" and \\ inside, and comments. It reports false at the first thing
// outside that subset, and the caller then parses the file as YAML, so both
// agree on every catalogue (FuzzSimpleCatalogueAgrees).
func parseSimple(file string, src []byte) (map[string]*message, bool) {
	if !utf8.Valid(src) || strings.ContainsAny(string(src), "\r\t") || !strings.HasSuffix(string(src), "\n") {
		return nil, false
	}
	type node struct {
		key       string
		colon     diag.Pos // of the colon after the key, a mapping's position
		text      string
		textPos   diag.Pos
		group     bool
		kids      []*node
		kidIndent int
	}
	root := &node{group: true}
	type level struct {
		indent int
		n      *node
	}
	stack := []level{{-1, root}}
	lastIndent, lastText := -1, false
	text := string(src)
	for lineNo := 1; text != ""; lineNo++ {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		t := strings.TrimLeft(line, " ")
		if t == "" || t[0] == '#' {
			continue
		}
		if strings.HasSuffix(t, " ") {
			return nil, false // the YAML parser places a text with spaces after it elsewhere
		}
		indent := len(line) - len(t)
		if lastText && indent > lastIndent {
			return nil, false // more of a text, or a key under one
		}
		var key, rest string
		if t[0] == '"' {
			j := strings.IndexByte(t[1:], '"')
			if j < 0 {
				return nil, false
			}
			key, rest = t[1:1+j], t[2+j:]
			if strings.IndexByte(key, '\\') >= 0 || key != strings.TrimSpace(key) || !ascii(key) {
				return nil, false
			}
		} else {
			j := 0
			for j < len(t) && (t[j] == '_' || t[j] == '-' || t[j] >= '0' && t[j] <= '9' || t[j] >= 'a' && t[j] <= 'z' || t[j] >= 'A' && t[j] <= 'Z') {
				j++
			}
			key, rest = t[:j], t[j:]
			if key == "" || key[0] == '-' {
				return nil, false
			}
		}
		if key == "" || !strings.HasPrefix(rest, ":") {
			return nil, false
		}
		colon := diag.Pos{Path: file, Line: lineNo, Col: indent + len(t) - len(rest) + 1}
		rest = rest[1:]
		for stack[len(stack)-1].indent >= indent {
			stack = stack[:len(stack)-1]
		}
		parent := stack[len(stack)-1].n
		if len(parent.kids) > 0 && parent.kidIndent != indent {
			return nil, false // not aligned with its siblings
		}
		for _, k := range parent.kids {
			if k.key == key {
				return nil, false // given twice: the YAML parser words it
			}
		}
		n := &node{key: key, colon: colon}
		parent.kids, parent.kidIndent = append(parent.kids, n), indent
		lastIndent = indent
		v := strings.TrimLeft(rest, " ")
		if v == "" {
			if rest != "" || len(stack) > 16 {
				return nil, false // trailing spaces, or nested deep
			}
			n.group, lastText = true, false
			stack = append(stack, level{indent, n})
			continue
		}
		if v == rest || v[0] == '#' {
			return nil, false // no space after the colon, or a comment for a value
		}
		n.textPos = diag.Pos{Path: file, Line: lineNo, Col: len(line) - len(v) + 1}
		lastText = true
		if v[0] == '"' {
			var b strings.Builder
			i := 1
			for ; i < len(v) && v[i] != '"'; i++ {
				if v[i] == '\\' {
					if i+1 == len(v) || v[i+1] != '"' && v[i+1] != '\\' {
						return nil, false
					}
					i++
				}
				b.WriteByte(v[i])
			}
			if i == len(v) {
				return nil, false // not closed on its line
			}
			if after := strings.TrimLeft(v[i+1:], " "); after != "" && (after[0] != '#' || after == v[i+1:]) {
				return nil, false
			}
			n.text = b.String()
			continue
		}
		if strings.ContainsRune("-?:,[]{}#&*!|>'%@`", rune(v[0])) {
			return nil, false
		}
		if i := strings.Index(v, " #"); i >= 0 {
			v = v[:i]
		}
		v = strings.TrimRight(v, " ")
		if strings.Contains(v, ": ") || strings.HasSuffix(v, ":") || strings.Contains(v, " #") {
			return nil, false
		}
		switch strings.ToLower(strings.TrimPrefix(v, "+")) {
		case "null", "~":
			return nil, false // no message: the YAML path words it
		case ".inf", ".nan":
			return nil, false // numbers the YAML path may refuse as text
		}
		n.text = v
	}
	if len(root.kids) == 0 {
		return nil, false
	}
	p := &parser{file: file, src: src, msgs: map[string]*message{}}
	var isForms func(kids []*node) ([]*node, bool, bool)
	isForms = func(kids []*node) ([]*node, bool, bool) {
		if len(kids) == 1 && kids[0].key == "ordinal" {
			if !kids[0].group {
				return nil, false, false
			}
			forms, _, ok := isForms(kids[0].kids)
			return forms, true, ok
		}
		other := false
		for _, k := range kids {
			if !slices.Contains(formNames[:], k.key) {
				return nil, false, false
			}
			other = other || k.key == "other"
		}
		return kids, false, other
	}
	var walk func(prefix string, n *node) bool
	walk = func(prefix string, n *node) bool {
		for _, k := range n.kids {
			if strings.ContainsAny(k.key, ". \t") {
				return false
			}
			full := k.key
			if prefix != "" {
				full = prefix + "." + k.key
			}
			switch {
			case !k.group:
				p.add(full, k.textPos, &message{}, map[plural.Form]string{plural.Other: k.text})
			case len(k.kids) == 0:
				return false
			default:
				forms, ordinal, ok := isForms(k.kids)
				if !ok {
					if !walk(full, k) {
						return false
					}
					continue
				}
				texts := map[plural.Form]string{}
				for _, f := range forms {
					if f.group {
						return false
					}
					texts[plural.Form(slices.Index(formNames[:], f.key))] = f.text
				}
				p.add(full, k.kids[0].colon, &message{plural: true, ordinal: ordinal}, texts)
			}
		}
		return true
	}
	if !walk("", root) || p.list.Len() > 0 {
		return nil, false
	}
	return p.msgs, true
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
