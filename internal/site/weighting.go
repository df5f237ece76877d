package site

import (
	"slices"
	"strconv"
	"strings"

	"surveysite/internal/i18n"
	"surveysite/internal/survey"
)

// WeightingView is a weighted survey's population table (ウェイトバック).
type WeightingView struct {
	By     string // the weighting columns, 性別×年代
	Source string // where the population figures come from (weights_source)
	Table  TableView
	// Raked is true when only the margins were given; Passes is then
	// how many raking passes met them.
	Raked  bool
	Passes int
}

// weightingView describes a weighted survey's weights: its cells with
// their population, share, respondents and weight, or, raked, its margins.
// A column that is a question's is named by the question's title.
func weightingView(l *i18n.Lang, wt *survey.Weights, source string, titles map[string]string) *WeightingView {
	blank := func(v string) string {
		if v == "" {
			return l.T("segment.blank")
		}
		return v
	}
	names := make([]string, len(wt.Columns))
	for i, c := range wt.Columns {
		names[i] = c
		if t := titles[c]; t != "" {
			names[i] = t
		}
	}
	wv := &WeightingView{By: strings.Join(names, "×"), Source: source, Raked: wt.Raked(), Passes: wt.Passes}
	if wt.Raked() {
		wv.By = strings.Join(names, l.T("list.dot"))
		wv.Table.Head = []HeadCell{{Text: l.T("weighting.column")}, {Text: l.T("weighting.value")}, {Text: l.T("weighting.population"), Num: true},
			{Text: l.T("weighting.share"), Num: true}, {Text: l.T("weighting.respondents"), Num: true}}
		for _, m := range wt.Margins {
			name := m.Values[0]
			if t := titles[name]; t != "" {
				name = t
			}
			wv.Table.Rows = append(wv.Table.Rows, []Cell{{Text: name, Header: true}, {Text: blank(m.Values[1]), Header: true},
				{Text: population(m.Population)}, {Text: m.SharePercent().String()}, {Text: strconv.Itoa(m.N)}})
		}
		return wv
	}
	for _, c := range names {
		wv.Table.Head = append(wv.Table.Head, HeadCell{Text: c})
	}
	for _, h := range []string{l.T("weighting.population"), l.T("weighting.share"), l.T("weighting.respondents"), l.T("weighting.weight")} {
		wv.Table.Head = append(wv.Table.Head, HeadCell{Text: h, Num: true})
	}
	for _, c := range wt.Cells {
		var row []Cell
		for _, v := range c.Values {
			row = append(row, Cell{Text: blank(v), Header: true}) // each attribute names the row
		}
		for _, v := range []string{population(c.Population), c.SharePercent().String(), strconv.Itoa(c.N), c.Weight.String()} {
			row = append(row, Cell{Text: v})
		}
		wv.Table.Rows = append(wv.Table.Rows, row)
	}
	return wv
}

// addWeightedCounts puts a column 重み付き件数 after 件数 in a weighted
// question's table, each row's found by its label, so the counts beside
// the weighted percentages are both there.
func addWeightedCounts(l *i18n.Lang, t *TableView, seg survey.Segment) {
	count := l.T("table.count")
	col := slices.IndexFunc(t.Head, func(h HeadCell) bool { return h.Text == count })
	if col < 0 {
		return
	}
	byLabel := map[string]string{}
	for _, r := range seg.Rows {
		byLabel[r.Label] = r.WeightedCount.String()
	}
	t.Head = slices.Insert(t.Head, col+1, HeadCell{Text: l.T("table.weighted_count"), Num: true})
	for i, row := range t.Rows {
		w := ""
		for _, c := range row {
			if c.Header {
				w = byLabel[c.Text]
				break
			}
		}
		t.Rows[i] = slices.Insert(row, col+1, Cell{Text: w})
	}
}

// population writes a whole population with thousands separators (21,000);
// a share or a decimal as it was given.
func population(p string) string {
	if n, err := strconv.Atoi(p); err == nil {
		return GroupDigits(n)
	}
	return p
}
