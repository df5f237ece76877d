package site

import (
	"math"
	"strconv"
	"strings"

	"surveysite/internal/chart"
	"surveysite/internal/i18n"
	"surveysite/internal/survey"
	template "surveysite/internal/template/html"
)

// CompareView is a question's comparison with the previous wave (経年比較):
// a grouped bar chart of both waves and a table of the shares, the
// difference in points, its interval and whether it changed.
type CompareView struct {
	PrevTitle string
	PrevURL   string
	N, PrevN  int
	Head      []HeadCell
	Rows      [][]Cell
	Chart     template.HTML
	// PrintCharts replace Chart in print when it is too tall for a page.
	PrintCharts []template.HTML
	Figures     []Figure // SCALE means, NPS: this wave, the previous one, the difference
	Dropped     []string // options only in the previous wave
	New         []string // options only in this wave
}

// changeText is the text of a change, never a colour or an arrow alone.
func changeText(l *i18n.Lang, c string) string {
	switch c {
	case survey.Up:
		return l.T("compare.up")
	case survey.Down:
		return l.T("compare.down")
	}
	return l.T("compare.same")
}

// signed writes tenths with a sign: +3.2, -1.0, 0.0.
func signed(t survey.Tenths) string {
	if t > 0 {
		return "+" + t.String()
	}
	return t.String()
}

func (s *Site) compareView(sv *SurveyView, qv *QuestionView, qr *survey.QuestionResult, meta chart.Meta, fonts *chart.Fonts) (*CompareView, error) {
	w, l := qr.Prev, sv.lang
	cv := &CompareView{PrevTitle: sv.PrevTitle, PrevURL: sv.PrevURL, N: qr.Total.N, PrevN: w.N, Dropped: w.Dropped}
	cv.Head = []HeadCell{{l.T("table.option"), false}, {l.T("compare.cur_percent"), true}, {l.T("compare.prev_percent"), true},
		{l.T("compare.diff"), true}, {l.T("compare.diff_ci"), true}, {l.T("compare.change"), false}}
	var labels []string
	cur := chart.Segment{Name: l.T("compare.cur"), N: qr.Total.N}
	prev := chart.Segment{Name: l.T("compare.prev"), N: w.N}
	var desc []string
	for _, r := range qr.Total.Rows {
		if r.Prev == nil {
			if r.Role != survey.RoleBlank && r.Role != survey.RoleInvalid {
				cv.New = append(cv.New, r.Label)
			}
			continue
		}
		p := r.Prev
		cv.Rows = append(cv.Rows, []Cell{{Text: r.Label, Header: true}, {Text: dash(r.Count, r.Percent.String())}, {Text: dash(p.Count, p.Percent.String())},
			{Text: signed(p.Diff)}, {Text: l.T("range", "lo", signed(p.Low), "hi", signed(p.High))}, {Text: changeText(l, p.Change)}})
		if r.Role == survey.RoleBlank || r.Role == survey.RoleInvalid {
			continue // in the table, not the chart
		}
		labels = append(labels, r.Label)
		cur.Values, cur.Texts = append(cur.Values, float64(r.Percent)/10), append(cur.Texts, dash(r.Count, r.Percent.String()+"%"))
		prev.Values, prev.Texts = append(prev.Values, float64(p.Percent)/10), append(prev.Texts, dash(p.Count, p.Percent.String()+"%"))
		if p.Change != "" {
			desc = append(desc, l.T("desc.compare_item", "label", r.Label, "percent", r.Percent, "prev", p.Percent, "diff", signed(p.Diff), "change", changeText(l, p.Change)))
		}
	}
	if w.MeanDiff != "" {
		cv.Figures = append(cv.Figures, Figure{Label: l.T("figure.mean_compare"),
			Value: l.T("figure.mean_compare_value", "cur", qr.Total.Summary.Mean, "prev", w.PrevMean, "diff", signedDecimal(w.MeanDiff))})
	}
	if w.NPSDiff != nil {
		cv.Figures = append(cv.Figures, Figure{Label: l.T("figure.nps_compare"),
			Value: l.T("figure.nps_compare_value", "cur", qr.Total.Summary.NPS, "prev", w.PrevNPS, "diff", signed(*w.NPSDiff))})
	}
	if len(labels) == 0 {
		return cv, nil
	}
	changed := l.T("desc.compare_none")
	if len(desc) > 0 {
		changed = l.T("desc.compare_some", "items", strings.Join(desc, l.T("list.sep")))
	}
	meta.Desc = l.T("desc.compare", "title", qv.Title, "n", qr.Total.N, "prev_title", sv.PrevTitle, "prev_n", w.N, "changed", changed)
	c, err := chart.NewCrosstab(meta, labels, []chart.Segment{cur, prev}, chart.CrosstabOptions{})
	if err != nil {
		return nil, err
	}
	if cv.PrintCharts, err = printPanels(c, fonts); err != nil {
		return nil, err
	}
	var tmp CrosstabView
	if err := writeChart(&tmp, c, fonts); err != nil {
		return nil, err
	}
	cv.Chart = tmp.Chart
	return cv, nil
}

func signedDecimal(d survey.Decimal) string {
	if s := string(d); s != "" && s[0] != '-' && strings.Trim(s, "0.") != "" {
		return "+" + s
	}
	return string(d)
}

// SamplingError is one row of the sampling-error table (標本誤差早見表).
type SamplingError struct {
	N     int
	Cells []string // the 95% half-width in points for p = 10, 20, 30, 40, 50%
}

// samplingErrors gives the 95% half-width 1.96 × sqrt(p(1 − p) / n) × 100
// (normal approximation, without a finite-population correction), rounded
// to one decimal, for the survey's N and each published cross-tab segment
// size of its first question, largest first.
func samplingErrors(n int, sizes []int) []SamplingError {
	seen := map[int]bool{}
	var out []SamplingError
	for _, m := range append([]int{n}, sizes...) {
		if m <= 0 || seen[m] {
			continue
		}
		seen[m] = true
		se := SamplingError{N: m}
		for _, p := range []float64{0.1, 0.2, 0.3, 0.4, 0.5} {
			h := survey.Z95 * sqrt(p*(1-p)/float64(m)) * 100
			se.Cells = append(se.Cells, "±"+strconv.FormatFloat(roundHalfUp(h, 1), 'f', 1, 64))
		}
		out = append(out, se)
	}
	return out
}

func sqrt(x float64) float64 { return math.Sqrt(x) }

func roundHalfUp(x float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Floor(x*p+0.5) / p
}
