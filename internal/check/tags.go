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

	keep func(key []byte) // if set, add calls it with every name and keeps nothing
}

// add keeps attribute key with value val (as written), at offset off of
// the raw tag, if the checks read it and no earlier attribute has its name.
func (a *tagAttrs) add(key, val []byte, off int) {
	if a.keep != nil {
		a.keep(key)
		return
	}
	lk, ok := wantedKey(key)
	if !ok {
		return
	}
	if _, dup := a.get(lk); dup {
		return
	}
	v := string(val)
	if bytes.IndexByte(val, '\r') >= 0 { // CRLF and CR are LF, as the HTML parser reads them, before references
		v = strings.ReplaceAll(strings.ReplaceAll(v, "\r\n", "\n"), "\r", "\n")
	}
	if bytes.IndexByte(val, '&') >= 0 {
		v = html.UnescapeString(v)
	}
	if bytes.IndexByte(val, 0) >= 0 { // as browsers read it
		v = strings.ReplaceAll(v, "\x00", "\uFFFD")
	}
	a.keys = append(a.keys, lk)
	a.vals = append(a.vals, v)
	a.offs = append(a.offs, off)
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
	off         int      // offset of '<'
	raw         []byte   // the whole tag, '<' to '>'
	name        string   // the lower-case name, if the checks look at the element (tagName)
	attrs       tagAttrs // start tags: the attributes the checks read, until the next tag
	end         bool
	selfClosing bool
	inSVG       bool   // the tag is inside an <svg> element
	text        []byte // for <title> outside <svg>: the text up to </title>
}

// tags yields the tags of an HTML document in order, as an HTML tokenizer
// finds them (FuzzTagsAgreeWithXNetHTML compares the two): it skips
// comments, doctypes, CDATA sections (inside <svg>, where they are not
// bogus comments) and the raw text of script, style, textarea, title, xmp,
// iframe, noembed, noframes and plaintext elements outside <svg>, and reads
// each tag to its end as the tokenizer does. It does not build a tree or
// decode text, which is most of what a tokenizer's time goes to, and is
// several times faster than golang.org/x/net/html's (docs/performance.md).
// Like a browser without scripts, it reads what <noscript> holds as markup.
// Foreign content is <svg> alone: MathML has no links or ids to check.
func tags(data []byte) func(yield func(tag) bool) {
	return func(yield func(tag) bool) {
		var attrs tagAttrs
		svg := 0
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
				n := nameEnd(rest, 2)
				end, _ := readTag(rest, n, nil)
				if end < 0 {
					return
				}
				t := tag{off: j, raw: rest[:end+1], name: tagName(rest[2:n]), end: true}
				if t.name == "svg" && svg > 0 {
					svg--
				}
				t.inSVG = svg > 0
				if !yield(t) {
					return
				}
				i = j + end + 1
				continue
			case len(rest) > 2 && rest[1] == '/' && rest[2] == '>': // "</>" is nothing
				i = j + 3
				continue
			case len(rest) > 2 && rest[1] == '/': // "</" and no letter: a bogus comment
				k := bytes.IndexByte(rest, '>')
				if k < 0 {
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
			case svg > 0 && bytes.HasPrefix(rest, []byte("<![CDATA[")):
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
			n := nameEnd(rest, 1)
			end, self := readTag(rest, n, &attrs)
			if end < 0 {
				return
			}
			t := tag{off: j, raw: rest[:end+1], name: tagName(rest[1:n]), attrs: attrs, selfClosing: self, inSVG: svg > 0}
			i = j + end + 1
			switch name := t.name; {
			case svg > 0:
				if name == "svg" && !self {
					svg++
				}
			case name == "svg":
				if !self {
					svg++
				}
			case name == "plaintext":
				i = len(data)
			case name == "script", name == "style", name == "textarea", name == "title", name == "xmp",
				name == "iframe", name == "noembed", name == "noframes":
				k := indexEndTag(data[i:], []byte("</"+name))
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

// nameEnd returns where the name of the tag in b that starts at i ends.
func nameEnd(b []byte, i int) int {
	for i < len(b) && !isTagSpace(b[i]) && b[i] != '>' && b[i] != '/' {
		i++
	}
	return i
}

// readTag reads the tag at the start of b, whose name ends at i, as an
// HTML tokenizer reads it (WHATWG HTML 13.2.5.8 to 13.2.5.40): an
// attribute's name runs to white space, "=", "/" or ">" (a leading "="
// belongs to it), a quoted value to its closing quote, and an unquoted one
// to white space or ">". It returns the index of the '>' that ends the tag
// (-1 if none does) and whether the tag closes itself: a "/" right before
// the '>' that does not end an unquoted value. If attrs is not nil, the
// attributes the checks read are put in it, the first of each name.
func readTag(b []byte, i int, attrs *tagAttrs) (end int, selfClosing bool) {
	if attrs != nil {
		attrs.keys, attrs.vals, attrs.offs = attrs.keys[:0], attrs.vals[:0], attrs.offs[:0]
	}
	lastKey, lastKeyEnd, lastValEnd := -1, -1, -1 // of the last attribute with a name
	i = skipSpace(b, i)
	for i < len(b) {
		if b[i] == '>' {
			self := b[i-1] == '/' && (lastValEnd != i || repeatsKey(b, lastKey, lastKeyEnd))
			return i, self
		}
		k := i
		if b[i] == '=' {
			i++
		}
		for i < len(b) && !isTagSpace(b[i]) && b[i] != '=' && b[i] != '/' && b[i] != '>' {
			i++
		}
		keyEnd := i
		vs, ve := i, i
		if i = skipSpace(b, i); i < len(b) {
			switch b[i] {
			case '/':
				i++
			case '=':
				if i = skipSpace(b, i+1); i >= len(b) {
					break
				}
				switch q := b[i]; q {
				case '>':
				case '"', '\'':
					vs = i + 1
					j := bytes.IndexByte(b[vs:], q)
					if j < 0 {
						j = len(b) - vs // not closed: the tag is not either
					}
					ve, i = vs+j, vs+j+1
				default:
					vs = i
					for i < len(b) && !isTagSpace(b[i]) && b[i] != '>' {
						i++
					}
					ve = i
				}
			}
		}
		if keyEnd > k {
			lastKey, lastKeyEnd, lastValEnd = k, keyEnd, ve
			if attrs != nil {
				attrs.add(b[k:keyEnd], b[vs:ve], k)
			}
		}
		i = skipSpace(b, i)
	}
	return -1, false
}

// repeatsKey reports whether the attribute name b[k:end] is also the name
// of an earlier attribute of the tag at the start of b: a tokenizer keeps
// only the first.
func repeatsKey(b []byte, k, end int) bool {
	key := b[k:end]
	found := false
	readAttrNames(b[:k], func(name []byte) {
		found = found || asciiEqualFold(name, key)
	})
	return found
}

// readAttrNames calls f with the name of each attribute of the start of the
// tag in b.
func readAttrNames(b []byte, f func([]byte)) {
	var all tagAttrs
	all.keep = f
	readTag(b, nameEnd(b, 1), &all)
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && isTagSpace(b[i]) {
		i++
	}
	return i
}

func asciiEqualFold(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if lowerASCII(a[i]) != lowerASCII(b[i]) {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
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

// tagName returns, in lower case, the name of an element the checks look
// at, and "" for any other element: names are matched without allocating
// or hashing, for every tag of every page.
func tagName(b []byte) string {
	var buf [9]byte // the longest name below has 9 letters
	if len(b) > len(buf) {
		return ""
	}
	for i, c := range b {
		buf[i] = lowerASCII(c)
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
	case "plaintext":
		return "plaintext"
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
	var buf [10]byte // the longest wanted name, xlink:href, has 10 bytes
	if len(key) > len(buf) {
		return "", false
	}
	for i, c := range key { // HTML lowers ASCII capitals only
		buf[i] = lowerASCII(c)
	}
	return wantedName(string(buf[:len(key)]))
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
