package check

import (
	"bytes"
	"html"
	"reflect"
	"testing"
)

// tagEndByByte and parseAttrsByByte are the first versions of tagEnd and
// parseAttrs, which stepped through quoted values byte by byte: the
// reference for the versions that jump to the closing quote.
func tagEndByByte(b []byte) int {
	var quote, prev byte
	for k := 1; k < len(b); k++ {
		c := b[k]
		if quote != 0 {
			if c == quote {
				quote = 0
			}
			continue
		}
		switch {
		case c == '>':
			return k
		case (c == '"' || c == '\'') && prev == '=':
			quote = c
		}
		if !isTagSpace(c) {
			prev = c
		}
	}
	return -1
}

func parseAttrsByByte(raw []byte, i int, attrs *tagAttrs) {
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
				for i < len(raw) && raw[i] != q {
					i++
				}
				val = raw[v:min(i, len(raw))]
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

func FuzzTagEndAndAttrsAgreeWithByteByByte(f *testing.F) {
	for _, s := range []string{`<a href="x/index.html" class="c">`, `<a title="x > y" href='r.html'>`, `<IMG SRC='a.png' ALT>`,
		`<a href=plain id = "s p">`, `<a href="unclosed`, `<a b c="x>y">`, `<a "foo>bar">`, `<a b='c'd='e>'>`, `<a x= 'y"z'>`,
		`<br/>`, `<a href="?a=1&amp;b=2" id="x" id="y">`, "<h2\n  id=\"見出し\"\n>", `<a ==">">`, `<a =">`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		if len(raw) == 0 || raw[0] != '<' {
			return
		}
		if got, want := tagEnd(raw), tagEndByByte(raw); got != want {
			t.Fatalf("tagEnd(%q) = %d, want %d", raw, got, want)
		}
		n := tagNameEnd(raw)
		var got, want tagAttrs
		parseAttrs(raw, n, &got)
		parseAttrsByByte(raw, n, &want)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("parseAttrs(%q) = %+v, want %+v", raw, got, want)
		}
	})
}
