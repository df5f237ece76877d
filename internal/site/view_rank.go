package site

import (
	"fmt"
	"strconv"
	"strings"

	"surveysite/internal/chart"
	"surveysite/internal/survey"
)

// RANK: per option a bar stacked by rank (1位 darkest) against 100% of n,
// in order of score; the table gives the count at each rank, the count
// ranked at all and the score.

func init() { registerView(survey.RANK, rankView{}) }

type rankView struct{}

func rankNames(k int) []string {
	out := make([]string, k)
	for i := range out {
		out[i] = strconv.Itoa(i+1) + "位"
	}
	return out
}

func (rankView) describe(qb *questionBuild) {
	qr, qv := qb.qr, qb.qv
	k := qr.MaxChoices
	qv.TypeLabel = fmt.Sprintf("順位回答（%d位まで）", k)
	head := []HeadCell{{"順位", true}, {"選択肢", false}}
	for _, r := range rankNames(k) {
		head = append(head, HeadCell{r + "（件）", true})
	}
	head = append(head, HeadCell{"順位をつけた人（件）", true}, HeadCell{"割合（%）", true}, HeadCell{"得点", true})
	qv.Table.Head = head
	var desc []string
	for _, r := range qr.Total.Rows {
		rank := ""
		if r.Rank > 0 {
			rank = strconv.Itoa(r.Rank)
		}
		cells := []Cell{{Text: rank}, {Text: r.Label, Header: true}}
		for i := range k {
			c := 0
			if r.ByRank != nil {
				c = r.ByRank[i]
			}
			if r.ByRank == nil {
				cells = append(cells, Cell{Text: ""})
			} else {
				cells = append(cells, Cell{Text: dash(c, strconv.Itoa(c))})
			}
		}
		p := "（nに含めない）"
		if r.HasPercent(qr.Total.N) {
			p = dash(r.Count, r.Percent.String())
		}
		score := ""
		if r.Score != nil {
			score = dash(*r.Score, strconv.Itoa(*r.Score))
		}
		cells = append(cells, Cell{Text: dash(r.Count, strconv.Itoa(r.Count))}, Cell{Text: p}, Cell{Text: score})
		qv.Table.Rows = append(qv.Table.Rows, cells)
		qv.Rows = append(qv.Rows, RowView{Rank: rank, Label: r.Label, Count: dash(r.Count, strconv.Itoa(r.Count)), Percent: p, Ranked: r.Rank > 0})
		if r.Rank > 0 && r.Rank <= 3 {
			desc = append(desc, fmt.Sprintf("%d位 %s（%d点）", r.Rank, r.Label, *r.Score))
		}
	}
	qv.Desc = fmt.Sprintf("%s（%s、n=%d）。得点の順に %s。", qv.Title, qv.TypeLabel, qv.N, strings.Join(desc, "、"))
	qb.notes = append(qb.notes,
		fmt.Sprintf("得点は、1位を%d点、%d位を1点として、各順位の件数に掛けて合計したものです。選択肢は得点の順に並べています（同点は同じ順位）。", k, k),
		"割合は、その選択肢にいずれかの順位をつけた人の、回答者数（n）に対する割合です。",
		"「-」は該当なし（0件）を表します。")
}

func (rankView) chart(qb *questionBuild, meta chart.Meta) (chart.Chart, error) {
	qr := qb.qr
	k := qr.MaxChoices
	var segs []chart.Segment
	for _, r := range qr.Total.Rows {
		if r.ByRank == nil {
			continue
		}
		cs := chart.Segment{Name: r.Label, N: qr.Total.N}
		for _, c := range r.ByRank {
			p := survey.Percent(c, qr.Total.N)
			cs.Values = append(cs.Values, float64(p)/10)
			cs.Texts = append(cs.Texts, dash(c, p.String()+"%"))
		}
		segs = append(segs, cs)
	}
	return chart.NewStacked(meta, rankNames(k), segs, chart.StackedOptions{Partial: true, Colours: chart.RankColours(k),
		AxisTitle: fmt.Sprintf("n=%d に対する割合（%%）：順位別", qr.Total.N)})
}

func (rankView) top(qb *questionBuild, meta chart.Meta) (chart.Chart, error) {
	return topBars(qb, meta, "得点の上位3項目は ", "%d位 %s（順位をつけた人 %s）")
}

func (rankView) crosstab(qb *questionBuild, ct survey.Crosstab, meta chart.Meta, fonts *chart.Fonts, minCell int) (CrosstabView, error) {
	return shareCrosstab(qb.qr, ct, meta, fonts, minCell, false, nil)
}
