package survey

import (
	"math"
	"math/big"

	"surveysite/internal/diag"
)

// SCALE is an ordered scale (そう思う … そう思わない, 1–5, amounts in
// bands): one option per respondent, listed in the questionnaire's order,
// most positive first, and never ranked. A SCALE with a unit (円, band) is
// amounts in bands: kept in order, with no mean and no top-2. Options with a role (わからない,
// 該当しない) stay rows but have no score.
const SCALE Type = "SCALE"

func init() { register(SCALE, scaleKind{}) }

type scaleKind struct{}

func (scaleKind) options() optionRule { return optionsRequired }

// define checks that either every scored option has a value or none has
// (then they score k … 1), and that the question is single answer.
func (scaleKind) define(list *diag.List, q *Question) {
	if q.MaxChoices > 1 {
		list.Add(diag.Errorf(q.fieldPos("max_choices"), "max_choices is %d but a SCALE question takes one answer", q.MaxChoices).
			WithHint("leave max_choices blank for SCALE questions"))
	}
	with, without := 0, 0
	for _, o := range q.Options {
		switch {
		case o.Role != RoleRanked && o.Value != nil:
			list.Add(diag.Errorf(o.Pos, "option %s of %s has role %s and a value; such options are left out of the mean", o.Code, q.ID, o.Role).
				WithHint("leave value blank for わからない, 該当しない and other options with a role"))
		case o.Role != RoleRanked:
		case o.Value != nil:
			with++
		default:
			without++
		}
	}
	if with > 0 && without > 0 {
		list.Add(diag.Errorf(q.Pos, "some options of %s have a value and some do not", q.ID).
			WithHint("give every option of the scale a value, or none (then the first scores %d and the last 1)", with+without))
	}
	if with+without < 2 {
		list.Add(diag.Errorf(q.Pos, "the scale %s has %d scored options, at least 2 are needed", q.ID, with+without).
			WithHint("list the scale's options, most positive first; mark わからない and the like with option_role dontknow or none"))
	}
}

func (scaleKind) bind(b *binding, q *Question) reader { return bindChoice(b, q, 1) }

func (scaleKind) cells(q *Question) int { return len(q.Options) }

// scores returns each option's score and whether it has one.
func scores(q *Question) ([]int, []bool) {
	k := 0
	for _, o := range q.Options {
		if o.Role == RoleRanked {
			k++
		}
	}
	sc, ok := make([]int, len(q.Options)), make([]bool, len(q.Options))
	next := k
	for i, o := range q.Options {
		if o.Role != RoleRanked {
			continue
		}
		ok[i] = true
		if o.Value != nil {
			sc[i] = *o.Value
		} else {
			sc[i] = next
		}
		next--
	}
	return sc, ok
}

func (scaleKind) summarise(q *Question, t, _ *tally, seg *Segment) {
	n := seg.N
	seg.Rows = make([]Row, 0, len(q.Options)+2)
	for i, o := range q.Options {
		seg.Rows = append(seg.Rows, countRow(o.Code, o.Label, o.Role, t, cell(i), n))
	}
	sc, scored := scores(q)
	var idx []int // scored options in scale order
	for i := range q.Options {
		if scored[i] {
			idx = append(idx, i)
		}
	}
	sum := &Summary{}
	if q.Unit != "" {
		// Amounts in bands: ordered, but a mean of band positions or a
		// top-2 would mislead.
		for _, i := range idx {
			sum.NValid += t.counts[i]
		}
		seg.Summary = sum
		return
	}
	if len(idx) >= 4 {
		top := t.counts[idx[0]] + t.counts[idx[1]]
		bottom := t.counts[idx[len(idx)-1]] + t.counts[idx[len(idx)-2]]
		sum.Top2, sum.Bottom2 = tenthsPtr(Percent(top, n)), tenthsPtr(Percent(bottom, n))
	}
	var valid, s, s2 int64
	for _, i := range idx {
		c, v := int64(t.counts[i]), int64(sc[i])
		valid += c
		s += c * v
		s2 += c * v * v
	}
	sum.NValid = int(valid)
	sum.Mean, sum.SD = meanSD(valid, s, s2)
	seg.Summary = sum
}

// meanSD returns the mean (s / n) rounded half away from zero to two
// decimals, exactly, and the sample standard deviation
// sqrt((n·s2 − s²) / (n(n−1))), rounded to two decimals; "" where
// undefined (no answers; one answer for sd).
func meanSD(n, s, s2 int64) (mean, sd Decimal) {
	if n == 0 {
		return "", ""
	}
	mean = roundRat(big.NewRat(s, n), 2)
	if n < 2 {
		return mean, ""
	}
	num := new(big.Int).Sub(new(big.Int).Mul(big.NewInt(n), big.NewInt(s2)), new(big.Int).Mul(big.NewInt(s), big.NewInt(s)))
	v, _ := new(big.Rat).SetFrac(num, big.NewInt(n*(n-1))).Float64()
	return mean, roundFloat(math.Sqrt(v), 2)
}

// weigh: top-2 and bottom-2 of the weighted base, and the weighted mean
// and sd of the scores.
func (scaleKind) weigh(q *Question, t *tally, seg *Segment) {
	if q.Unit != "" {
		return
	}
	sc, scored := scores(q)
	var idx []int
	for i := range q.Options {
		if scored[i] {
			idx = append(idx, i)
		}
	}
	sum, rows := seg.Summary, seg.Rows // rows: the options in order, then 無回答, 無効
	if len(idx) >= 4 {
		top := new(big.Rat).Add(rows[idx[0]].w, rows[idx[1]].w)
		bottom := new(big.Rat).Add(rows[idx[len(idx)-1]].w, rows[idx[len(idx)-2]].w)
		sum.Top2, sum.Bottom2 = tenthsPtr(percentRat(top, seg.wn)), tenthsPtr(percentRat(bottom, seg.wn))
	}
	w, s := make([]*big.Rat, len(idx)), make([]*big.Rat, len(idx))
	for j, i := range idx {
		w[j], s[j] = rows[i].w, big.NewRat(int64(sc[i]), 1)
	}
	sum.Mean, sum.SD = weightedMeanSD(w, s)
}
