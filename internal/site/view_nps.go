package site

import (
	"fmt"

	"surveysite/internal/chart"
	"surveysite/internal/survey"
)

// NPS: the score in large type, the three groups as one stacked bar, the
// eleven scores in a table; cross-tabs as the three groups by segment with
// each segment's score.

func init() { registerView(survey.NPS, npsView{}) }

type npsView struct{}

var npsGroups = []string{"推奨者（9〜10）", "中立者（7〜8）", "批判者（0〜6）"}

func (npsView) describe(qb *questionBuild) {
	qr, qv := qb.qr, qb.qv
	qv.TypeLabel = "推奨度（0〜10の11段階）"
	qv.Table = shareTable(qr, "点数")
	s := qr.Total.Summary
	if s.NPS != nil {
		qv.Figures = []Figure{
			{Label: "NPS（ネット・プロモーター・スコア）", Value: s.NPS.String(), Large: true},
			{Label: "95%信頼区間", Value: s.NPSLow.String() + "〜" + s.NPSHigh.String()},
			{Label: npsGroups[0], Value: pct(s.Promoters)},
			{Label: npsGroups[1], Value: pct(s.Passives)},
			{Label: npsGroups[2], Value: pct(s.Detractors)},
			{Label: "有効回答数", Value: fmt.Sprintf("%d人", s.NValid)},
		}
		qv.Desc = fmt.Sprintf("%s（%s、n=%d）。NPS %s（95%%信頼区間 %s〜%s）。推奨者 %s、中立者 %s、批判者 %s（有効回答 %d）。",
			qv.Title, qv.TypeLabel, qv.N, s.NPS, s.NPSLow, s.NPSHigh, pct(s.Promoters), pct(s.Passives), pct(s.Detractors), s.NValid)
	} else {
		qv.Desc = fmt.Sprintf("%s（%s、n=%d）。有効回答はありません。", qv.Title, qv.TypeLabel, qv.N)
	}
	qb.notes = append(qb.notes,
		"NPSは、推奨者（9〜10点）の割合から批判者（0〜6点）の割合を引いたものです。有効回答（無回答・無効を除く）の件数から計算し、小数点第2位を四捨五入しています（四捨五入した割合どうしの差とは異なることがあります）。",
		"NPSの95%信頼区間は、各回答を推奨者＝+1、中立者＝0、批判者＝−1とした平均の正規近似（Wald法）で求めています。",
		"点数ごとの割合は回答者数（n）に対する割合です。", "「-」は該当なし（0件）を表します。")
}

// groups returns the three groups' shares of a segment as chart values.
func npsSegment(name string, seg survey.Segment) chart.Segment {
	cs := chart.Segment{Name: name, N: seg.N, Suppressed: seg.Suppressed}
	if seg.Suppressed {
		return cs
	}
	s := seg.Summary
	cs.N = s.NValid
	for _, t := range []*survey.Tenths{s.Promoters, s.Passives, s.Detractors} {
		if t == nil {
			cs.Values, cs.Texts = append(cs.Values, 0), append(cs.Texts, "-")
			continue
		}
		cs.Values = append(cs.Values, float64(*t)/10)
		cs.Texts = append(cs.Texts, dashTenths(*t))
	}
	return cs
}

func dashTenths(t survey.Tenths) string {
	if t == 0 {
		return "-"
	}
	return t.String() + "%"
}

var npsColours = []string{"#005AFF", "#DDE1E5", "#FF4B00"}

func (npsView) chart(qb *questionBuild, meta chart.Meta) (chart.Chart, error) {
	s := qb.qr.Total.Summary
	if s.NValid == 0 {
		return shareBars(qb, meta) // nobody gave a score: the 無回答 and 無効 rows only
	}
	seg := npsSegment("全体（NPS "+s.NPS.String()+"）", qb.qr.Total)
	return chart.NewStacked(meta, npsGroups, []chart.Segment{seg}, chart.StackedOptions{
		Colours: npsColours, AxisTitle: fmt.Sprintf("有効回答 %d に対する割合（%%）", s.NValid)})
}

func (npsView) top(*questionBuild, chart.Meta) (chart.Chart, error) { return nil, nil }

func (npsView) crosstab(qb *questionBuild, ct survey.Crosstab, meta chart.Meta, fonts *chart.Fonts, minCell int) (CrosstabView, error) {
	cv := CrosstabView{Column: ct.Column}
	var segs []chart.Segment
	for _, seg := range ct.Segments {
		cv.Segments = append(cv.Segments, SegmentView{Name: segmentName(seg), N: seg.N, Suppressed: seg.Suppressed, Complement: seg.Complement})
		cs := npsSegment(segmentName(seg), seg)
		if seg.Complement {
			cs.SuppressedNote = "他の区分を守るため非表示"
			cv.Complement = true
		}
		if !seg.Suppressed && seg.Summary.NValid == 0 {
			cs.Suppressed, cs.SuppressedNote = true, "有効回答なし"
		}
		segs = append(segs, cs)
	}
	addSummaryRows(&cv, ct, []string{"NPS", npsGroups[0] + "（%）", npsGroups[1] + "（%）", npsGroups[2] + "（%）", "有効回答数"}, func(s *survey.Summary, i int) string {
		if s.NValid == 0 {
			return "-"
		}
		switch i {
		case 0:
			return s.NPS.String()
		case 1:
			return s.Promoters.String()
		case 2:
			return s.Passives.String()
		case 3:
			return s.Detractors.String()
		}
		return fmt.Sprint(s.NValid)
	})
	meta.Desc = fmt.Sprintf("%s別の推奨者・中立者・批判者の割合とNPS。n が%d未満の区分は非表示。数値は下の表にあります。", ct.Column, minCell)
	c, err := chart.NewStacked(meta, npsGroups, segs, chart.StackedOptions{Colours: npsColours, AxisTitle: "各区分の有効回答に対する割合（%）"})
	if err != nil {
		return cv, err
	}
	return cv, writeChart(&cv, c, fonts)
}
