package chart_test

import (
	"fmt"
	"io"
	"log"
	"strings"

	"surveysite/internal/chart"
)

// Once per build, when the first chart is needed.
func loadFonts() *chart.Fonts {
	f, err := chart.LoadFonts()
	if err != nil {
		log.Fatal(err)
	}
	return f
}

func Example_bar() {
	f := loadFonts()
	bar, err := chart.NewBar(chart.Meta{
		ID:       "q46",
		Title:    "問46 取り組みたいテーマ（複数回答）",
		Desc:     "1位は住民協働で52.3%、2位は広域連携で31.0%でした。",
		Footnote: "※サンプルデータ（実際の回答ではありません）",
	}, []chart.BarRow{
		{Label: "住民協働", Value: 52.3, Text: "52.3%", CI: &chart.Interval{Lo: 48.4, Hi: 56.2}},
		{Label: "広域連携", Value: 31.0, Text: "31.0%"},
		{Label: "その他", Value: 3.1, Text: "3.1%", Unranked: true},
	}, chart.BarOptions{N: 614})
	if err != nil {
		log.Fatal(err)
	}
	var svg strings.Builder
	if err := chart.WriteSVG(&svg, bar, f); err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.SplitN(svg.String(), " viewBox", 2)[0])
	// Output: <svg class="chart-svg chart-wide" role="img" aria-labelledby="q46-title" aria-describedby="q46-desc"
}

func Example_crosstab() {
	f := loadFonts()
	c, err := chart.NewCrosstab(chart.Meta{ID: "q46-size", Title: "問46 人口規模別", Desc: "市では住民協働が52.5%で最も多く、村はn=8のため非表示です。"},
		[]string{"住民協働", "広域連携"},
		[]chart.Segment{
			{Name: "市", N: 120, Values: []float64{52.5, 30.0}, Texts: []string{"52.5%", "30.0%"}},
			{Name: "村", N: 8, Suppressed: true},
		}, chart.CrosstabOptions{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(chart.WriteStandaloneSVG(io.Discard, c, f))
	// Output: <nil>
}

func Example_stacked() {
	f := loadFonts()
	s, err := chart.NewStacked(chart.Meta{ID: "q3", Title: "問3 満足度", Desc: "そう思うが35.2%で最も多い。"},
		[]string{"そう思う", "そう思わない", "無回答"},
		[]chart.Segment{{Name: "全体", N: 614, Values: []float64{35.2, 63.6, 1.2}, Texts: []string{"35.2%", "63.6%", "1.2%"}}},
		chart.StackedOptions{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(chart.WriteSVG(io.Discard, s, f))
	// Output: <nil>
}

func Example_tileMap() {
	f := loadFonts()
	m, err := chart.NewTileMap(chart.Meta{ID: "pref", Title: "参加団体の所在地", Desc: "東京都が3団体で最も多い。"},
		[]chart.PrefValue{{Code: 13, Value: 3, Text: "3"}, {Code: 27, Value: 1, Text: "1"}},
		chart.TileMapOptions{Legend: "参加団体数"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(chart.WriteSVG(io.Discard, m, f))
	// Output: <nil>
}

func Example_oGImage() {
	f := loadFonts()
	bar, err := chart.NewBar(chart.Meta{ID: "q46", Title: "問46", Desc: "住民協働が52.3%。"},
		[]chart.BarRow{{Label: "住民協働", Value: 52.3, Text: "52.3%"}}, chart.BarOptions{N: 614})
	if err != nil {
		log.Fatal(err)
	}
	og, err := chart.NewOGImage("問46 取り組みたいテーマ（複数回答）", "地域経営部会", bar)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(og.WritePNG(io.Discard, f)) // write to public/.../og.png in the build
	// Output: <nil>
}
