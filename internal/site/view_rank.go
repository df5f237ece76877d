package site

import (
	"strconv"
	"strings"

	"surveysite/internal/chart"
	"surveysite/internal/i18n"
	"surveysite/internal/survey"
)

// RANK: per option a bar stacked by rank (1位 darkest) against 100% of n,
// in order of score; the table gives the count at each rank, the count
// ranked at all and the score.

func init() { registerView(survey.RANK, rankView{}) }

type rankView struct{}

// rankNames names the ranks 1 to k: 1位, 2位 ….
func rankNames(l *i18n.Lang, k int) []string {
	out := make([]string, k)
	for i := range out {
		out[i] = l.T("rank.nth", "n", i+1)
	}
	return out
}

func (rankView) describe(qb *questionBuild) {
	qr, qv, l := qb.qr, qb.qv, qb.l
	k := qr.MaxChoices
	qv.TypeLabel = l.T("type.rank", "k", k)
	head := []HeadCell{{l.T("table.rank"), true}, {l.T("table.option"), false}}
	for _, r := range rankNames(l, k) {
		head = append(head, HeadCell{l.T("table.count_of", "name", r), true})
	}
	head = append(head, HeadCell{l.T("table.ranked_count"), true}, HeadCell{l.T("table.percent"), true}, HeadCell{l.T("table.points"), true})
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
		p := l.T("table.not_in_n")
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
			desc = append(desc, l.T("desc.rank_item", "rank", l.T("rank.nth", "n", r.Rank), "label", r.Label, "score", *r.Score))
		}
	}
	qv.Desc = l.T("desc.rank", "title", qv.Title, "type", qv.TypeLabel, "n", qv.N, "items", strings.Join(desc, l.T("list.sep")))
	qb.notes = append(qb.notes, l.T("note.rank_score", "k", k), l.T("note.rank_share"), l.T("note.dash"))
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
	return chart.NewStacked(meta, rankNames(qb.l, k), segs, chart.StackedOptions{Partial: true, Colours: chart.RankColours(k),
		AxisTitle: qb.l.T("chart.axis_by_rank", "n", qr.Total.N)})
}

func (rankView) top(qb *questionBuild, meta chart.Meta) (chart.Chart, error) {
	return topBars(qb, meta, "desc.rank_top3", "desc.rank_top3_item")
}

func (rankView) crosstab(qb *questionBuild, ct survey.Crosstab, meta chart.Meta, fonts *chart.Fonts, minCell int) (CrosstabView, error) {
	return shareCrosstab(qb.l, qb.qr, ct, meta, fonts, minCell, false, nil)
}
