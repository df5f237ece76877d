package survey

import (
	"math"
	"math/big"
	"strconv"

	"surveysite/internal/diag"
)

// NPS is likelihood to recommend on 0–10 (Net Promoter Score). The codebook
// gives one row and no options; the eleven scores are its options, in
// order from 0 to 10.
const NPS Type = "NPS"

func init() { register(NPS, npsKind{}) }

type npsKind struct{}

func (npsKind) options() optionRule { return optionsNone }

func (npsKind) define(list *diag.List, q *Question) {
	if q.MaxChoices > 1 {
		list.Add(diag.Errorf(q.fieldPos("max_choices"), "max_choices is %d but an NPS question takes one score", q.MaxChoices).
			WithHint("leave max_choices blank for NPS questions"))
	}
	q.Options = make([]Option, 11)
	for i := range q.Options {
		s := strconv.Itoa(i)
		q.Options[i] = Option{Code: s, Label: s, Pos: q.Pos}
	}
}

func (npsKind) bind(b *binding, q *Question) reader { return bindChoice(b, q, 1) }

func (npsKind) cells(q *Question) int { return 11 }

// summarise: rows are the scores 0 … 10 as percentages of n; the summary's
// shares and score are of the valid answers.
func (npsKind) summarise(q *Question, t, _ *tally, seg *Segment) {
	seg.Rows = make([]Row, 0, 13)
	for i, o := range q.Options {
		seg.Rows = append(seg.Rows, countRow(o.Code, o.Label, o.Role, t, cell(i), seg.N))
	}
	var det, pas, pro int
	for i, c := range t.counts[:11] {
		switch {
		case i <= 6:
			det += c
		case i <= 8:
			pas += c
		default:
			pro += c
		}
	}
	valid := det + pas + pro
	sum := &Summary{NValid: valid}
	if valid > 0 {
		sum.Promoters = tenthsPtr(Percent(pro, valid))
		sum.Passives = tenthsPtr(Percent(pas, valid))
		sum.Detractors = tenthsPtr(Percent(det, valid))
		sum.NPS = tenthsPtr(roundTenths(pro-det, valid))
		lo, hi := npsInterval(pro, det, valid)
		sum.NPSLow, sum.NPSHigh = &lo, &hi
	}
	seg.Summary = sum
}

// npsInterval is the 95% Wald interval of the NPS: each respondent scores
// +1, 0 or −1, so with p and d the shares of promoters and detractors the
// variance is p + d − (p − d)², and the bounds are
// 100 · ((p − d) ± 1.959964 · sqrt(variance / n)), clipped to ±100 and
// rounded half away from zero to one decimal.
func npsInterval(pro, det, n int) (lo, hi Tenths) {
	return npsWald(float64(pro)/float64(n), float64(det)/float64(n), float64(n))
}

// npsWald is npsInterval from the shares p and d of an n that need not be
// whole (an effective n).
func npsWald(p, d, nf float64) (lo, hi Tenths) {
	nps := p - d
	se := math.Sqrt(max(0, p+d-nps*nps) / nf)
	l, h := math.Max(-1, nps-Z95*se), math.Min(1, nps+Z95*se)
	return tenthsRound(l * 1000), tenthsRound(h * 1000)
}

// tenthsRound rounds x (in tenths) half away from zero.
func tenthsRound(x float64) Tenths { return Tenths(math.Round(x)) }

// weigh: the shares and the score of the weighted valid answers, the
// interval at their effective n.
func (npsKind) weigh(q *Question, t *tally, seg *Segment) {
	sum := seg.Summary
	if sum.NValid == 0 {
		return
	}
	group := func(lo, hi int) *big.Rat {
		g := new(big.Rat)
		for _, r := range seg.Rows[lo : hi+1] {
			g.Add(g, r.w)
		}
		return g
	}
	det, pas, pro := group(0, 6), group(7, 8), group(9, 10)
	valid, sq := t.wsum(func(ct *tally) int {
		v := 0
		for _, c := range ct.counts[:11] {
			v += c
		}
		return v
	})
	sum.Promoters = tenthsPtr(percentRat(pro, valid))
	sum.Passives = tenthsPtr(percentRat(pas, valid))
	sum.Detractors = tenthsPtr(percentRat(det, valid))
	sum.NPS = tenthsPtr(tenthsRat(new(big.Rat).Quo(new(big.Rat).Sub(pro, det), valid)))
	p, d := ratio(pro, valid), ratio(det, valid)
	lo, hi := npsWald(p, d, neffFloat(valid, sq))
	sum.NPSLow, sum.NPSHigh = &lo, &hi
}
