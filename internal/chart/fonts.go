package chart

import (
	_ "embed"
	"fmt"

	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

//go:embed fonts/BIZUDPGothic_400Regular.ttf
var regularTTF []byte

//go:embed fonts/BIZUDPGothic_700Bold.ttf
var boldTTF []byte

// FontFamily is the CSS font stack written on every SVG chart. BIZ UDPGothic
// comes first so a browser that has it (Windows 10 and later) draws the same
// glyphs whose metrics the layout used.
const FontFamily = `'BIZ UDPGothic','Hiragino Sans','Hiragino Kaku Gothic ProN','Noto Sans JP',Meiryo,sans-serif`

// Fonts holds the parsed bundled BIZ UDPGothic faces. Create it once per
// build with LoadFonts, only when a chart is to be drawn, and share it: it is
// safe for concurrent use because every measurement uses its own buffer.
type Fonts struct {
	regular *opentype.Font
	bold    *opentype.Font
	upem    float64
}

// LoadFonts parses the embedded regular and bold BIZ UDPGothic fonts.
func LoadFonts() (*Fonts, error) {
	reg, err := opentype.Parse(regularTTF)
	if err != nil {
		return nil, fmt.Errorf("chart: parse BIZ UDPGothic regular: %w", err)
	}
	bold, err := opentype.Parse(boldTTF)
	if err != nil {
		return nil, fmt.Errorf("chart: parse BIZ UDPGothic bold: %w", err)
	}
	return &Fonts{regular: reg, bold: bold, upem: float64(reg.UnitsPerEm())}, nil
}

func (f *Fonts) face(bold bool) *opentype.Font {
	if bold {
		return f.bold
	}
	return f.regular
}

// Width returns the advance width of s set at size (in the same unit as
// size) in the bundled regular or bold face. Runes the font lacks are
// measured as its .notdef glyph.
func (f *Fonts) Width(s string, size float64, bold bool) float64 {
	fnt := f.face(bold)
	var buf sfnt.Buffer
	total := 0
	for _, r := range s {
		total += advance(fnt, &buf, r)
	}
	return float64(total) * size / f.upem
}

// advance returns r's advance in font units, or 0 where the font fails.
func advance(fnt *sfnt.Font, buf *sfnt.Buffer, r rune) int {
	idx, err := fnt.GlyphIndex(buf, r)
	if err != nil {
		return 0
	}
	adv, err := fnt.GlyphAdvance(buf, idx, fixed.Int26_6(fnt.UnitsPerEm()), 0)
	if err != nil {
		return 0
	}
	return int(adv)
}

// runeWidths returns the advance of each rune of s at size.
func (f *Fonts) runeWidths(s []rune, size float64, bold bool) []float64 {
	fnt := f.face(bold)
	var buf sfnt.Buffer
	out := make([]float64, len(s))
	for i, r := range s {
		out[i] = float64(advance(fnt, &buf, r)) * size / f.upem
	}
	return out
}

// HasGlyph reports whether both bundled faces have a glyph for r.
func (f *Fonts) HasGlyph(r rune) bool {
	var buf sfnt.Buffer
	for _, fnt := range []*opentype.Font{f.regular, f.bold} {
		idx, err := fnt.GlyphIndex(&buf, r)
		if err != nil || idx == 0 {
			return false
		}
	}
	return true
}

// MissingGlyphs returns the distinct runes of s (in order of first
// appearance) that the bundled font cannot draw.
func (f *Fonts) MissingGlyphs(s string) []rune {
	var out []rune
	for _, r := range s {
		if r == ' ' || f.HasGlyph(r) || containsRune(out, r) {
			continue
		}
		out = append(out, r)
	}
	return out
}

func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}
