package site

import (
	"fmt"

	"surveysite/internal/chart"
	"surveysite/internal/survey"
)

// FA: the number of answers; the answers themselves only where the survey
// publishes them, masked, in data order.

func init() { registerView(survey.FA, faView{}) }

type faView struct{}

func (faView) describe(qb *questionBuild) {
	qr, qv := qb.qr, qb.qv
	qv.TypeLabel = "自由記述"
	qv.Table = shareTable(qr, "回答")
	qv.Figures = []Figure{{Label: "記入のあった回答", Value: fmt.Sprintf("%d人", qr.Total.Summary.NValid)}}
	qv.Desc = fmt.Sprintf("%s（%s、n=%d）。記入あり %d人。", qv.Title, qv.TypeLabel, qv.N, qr.Total.Summary.NValid)
	for _, a := range qr.Answers {
		qv.Answers = append(qv.Answers, a)
		qv.MaskedAny = qv.MaskedAny || a.Masked
	}
	qv.Published = qr.Answers != nil
	if qv.Published {
		qb.notes = append(qb.notes, "自由記述は回答の順に掲載しています。メールアドレス・URL・電話番号は［ ］で伏せています。掲載を控えた回答があります。")
	} else {
		qb.notes = append(qb.notes, "自由記述の内容は公開していません（記入の有無のみを集計しています）。")
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
	return shareCrosstab(qb.qr, ct, meta, fonts, minCell, false, nil)
}
