package content

import (
	"bytes"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"surveysite/internal/yamldoc"
)

// parseSimpleFrontMatter reads the common front matter without the YAML
// parser: one "key: value" per line, with plain or simply quoted scalars
// and flow lists of plain words; a block list of tags; folded and literal
// text (">-", "|") of plain lines for the title, the description and other
// settings; and settings grouped under a key ("params:", then "  author:
// x" lines, nested to four levels) of the same values. It returns
// false at the first thing it is not sure of, and the caller then uses the
// full YAML parser, so both always agree (FuzzSimpleFrontMatterAgrees).
// Most pages need no more, and the YAML parser costs far more per page.
func parseSimpleFrontMatter(src []byte) (FrontMatter, bool) {
	fm := FrontMatter{Params: map[string]any{}}
	if !utf8.Valid(src) || bytes.ContainsFunc(src, unusual) ||
		bytes.Count(src, []byte("\r")) != bytes.Count(src, []byte("\r\n")) || // a lone CR breaks a YAML line
		yamldoc.Depth(src) != nil { // what the YAML path refuses before parsing ("- - -" in a title, many brackets)
		return fm, false
	}
	seen := map[string]bool{}
	fm.Lines = map[string]int{}
	for n := 1; len(src) > 0; n++ {
		line, rest, _ := cutLine(src)
		src = rest
		line = bytes.TrimSuffix(line, []byte("\r"))
		if len(bytes.Trim(line, " ")) == 0 {
			continue
		}
		k := bytes.IndexByte(line, ':')
		if k <= 0 || line[0] == ' ' || line[0] == '\t' || k+1 < len(line) && line[k+1] != ' ' {
			return fm, false
		}
		key := string(line[:k])
		val := strings.Trim(string(line[k+1:]), " ")
		if key == "tags" && val == "" && !seen[key] {
			// A block list: "  - word" lines, all indented alike.
			items, rest, lines, ok := blockList(src)
			if !ok {
				return fm, false
			}
			seen[key], fm.Lines[key], fm.Tags = true, n, items
			src, n = rest, n+lines
			continue
		}
		if !seen[key] && (val == "" || isBlockHeader(val)) && (key == "title" || key == "description" || simpleKey(key) && !standardKey(key)) {
			// Folded or literal text, or a group of settings.
			var v any
			var lines int
			var ok bool
			if val == "" {
				if key == "title" || key == "description" {
					return fm, false
				}
				v, src, lines, ok = simpleGroup(src, 0, 1)
			} else {
				v, src, lines, ok = blockText(val, src, 0)
			}
			if !ok {
				return fm, false
			}
			seen[key], fm.Lines[key] = true, n
			n += lines
			if text, isText := v.(string); isText && (key == "title" || key == "description") {
				fm.setText(key, text)
			} else {
				fm.Params[key] = v
			}
			continue
		}
		if seen[key] || val == "" {
			return fm, false
		}
		seen[key] = true
		fm.Lines[key] = n
		switch key {
		case "title", "description", "layout", "slug":
			s, ok := simpleString(val)
			if !ok || key == "slug" && !validSlug(s) {
				return fm, false
			}
			fm.setText(key, s)
		case "date":
			t, ok := simpleDate(val)
			if !ok {
				return fm, false
			}
			fm.Date = t
		case "draft":
			switch val {
			case "true":
				fm.Draft = true
			case "false":
			default:
				return fm, false
			}
		case "weight":
			n, err := strconv.Atoi(val)
			if err != nil || val[0] == '+' || len(val) > 1 && (val[0] == '0' || val[0] == '-' && val[1] == '0') {
				return fm, false
			}
			fm.Weight = n
		case "tags":
			if len(val) < 2 || val[0] != '[' || val[len(val)-1] != ']' {
				return fm, false
			}
			inner := strings.Trim(val[1:len(val)-1], " ")
			if inner == "" {
				return fm, false
			}
			for _, t := range strings.Split(inner, ",") {
				t, ok := simpleString(strings.Trim(t, " "))
				if !ok {
					return fm, false
				}
				fm.Tags = append(fm.Tags, t)
			}
		default:
			v, ok := simpleParam(key, val)
			if !ok {
				return fm, false
			}
			fm.Params[key] = v
		}
	}
	return fm, true
}

// blockList reads the "  - item" lines at the start of src, all indented
// alike, each a simple string. It returns the items, the rest of src and
// the number of lines read.
func blockList(src []byte) (items []string, rest []byte, lines int, ok bool) {
	indent := -1
	for len(src) > 0 {
		line, next, i, _ := indentedLine(src)
		if i == 0 {
			break // the next key
		}
		if indent >= 0 && i != indent || !bytes.HasPrefix(line[i:], []byte("- ")) {
			return nil, nil, 0, false
		}
		indent = i
		item, ok := simpleString(strings.Trim(string(line[i+2:]), " "))
		if !ok {
			return nil, nil, 0, false
		}
		items = append(items, item)
		src, lines = next, lines+1
	}
	return items, src, lines, len(items) > 0
}

// simpleDate reads a date as the YAML path does (parseDate): 2006-01-02,
// or an RFC 3339 date-time such as 2019-01-01T13:38:24+09:00.
func simpleDate(v string) (time.Time, bool) {
	if t, err := time.Parse("2006-01-02", v); err == nil {
		return t, true
	}
	if len(v) >= 20 && v[10] == 'T' {
		if t, err := time.Parse(time.RFC3339, v); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// simpleParam reads the value of a key that is not a standard one, as
// goccy decodes it into an any: text, true and false, whole numbers
// (uint64, or int64 below zero), decimals (float64), dates and date-times
// as text, and flow lists of text; false for anything else. The key must
// be a plain name and no case variant of a standard key.
func simpleParam(key, val string) (any, bool) {
	if !simpleKey(key) {
		return nil, false
	}
	return simpleValue(val)
}

// standardKey reports whether key is one that FrontMatter has a field
// for.
func standardKey(key string) bool {
	switch key {
	case "title", "description", "layout", "slug", "date", "draft", "weight", "tags":
		return true
	}
	return false
}

// simpleKey reports whether key is a plain lower-case name (upper case too
// would do for YAML, but Title is title to the YAML path).
func simpleKey(key string) bool {
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !(c >= 'a' && c <= 'z' || c == '_' || i > 0 && (c >= '0' && c <= '9' || c == '-')) {
			return false
		}
	}
	return key != ""
}

// simpleValue reads a value that is not a standard key's (see simpleParam).
func simpleValue(val string) (any, bool) {
	switch val {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	if s, ok := simpleString(val); ok {
		return s, true
	}
	if _, ok := simpleDate(val); ok {
		return val, true
	}
	if len(val) > 0 && (val[0] >= '0' && val[0] <= '9' || val[0] == '-') {
		return simpleNumber(val)
	}
	if len(val) >= 2 && val[0] == '[' && val[len(val)-1] == ']' {
		inner := strings.Trim(val[1:len(val)-1], " ")
		if inner == "" {
			return nil, false
		}
		var list []any
		for _, t := range strings.Split(inner, ",") {
			t, ok := simpleString(strings.Trim(t, " "))
			if !ok {
				return nil, false
			}
			list = append(list, t)
		}
		return list, true
	}
	return nil, false
}

// simpleNumber reads 12, -3 and 4.5 as goccy does; false for other forms
// (leading zeros, +, exponents, hex, separators).
func simpleNumber(v string) (any, bool) {
	digits := strings.TrimPrefix(v, "-")
	whole, frac, isFloat := strings.Cut(digits, ".")
	if whole == "" || len(whole) > 1 && whole[0] == '0' || isFloat && frac == "" || len(digits) > 15 {
		return nil, false
	}
	for _, part := range []string{whole, frac} {
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return nil, false
			}
		}
	}
	switch {
	case isFloat:
		f, err := strconv.ParseFloat(v, 64)
		return f, err == nil
	case v[0] == '-':
		if whole == "0" {
			return nil, false
		}
		n, err := strconv.ParseInt(v, 10, 64)
		return n, err == nil
	default:
		n, err := strconv.ParseUint(v, 10, 64)
		return n, err == nil
	}
}

// unusual reports runes that YAML treats specially or that need escaping:
// control characters (but LF and CR), NEL, the line and paragraph
// separators and the byte order mark.
func unusual(r rune) bool {
	return r < 0x20 && r != '\n' && r != '\r' || r == 0x7f || r == 0x85 || r == 0x2028 || r == 0x2029 || r == 0xfeff ||
		r >= 0x80 && r <= 0x9f || r == utf8.RuneError
}

// simpleString returns the string a plain, double-quoted or single-quoted
// YAML scalar holds, when that is certain without a parser.
func simpleString(v string) (string, bool) {
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		inner := v[1 : len(v)-1]
		if strings.ContainsAny(inner, `"\`) {
			return "", false
		}
		return inner, true
	}
	if len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'' {
		inner := v[1 : len(v)-1]
		if strings.Contains(inner, "'") {
			return "", false
		}
		return inner, true
	}
	if !plainWord(v) {
		return "", false
	}
	return v, true
}

// plainWord reports whether v is a plain YAML scalar that means the text
// itself: no indicator at its start, no ": " or " #" inside, no flow
// characters, and not a word YAML reads as null, a boolean or a number.
func plainWord(v string) bool {
	if v == "" || strings.ContainsAny(v[:1], "-+.?:,[]{}#&*!|>'\"%@`~= ") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(v)
	last, _ := utf8.DecodeLastRuneInString(v)
	if unicode.IsSpace(first) || unicode.IsSpace(last) {
		return false
	}
	if strings.ContainsAny(v, "[]{},#\t") || strings.Contains(v, ": ") || strings.HasSuffix(v, ":") || strings.HasSuffix(v, " ") {
		return false
	}
	switch strings.ToLower(v) {
	case "null", "true", "false", "yes", "no", "on", "off", "y", "n", ".inf", "-.inf", ".nan":
		return false
	}
	if _, err := strconv.ParseFloat(v, 64); err == nil {
		return false
	}
	if v[0] >= '0' && v[0] <= '9' {
		return false // dates, times, octal and hex numbers: leave them to the parser
	}
	return true
}

// maxGroupDepth is how deeply the fast path reads settings grouped under
// keys; deeper groups are left to the YAML parser.
const maxGroupDepth = 4

// simpleGroup reads the settings grouped under a key: the lines at the
// start of src indented deeper than parent, all by the same spaces, each
// "key: value" with a value simpleValue reads, text (">-", "|") or a group
// of its own. It returns the group as the YAML path decodes it (a
// map[string]any), the rest of src and the number of lines read.
func simpleGroup(src []byte, parent, depth int) (m map[string]any, rest []byte, lines int, ok bool) {
	if depth > maxGroupDepth {
		return nil, nil, 0, false
	}
	m = map[string]any{}
	indent := -1
	for len(src) > 0 {
		line, next, i, _ := indentedLine(src)
		if i < len(line) && line[i] == '\t' || i == len(line) {
			return nil, nil, 0, false // tabs and blank lines: the YAML parser
		}
		if i <= parent {
			break // the group's end
		}
		if indent >= 0 && i != indent {
			return nil, nil, 0, false
		}
		indent = i
		k := bytes.IndexByte(line, ':')
		if k <= i || k+1 < len(line) && line[k+1] != ' ' {
			return nil, nil, 0, false
		}
		key := string(line[i:k])
		val := strings.Trim(string(line[k+1:]), " ")
		if _, dup := m[key]; dup || !simpleKey(key) {
			return nil, nil, 0, false
		}
		src, lines = next, lines+1
		var v any
		switch {
		case val == "":
			var n int
			if v, src, n, ok = simpleGroup(src, indent, depth+1); !ok {
				return nil, nil, 0, false
			}
			lines += n
		case isBlockHeader(val):
			var n int
			if v, src, n, ok = blockText(val, src, indent); !ok {
				return nil, nil, 0, false
			}
			lines += n
		default:
			if v, ok = simpleValue(val); !ok {
				return nil, nil, 0, false
			}
		}
		m[key] = v
	}
	return m, src, lines, len(m) > 0
}

// isBlockHeader reports whether a value is the header of folded or literal
// text that the fast path reads: ">", ">-", "|" or "|-".
func isBlockHeader(val string) bool {
	return val == ">" || val == ">-" || val == "|" || val == "|-"
}

// blockText reads the text of a block scalar whose header is header: the
// lines at the start of src indented deeper than parent, all by the same
// spaces, none blank, each plain text (no tab, no trailing space, not
// starting with a character YAML gives a meaning). Folded (">") lines are
// joined by spaces, literal ("|") ones by line feeds; "-" drops the final
// line feed.
func blockText(header string, src []byte, parent int) (text string, rest []byte, lines int, ok bool) {
	var parts []string
	indent := -1
	ended := false // the last line read ends with a line feed
	for len(src) > 0 {
		line, next, i, nl := indentedLine(src)
		if i <= parent && i < len(line) && line[i] != '\t' {
			break // the next setting
		}
		if indent >= 0 && i != indent || i == len(line) {
			return "", nil, 0, false // more indented or blank lines fold otherwise
		}
		indent = i
		t := string(line[i:])
		if !plainLine(t) {
			return "", nil, 0, false
		}
		parts = append(parts, t)
		src, lines, ended = next, lines+1, nl
	}
	if len(parts) == 0 || !ended {
		// Without a line feed at the end of the text, goccy v1.19.2 folds
		// ">" lines with line feeds ("a: >\n  0\n  0"): left to it.
		return "", nil, 0, false
	}
	sep := " "
	if header[0] == '|' {
		sep = "\n"
	}
	text = strings.Join(parts, sep)
	if !strings.HasSuffix(header, "-") {
		text += "\n" // the last line's line feed
	}
	return text, src, lines, true
}

// plainLine reports whether a line of block text is read as it is
// written: no tab, no trailing space, no character at its start that YAML
// gives a meaning, no ": " or " #" inside.
func plainLine(t string) bool {
	return t != "" && !strings.ContainsAny(t, "\t") && !strings.HasSuffix(t, " ") &&
		!strings.ContainsAny(t[:1], "-+.?:,[]{}#&*!|>'\"%@`~= ") &&
		!strings.Contains(t, ": ") && !strings.Contains(t, " #") && !strings.HasSuffix(t, ":")
}

// indentedLine cuts the first line off src, without its CR, and returns it
// with the number of spaces it starts with, the rest of src and whether
// the line ended with a line feed.
func indentedLine(src []byte) (line, rest []byte, indent int, nl bool) {
	line, rest, nl = cutLine(src)
	line = bytes.TrimSuffix(line, []byte("\r"))
	for indent < len(line) && line[indent] == ' ' {
		indent++
	}
	return line, rest, indent, nl
}
