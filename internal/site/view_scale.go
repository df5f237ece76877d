package site

import (
	"fmt"
	"strings"

	"surveysite/internal/chart"
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
	qr, qv := qb.qr, qb.qv
	k := scaled(qr)
	qv.TypeLabel = fmt.Sprintf("単一回答（%d段階の評価）", k)
	if qr.Unit != "" {
		qv.TypeLabel = fmt.Sprintf("単一回答（%d区分、区分の順）", k)
	}
	qv.Table = shareTable(qr, "選択肢")
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
			Figure{Label: "「" + first[0] + "」＋「" + first[1] + "」（計）", Value: pct(s.Top2)},
			Figure{Label: "「" + last[0] + "」＋「" + last[1] + "」（計）", Value: pct(s.Bottom2)})
	}
	if s.Mean != "" {
		qv.Figures = append(qv.Figures, scoreFigures(qr, s)...)
	}
	qv.Desc = fmt.Sprintf("%s（%s、n=%d）。%s。", qv.Title, qv.TypeLabel, qv.N, shareDesc(qr))
	if s.Top2 != nil {
		qv.Desc += fmt.Sprintf("「%s」と「%s」の計 %s、「%s」と「%s」の計 %s。", first[0], first[1], pct(s.Top2), last[0], last[1], pct(s.Bottom2))
	}
	if s.Mean != "" {
		qv.Desc += fmt.Sprintf("平均 %s点（有効回答 %d）。", s.Mean, s.NValid)
	}
	qb.notes = append(qb.notes, "選択肢は調査票の順に示しています（件数の順ではありません）。")
	if s.Mean != "" {
		qb.notes = append(qb.notes, "（計）は件数を合計してから割合を求めたもので、割合を足したものとは四捨五入の分だけ異なることがあります。", scoreNote(qr))
	}
	qb.notes = append(qb.notes, "四捨五入のため合計が100.0%にならない場合があります。", "「-」は該当なし（0件）を表します。", "95%信頼区間はWilsonの方法で求めています。")
}

// scoreFigures are the mean, standard deviation and valid answers.
func scoreFigures(qr *survey.QuestionResult, s *survey.Summary) []Figure {
	return []Figure{
		{Label: "平均", Value: orDash(string(s.Mean)) + "点"},
		{Label: "標準偏差", Value: orDash(string(s.SD))},
		{Label: "有効回答数", Value: fmt.Sprintf("%d人", s.NValid)},
	}
}

// scoreNote says how the mean is scored.
func scoreNote(qr *survey.QuestionResult) string {
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
		parts = append(parts, fmt.Sprintf("%s=%d点", o.Label, v))
	}
	return "平均は " + strings.Join(parts, "、") + " とし、無回答・無効" + extraNames(qr) + "を除いた有効回答で求めています。標準偏差は不偏分散（n−1）によります。"
}

// extraNames lists the options with a role: 「・わからない」.
func extraNames(qr *survey.QuestionResult) string {
	s := ""
	for _, o := range qr.Options {
		if o.Role != survey.RoleRanked {
			s += "・" + o.Label
		}
	}
	return s
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
	seg := chart.Segment{Name: survey.TotalLabel, N: qr.Total.N}
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
		Colours: scaleColours(qr)(len(cats)), AxisTitle: fmt.Sprintf("n=%d に対する割合（%%）", qr.Total.N)})
}

func (scaleView) top(*questionBuild, chart.Meta) (chart.Chart, error) { return nil, nil }

func (scaleView) crosstab(qb *questionBuild, ct survey.Crosstab, meta chart.Meta, fonts *chart.Fonts, minCell int) (CrosstabView, error) {
	cv, err := shareCrosstab(qb.qr, ct, meta, fonts, minCell, len(qb.qr.Options) <= maxStacked, scaleColours(qb.qr))
	if err != nil {
		return cv, err
	}
	figs := []string{"平均（点）"}
	if qb.qr.Total.Summary.Top2 != nil {
		figs = append(figs, "上位2段階の計（%）", "下位2段階の計（%）")
	}
	addSummaryRows(&cv, ct, figs, func(s *survey.Summary, i int) string {
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
