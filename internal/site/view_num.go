package site

import (
	"fmt"

	"surveysite/internal/chart"
	"surveysite/internal/survey"
)

// NUM: a histogram of the bins in order, the summary figures (mean,
// quartiles …) beside it; cross-tabs as each segment's distribution over the
// same bins with its mean and median.

func init() { registerView(survey.NUM, numView{}) }

type numView struct{}

func (numView) describe(qb *questionBuild) {
	qr, qv, l := qb.qr, qb.qv, qb.l
	qv.TypeLabel = l.T("type.num")
	qv.Table = shareTable(l, qr, l.T("table.band"))
	s := qr.Total.Summary
	u := qr.Unit
	qv.Figures = []Figure{
		{Label: l.T("figure.valid"), Value: l.T("figure.people", "n", s.NValid)},
		{Label: l.T("figure.mean"), Value: unitOrDash(s.Mean, u)},
		{Label: l.T("figure.sd"), Value: unitOrDash(s.SD, u)},
		{Label: l.T("figure.min"), Value: unitOrDash(s.Min, u)},
		{Label: l.T("figure.q1"), Value: unitOrDash(s.Q1, u)},
		{Label: l.T("figure.median"), Value: unitOrDash(s.Median, u)},
		{Label: l.T("figure.q3"), Value: unitOrDash(s.Q3, u)},
		{Label: l.T("figure.max"), Value: unitOrDash(s.Max, u)},
	}
	qv.Desc = l.T("desc.num", "title", qv.Title, "type", qv.TypeLabel, "n", qv.N, "shares", shareDesc(l, qr),
		"mean", unitOrDash(s.Mean, u), "median", unitOrDash(s.Median, u), "valid", s.NValid)
	qb.notes = append(qb.notes, l.T("note.num_order"), l.T("note.num_figures"), l.T("note.rounding"), l.T("note.dash"))
}

func unitOrDash(d survey.Decimal, unit string) string {
	if d == "" {
		return "-"
	}
	return string(d) + unit
}

func (numView) chart(qb *questionBuild, meta chart.Meta) (chart.Chart, error) {
	qr := qb.qr
	var bars []chart.BarRow
	for _, r := range qr.Total.Rows {
		if r.HasPercent(qr.Total.N) {
			extra := r.Role == survey.RoleBlank || r.Role == survey.RoleInvalid
			bars = append(bars, chart.BarRow{Label: r.Label, Value: float64(r.Percent) / 10, Text: dash(r.Count, r.Percent.String()+"%"), Unranked: extra})
		}
	}
	return chart.NewBar(meta, bars, chart.BarOptions{N: qr.Total.N})
}

func (numView) top(*questionBuild, chart.Meta) (chart.Chart, error) { return nil, nil }

func (numView) crosstab(qb *questionBuild, ct survey.Crosstab, meta chart.Meta, fonts *chart.Fonts, minCell int) (CrosstabView, error) {
	k := 0
	for _, r := range qb.qr.Total.Rows {
		if r.Role == survey.RoleRanked {
			k++
		}
	}
	l := qb.l
	cv, err := shareCrosstab(l, qb.qr, ct, meta, fonts, minCell, true, func(n int) []string {
		return append(chart.RankColours(k), chart.ScaleColours(2, n-k)[2:]...)
	})
	if err != nil {
		return cv, err
	}
	u := qb.qr.Unit
	addSummaryRows(l, &cv, ct, []string{l.T("figure.mean"), l.T("figure.median"), l.T("figure.valid")}, func(s *survey.Summary, i int) string {
		switch i {
		case 0:
			return unitOrDash(s.Mean, u)
		case 1:
			return unitOrDash(s.Median, u)
		}
		return fmt.Sprint(s.NValid)
	})
	return cv, nil
}
