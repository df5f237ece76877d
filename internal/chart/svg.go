package chart

import (
	"bytes"
	"io"
	"strconv"
	"strings"
)

// NarrowWidth is the natural width of the narrow layout that WriteSVG adds
// for phones: at a 320 px screen (288 px of content) it is drawn at 0.96 of
// its size, so the smallest text (13 units) stays above 12 px.
const NarrowWidth = 300.0

// WriteSVG writes c as inline SVG for an HTML page, twice: the chart at its
// width (class "chart-svg chart-wide") and laid out again at NarrowWidth for
// phones (class "chart-svg chart-narrow"); the page's stylesheet shows one
// of them (display: none hides the other from assistive technology too).
// A chart no wider than NarrowWidth is written once, with class "chart-svg".
//
// Each <svg> has role="img", its <title> as the accessible name
// (aria-labelledby) and its <desc> as the description (aria-describedby),
// so a screen reader reads the title, then the summary once. The drawing
// itself is inside <g aria-hidden="true">: the page shows the same numbers
// in a table beside the chart, so its 40–170 text labels are not read a
// second time. The background rect has class "bg" and filled shapes with an
// outline (stacked segments, tiles, legend keys) class "area", so a
// stylesheet can redraw the chart in system colours (forced colours).
func WriteSVG(w io.Writer, c Chart, f *Fonts) error {
	var b bytes.Buffer
	n := c.narrow()
	if n == nil {
		writeSVG(&b, c.Meta(), c.layout(f), "chart-svg", false)
	} else {
		writeSVG(&b, c.Meta(), c.layout(f), "chart-svg chart-wide", false)
		m := c.Meta()
		m.ID += "-n"
		writeSVG(&b, m, n.layout(f), "chart-svg chart-narrow", false)
	}
	_, err := w.Write(b.Bytes())
	return err
}

// WriteStandaloneSVG writes c as a standalone .svg file for download: with
// an XML prolog, the SVG namespace and a fixed intrinsic size. Its text is
// not hidden: the file has no table beside it.
func WriteStandaloneSVG(w io.Writer, c Chart, f *Fonts) error {
	var b bytes.Buffer
	writeSVG(&b, c.Meta(), c.layout(f), "", true)
	_, err := w.Write(b.Bytes())
	return err
}

func writeSVG(b *bytes.Buffer, m Meta, s *scene, class string, standalone bool) {
	b.Grow(4096 + 120*len(s.items))
	if standalone {
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
		b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" `)
	} else {
		b.WriteString(`<svg class="` + class + `" `)
	}
	b.WriteString(`role="img" aria-labelledby="` + m.ID + `-title" aria-describedby="` + m.ID + `-desc" viewBox="0 0 `)
	b.WriteString(num(s.w) + ` ` + num(s.h) + `"`)
	if standalone {
		b.WriteString(` width="` + num(s.w) + `" height="` + num(s.h) + `"`)
	} else {
		b.WriteString(` width="100%" style="max-width:` + num(s.w*1.25) + `px;height:auto"`)
	}
	b.WriteString(` font-family="` + FontFamily + `">` + "\n")
	b.WriteString(`<title id="` + m.ID + `-title">`)
	escape(b, m.Title)
	b.WriteString("</title>\n")
	b.WriteString(`<desc id="` + m.ID + `-desc">`)
	escape(b, m.Desc)
	b.WriteString("</desc>\n")
	if !standalone {
		b.WriteString(`<g aria-hidden="true">` + "\n")
	}
	b.WriteString(`<rect class="bg" width="` + num(s.w) + `" height="` + num(s.h) + `" fill="` + colBackground + `"/>` + "\n")
	for _, it := range s.items {
		switch it.kind {
		case kindRect:
			b.WriteString(`<rect`)
			if it.fill != "" && it.stroke != "" {
				b.WriteString(` class="area"`)
			}
			b.WriteString(` x="` + num(it.x) + `" y="` + num(it.y) + `" width="` + num(it.w) + `" height="` + num(it.h) + `"`)
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
			escape(b, it.text)
			b.WriteString("</text>\n")
		}
	}
	if !standalone {
		b.WriteString("</g>\n")
	}
	b.WriteString("</svg>\n")
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
