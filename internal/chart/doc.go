// Package chart draws survey charts: ranked bars (Bar), small multiples by
// segment (Crosstab), 100% stacked SA distributions (Stacked), a tile grid
// map of the 47 prefectures (TileMap) and a 1200×630 share image
// (OGImage). It takes plain labels and numbers, never survey types. The few
// words a chart draws itself (axis titles, a segment's n, the note of a
// hidden segment, a tile map's legend) are the messages chart.* of
// Meta.Lang, Japanese when it is nil; the caller gives every other text.
//
// # Usage
//
// Parse the bundled font once per build, when the first chart is needed,
// and share it:
//
//	f, err := chart.LoadFonts()
//	bar, err := chart.NewBar(meta, rows, chart.BarOptions{N: 614})
//	err = chart.WriteSVG(w, bar, f)           // inline <svg role="img"> for a page
//	err = chart.WriteStandaloneSVG(w, bar, f) // .svg download
//	og, err := chart.NewOGImage(title, siteName, bar)
//	err = og.WritePNG(w, f)                   // og:image
//
// Every constructor validates its input (NaN, Inf, negative or out-of-range
// values, mismatched lengths, empty data or labels) and returns an error
// naming the chart ID and the row or segment. Rows are drawn in the order
// given: the caller ranks them and puts その他/特にない/無回答 last
// (BarRow.Unranked draws those grey after a separator).
//
// # Font and layout
//
// BIZ UDPGothic regular and bold (SIL OFL 1.1, see fonts/README.md) are
// embedded with go:embed and parsed by LoadFonts; nothing is parsed at
// init and nothing is cached at package level. Layout uses the font's
// advance widths: labels are wrapped at Japanese phrase boundaries (after
// particles and punctuation, around brackets, never inside a Latin word,
// with kinsoku rules; see wrap.go) to the chart width, so nothing is cut
// or overlaps. Bar labels sit above their bars, so the chart stays legible
// when the SVG scales down to a 360 px phone screen.
//
// # Why the SVG is written by this package
//
// Each chart is laid out once into a small scene of rectangles, lines and
// text. The PNG path draws that scene with gonum/plot's vg canvas
// (vgimg, with the bundled font as a gonum font.Face). The SVG path writes
// the scene itself rather than through vgsvg, because vgsvg cannot emit
// what an accessible inline chart needs: role="img", aria-labelledby,
// <title>/<desc> with caller-given ids, a scalable width with a viewBox,
// no XML prolog, and a CSS font stack (vgsvg writes one font name per text
// and flips coordinates with transforms). Writing the few elements directly
// also keeps the bytes deterministic: coordinates are formatted with at
// most two decimals and no map is iterated.
//
// WriteSVG writes the chart twice, at its width and at NarrowWidth for
// phones (the tile map becomes rows of tiles by region), so the text of the
// one the page shows is never drawn below 12 px on a 320 px screen. Each is
// named by its title (aria-labelledby) and described by its desc
// (aria-describedby), and its drawing is aria-hidden: the page carries the
// same numbers in a table, so a screen reader reads the title and the
// summary once and not 40–170 labels after them.
//
// Text in SVG is real <text> in the stack FontFamily at the sizes the layout
// measured, so a browser with BIZ UDPGothic (Windows 10+) draws exactly what
// was measured and others draw a close Japanese Gothic.
//
// # Colour
//
// Colours are from the CUD ver.4 palette: bars in blue #005AFF, unranked
// bars in grey #84919E, text #1A1A1A on white. Marks reach 3:1 against the
// background and text 4.5:1 (tested in color_test.go); text on a coloured
// fill is #1A1A1A or white, whichever contrasts more. Meaning is never
// carried by colour alone: values are written on or beside every mark,
// stacked categories carry circled numbers, and tiles carry their numbers.
package chart
