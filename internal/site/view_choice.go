package site

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"surveysite/internal/chart"
	"surveysite/internal/survey"
	template "surveysite/internal/template/html"
)

// SA and MA: a ranked bar chart with 95% intervals, the top three, and
// cross-tabs as stacked bars (SA) or grouped bars (MA).

func init() {
	registerView(survey.SA, choiceView{})
	registerView(survey.MA, choiceView{})
}

type choiceView struct{}

func (choiceView) describe(qb *questionBuild) {
	qr, qv := qb.qr, qb.qv
	switch {
	case qr.Type == survey.MA && qr.MaxChoices > 0:
		qv.TypeLabel = fmt.Sprintf("複数回答（%dつまで）", qr.MaxChoices)
	case qr.Type == survey.MA:
		qv.TypeLabel = "複数回答"
	default:
		qv.TypeLabel = "単一回答"
	}
	var desc []string
	for _, r := range qr.Total.Rows {
		rv := RowView{Label: r.Label, Count: dash(r.Count, strconv.Itoa(r.Count)), Ranked: r.Rank > 0}
		if r.Rank > 0 {
			rv.Rank = strconv.Itoa(r.Rank)
		}
		if r.HasPercent(qr.Total.N) {
			rv.Percent = dash(r.Count, r.Percent.String())
			rv.CI = r.CILow.String() + "〜" + r.CIHigh.String()
		} else {
			rv.Percent = "（nに含めない）"
		}
		if r.Rank > 0 {
			desc = append(desc, fmt.Sprintf("%d位 %s %s%%", r.Rank, r.Label, r.Percent))
		}
		qv.Rows = append(qv.Rows, rv)
	}
	qv.Table = rankedTable(qv.Rows)
	qv.Desc = fmt.Sprintf("%s（%s、n=%d）。%s。", qv.Title, qv.TypeLabel, qv.N, strings.Join(desc, "、"))
	if qr.Type == survey.MA {
		qb.notes = append(qb.notes, "複数回答のため、合計は100%を超えることがあります。")
		if s := qr.Total.Summary; s != nil && s.MT != nil {
			qv.Figures = []Figure{{Label: "M.T.（回答の合計）", Value: s.MT.String() + "%"}}
			qb.notes = append(qb.notes, "M.T.（Multiple Total）は、選ばれた選択肢の件数の合計を回答者数（n）で割った割合で、1人あたり平均していくつ選んだかを表します。")
		}
	}
	qb.notes = append(qb.notes, "四捨五入のため合計が100.0%にならない場合があります。",
		"「-」は該当なし（0件）を表します。", "95%信頼区間はWilsonの方法で求めています。")
}

// rankedTable is the table of SA and MA: rank, option, count, percent and
// interval.
func rankedTable(rows []RowView) TableView {
	t := TableView{Head: []HeadCell{{"順位", true}, {"選択肢", false}, {"件数", true}, {"割合（%）", true}, {"95%信頼区間（%）", true}}}
	for _, r := range rows {
		t.Rows = append(t.Rows, []Cell{{Text: r.Rank}, {Text: r.Label, Header: true}, {Text: r.Count}, {Text: r.Percent}, {Text: r.CI}})
	}
	return t
}

func (choiceView) chart(qb *questionBuild, meta chart.Meta) (chart.Chart, error) {
	qr := qb.qr
	var bars []chart.BarRow
	for _, r := range qr.Total.Rows {
		if r.HasPercent(qr.Total.N) {
			bars = append(bars, chart.BarRow{Label: r.Label, Value: float64(r.Percent) / 10, Text: dash(r.Count, r.Percent.String()+"%"),
				Unranked: r.Rank == 0, CI: &chart.Interval{Lo: float64(r.CILow) / 10, Hi: float64(r.CIHigh) / 10}})
		}
	}
	return chart.NewBar(meta, bars, chart.BarOptions{N: qb.qv.N})
}

func (choiceView) top(qb *questionBuild, meta chart.Meta) (chart.Chart, error) {
	return topBars(qb, meta, "上位3項目は ", "%d位 %s %s")
}

// topBars draws the rows ranked 1 to 3 (ties included); the description
// starts with lead and writes each row with item (rank, label, share).
func topBars(qb *questionBuild, meta chart.Meta, lead, item string) (chart.Chart, error) {
	var top []chart.BarRow
	var desc []string
	for _, r := range qb.qr.Total.Rows {
		if r.Rank > 0 && r.Rank <= 3 {
			text := dash(r.Count, r.Percent.String()+"%")
			top = append(top, chart.BarRow{Label: r.Label, Value: float64(r.Percent) / 10, Text: text})
			desc = append(desc, fmt.Sprintf(item, r.Rank, r.Label, text))
		}
	}
	if len(top) == 0 {
		return nil, nil
	}
	meta.Desc = lead + strings.Join(desc, "、") + "。"
	return chart.NewBar(meta, top, chart.BarOptions{N: qb.qv.N})
}

func (choiceView) crosstab(qb *questionBuild, ct survey.Crosstab, meta chart.Meta, fonts *chart.Fonts, minCell int) (CrosstabView, error) {
	return shareCrosstab(qb.qr, ct, meta, fonts, minCell, qb.qr.Type == survey.SA, nil)
}

// shareCrosstab shows a question's percentages by segment: as 100% stacked
// bars when whole (SA, SCALE: 無回答 and 無効 are categories then, when
// any), else as grouped bars (MA).
// colours, if not nil, gives the stacked bars' colours for n categories.
func shareCrosstab(qr *survey.QuestionResult, ct survey.Crosstab, meta chart.Meta, fonts *chart.Fonts, minCell int, whole bool, colours func(n int) []string) (CrosstabView, error) {
	cv := CrosstabView{Column: ct.Column}
	var codes []string
	sa := whole
	for _, r := range qr.Total.Rows {
		extra := r.Role == survey.RoleBlank || r.Role == survey.RoleInvalid
		if r.HasPercent(qr.Total.N) && (!extra || sa && r.Count > 0) {
			codes = append(codes, r.Code)
			cv.Options = append(cv.Options, r.Label)
		}
	}
	cv.Cells = make([][]string, len(codes))
	var segs []chart.Segment
	var shown []string
	for _, seg := range ct.Segments {
		name := segmentName(seg)
		cv.Segments = append(cv.Segments, SegmentView{Name: name, N: seg.N, Suppressed: seg.Suppressed, Complement: seg.Complement})
		cs := chart.Segment{Name: name, N: seg.N, Suppressed: seg.Suppressed}
		if seg.Complement {
			cs.SuppressedNote = "他の区分を守るため非表示"
			cv.Complement = true
		}
		byCode := map[string]survey.Row{}
		for _, r := range seg.Rows {
			byCode[r.Code] = r
		}
		for i, c := range codes {
			if seg.Suppressed {
				cv.Cells[i] = append(cv.Cells[i], "秘匿")
				continue
			}
			r := byCode[c]
			cv.Cells[i] = append(cv.Cells[i], dash(r.Count, r.Percent.String())+vsRestMark(r.VsRest))
			cv.Marked = cv.Marked || r.VsRest != ""
			cs.Values = append(cs.Values, float64(r.Percent)/10)
			cs.Texts = append(cs.Texts, dash(r.Count, r.Percent.String()+"%"))
		}
		if !seg.Suppressed {
			shown = append(shown, fmt.Sprintf("%s（n=%d）", name, seg.N))
		}
		segs = append(segs, cs)
	}
	meta.Desc = fmt.Sprintf("%s別の割合。表示する区分: %s。n が%d未満の区分は非表示。数値は下の表にあります。",
		ct.Column, strings.Join(shown, "、"), minCell)
	var c chart.Chart
	var err error
	if sa && len(cv.Options) > chart.MaxCategories {
		sa = false // too many for one stacked bar: grouped bars
	}
	if sa {
		var opt chart.StackedOptions
		if colours != nil {
			opt.Colours = colours(len(cv.Options))
		}
		c, err = chart.NewStacked(meta, cv.Options, segs, opt)
	} else {
		var x *chart.Crosstab
		if x, err = chart.NewCrosstab(meta, cv.Options, segs, chart.CrosstabOptions{}); err == nil {
			c = x
			cv.PrintCharts, err = printPanels(x, fonts)
		}
	}
	if err != nil {
		return cv, fmt.Errorf("cross-tab chart of %s by %s: %w", qr.ID, ct.Column, err)
	}
	return cv, writeChart(&cv, c, fonts)
}

// printHeight is the tallest grouped-bar chart, in CSS px at its natural
// size, that is printed as it is; a taller one is printed as panels. The
// report prints charts at most 190 mm (718 px) tall, so that a question's
// heading and text fit above its chart: a chart of printHeight is printed at
// 0.8 of its size, its smallest text (13 px) at about 7.8 pt.
const printHeight = 900

// printPanels writes the panels a tall grouped-bar chart is printed as
// (see chart.Crosstab.Panels), or nil when it prints as it is.
func printPanels(c *chart.Crosstab, fonts *chart.Fonts) ([]template.HTML, error) {
	var out []template.HTML
	for _, p := range c.Panels(printHeight, fonts) {
		var b bytes.Buffer
		if err := chart.WriteSVG(&b, p, fonts); err != nil {
			return nil, err
		}
		out = append(out, template.HTML(b.String()))
	}
	return out, nil
}

// segmentName is a cross-tab segment's name: its value, or （空欄） for
// respondents who left the column blank.
func segmentName(seg survey.Segment) string {
	if strings.TrimSpace(seg.Value) == "" {
		return "（空欄）"
	}
	return seg.Value
}

// vsRestMark is a cross-tab cell's mark when its share differs from the
// rest of the respondents: a symbol and a word, never a colour alone.
func vsRestMark(v string) string {
	switch v {
	case survey.Higher:
		return " ▲高"
	case survey.Lower:
		return " ▼低"
	}
	return ""
}

// writeChart sets a cross-tab's inline SVG.
func writeChart(cv *CrosstabView, c chart.Chart, fonts *chart.Fonts) error {
	var b bytes.Buffer
	if err := chart.WriteSVG(&b, c, fonts); err != nil {
		return err
	}
	cv.Chart = template.HTML(b.String())
	return nil
}
