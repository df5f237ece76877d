package site

import (
	"surveysite/internal/chart"
	"surveysite/internal/survey"
)

// FA: the number of answers; the answers themselves only where the survey
// publishes them, masked, in data order.

func init() { registerView(survey.FA, faView{}) }

type faView struct{}

func (faView) describe(qb *questionBuild) {
	qr, qv, l := qb.qr, qb.qv, qb.l
	qv.TypeLabel = l.T("type.fa")
	qv.Table = shareTable(l, qr, l.T("table.answer"))
	qv.Figures = []Figure{{Label: l.T("figure.fa_answers"), Value: l.T("figure.people", "n", qr.Total.Summary.NValid)}}
	qv.Desc = l.T("desc.fa", "title", qv.Title, "type", qv.TypeLabel, "n", qv.N, "answers", qr.Total.Summary.NValid)
	for _, a := range qr.Answers {
		qv.Answers = append(qv.Answers, a)
		qv.MaskedAny = qv.MaskedAny || a.Masked
	}
	qv.Published = qr.Answers != nil
	if qv.Published {
		qb.notes = append(qb.notes, l.T("note.fa_published"))
	} else {
		qb.notes = append(qb.notes, l.T("note.fa_hidden"))
	}
}

func (faView) chart(qb *questionBuild, meta chart.Meta) (chart.Chart, error) {
	qr := qb.qr
	var bars []chart.BarRow
	for _, r := range qr.Total.Rows {
		if r.HasPercent(qr.Total.N) && (r.Role != survey.RoleInvalid || r.Count > 0) {
			bars = append(bars, chart.BarRow{Label: r.Label, Value: float64(r.Percent) / 10, Text: dash(r.Count, r.Percent.String()+"%"),
				Unranked: r.Role == survey.RoleBlank || r.Role == survey.RoleInvalid})
		}
	}
	return chart.NewBar(meta, bars, chart.BarOptions{N: qr.Total.N})
}

func (faView) top(*questionBuild, chart.Meta) (chart.Chart, error) { return nil, nil }

func (faView) crosstab(qb *questionBuild, ct survey.Crosstab, meta chart.Meta, fonts *chart.Fonts, minCell int) (CrosstabView, error) {
	return shareCrosstab(qb.l, qb.qr, ct, meta, fonts, minCell, false, nil)
}
