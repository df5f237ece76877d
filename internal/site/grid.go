package site

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"surveysite/internal/chart"
	"surveysite/internal/survey"
	template "surveysite/internal/template/html"
)

// GridView is a battery (マトリクス設問): SCALE questions that share a
// codebook group and the same options, reported together as one chart and
// one table, items sorted by their top-2 share (ties in codebook order).
type GridView struct {
	ID      string // the heading's id on the survey page
	Name    string // the group
	Items   []*QuestionView
	Columns []string   // the options (and 無回答, 無効 when any item has them), then the summary figures
	Cells   [][]string // Cells[item][column]
	Chart   template.HTML
	Desc    string
}

// gridKey says which questions form one grid: the group and the options.
func gridKey(q survey.QuestionResult) string {
	var b strings.Builder
	b.WriteString(q.Group)
	for _, o := range q.Options {
		b.WriteString("\x00" + o.Code + "\x00" + o.Label + "\x00" + string(o.Role))
	}
	return b.String()
}

// grids returns the grids of a survey: groups of two or more SCALE
// questions in codebook order of their first item.
func (s *Site) grids(sv *SurveyView, res *survey.Results, fonts *chart.Fonts) ([]*GridView, error) {
	var order []string
	members := map[string][]int{}
	for i, q := range res.Questions {
		if q.Type != survey.SCALE || q.Group == "" {
			continue
		}
		k := gridKey(q)
		if members[k] == nil {
			order = append(order, k)
		}
		members[k] = append(members[k], i)
	}
	var out []*GridView
	for gi, k := range order {
		idx := members[k]
		if len(idx) < 2 {
			continue
		}
		g, err := newGrid(sv, res, idx, gi+1, fonts)
		if err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, nil
}

func newGrid(sv *SurveyView, res *survey.Results, idx []int, num int, fonts *chart.Fonts) (*GridView, error) {
	first, l := res.Questions[idx[0]], sv.lang
	g := &GridView{ID: "grid-" + strconv.Itoa(num), Name: first.Group}
	top2 := func(i int) int {
		if t := res.Questions[i].Total.Summary.Top2; t != nil {
			return int(*t)
		}
		return 0
	}
	slices.SortStableFunc(idx, func(a, b int) int { return top2(b) - top2(a) })
	// Columns: every option row, and 無回答/無効 when any item has them.
	var codes []string
	for _, r := range first.Total.Rows {
		extra := r.Role == survey.RoleBlank || r.Role == survey.RoleInvalid
		if !r.HasPercent(first.Total.N) {
			continue
		}
		if extra && !slices.ContainsFunc(idx, func(i int) bool { return rowCount(res.Questions[i].Total, r.Code) > 0 }) {
			continue
		}
		codes = append(codes, r.Code)
		g.Columns = append(g.Columns, r.Label)
	}
	hasTop2 := first.Total.Summary.Top2 != nil
	var segs []chart.Segment
	var desc []string
	for _, i := range idx {
		q := res.Questions[i]
		qv := sv.question(q.ID)
		g.Items = append(g.Items, qv)
		cs := chart.Segment{Name: qv.Title, N: q.Total.N}
		var cells []string
		for _, c := range codes {
			r := row(q.Total, c)
			cells = append(cells, dash(r.Count, r.Percent.String()))
			cs.Values = append(cs.Values, float64(r.Percent)/10)
			cs.Texts = append(cs.Texts, dash(r.Count, r.Percent.String()+"%"))
		}
		sum := q.Total.Summary
		if hasTop2 {
			cells = append(cells, sum.Top2.String())
			desc = append(desc, l.T("desc.grid_item", "title", qv.Title, "top", sum.Top2))
		}
		cells = append(cells, orDash(string(sum.Mean)), strconv.Itoa(q.Total.N))
		g.Cells = append(g.Cells, cells)
		segs = append(segs, cs)
	}
	if hasTop2 {
		g.Columns = append(g.Columns, l.T("table.top2"))
	}
	g.Columns = append(g.Columns, l.T("table.mean_points"), "n")
	g.Desc = l.T("desc.grid", "name", g.Name, "n", len(idx), "items", strings.Join(desc, l.T("list.sep")))
	if sv.Notice != "" {
		g.Desc = l.T("notice.desc_prefix") + g.Desc
	}
	footnote := ""
	if sv.Notice != "" {
		footnote = l.T("notice.footnote", "notice", sv.Notice)
	}
	k := scaled(&first)
	c, err := chart.NewStacked(chart.Meta{ID: sanitizeID(sv.ID + "-" + g.ID), Title: g.Name, Desc: g.Desc, Footnote: footnote, Lang: l},
		g.Columns[:len(codes)], segs, chart.StackedOptions{Colours: chart.ScaleColours(k, len(codes)-k), AxisTitle: l.T("chart.axis_items")})
	if err != nil {
		return nil, fmt.Errorf("grid %s: %w", g.Name, err)
	}
	var cv CrosstabView
	if err := writeChart(&cv, c, fonts); err != nil {
		return nil, err
	}
	g.Chart = cv.Chart
	return g, nil
}

// row returns the row of a segment with the given code.
func row(seg survey.Segment, code string) survey.Row {
	for _, r := range seg.Rows {
		if r.Code == code {
			return r
		}
	}
	return survey.Row{}
}

func rowCount(seg survey.Segment, code string) int { return row(seg, code).Count }

// question returns the view of a question of the survey, or nil.
func (sv *SurveyView) question(id string) *QuestionView {
	for _, q := range sv.Questions {
		if q.ID == id {
			return q
		}
	}
	return nil
}
