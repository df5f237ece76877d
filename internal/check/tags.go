package check

import (
	"bytes"
	"html"
	"strings"
)

// tagAttrs holds the attributes of one tag that the checks read.
type tagAttrs struct {
	keys, vals []string
	offs       []int // offset of each key in the raw tag
}

func (a *tagAttrs) get(key string) (string, bool) {
	if i := a.index(key); i >= 0 {
		return a.vals[i], true
	}
	return "", false
}

func (a *tagAttrs) index(key string) int {
	for i, k := range a.keys {
		if k == key {
			return i
		}
	}
	return -1
}

// tag is a start or end tag found in an HTML file.
type tag struct {
	off         int    // offset of '<'
	raw         []byte // the whole tag, '<' to '>'
	name        string // the lower-case name, if the checks look at the element (tagName)
	nameEnd     int    // start tags: where the name ends in raw
	end         bool
	selfClosing bool
	text        []byte // for <title>: the text up to </title>
}

// tags yields the tags of an HTML document in order. It skips comments,
// doctypes, CDATA sections and the raw text of script, style, textarea and
// title elements, and finds a tag's end outside quoted attribute values.
// It is much faster than a full tokenizer, and enough for the link check:
// it needs tag names, a few attributes and offsets.
func tags(data []byte) func(yield func(tag) bool) {
	return func(yield func(tag) bool) {
		i := 0
		for i < len(data) {
			j := bytes.IndexByte(data[i:], '<')
			if j < 0 {
				return
			}
			j += i
			rest := data[j:]
			switch {
			case len(rest) > 1 && isASCIILetter(rest[1]): // a start tag, the most common: read below
			case len(rest) > 2 && rest[1] == '/' && isASCIILetter(rest[2]):
				k := bytes.IndexByte(rest, '>')
				if k < 0 {
					return
				}
				n := 2
				for n < k && !isTagSpace(rest[n]) && rest[n] != '/' {
					n++
				}
				if !yield(tag{off: j, raw: rest[:k+1], name: tagName(rest[2:n]), end: true}) {
					return
				}
				i = j + k + 1
				continue
			case bytes.HasPrefix(rest, []byte("<!--")):
				i = j + commentEnd(rest)
				if i <= j {
					return
				}
				continue
			case bytes.HasPrefix(rest, []byte("<![CDATA[")):
				k := bytes.Index(rest, []byte("]]>"))
				if k < 0 {
					return
				}
				i = j + k + 3
				continue
			case bytes.HasPrefix(rest, []byte("<!")) || bytes.HasPrefix(rest, []byte("<?")):
				k := bytes.IndexByte(rest, '>')
				if k < 0 {
					return
				}
				i = j + k + 1
				continue
			default:
				i = j + 1 // a '<' in text
				continue
			}
			end := tagEnd(rest)
			if end < 0 {
				return
			}
			raw := rest[:end+1]
			t := tag{off: j, raw: raw, selfClosing: end > 0 && raw[end-1] == '/'}
			i = j + end + 1
			n := tagNameEnd(raw)
			t.name, t.nameEnd = tagName(raw[1:n]), n
			switch name := t.name; name {
			case "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes":
				if t.selfClosing {
					break
				}
				closing := []byte("</" + name)
				k := indexEndTag(data[i:], closing)
				if k < 0 {
					k = len(data) - i
				}
				if name == "title" {
					t.text = data[i : i+k]
				}
				i += k
			}
			if !yield(t) {
				return
			}
		}
	}
}

// tagEnd returns the index of the '>' that ends the tag starting at b[0],
// outside quoted attribute values, or -1.
func tagEnd(b []byte) int {
	var prev byte
	for k := 1; k < len(b); k++ {
		c := b[k]
		switch {
		case c == '>':
			return k
		case (c == '"' || c == '\'') && prev == '=':
			// Jump to the closing quote: values (URLs) are most of a tag.
			j := bytes.IndexByte(b[k+1:], c)
			if j < 0 {
				return -1
			}
			k += j + 1
		}
		if !isTagSpace(c) {
			prev = c
		}
	}
	return -1
}

// indexEndTag finds the end tag sep ("</script", lower case) in b, ignoring
// ASCII case, where the name ends there (whitespace, "/" or ">" follows):
// "</scripts>" does not end a script.
func indexEndTag(b, sep []byte) int {
	for i := 0; i+len(sep) <= len(b); i++ {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return -1
		}
		i += j
		if i+len(sep) > len(b) || !bytes.EqualFold(b[i:i+len(sep)], sep) {
			continue
		}
		if k := i + len(sep); k == len(b) || isTagSpace(b[k]) || b[k] == '/' || b[k] == '>' {
			return i
		}
	}
	return -1
}

// commentEnd returns the length of the comment at the start of b
// ("<!--…"), ending as browsers end it: "<!-->" and "<!--->" are whole
// comments, and "--!>" closes one as "-->" does. It returns 0 if the
// comment is not closed.
func commentEnd(b []byte) int {
	switch {
	case bytes.HasPrefix(b, []byte("<!-->")):
		return 5
	case bytes.HasPrefix(b, []byte("<!--->")):
		return 6
	}
	body := b[4:]
	end, n := bytes.Index(body, []byte("-->")), 3
	if k := bytes.Index(body, []byte("--!>")); k >= 0 && (end < 0 || k < end) {
		end, n = k, 4
	}
	if end < 0 {
		return 0
	}
	return 4 + end + n
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// tagNameEnd returns where the name of the raw start tag ends.
func tagNameEnd(raw []byte) int {
	i := 1 // after '<'
	for i < len(raw) && !isTagSpace(raw[i]) && raw[i] != '>' && raw[i] != '/' {
		i++
	}
	return i
}

// parseAttrs reads the wanted attributes of the raw start tag, whose name
// ends at i, into attrs.
func parseAttrs(raw []byte, i int, attrs *tagAttrs) {
	attrs.keys, attrs.vals, attrs.offs = attrs.keys[:0], attrs.vals[:0], attrs.offs[:0]
	for i < len(raw) {
		for i < len(raw) && (isTagSpace(raw[i]) || raw[i] == '/') {
			i++
		}
		if i >= len(raw) || raw[i] == '>' {
			break
		}
		k := i
		for i < len(raw) && !isTagSpace(raw[i]) && raw[i] != '=' && raw[i] != '>' && raw[i] != '/' {
			i++
		}
		key := raw[k:i]
		for i < len(raw) && isTagSpace(raw[i]) {
			i++
		}
		var val []byte
		if i < len(raw) && raw[i] == '=' {
			i++
			for i < len(raw) && isTagSpace(raw[i]) {
				i++
			}
			if i < len(raw) && (raw[i] == '"' || raw[i] == '\'') {
				q := raw[i]
				i++
				v := i
				if j := bytes.IndexByte(raw[i:], q); j >= 0 {
					i += j
				} else {
					i = len(raw)
				}
				val = raw[v:i]
				i++
			} else {
				v := i
				for i < len(raw) && !isTagSpace(raw[i]) && raw[i] != '>' {
					i++
				}
				val = raw[v:i]
			}
		}
		lk, ok := wantedKey(key)
		if !ok {
			continue
		}
		if _, dup := attrs.get(lk); dup {
			continue
		}
		v := string(val)
		if bytes.IndexByte(val, '&') >= 0 {
			v = html.UnescapeString(v)
		}
		attrs.keys = append(attrs.keys, lk)
		attrs.vals = append(attrs.vals, v)
		attrs.offs = append(attrs.offs, k)
	}
}

// tagName returns, in lower case, the name of an element the checks look
// at, and "" for any other element: names are matched without allocating
// or hashing, for every tag of every page.
func tagName(b []byte) string {
	var buf [8]byte // the longest name below has 8 letters
	if len(b) > len(buf) {
		return ""
	}
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	// Each case returns its constant: returning the converted bytes would
	// allocate.
	switch string(buf[:len(b)]) {
	case "a":
		return "a"
	case "area":
		return "area"
	case "audio":
		return "audio"
	case "embed":
		return "embed"
	case "iframe":
		return "iframe"
	case "image":
		return "image"
	case "img":
		return "img"
	case "link":
		return "link"
	case "meta":
		return "meta"
	case "noembed":
		return "noembed"
	case "noframes":
		return "noframes"
	case "object":
		return "object"
	case "script":
		return "script"
	case "source":
		return "source"
	case "style":
		return "style"
	case "svg":
		return "svg"
	case "textarea":
		return "textarea"
	case "title":
		return "title"
	case "track":
		return "track"
	case "use":
		return "use"
	case "video":
		return "video"
	case "xmp":
		return "xmp"
	}
	return ""
}

func isTagSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' }

// wantedKey returns the attribute name key, lower case, if the checks read
// it; others are skipped unread. The common all-lower-case key costs no
// allocation.
func wantedKey(key []byte) (string, bool) {
	if k, ok := wantedName(string(key)); ok {
		return k, true
	}
	for _, c := range key { // only ASCII capitals can lower to a wanted name
		if 'A' <= c && c <= 'Z' {
			return wantedName(strings.ToLower(string(key)))
		}
	}
	return "", false
}

func wantedName(k string) (string, bool) {
	switch k {
	case "id":
		return "id", true
	case "name":
		return "name", true
	case "alt":
		return "alt", true
	case "src":
		return "src", true
	case "srcset":
		return "srcset", true
	case "href":
		return "href", true
	case "xlink:href":
		return "xlink:href", true
	case "poster":
		return "poster", true
	case "data":
		return "data", true
	case "property":
		return "property", true
	case "content":
		return "content", true
	case "rel":
		return "rel", true
	}
	return "", false
}
