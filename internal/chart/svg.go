package chart

import (
	"bytes"
	"io"
	"strconv"
	"strings"
)

// WriteSVG writes c as an inline SVG element for an HTML page: no XML
// prolog, role="img" with aria-labelledby pointing at its <title> and
// <desc>, a viewBox, and a width of 100% up to its natural width, so it
// scales down on phones.
func WriteSVG(w io.Writer, c Chart, f *Fonts) error {
	return writeSVG(w, c, f, false)
}

// WriteStandaloneSVG writes c as a standalone .svg file for download: with
// an XML prolog, the SVG namespace and a fixed intrinsic size.
func WriteStandaloneSVG(w io.Writer, c Chart, f *Fonts) error {
	return writeSVG(w, c, f, true)
}

func writeSVG(w io.Writer, c Chart, f *Fonts, standalone bool) error {
	m := c.Meta()
	s := c.layout(f)
	var b bytes.Buffer
	b.Grow(4096 + 120*len(s.items))
	if standalone {
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
		b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" `)
	} else {
		b.WriteString(`<svg `)
	}
	b.WriteString(`role="img" aria-labelledby="`)
	b.WriteString(m.ID + `-title ` + m.ID + `-desc" viewBox="0 0 `)
	b.WriteString(num(s.w) + ` ` + num(s.h) + `"`)
	if standalone {
		b.WriteString(` width="` + num(s.w) + `" height="` + num(s.h) + `"`)
	} else {
		b.WriteString(` width="100%" style="max-width:` + num(s.w*1.25) + `px;height:auto"`)
	}
	b.WriteString(` font-family="` + FontFamily + `">` + "\n")
	b.WriteString(`<title id="` + m.ID + `-title">`)
	escape(&b, m.Title)
	b.WriteString("</title>\n")
	b.WriteString(`<desc id="` + m.ID + `-desc">`)
	escape(&b, m.Desc)
	b.WriteString("</desc>\n")
	b.WriteString(`<rect width="` + num(s.w) + `" height="` + num(s.h) + `" fill="` + colBackground + `"/>` + "\n")
	for _, it := range s.items {
		switch it.kind {
		case kindRect:
			b.WriteString(`<rect x="` + num(it.x) + `" y="` + num(it.y) + `" width="` + num(it.w) + `" height="` + num(it.h) + `"`)
			if it.fill != "" {
				b.WriteString(` fill="` + it.fill + `"`)
			} else {
				b.WriteString(` fill="none"`)
			}
			if it.stroke != "" {
				b.WriteString(` stroke="` + it.stroke + `" stroke-width="` + num(it.sw) + `"`)
			}
			b.WriteString("/>\n")
		case kindLine:
			b.WriteString(`<line x1="` + num(it.x) + `" y1="` + num(it.y) + `" x2="` + num(it.x2) + `" y2="` + num(it.y2) +
				`" stroke="` + it.stroke + `" stroke-width="` + num(it.sw) + `"/>` + "\n")
		case kindText:
			b.WriteString(`<text x="` + num(it.x) + `" y="` + num(it.y) + `" font-size="` + num(it.size) + `"`)
			if it.bold {
				b.WriteString(` font-weight="bold"`)
			}
			switch it.anchor {
			case anchorMiddle:
				b.WriteString(` text-anchor="middle"`)
			case anchorEnd:
				b.WriteString(` text-anchor="end"`)
			}
			b.WriteString(` fill="` + it.fill + `">`)
			escape(&b, it.text)
			b.WriteString("</text>\n")
		}
	}
	b.WriteString("</svg>\n")
	_, err := w.Write(b.Bytes())
	return err
}

// num formats a coordinate with at most two decimals and no exponent, so
// the same input always gives the same bytes.
func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(s, "0")
	s = strings.TrimSuffix(s, ".")
	if s == "-0" {
		return "0"
	}
	return s
}

func escape(b *bytes.Buffer, s string) {
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		default:
			if r < 0x20 || r == 0xFFFE || r == 0xFFFF {
				r = ' ' // not allowed in XML
			}
			b.WriteRune(r)
		}
	}
}
