package site

import (
	"strings"

	"surveysite/internal/chart"
	"surveysite/internal/i18n"
	"surveysite/internal/survey"
)

// SCALE: one 100% stacked bar in scale order with ordered colours, the
// top-2 and bottom-2 shares and the mean beside it; cross-tabs as stacked
// bars with the same colours.

func init() { registerView(survey.SCALE, scaleView{}) }

type scaleView struct{}

// maxStacked is the most options a scale shows as one stacked bar; a scale
// with more (amounts in many bands) is shown as one bar per option, in order.
const maxStacked = 8

// scaled returns the number of scored options (role blank).
func scaled(qr *survey.QuestionResult) int {
	k := 0
	for _, o := range qr.Options {
		if o.Role == survey.RoleRanked {
			k++
		}
	}
	return k
}

func (scaleView) describe(qb *questionBuild) {
	qr, qv, l := qb.qr, qb.qv, qb.l
	k := scaled(qr)
	qv.TypeLabel = l.T("type.scale", "k", k)
	if qr.Unit != "" {
		qv.TypeLabel = l.T("type.bands", "k", k)
	}
	qv.Table = shareTable(l, qr, l.T("table.option"))
	s := qr.Total.Summary
	var first, last []string
	for _, o := range qr.Options {
		if o.Role == survey.RoleRanked {
			first = append(first, o.Label)
		}
	}
	if len(first) >= 2 {
		last = first[len(first)-2:]
		first = first[:2]
	}
	if s.Top2 != nil {
		qv.Figures = append(qv.Figures,
			Figure{Label: l.T("figure.sum2", "a", first[0], "b", first[1]), Value: pct(s.Top2)},
			Figure{Label: l.T("figure.sum2", "a", last[0], "b", last[1]), Value: pct(s.Bottom2)})
		qv.top2 = true
	}
	if s.Mean != "" {
		qv.Figures = append(qv.Figures, scoreFigures(l, s)...)
	}
	qv.Desc = l.T("desc.scale", "title", qv.Title, "type", qv.TypeLabel, "n", qv.N, "shares", shareDesc(l, qr))
	if s.Top2 != nil {
		qv.Desc += l.T("desc.scale_sums", "a", first[0], "b", first[1], "top", pct(s.Top2), "c", last[0], "d", last[1], "bottom", pct(s.Bottom2))
	}
	if s.Mean != "" {
		qv.Desc += l.T("desc.scale_mean", "mean", s.Mean, "valid", s.NValid)
	}
	qb.notes = append(qb.notes, l.T("note.scale_order"))
	if s.Mean != "" {
		qb.notes = append(qb.notes, l.T("note.sum"), scoreNote(l, qr))
	}
	qb.notes = append(qb.notes, l.T("note.rounding"), l.T("note.dash"), l.T("note.wilson"))
}

// scoreFigures are the mean, standard deviation and valid answers.
func scoreFigures(l *i18n.Lang, s *survey.Summary) []Figure {
	return []Figure{
		{Label: l.T("figure.mean"), Value: l.T("figure.points", "value", orDash(string(s.Mean)))},
		{Label: l.T("figure.sd"), Value: orDash(string(s.SD))},
		{Label: l.T("figure.valid"), Value: l.T("figure.people", "n", s.NValid)},
	}
}

// scoreNote says how the mean is scored.
func scoreNote(l *i18n.Lang, qr *survey.QuestionResult) string {
	var parts []string
	k := scaled(qr)
	next := k
	for _, o := range qr.Options {
		if o.Role != survey.RoleRanked {
			continue
		}
		v := next
		if o.Value != nil {
			v = *o.Value
		}
		next--
		parts = append(parts, l.T("desc.score_item", "label", o.Label, "score", v))
	}
	left := []string{l.T("data.blank"), l.T("data.invalid")}
	for _, o := range qr.Options {
		if o.Role != survey.RoleRanked {
			left = append(left, o.Label) // わからない and the like
		}
	}
	return l.T("note.scale_score", "scores", strings.Join(parts, l.T("list.sep")), "excluded", strings.Join(left, l.T("list.dot")))
}

// scaleColours colours n categories: the scored options in order, then the
// others (roles, 無回答, 無効) in greys.
func scaleColours(qr *survey.QuestionResult) func(n int) []string {
	k := scaled(qr)
	if qr.Unit != "" || k > 9 {
		// Bands are ordered from low to high, not around a middle.
		return func(n int) []string { return append(chart.RankColours(k), chart.ScaleColours(2, n-k)[2:]...) }
	}
	return func(n int) []string { return chart.ScaleColours(k, n-k) }
}

func (scaleView) chart(qb *questionBuild, meta chart.Meta) (chart.Chart, error) {
	qr := qb.qr
	l := qb.l
	seg := chart.Segment{Name: l.T("data.total"), N: qr.Total.N}
	var cats []string
	for _, r := range qr.Total.Rows {
		extra := r.Role == survey.RoleBlank || r.Role == survey.RoleInvalid
		if r.HasPercent(qr.Total.N) && (!extra || r.Count > 0) {
			cats = append(cats, r.Label)
			seg.Values = append(seg.Values, float64(r.Percent)/10)
			seg.Texts = append(seg.Texts, dash(r.Count, r.Percent.String()+"%"))
		}
	}
	if len(cats) > maxStacked {
		// Too many parts for one bar: one bar per option, in scale order.
		var bars []chart.BarRow
		for _, r := range qr.Total.Rows {
			if r.HasPercent(qr.Total.N) && (r.Count > 0 || r.Role != survey.RoleBlank && r.Role != survey.RoleInvalid) {
				bars = append(bars, chart.BarRow{Label: r.Label, Value: float64(r.Percent) / 10, Text: dash(r.Count, r.Percent.String()+"%"),
					Unranked: r.Role != survey.RoleRanked})
			}
		}
		for i := 1; i < len(bars); i++ {
			if bars[i-1].Unranked && !bars[i].Unranked {
				// An option with a role amid the scale: keep the order, drawn alike.
				for j := range bars {
					bars[j].Unranked = false
				}
				break
			}
		}
		return chart.NewBar(meta, bars, chart.BarOptions{N: qr.Total.N})
	}
	return chart.NewStacked(meta, cats, []chart.Segment{seg}, chart.StackedOptions{
		Colours: scaleColours(qr)(len(cats)), AxisTitle: l.T("chart.axis_n", "n", qr.Total.N)})
}

func (scaleView) top(*questionBuild, chart.Meta) (chart.Chart, error) { return nil, nil }

func (scaleView) crosstab(qb *questionBuild, ct survey.Crosstab, meta chart.Meta, fonts *chart.Fonts, minCell int) (CrosstabView, error) {
	l := qb.l
	cv, err := shareCrosstab(l, qb.qr, ct, meta, fonts, minCell, len(qb.qr.Options) <= maxStacked, scaleColours(qb.qr))
	if err != nil {
		return cv, err
	}
	figs := []string{l.T("table.mean_points")}
	if qb.qr.Total.Summary.Top2 != nil {
		figs = append(figs, l.T("table.top2_percent"), l.T("table.bottom2_percent"))
	}
	addSummaryRows(l, &cv, ct, figs, func(s *survey.Summary, i int) string {
		switch i {
		case 0:
			return orDash(string(s.Mean))
		case 1:
			return s.Top2.String()
		}
		return s.Bottom2.String()
	})
	return cv, nil
}
