package chart

import (
	"image/color"
	"math"
)

// Colours from the Color Universal Design (CUD) recommended palette ver.4,
// plus the text and rule colours used on a white background.
const (
	colBackground = "#FFFFFF"
	colText       = "#1A1A1A" // body text, 17.4:1 on white
	colTextMuted  = "#4D4D4D" // secondary text, 8.5:1 on white
	colBlue       = "#005AFF" // CUD blue: bars
	colGrey       = "#84919E" // CUD grey: unranked bars (その他 etc.), 3.3:1
	colGrid       = "#DDE1E5" // gridlines: decorative, not meaning-bearing
	colAxis       = "#5C6670" // axis baseline and whiskers, 5.9:1
	colWhisker    = "#1A1A1A"
	colOutline    = "#5C6670" // outline around light marks
	colWhite      = "#FFFFFF"
)

// categoryColours is the order in which the stacked chart colours its
// categories: CUD ver.4 colours, never blue next to purple. Light ones are
// outlined and every segment is labelled, so colour never carries meaning
// alone.
var categoryColours = [...]string{
	"#005AFF", // blue
	"#4DC4FF", // sky
	"#F6AA00", // orange
	"#03AF7A", // green
	"#FF8082", // pink
	"#804000", // brown
	"#FFF100", // yellow
	"#990099", // purple
	"#FF4B00", // red
	"#84919E", // grey
}

// sequentialBlues is the tile map's five-step sequential scale, light to
// dark, built from CUD blue; every step keeps 4.5:1 for its number in either
// #1A1A1A or white.
var sequentialBlues = [...]string{
	"#E6EFFF",
	"#A8C7FF",
	"#5C94FF",
	"#005AFF",
	"#00308A",
}

// parseHex parses "#RRGGBB". It returns opaque black for malformed input,
// which only the package's own constants reach.
func parseHex(s string) color.NRGBA {
	if len(s) != 7 || s[0] != '#' {
		return color.NRGBA{A: 255}
	}
	var v [3]uint8
	for i := range 3 {
		v[i] = hexByte(s[1+2*i])<<4 | hexByte(s[2+2*i])
	}
	return color.NRGBA{R: v[0], G: v[1], B: v[2], A: 255}
}

func hexByte(c byte) uint8 {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10
	}
	return 0
}

// relativeLuminance is the WCAG 2.x relative luminance of an sRGB colour.
func relativeLuminance(c color.NRGBA) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// ContrastRatio returns the WCAG 2.x contrast ratio (1 to 21) between two
// "#RRGGBB" colours.
func ContrastRatio(a, b string) float64 {
	la, lb := relativeLuminance(parseHex(a)), relativeLuminance(parseHex(b))
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// textOn returns the text colour (#1A1A1A or white) with the higher contrast
// against the fill colour bg.
func textOn(bg string) string {
	if ContrastRatio(colText, bg) >= ContrastRatio(colWhite, bg) {
		return colText
	}
	return colWhite
}

// scaleSides are an ordered scale's colours by the number of points on
// each side: CUD blues for the positive side (most positive first) and
// orange to brown for the negative side (ending with the most negative).
// Read in grey-scale both ends are dark and the middle light, as a
// diverging scale should be; every segment is labelled as well.
var scaleSides = [...][2][]string{
	1: {{"#005AFF"}, {"#FF4B00"}},
	2: {{"#005AFF", "#4DC4FF"}, {"#F6AA00", "#FF4B00"}},
	3: {{"#00308A", "#005AFF", "#4DC4FF"}, {"#F6AA00", "#FF4B00", "#804000"}},
	4: {{"#00308A", "#005AFF", "#4DC4FF", "#A8C7FF"}, {"#FFCA80", "#F6AA00", "#FF4B00", "#804000"}},
}

const scaleNeutral = "#DDE1E5"

// scaleExtra colour わからない, 無回答 and the like, after the scale.
var scaleExtra = [...]string{"#84919E", "#B4BCC4", "#5C6670", "#FFFFFF"}

// ScaleColours returns the colours of an ordered scale of k points (most
// positive first; k from 2 to 9, others are clamped), followed by colours for
// extra options outside the scale (わからない, 無回答, 無効), in greys.
func ScaleColours(k, extra int) []string {
	k = min(max(k, 2), 2*(len(scaleSides)-1)+1)
	half := k / 2
	out := append([]string(nil), scaleSides[half][0]...)
	if k%2 == 1 {
		out = append(out, scaleNeutral)
	}
	out = append(out, scaleSides[half][1]...)
	for i := range extra {
		out = append(out, scaleExtra[i%len(scaleExtra)])
	}
	return out
}

// RankColours returns the colours of k ranks, 1位 darkest: the CUD blue
// sequential scale, then the category colours beyond five ranks.
func RankColours(k int) []string {
	out := make([]string, k)
	for i := range out {
		if i < len(sequentialBlues) {
			out[i] = sequentialBlues[len(sequentialBlues)-1-i]
		} else {
			out[i] = categoryColours[(i-len(sequentialBlues))%len(categoryColours)]
		}
	}
	return out
}
