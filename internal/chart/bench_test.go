package chart

import (
	"io"
	"strconv"
	"testing"
)

func BenchmarkLoadFonts(b *testing.B) {
	for b.Loop() {
		if _, err := LoadFonts(); err != nil {
			b.Fatal(err)
		}
	}
}

func benchChart(b *testing.B, c Chart) {
	f := fonts(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteSVG(io.Discard, c, f); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBar30(b *testing.B) {
	c, err := NewBar(meta("b"), barCases()["thirty"], BarOptions{N: 614})
	if err != nil {
		b.Fatal(err)
	}
	benchChart(b, c)
}

func BenchmarkCrosstab(b *testing.B) {
	segs := make([]Segment, 8)
	for i := range segs {
		segs[i] = Segment{Name: "区分" + strconv.Itoa(i), N: 100, Values: []float64{50, 30, 10}, Texts: []string{"50.0%", "30.0%", "10.0%"}}
	}
	c, err := NewCrosstab(meta("c"), crossOptions, segs, CrosstabOptions{})
	if err != nil {
		b.Fatal(err)
	}
	benchChart(b, c)
}

func BenchmarkStacked(b *testing.B) {
	c, err := NewStacked(meta("s"), scale5, stackedCases()["segments"], StackedOptions{})
	if err != nil {
		b.Fatal(err)
	}
	benchChart(b, c)
}

func BenchmarkTileMap(b *testing.B) {
	var vals []PrefValue
	for code := 1; code <= 47; code++ {
		vals = append(vals, PrefValue{Code: code, Value: float64(code), Text: strconv.Itoa(code)})
	}
	c, err := NewTileMap(meta("t"), vals, TileMapOptions{Legend: "参加団体数"})
	if err != nil {
		b.Fatal(err)
	}
	benchChart(b, c)
}

func BenchmarkOGImage(b *testing.B) {
	f := fonts(b)
	c, err := NewBar(meta("o"), barCases()["label40"], BarOptions{N: 614})
	if err != nil {
		b.Fatal(err)
	}
	og, err := NewOGImage("問46 取り組みたいテーマ（複数回答）", "地域経営部会", c)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := og.WritePNG(io.Discard, f); err != nil {
			b.Fatal(err)
		}
	}
}
