package search

import (
	"html"
	"strings"
	"unicode/utf8"
)

// HTMLText returns the text of an HTML fragment as the index reads it: the
// text of its h1–h6 elements as headings and the rest as body text. Inline
// elements (a, em, strong, span, ruby …) join the text around them; any
// other element separates it. The content of script, style, svg, template,
// rt and rp is skipped: charts are read from the table beside them.
// Entities are decoded and runs of ASCII white space and no-break spaces
// made one space, so that the text is mostly clean already (Clean). It never fails: broken
// markup gives text.
func HTMLText(h string) (headings []string, body string) {
	var b, hb spacer
	b.Grow(len(h) / 2)
	var skip string // the element whose content is skipped, until its end tag
	depth := 0      // of skip elements inside it (an svg in an svg)
	inHeading := false
	text := &b
	for i := 0; i < len(h); {
		lt := strings.IndexByte(h[i:], '<')
		if lt < 0 {
			lt = len(h) - i
		}
		if skip == "" && lt > 0 {
			appendText(text, h[i:i+lt])
		}
		i += lt
		if i >= len(h) {
			break
		}
		// A tag, a comment or a stray "<".
		if strings.HasPrefix(h[i:], "<!--") {
			end := strings.Index(h[i+4:], "-->")
			if end < 0 {
				break
			}
			i += 4 + end + 3
			continue
		}
		end := strings.IndexByte(h[i:], '>')
		if end < 0 {
			break
		}
		tag := h[i+1 : i+end]
		i += end + 1
		closing := strings.HasPrefix(tag, "/")
		name := tagName(strings.TrimPrefix(tag, "/"))
		if name == "" {
			if skip == "" && !closing {
				appendText(text, "<"+tag+">") // "a < b > c" is text
			}
			continue
		}
		if skip != "" {
			switch {
			case name != skip:
			case closing && depth == 0:
				skip = ""
			case closing:
				depth--
			case !strings.HasSuffix(tag, "/"):
				depth++
			}
			continue
		}
		switch name {
		case "script", "style", "svg", "template", "rt", "rp", "textarea", "noscript":
			if !closing && !strings.HasSuffix(tag, "/") {
				skip = name
			}
			continue
		case "h1", "h2", "h3", "h4", "h5", "h6":
			if closing {
				if inHeading {
					if t := strings.TrimSpace(hb.String()); t != "" {
						headings = append(headings, t)
					}
					hb.Reset()
					hb.space = false
					inHeading = false
					text = &b
				}
			} else {
				inHeading = true
				text = &hb
			}
			b.space = true
			continue
		}
		if !isInline(name) {
			text.space = true
		}
	}
	if inHeading {
		if t := strings.TrimSpace(hb.String()); t != "" {
			headings = append(headings, t)
		}
	}
	return headings, b.String()
}

// spacer builds text with every run of ASCII white space, and every
// separation between elements, as one space, none at either end.
type spacer struct {
	strings.Builder
	space bool // a space is due before the next text
}

// write adds text from HTML, with its white space folded. A single space
// between two other characters stays in the text it is copied with.
func (b *spacer) write(s string) {
	i := 0
	for n := spaceAt(s, 0); n > 0; n = spaceAt(s, i) {
		b.space = true
		i += n
	}
	run := i // where the text not yet written starts
	for i < len(s) {
		c := s[i]
		if !special[c] {
			i++
			continue
		}
		if c == ' ' && i > run && i+1 < len(s) && (!special[s[i+1]] || spaceAt(s, i+1) == 0 && droppedAt(s, i+1) == 0) {
			i++ // one space inside the text: copied with it
			continue
		}
		if n := spaceAt(s, i); n > 0 {
			if i > run {
				b.text(s[run:i])
			}
			for ; n > 0; n = spaceAt(s, i) {
				i += n
			}
			b.space = true
			run = i
			continue
		}
		if d := droppedAt(s, i); d > 0 {
			if i > run {
				b.text(s[run:i])
			}
			i += d
			run = i
			continue
		}
		i++
	}
	if i > run {
		b.text(s[run:i])
	}
}

// special marks the bytes at which spacer.write looks further: ASCII white
// space and the first bytes of the no-break space and of the characters
// droppedAt drops (U+00AD, U+180B–U+180D and U+180F, U+200B–U+200D, U+2060,
// U+FE00–U+FE0F, U+FEFF).
var special = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '\f': true, 0xC2: true, 0xE1: true, 0xE2: true, 0xEF: true}

// droppedAt returns the length of the character at s[i] if it is one that
// Clean removes (removed) and is in the BMP, as the variation selector
// goldmark writes after a footnote's ↩, or 0.
func droppedAt(s string, i int) int {
	switch s[i] {
	case 0xC2, 0xE1, 0xE2, 0xEF:
	default:
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if n > 3 || !removed(r) {
		return 0
	}
	return n
}

// spaceAt returns the length of the white space character at s[i], or 0:
// ASCII white space as HTML has it, and the no-break space (U+00A0, which
// goldmark writes before a footnote's link back and Clean would make a
// space anyway).
func spaceAt(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	switch s[i] {
	case ' ', '\t', '\n', '\r', '\f':
		return 1
	case 0xC2:
		if i+1 < len(s) && s[i+1] == 0xA0 {
			return 2
		}
	}
	return 0
}

func (b *spacer) text(s string) {
	if b.space && b.Len() > 0 {
		b.WriteByte(' ')
	}
	b.space = false
	b.WriteString(s)
}

// appendText writes text with its entities decoded.
func appendText(b *spacer, s string) {
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	b.write(s)
}

// tagName returns the lower-case name at the start of a tag's text, or ""
// when it does not start with a letter.
func tagName(t string) string {
	n := 0
	for n < len(t) {
		c := t[n]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || n > 0 && '0' <= c && c <= '9' {
			n++
			continue
		}
		break
	}
	if n == 0 {
		return ""
	}
	name := t[:n]
	for i := 0; i < n; i++ {
		if 'A' <= name[i] && name[i] <= 'Z' {
			return strings.ToLower(name)
		}
	}
	return name
}

// isInline reports whether an element leaves the text around it joined.
func isInline(name string) bool {
	switch name {
	case "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark",
		"q", "ruby", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "rb",
		"label", "output":
		return true
	}
	return false
}
