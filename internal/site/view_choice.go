package site

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"surveysite/internal/chart"
	"surveysite/internal/i18n"
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
	qr, qv, l := qb.qr, qb.qv, qb.l
	switch {
	case qr.Type == survey.MA && qr.MaxChoices > 0:
		qv.TypeLabel = l.T("type.ma_max", "max", qr.MaxChoices)
	case qr.Type == survey.MA:
		qv.TypeLabel = l.T("type.ma")
	default:
		qv.TypeLabel = l.T("type.sa")
	}
	var desc []string
	for _, r := range qr.Total.Rows {
		rv := RowView{Label: r.Label, Count: dash(r.Count, strconv.Itoa(r.Count)), Ranked: r.Rank > 0}
		if r.Rank > 0 {
			rv.Rank = strconv.Itoa(r.Rank)
		}
		if r.HasPercent(qr.Total.N) {
			rv.Percent = dash(r.Count, r.Percent.String())
			rv.CI = l.T("range", "lo", r.CILow, "hi", r.CIHigh)
		} else {
			rv.Percent = l.T("table.not_in_n")
		}
		if r.Rank > 0 {
			desc = append(desc, l.T("desc.ranked", "rank", l.T("rank.nth", "n", r.Rank), "label", r.Label, "percent", r.Percent))
		}
		qv.Rows = append(qv.Rows, rv)
	}
	qv.Table = rankedTable(l, qv.Rows)
	qv.Desc = l.T("desc.question", "title", qv.Title, "type", qv.TypeLabel, "n", qv.N, "items", strings.Join(desc, l.T("list.sep")))
	if qr.Type == survey.MA {
		qb.notes = append(qb.notes, l.T("note.ma"))
		if s := qr.Total.Summary; s != nil && s.MT != nil {
			qv.Figures = []Figure{{Label: l.T("figure.mt"), Value: s.MT.String() + "%"}}
			qb.notes = append(qb.notes, l.T("note.mt"))
		}
	}
	qb.notes = append(qb.notes, l.T("note.rounding"), l.T("note.dash"), l.T("note.wilson"))
}

// rankedTable is the table of SA and MA: rank, option, count, percent and
// interval.
func rankedTable(l *i18n.Lang, rows []RowView) TableView {
	t := TableView{Head: []HeadCell{{l.T("table.rank"), true}, {l.T("table.option"), false}, {l.T("table.count"), true}, {l.T("table.percent"), true}, {l.T("table.ci"), true}}}
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
	return topBars(qb, meta, "desc.top3", "desc.top3_item")
}

// topBars draws the rows ranked 1 to 3 (ties included); the description is
// the message desc of the rows, each written by the message item (with
// rank, label and text, the share).
func topBars(qb *questionBuild, meta chart.Meta, desc, item string) (chart.Chart, error) {
	l := qb.l
	var top []chart.BarRow
	var items []string
	for _, r := range qb.qr.Total.Rows {
		if r.Rank > 0 && r.Rank <= 3 {
			text := dash(r.Count, r.Percent.String()+"%")
			top = append(top, chart.BarRow{Label: r.Label, Value: float64(r.Percent) / 10, Text: text})
			items = append(items, l.T(item, "rank", l.T("rank.nth", "n", r.Rank), "label", r.Label, "text", text))
		}
	}
	if len(top) == 0 {
		return nil, nil
	}
	meta.Desc = l.T(desc, "items", strings.Join(items, l.T("list.sep")))
	return chart.NewBar(meta, top, chart.BarOptions{N: qb.qv.N})
}

func (choiceView) crosstab(qb *questionBuild, ct survey.Crosstab, meta chart.Meta, fonts *chart.Fonts, minCell int) (CrosstabView, error) {
	return shareCrosstab(qb.l, qb.qr, ct, meta, fonts, minCell, qb.qr.Type == survey.SA, nil)
}

// shareCrosstab shows a question's percentages by segment: as 100% stacked
// bars when whole (SA, SCALE: 無回答 and 無効 are categories then, when
// any), else as grouped bars (MA).
// colours, if not nil, gives the stacked bars' colours for n categories.
func shareCrosstab(l *i18n.Lang, qr *survey.QuestionResult, ct survey.Crosstab, meta chart.Meta, fonts *chart.Fonts, minCell int, whole bool, colours func(n int) []string) (CrosstabView, error) {
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
		name := segmentName(l, seg)
		cv.Segments = append(cv.Segments, SegmentView{Name: name, N: seg.N, Suppressed: seg.Suppressed, Complement: seg.Complement})
		cs := chart.Segment{Name: name, N: seg.N, Suppressed: seg.Suppressed}
		if seg.Complement {
			cs.SuppressedNote = l.T("chart.hidden_complement")
			cv.Complement = true
		}
		byCode := map[string]survey.Row{}
		for _, r := range seg.Rows {
			byCode[r.Code] = r
		}
		for i, c := range codes {
			if seg.Suppressed {
				cv.Cells[i] = append(cv.Cells[i], l.T("table.suppressed"))
				continue
			}
			r := byCode[c]
			cv.Cells[i] = append(cv.Cells[i], dash(r.Count, r.Percent.String())+vsRestMark(l, r.VsRest))
			cv.Marked = cv.Marked || r.VsRest != ""
			cs.Values = append(cs.Values, float64(r.Percent)/10)
			cs.Texts = append(cs.Texts, dash(r.Count, r.Percent.String()+"%"))
		}
		if !seg.Suppressed {
			shown = append(shown, l.T("desc.segment", "name", name, "n", seg.N))
		}
		segs = append(segs, cs)
	}
	meta.Desc = l.T("desc.crosstab", "column", ct.Column, "segments", strings.Join(shown, l.T("list.sep")), "min", minCell)
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
func segmentName(l *i18n.Lang, seg survey.Segment) string {
	if strings.TrimSpace(seg.Value) == "" {
		return l.T("segment.blank")
	}
	return seg.Value
}

// vsRestMark is a cross-tab cell's mark when its share differs from the
// rest of the respondents: a symbol and a word, never a colour alone.
func vsRestMark(l *i18n.Lang, v string) string {
	switch v {
	case survey.Higher:
		return l.T("mark.higher")
	case survey.Lower:
		return l.T("mark.lower")
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
