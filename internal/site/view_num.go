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
	qr, qv := qb.qr, qb.qv
	qv.TypeLabel = "数値回答"
	qv.Table = shareTable(qr, "区分")
	s := qr.Total.Summary
	u := qr.Unit
	qv.Figures = []Figure{
		{Label: "有効回答数", Value: fmt.Sprintf("%d人", s.NValid)},
		{Label: "平均", Value: unitOrDash(s.Mean, u)},
		{Label: "標準偏差", Value: unitOrDash(s.SD, u)},
		{Label: "最小", Value: unitOrDash(s.Min, u)},
		{Label: "第1四分位", Value: unitOrDash(s.Q1, u)},
		{Label: "中央値", Value: unitOrDash(s.Median, u)},
		{Label: "第3四分位", Value: unitOrDash(s.Q3, u)},
		{Label: "最大", Value: unitOrDash(s.Max, u)},
	}
	qv.Desc = fmt.Sprintf("%s（%s、n=%d）。%s。平均 %s、中央値 %s（有効回答 %d）。", qv.Title, qv.TypeLabel, qv.N, shareDesc(qr),
		unitOrDash(s.Mean, u), unitOrDash(s.Median, u), s.NValid)
	qb.notes = append(qb.notes,
		"区分は数値の小さい順です。割合は回答者数（n）に対する割合です。",
		"平均・標準偏差・四分位は、無回答と数値として読めない回答（無効）を除いた有効回答で求めています。標準偏差は不偏分散（n−1）、四分位は線形補間（ExcelのQUARTILE.INC関数と同じ方法）によります。平均・標準偏差は小数点第3位を四捨五入しています。",
		"四捨五入のため合計が100.0%にならない場合があります。", "「-」は該当なし（0件）を表します。")
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
	cv, err := shareCrosstab(qb.qr, ct, meta, fonts, minCell, true, func(n int) []string {
		return append(chart.RankColours(k), chart.ScaleColours(2, n-k)[2:]...)
	})
	if err != nil {
		return cv, err
	}
	u := qb.qr.Unit
	addSummaryRows(&cv, ct, []string{"平均", "中央値", "有効回答数"}, func(s *survey.Summary, i int) string {
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
