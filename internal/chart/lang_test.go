package chart

import (
	"regexp"
	"strings"
	"testing"

	"surveysite/internal/i18n"
)

// japanese matches kana, kanji and the Japanese forms of punctuation.
var japanese = regexp.MustCompile(`[\p{Han}\p{Hiragana}\p{Katakana}\x{3000}-\x{303F}\x{FF00}-\x{FFEF}※]`)

// TestChartWordsFollowMetaLang draws each kind of chart with English
// labels and Meta.Lang English: the words the charts add are English too,
// so nothing in the SVG is Japanese.
func TestChartWordsFollowMetaLang(t *testing.T) {
	t.Parallel()
	cat, err := i18n.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	en := cat.Lang("en")
	m := func(id string) Meta {
		return Meta{ID: id, Title: "Q1 Reasons to volunteer", Desc: "A description.", Footnote: "Note: sample data", Lang: en}
	}
	opts := []string{"Meeting people", "Learning skills", "No answer"}
	segs := []Segment{
		{Name: "Under 30", N: 120, Values: []float64{50, 30, 20}, Texts: []string{"50.0%", "30.0%", "20.0%"}},
		{Name: "Over 70", N: 4, Suppressed: true},
		{Name: "30 to 69", N: 200, Values: []float64{10, 85, 5}, Texts: []string{"10.0%", "85.0%", "5.0%"}},
	}
	bar, err := NewBar(m("b"), []BarRow{{Label: "Meeting people", Value: 41.2, Text: "41.2%"}}, BarOptions{N: 614})
	if err != nil {
		t.Fatal(err)
	}
	crosstab, err := NewCrosstab(m("c"), opts, segs, CrosstabOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Narrow parts go under the bar: "Outside the bar: …".
	stacked, err := NewStacked(m("s"), opts, []Segment{{Name: "Total", N: 614, Values: []float64{97, 2, 1}, Texts: []string{"97.0%", "2.0%", "1.0%"}}}, StackedOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tiles, err := NewTileMap(m("t"), []PrefValue{{Code: 13, Value: 12, Text: "12"}}, TileMapOptions{Legend: "Participants"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		c     Chart
		wants []string
	}{
		{"bar", bar, []string{"Percent of n=614"}},
		{"crosstab", crosstab, []string{"Percent of each group", "Under 30 (n=120)", "Not shown: n=4"}},
		{"stacked", stacked, []string{"Outside the bar: ②Learning skills 2.0%, ③No answer 1.0%"}},
		{"tilemap", tiles, []string{"No data", "or more"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			svg := string(renderSVG(t, tc.c))
			for _, w := range tc.wants {
				if !strings.Contains(strings.ReplaceAll(svg, "&#39;", "'"), w) {
					t.Errorf("the SVG lacks %q", w)
				}
			}
			if tc.name == "tilemap" {
				return // prefecture names are Japanese data
			}
			if m := japanese.FindString(svg); m != "" {
				t.Errorf("the SVG holds Japanese text %q", m)
			}
		})
	}
	panels := crosstab.Panels(100, fonts(t))
	if len(panels) < 2 || panels[0].Meta().Title != "Q1 Reasons to volunteer (1/3)" || !strings.HasSuffix(panels[0].Meta().Desc, "(1/3): Under 30 (n=120).") {
		t.Errorf("panels: %d, first %+v", len(panels), panels[0].Meta())
	}
}
