package check

import (
	"bytes"

	"golang.org/x/net/html"
)

// tagInfo is what the scan reads of one tag: where it starts, whether it
// ends an element, its name if the checks look at it, and the values of
// the attributes they read.
type tagInfo struct {
	off   int
	end   bool
	name  string
	attrs map[string]string
}

// handTags reads the tags of data with the hand scanner.
func handTags(data []byte, keep func(tagInfo)) {
	for t := range tags(data) {
		ti := tagInfo{off: t.off, end: t.end, name: t.name}
		if attrs := &t.attrs; !t.end {
			if keep != nil && len(attrs.keys) > 0 {
				ti.attrs = map[string]string{}
				for i, k := range attrs.keys {
					ti.attrs[k] = attrs.vals[i]
				}
			}
		}
		if keep != nil {
			keep(ti)
		}
	}
}

// netTags reads the tags of data with golang.org/x/net/html's tokenizer,
// as the scan would: the same names and attributes, and offsets counted
// from the raw bytes of each token. It tells the tokenizer what a parser
// would about foreign content, as tags assumes it: inside <svg>, CDATA
// sections are allowed and no element holds raw text; and, as a browser
// without scripts reads it, <noscript> holds markup.
func netTags(data []byte, keep func(tagInfo)) {
	z := html.NewTokenizer(bytes.NewReader(data))
	var attrs tagAttrs
	off, svg := 0, 0
	for {
		z.AllowCDATA(svg > 0)
		tt := z.Next()
		raw := len(z.Raw())
		switch tt {
		case html.ErrorToken:
			return
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, more := z.TagName()
			ti := tagInfo{off: off, end: tt == html.EndTagToken, name: tagName(name)}
			switch {
			case ti.end && ti.name == "svg" && svg > 0:
				svg--
			case ti.end:
			case svg > 0 || string(name) == "noscript":
				z.NextIsNotRawText()
			}
			if tt == html.StartTagToken && ti.name == "svg" {
				svg++
			}
			attrs.keys, attrs.vals = attrs.keys[:0], attrs.vals[:0]
			for more && !ti.end {
				var k, v []byte
				k, v, more = z.TagAttr()
				key, ok := wantedKey(k)
				if !ok {
					continue
				}
				if _, dup := attrs.get(key); dup {
					continue
				}
				attrs.keys = append(attrs.keys, key)
				attrs.vals = append(attrs.vals, string(v))
			}
			if keep != nil {
				if len(attrs.keys) > 0 {
					ti.attrs = map[string]string{}
					for i, k := range attrs.keys {
						ti.attrs[k] = attrs.vals[i]
					}
				}
				keep(ti)
			}
		}
		off += raw
	}
}
