package survey

import (
	"cmp"
	"math/big"
	"slices"

	"surveysite/internal/diag"
	"surveysite/internal/i18n"
)

// Results are the tallies of one survey.
type Results struct {
	// Notice, if set, says something every reader must know, such as that
	// the numbers are a sample; the caller sets it before writing.
	Notice    string           `json:"notice,omitempty"`
	N         int              `json:"N"` // respondents: data rows of responses.csv
	Base      Base             `json:"base"`
	MinCell   int              `json:"min_cell"`
	Questions []QuestionResult `json:"questions"` // in codebook order
	// Weights is the population table the figures are weighted to, with
	// each cell's share, respondents and weight; nil when unweighted.
	Weights *Weights `json:"weights,omitempty"`
	// Warnings are problems that did not stop the tally (an option given
	// twice in one cell), sorted by position.
	Warnings []*diag.Error `json:"-"`
	// Lang is the language of the labels (Config.Lang) and of the
	// downloads' column names and notes; nil: Japanese.
	Lang *i18n.Lang `json:"-"`
}

// words returns the language of the downloads.
func (r *Results) words() *i18n.Lang {
	if r.Lang != nil {
		return r.Lang
	}
	return i18n.Japanese()
}

// QuestionResult is the tally of one question: over all respondents and per
// segment of every cross-tab column but the question's own (a question by
// itself is its total on the diagonal).
type QuestionResult struct {
	Question
	Total     Segment    `json:"total"`
	Crosstabs []Crosstab `json:"crosstabs,omitempty"`
	// Answers are an FA question's published answers, masked, in data
	// order; nil unless Config.Publish names the question.
	Answers []FreeText `json:"answers,omitempty"`
	// Prev is the previous wave of the question, after Compare.
	Prev *Wave `json:"prev,omitempty"`
}

// Crosstab splits respondents by the values of one attribute column.
type Crosstab struct {
	Column   string    `json:"column"`
	Segments []Segment `json:"segments"` // in order of first appearance in responses.csv
}

// Segment is the tally of one group of respondents.
type Segment struct {
	Label string `json:"label"` // "全体", or "団体区分=町村"
	Value string `json:"value"` // the attribute value; "" for 全体
	N     int    `json:"n"`     // the base of this question in this segment
	// With weights: the weighted base and Kish's effective n, which the
	// intervals use.
	WeightedN Decimal `json:"weighted_n,omitempty"`
	NEff      Decimal `json:"n_eff,omitempty"`
	wn        *big.Rat
	w2        float64
	// Suppressed is true for a cross-tab segment whose n is below MinCell.
	// Its Rows are nil, so its counts cannot be published by accident.
	Suppressed bool `json:"suppressed,omitempty"`
	// Complement marks a segment hidden only so that a single small one
	// cannot be worked out from 全体 minus the others.
	Complement bool  `json:"complement,omitempty"`
	Rows       []Row `json:"rows"`
	// Summary holds the type's figures (mean, top-2, quartiles, NPS …);
	// nil for a suppressed segment and for types that have none.
	Summary *Summary `json:"summary,omitempty"`
}

// Summary is the figures of one segment beside its rows. Which are set
// depends on the type (see the package doc); unset ones are left out.
type Summary struct {
	NValid int `json:"n_valid"` // answers the figures rest on
	// MA: total mentions per respondent, in percent (M.T.).
	MT *Tenths `json:"mt,omitempty"`
	// SCALE.
	Top2    *Tenths `json:"top2,omitempty"`
	Bottom2 *Tenths `json:"bottom2,omitempty"`
	// SCALE and NUM.
	Mean Decimal `json:"mean,omitempty"`
	SD   Decimal `json:"sd,omitempty"`
	// NUM.
	Min    Decimal `json:"min,omitempty"`
	Q1     Decimal `json:"q1,omitempty"`
	Median Decimal `json:"median,omitempty"`
	Q3     Decimal `json:"q3,omitempty"`
	Max    Decimal `json:"max,omitempty"`
	// NPS: shares of valid answers and the score with its 95% interval.
	Promoters  *Tenths `json:"promoters,omitempty"`
	Passives   *Tenths `json:"passives,omitempty"`
	Detractors *Tenths `json:"detractors,omitempty"`
	NPS        *Tenths `json:"nps,omitempty"`
	NPSLow     *Tenths `json:"nps_ci_low,omitempty"`
	NPSHigh    *Tenths `json:"nps_ci_high,omitempty"`
}

func tenthsPtr(t Tenths) *Tenths { return &t }

// Row is one option of a segment, or its 無回答 (BlankCode) or 無効
// (InvalidCode) row.
type Row struct {
	Code  string `json:"code"`
	Label string `json:"label"`
	Role  Role   `json:"role,omitempty"`
	Count int    `json:"count"`
	// WeightedCount is the sum of the weights of the respondents counted,
	// with weights; Percent is then of it.
	WeightedCount Decimal  `json:"weighted_count,omitempty"`
	Percent       Tenths   `json:"percent"` // 100 × Count / n, rounded half up
	of            counter  // how Count is taken from a tally, for weights
	w             *big.Rat // the weighted count, unrounded
	Rank          int      `json:"rank"`   // 1-based competition rank; 0 if not ranked
	CILow         Tenths   `json:"ci_low"` // 95% Wilson interval, percent
	CIHigh        Tenths   `json:"ci_high"`
	// Excluded marks the 無回答 and 無効 rows under BaseAnswered: they are
	// counted outside n and have no percent or interval (all zero).
	Excluded bool `json:"excluded,omitempty"`
	// RANK: the count at each rank (ByRank[0] is 1位) and the score.
	ByRank []int `json:"by_rank,omitempty"`
	Score  *int  `json:"score,omitempty"`
	// VsRest (cross-tab rows) is Higher or Lower when the segment's share
	// differs from that of all other respondents (95% Newcombe interval).
	VsRest string `json:"vs_rest,omitempty"`
	// Prev (全体 rows, after Compare) is the previous wave's count and
	// share and the difference; its fields are written into the row's JSON.
	*Prev
}

// HasPercent reports whether the row's Percent and interval are defined.
func (r Row) HasPercent(n int) bool { return !r.Excluded && n > 0 }

// segment turns a tally into a Segment: the kind's rows, then 無回答, then
// 無効.
func (t *tally) segment(k kind, q *Question, total *tally, label, value string, base Base, minCell int, crosstab bool) Segment {
	cells := k.cells(q)
	blank, invalid := t.counts[cells], t.counts[cells+1]
	n := t.rows
	if base == BaseAnswered {
		n -= blank + invalid
	}
	seg := Segment{Label: label, Value: value, N: n}
	if crosstab && n < minCell {
		seg.Suppressed = true
		return seg
	}
	k.summarise(q, t, total, &seg)
	blankLabel, invalidLabel := t.l.T("data.blank"), t.l.T("data.invalid")
	b := newRow(BlankCode, blankLabel, RoleBlank, blank, n)
	v := newRow(InvalidCode, invalidLabel, RoleInvalid, invalid, n)
	if base == BaseAnswered {
		b = Row{Code: BlankCode, Label: blankLabel, Role: RoleBlank, Count: blank, Excluded: true}
		v = Row{Code: InvalidCode, Label: invalidLabel, Role: RoleInvalid, Count: invalid, Excluded: true}
	}
	b.of, v.of = cell(cells), cell(cells+1)
	seg.Rows = append(seg.Rows, b, v)
	if t.wt != nil {
		t.weigh(k, q, base, &seg)
	}
	for i := range seg.Rows {
		seg.Rows[i].of = nil // results compare with ==; a func never does
	}
	return seg
}

// rankedRows are the rows of SA and MA: ranked options by rank (ties in
// codebook order), then other/none/dontknow options in codebook order.
func rankedRows(q *Question, t *tally, seg *Segment) {
	n := seg.N
	seg.Rows = make([]Row, 0, len(q.Options)+2)
	for i, o := range q.Options {
		if o.ranked() {
			seg.Rows = append(seg.Rows, countRow(o.Code, o.Label, o.Role, t, cell(i), n))
		}
	}
	slices.SortStableFunc(seg.Rows, func(a, b Row) int { return cmp.Compare(b.Count, a.Count) })
	for i := range seg.Rows {
		if i > 0 && seg.Rows[i].Count == seg.Rows[i-1].Count {
			seg.Rows[i].Rank = seg.Rows[i-1].Rank
		} else {
			seg.Rows[i].Rank = i + 1
		}
	}
	for i, o := range q.Options {
		if !o.ranked() {
			seg.Rows = append(seg.Rows, countRow(o.Code, o.Label, o.Role, t, cell(i), n))
		}
	}
}

// countRow is newRow for a count taken from t by of, so that weights can
// take it from each class the same way.
func countRow(code, label string, role Role, t *tally, of counter, n int) Row {
	r := newRow(code, label, role, of(t), n)
	r.of = of
	return r
}

func newRow(code, label string, role Role, count, n int) Row {
	lo, hi := Wilson(count, n)
	return Row{Code: code, Label: label, Role: role, Count: count, Percent: Percent(count, n), CILow: lo, CIHigh: hi}
}

// rerank orders the ranked rows at the front of a weighted segment by
// weighted count (ties in codebook order) and ranks them again, as
// rankedRows does by count.
func rerank(q *Question, seg *Segment) {
	n := 0
	for n < len(seg.Rows) && seg.Rows[n].Rank > 0 {
		n++
	}
	order := map[string]int{}
	for i, o := range q.Options {
		order[o.Code] = i
	}
	ranked := seg.Rows[:n]
	slices.SortStableFunc(ranked, func(a, b Row) int {
		if c := b.w.Cmp(a.w); c != 0 {
			return c
		}
		return cmp.Compare(order[a.Code], order[b.Code])
	})
	for i := range ranked {
		if i > 0 && ranked[i].w.Cmp(ranked[i-1].w) == 0 {
			ranked[i].Rank = ranked[i-1].Rank
		} else {
			ranked[i].Rank = i + 1
		}
	}
}
