package survey

import (
	"math"
	"math/big"
)

// wsum returns Σ_c w_c·f(class c), exactly, and Σ_c w_c²·f(class c), for
// Kish's effective n.
func (t *tally) wsum(f func(*tally) int) (sum *big.Rat, sq float64) {
	sum = new(big.Rat)
	for c := range t.cls {
		k := f(&t.cls[c])
		if k == 0 {
			continue
		}
		sum.Add(sum, new(big.Rat).Mul(t.wt.w[c], big.NewRat(int64(k), 1)))
		sq += t.wt.wf[c] * t.wt.wf[c] * float64(k)
	}
	return sum, sq
}

// counter is how a row's count is taken from a tally, so that the weighted
// count can be taken from each class's tally the same way.
type counter func(*tally) int

func cell(i int) counter { return func(t *tally) int { return t.counts[i] } }

// weigh replaces a segment's percentages with weighted ones: each row's
// weighted count over the weighted base, intervals from Kish's effective
// n; counts stay the respondents. The kind then weighs its summary.
func (t *tally) weigh(k kind, q *Question, base Base, seg *Segment) {
	cells := k.cells(q)
	baseOf := func(ct *tally) int { return ct.rows }
	if base == BaseAnswered {
		baseOf = func(ct *tally) int { return ct.rows - ct.counts[cells] - ct.counts[cells+1] }
	}
	wn, sq := t.wsum(baseOf)
	seg.wn, seg.w2 = wn, sq
	seg.NEff = neff(wn, sq)
	seg.WeightedN = roundRat(wn, 1)
	e := neffFloat(wn, sq)
	for i := range seg.Rows {
		r := &seg.Rows[i]
		if r.of == nil {
			continue
		}
		w, _ := t.wsum(r.of)
		r.w = w
		r.WeightedCount = roundRat(w, 1)
		if r.Excluded {
			continue
		}
		r.Percent = percentRat(w, wn)
		r.CILow, r.CIHigh = wilsonShare(ratio(w, wn), e)
	}
	if wk, ok := k.(weigher); ok {
		wk.weigh(q, t, seg)
	}
}

// A weigher is a kind whose summary (or order of rows) changes with
// weights.
type weigher interface {
	weigh(q *Question, t *tally, seg *Segment)
}

// neff is Kish's effective n, (Σw)² / Σw², to one decimal.
func neff(w *big.Rat, sq float64) Decimal {
	return roundFloat(neffFloat(w, sq), 1)
}

func neffFloat(w *big.Rat, sq float64) float64 {
	if sq == 0 {
		return 0
	}
	f, _ := w.Float64()
	return f * f / sq
}

// percentRat is 100 × x / n rounded half up to one decimal, exactly.
func percentRat(x, n *big.Rat) Tenths {
	if n.Sign() <= 0 || x.Sign() < 0 {
		return 0
	}
	r := new(big.Rat).Quo(x, n)
	r.Mul(r, big.NewRat(1000, 1))
	r.Add(r, big.NewRat(1, 2))
	q := new(big.Int).Quo(r.Num(), r.Denom()) // floor: r > 0
	return Tenths(q.Int64())
}

// ratio is x / n as a float64; 0 when n is 0.
func ratio(x, n *big.Rat) float64 {
	if n.Sign() == 0 {
		return 0
	}
	f, _ := new(big.Rat).Quo(x, n).Float64()
	return f
}

// wilsonShare is the 95% Wilson interval of a share p of an effective n,
// in tenths, rounded half up; exact at the ends as Wilson is.
func wilsonShare(p, n float64) (low, high Tenths) {
	lo, hi := wilsonP(p, n)
	return tenthsOf(lo), tenthsOf(hi)
}

// wilsonP is the unrounded Wilson score interval of a share p of n, which
// need not be whole (an effective n).
func wilsonP(p, n float64) (low, high float64) {
	if n <= 0 {
		return 0, 0
	}
	z2 := Z95 * Z95
	centre := 2*n*p + z2
	spread := Z95 * math.Sqrt(z2+4*n*p*(1-p))
	denom := 2 * (n + z2)
	low, high = (centre-spread)/denom, (centre+spread)/denom
	if p <= 0 {
		low = 0
	}
	if p >= 1 {
		high = 1
	}
	return low, high
}

// diffShares is DiffOf for weighted shares: d = 100 × (x1/n1 − x2/n2)
// computed exactly from the weighted counts and rounded half away from
// zero, with Newcombe's interval from Wilson intervals at the effective
// ns e1 and e2.
func diffShares(x1, n1 *big.Rat, e1 float64, x2, n2 *big.Rat, e2 float64) (d Diff, ok bool) {
	if n1.Sign() <= 0 || n2.Sign() <= 0 || e1 <= 0 || e2 <= 0 {
		return Diff{}, false
	}
	dr := new(big.Rat).Sub(new(big.Rat).Quo(x1, n1), new(big.Rat).Quo(x2, n2))
	d.Diff = tenthsRat(dr)
	p1, p2 := ratio(x1, n1), ratio(x2, n2)
	l1, u1 := wilsonP(p1, e1)
	l2, u2 := wilsonP(p2, e2)
	newcombe(&d, p1, l1, u1, p2, l2, u2)
	return d, true
}

// newcombe sets d's interval and sign: Newcombe's hybrid score interval of
// p1 − p2 from the unrounded Wilson bounds l, u of each share (see DiffOf),
// bounds rounded half away from zero.
func newcombe(d *Diff, p1, l1, u1, p2, l2, u2 float64) {
	diff := p1 - p2
	low := diff - math.Sqrt((p1-l1)*(p1-l1)+(u2-p2)*(u2-p2))
	high := diff + math.Sqrt((u1-p1)*(u1-p1)+(p2-l2)*(p2-l2))
	d.Low, d.High = tenthsRound(low*1000), tenthsRound(high*1000)
	switch {
	case low > 0:
		d.Sign = 1
	case high < 0:
		d.Sign = -1
	}
}

// tenthsRat is a proportion r in tenths of a percent, rounded half away
// from zero, exactly.
func tenthsRat(r *big.Rat) Tenths {
	x := new(big.Rat).Mul(r, big.NewRat(1000, 1))
	neg := x.Sign() < 0
	x.Abs(x)
	x.Add(x, big.NewRat(1, 2))
	q := new(big.Int).Quo(x.Num(), x.Denom()).Int64()
	if neg {
		q = -q
	}
	return Tenths(q)
}

// weightedMeanSD returns Σw·s / Σw rounded half away from zero to two
// decimals and the weighted standard deviation that treats the weights as
// frequencies (as SPSS does), sqrt(Σw(s − mean)² / (Σw − 1)), given the
// weighted count w[i] of each score s[i]. "" where undefined.
func weightedMeanSD(w, s []*big.Rat) (mean, sd Decimal) {
	sw, sws := new(big.Rat), new(big.Rat)
	for i := range w {
		sw.Add(sw, w[i])
		sws.Add(sws, new(big.Rat).Mul(w[i], s[i]))
	}
	if sw.Sign() == 0 {
		return "", ""
	}
	m := new(big.Rat).Quo(sws, sw)
	mean = roundRat(m, 2)
	den := new(big.Rat).Sub(sw, big.NewRat(1, 1))
	if den.Sign() <= 0 {
		return mean, ""
	}
	ss := new(big.Rat)
	for i := range w {
		d := new(big.Rat).Sub(s[i], m)
		ss.Add(ss, d.Mul(d, d).Mul(d, w[i]))
	}
	v, _ := ss.Quo(ss, den).Float64()
	return mean, roundFloat(math.Sqrt(v), 2)
}
