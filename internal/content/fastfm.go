package content

import (
	"bytes"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// parseSimpleFrontMatter reads the common front matter without the YAML
// parser: one "key: value" per line, for the standard keys only, with plain
// or simply double-quoted scalars and flow lists of plain words. It returns
// false at the first thing it is not sure of, and the caller then uses the
// full YAML parser, so both always agree (FuzzSimpleFrontMatterAgrees).
// Most pages need no more, and the YAML parser costs far more per page.
func parseSimpleFrontMatter(src []byte) (FrontMatter, bool) {
	fm := FrontMatter{Params: map[string]any{}}
	if !utf8.Valid(src) || bytes.ContainsFunc(src, unusual) ||
		bytes.Count(src, []byte("\r")) != bytes.Count(src, []byte("\r\n")) { // a lone CR breaks a YAML line
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
			t, err := time.Parse("2006-01-02", val)
			if err != nil {
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
				t = strings.Trim(t, " ")
				if !plainWord(t) {
					return fm, false
				}
				fm.Tags = append(fm.Tags, t)
			}
		default:
			return fm, false
		}
	}
	return fm, true
}

// unusual reports runes that YAML treats specially or that need escaping:
// control characters (but LF and CR), NEL, the line and paragraph
// separators and the byte order mark.
func unusual(r rune) bool {
	return r < 0x20 && r != '\n' && r != '\r' || r == 0x7f || r == 0x85 || r == 0x2028 || r == 0x2029 || r == 0xfeff ||
		r >= 0x80 && r <= 0x9f || r == utf8.RuneError
}

// simpleString returns the string a plain or double-quoted YAML scalar
// holds, when that is certain without a parser.
func simpleString(v string) (string, bool) {
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		inner := v[1 : len(v)-1]
		if strings.ContainsAny(inner, `"\`) {
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
