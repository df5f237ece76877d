package chart

import (
	"fmt"
	"strings"
	"testing"
)

// label40 is a 40-character Japanese label.
const label40 = "住民参加による地域課題の解決と行政経営の改革に向けた職員の人材育成と組織づくり"

func barCases() map[string][]BarRow {
	thirty := make([]BarRow, 30)
	for i := range thirty {
		v := float64(30-i) * 1.5
		thirty[i] = BarRow{Label: fmt.Sprintf("選択肢%d 公共施設の再編", i+1), Value: v, Text: fmt.Sprintf("%.1f%%", v)}
	}
	thirty[28].Unranked, thirty[28].Label = true, "その他"
	thirty[29].Unranked, thirty[29].Label = true, "無回答"
	return map[string][]BarRow{
		"label40": {
			{Label: label40, Value: 52.3, Text: "52.3%"},
			{Label: "公共施設マネジメント", Value: 20.0, Text: "20.0%"},
		},
		"latin_digits": {
			{Label: "DX推進（AI・RPA等）と5G活用", Value: 41.7, Text: "41.7%"},
			{Label: "SDGs 2030 アジェンダ", Value: 12.5, Text: "12.5%"},
		},
		"ties": {
			{Label: "子育て支援", Value: 30.1, Text: "30.1%"},
			{Label: "防災・減災", Value: 30.1, Text: "30.1%"},
			{Label: "観光振興", Value: 30.1, Text: "30.1%"},
		},
		"zero": {
			{Label: "財政健全化", Value: 10.0, Text: "10.0%"},
			{Label: "該当なし", Value: 0, Text: "0.0%"},
		},
		"one": {
			{Label: "職員研修", Value: 100, Text: "100.0%"},
		},
		"thirty": thirty,
		"interval": {
			{Label: "住民協働", Value: 52.3, Text: "52.3%", CI: &Interval{Lo: 48.4, Hi: 56.2}},
			{Label: "広域連携", Value: 31.0, Text: "31.0%", CI: &Interval{Lo: 27.4, Hi: 34.8}},
			{Label: "その他", Value: 3.1, Text: "3.1%", CI: &Interval{Lo: 1.9, Hi: 4.8}, Unranked: true},
		},
	}
}

func TestBarGolden(t *testing.T) {
	t.Parallel()
	for name, rows := range barCases() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			b, err := NewBar(meta("bar-"+name), rows, BarOptions{N: 614})
			if err != nil {
				t.Fatalf("NewBar() = %v", err)
			}
			got := renderSVG(t, b)
			checkGolden(t, name, got)
			for _, want := range []string{`role="img"`, `aria-labelledby="bar-` + name + `-title"`, `aria-describedby="bar-` + name + `-desc"`, `<g aria-hidden="true">`, "n=614に対する割合（%）", sample} {
				if !strings.Contains(string(got), want) {
					t.Errorf("SVG lacks %q", want)
				}
			}
		})
	}
}

func TestNewBarRejects(t *testing.T) {
	t.Parallel()
	ok := BarRow{Label: "a", Value: 1, Text: "1.0%"}
	nan := 0.0
	nan /= nan
	tests := []struct {
		name string
		meta Meta
		rows []BarRow
		n    int
		want string
	}{
		{"empty", meta("x"), nil, 10, "no rows"},
		{"nan", meta("x"), []BarRow{{Label: "a", Value: nan, Text: "x"}}, 10, "NaN"},
		{"negative", meta("x"), []BarRow{{Label: "a", Value: -1, Text: "x"}}, 10, "negative"},
		{"above100", meta("x"), []BarRow{{Label: "a", Value: 101, Text: "x"}}, 10, "above 100"},
		{"nolabel", meta("x"), []BarRow{{Value: 1, Text: "x"}}, 10, "label is empty"},
		{"notext", meta("x"), []BarRow{{Label: "a", Value: 1}}, 10, "value text is empty"},
		{"ci", meta("x"), []BarRow{{Label: "a", Value: 5, Text: "x", CI: &Interval{6, 7}}}, 10, "does not contain"},
		{"order", meta("x"), []BarRow{{Label: "その他", Value: 1, Text: "x", Unranked: true}, ok}, 10, "ranked row after"},
		{"n", meta("x"), []BarRow{ok}, 0, "n is 0"},
		{"id", meta("1x"), []BarRow{ok}, 10, "Meta.ID"},
		{"title", Meta{ID: "x", Desc: "d"}, []BarRow{ok}, 10, "Title is empty"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := NewBar(tc.meta, tc.rows, BarOptions{N: tc.n})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("NewBar() error = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// TestBarDrawsAtMostMaxBars: past MaxBars rows a Bar keeps the first ranked
// rows and at most MaxUnrankedBars unranked ones, MaxBars in all, and its
// footnote says how many of how many it draws.
func TestBarDrawsAtMostMaxBars(t *testing.T) {
	t.Parallel()
	rows := func(ranked, unranked int) []BarRow {
		var rs []BarRow
		for i := range ranked + unranked {
			rs = append(rs, BarRow{Label: fmt.Sprintf("自治体%d", i+1), Value: 1, Text: "1.0%", Unranked: i >= ranked})
		}
		return rs
	}
	for _, tc := range []struct {
		ranked, unranked int
		wantRanked       int // the unranked drawn are the rest of len
		wantLen          int
		note             string
	}{
		{47, 3, 47, 50, ""}, // the 47 prefectures and three others: all drawn
		{1741, 2, 48, 50, "1,743項目のうち50項目を表示"}, // the municipalities, その他 and 無回答
		{60, 8, 45, 50, "68項目のうち50項目を表示"},
		{0, 70, 0, 5, "70項目のうち5項目を表示"},
		{3, 0, 3, 3, ""},
	} {
		b, err := NewBar(Meta{ID: "x", Title: "T", Desc: "d", Footnote: "注"}, rows(tc.ranked, tc.unranked), BarOptions{N: 100})
		if err != nil {
			t.Fatal(err)
		}
		ranked := 0
		for _, r := range b.rows {
			if !r.Unranked {
				ranked++
			}
		}
		if len(b.rows) != tc.wantLen || ranked != tc.wantRanked {
			t.Errorf("%d+%d rows: drew %d, %d of them ranked; want %d, %d", tc.ranked, tc.unranked, len(b.rows), ranked, tc.wantLen, tc.wantRanked)
		}
		if tc.note == "" && b.meta.Footnote != "注" || tc.note != "" && !strings.HasPrefix(b.meta.Footnote, "注 ") {
			t.Errorf("%d+%d rows: footnote %q, want the caller's first", tc.ranked, tc.unranked, b.meta.Footnote)
		}
		if got := b.meta.Footnote; !strings.Contains(got, tc.note) {
			t.Errorf("%d+%d rows: footnote %q, want %q", tc.ranked, tc.unranked, b.meta.Footnote, tc.note)
		}
	}
}
