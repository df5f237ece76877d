package chart

import (
	"strconv"
	"testing"
)

// allCharts returns every chart the golden tests draw.
func allCharts(t *testing.T) []Chart {
	t.Helper()
	var out []Chart
	for name, rows := range barCases() {
		b, err := NewBar(meta("g-"+name), rows, BarOptions{N: 614})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	c, err := NewCrosstab(meta("g-cross"), crossOptions, []Segment{{Name: "市", N: 5, Values: []float64{1, 2, 3}, Texts: []string{"1%", "2%", "3%"}}, {Name: "村", N: 8, Suppressed: true}}, CrosstabOptions{})
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, c)
	for name, segs := range stackedCases() {
		s, err := NewStacked(meta("g-st-"+name), scale5, segs, StackedOptions{})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	var vals []PrefValue
	for code := 1; code <= 46; code++ {
		vals = append(vals, PrefValue{Code: code, Value: float64(code), Text: strconv.Itoa(code)})
	}
	m, err := NewTileMap(meta("g-tm"), vals, TileMapOptions{Legend: "参加団体数"})
	if err != nil {
		t.Fatal(err)
	}
	return append(out, m)
}

func TestChartTextHasGlyphsInBundledFont(t *testing.T) {
	t.Parallel()
	f := fonts(t)
	for _, c := range allCharts(t) {
		texts := c.layout(f).texts()
		if len(texts) == 0 {
			t.Errorf("%s: no text", c.Meta().ID)
		}
		texts = append(texts, c.Meta().Footnote)
		for _, s := range texts {
			if miss := f.MissingGlyphs(s); len(miss) > 0 {
				t.Errorf("%s: text %q uses runes %q that BIZ UDPGothic lacks", c.Meta().ID, s, string(miss))
			}
		}
	}
	og, err := NewOGImage("問46 取り組みたいテーマ", "地域経営部会", allCharts(t)[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range og.texts(f) {
		if miss := f.MissingGlyphs(s); len(miss) > 0 {
			t.Errorf("og image: text %q uses runes %q that BIZ UDPGothic lacks", s, string(miss))
		}
	}
}

func TestMissingGlyphsCanFail(t *testing.T) {
	t.Parallel()
	f := fonts(t)
	// U+1F600 (an emoji) and U+0E01 (Thai) are not in BIZ UDPGothic.
	if got := string(f.MissingGlyphs("あ😀กあ")); got != "😀ก" {
		t.Errorf("MissingGlyphs = %q, want %q", got, "😀ก")
	}
	for _, r := range "①⑳％（）「」・〜" {
		if !f.HasGlyph(r) {
			t.Errorf("HasGlyph(%q) = false, want true", r)
		}
	}
}
