package site

import (
	"strconv"
	"strings"

	"surveysite/internal/chart"
	"surveysite/internal/i18n"
	"surveysite/internal/survey"
)

// Helpers the type views share.

// shareTable is a table of rows without ranks: option, count, percent and
// interval, in the rows' order; first names the first column.
func shareTable(l *i18n.Lang, qr *survey.QuestionResult, first string) TableView {
	t := TableView{Head: []HeadCell{{first, false}, {l.T("table.count"), true}, {l.T("table.percent"), true}, {l.T("table.ci"), true}}}
	for _, r := range qr.Total.Rows {
		pct, ci := l.T("table.not_in_n"), ""
		if r.HasPercent(qr.Total.N) {
			pct, ci = dash(r.Count, r.Percent.String()), l.T("range", "lo", r.CILow, "hi", r.CIHigh)
		}
		t.Rows = append(t.Rows, []Cell{{Text: r.Label, Header: true}, {Text: dash(r.Count, strconv.Itoa(r.Count))}, {Text: pct}, {Text: ci}})
	}
	return t
}

// shareDesc describes rows in their order: 「とても満足 30.7%、満足 41.1%」.
func shareDesc(l *i18n.Lang, qr *survey.QuestionResult) string {
	var parts []string
	for _, r := range qr.Total.Rows {
		if r.HasPercent(qr.Total.N) && (r.Count > 0 || r.Role != survey.RoleBlank && r.Role != survey.RoleInvalid) {
			parts = append(parts, l.T("desc.share", "label", r.Label, "percent", r.Percent))
		}
	}
	return strings.Join(parts, l.T("list.sep"))
}

// pct formats a share that may be missing.
func pct(t *survey.Tenths) string {
	if t == nil {
		return "-"
	}
	return t.String() + "%"
}

// addSummaryRows appends to a cross-tab's table one row per figure, with
// each segment's value ("秘匿" for a suppressed segment).
func addSummaryRows(l *i18n.Lang, cv *CrosstabView, ct survey.Crosstab, figures []string, value func(s *survey.Summary, i int) string) {
	for i, f := range figures {
		cv.Options = append(cv.Options, f)
		var cells []string
		for _, seg := range ct.Segments {
			switch {
			case seg.Suppressed:
				cells = append(cells, l.T("table.suppressed"))
			case seg.Summary == nil:
				cells = append(cells, "-")
			default:
				cells = append(cells, value(seg.Summary, i))
			}
		}
		cv.Cells = append(cv.Cells, cells)
	}
}

// orDash returns s, or 「-」 when it is empty.
func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// shareBars draws a question's rows in their order as bars, those with a
// role (and 無回答, 無効) grey after the others.
func shareBars(qb *questionBuild, meta chart.Meta) (chart.Chart, error) {
	qr := qb.qr
	var bars, rest []chart.BarRow
	for _, r := range qr.Total.Rows {
		if !r.HasPercent(qr.Total.N) {
			continue
		}
		b := chart.BarRow{Label: r.Label, Value: float64(r.Percent) / 10, Text: dash(r.Count, r.Percent.String()+"%")}
		if r.Role != survey.RoleRanked {
			b.Unranked = true
			rest = append(rest, b)
			continue
		}
		bars = append(bars, b)
	}
	return chart.NewBar(meta, append(bars, rest...), chart.BarOptions{N: qr.Total.N})
}
