package survey

import (
	"math"
	"math/big"
	"slices"
	"strings"

	"surveysite/internal/diag"
	"surveysite/internal/i18n"
)

// NUM is a number (日数, 人数, 金額, 年齢). A cell is read after NFKC, with
// the codebook's unit and thousands separators allowed; anything else is
// 無効 with a warning.
const NUM Type = "NUM"

func init() { register(NUM, numKind{}) }

type numKind struct{}

func (numKind) options() optionRule { return optionsNone }

func (numKind) define(list *diag.List, q *Question) {
	if q.MaxChoices > 0 {
		list.Add(diag.Errorf(q.fieldPos("max_choices"), "a NUM question takes no max_choices").
			WithHint("leave max_choices blank for NUM questions"))
	}
}

func (numKind) bind(b *binding, q *Question) reader {
	i, ok := b.column(q.ID)
	if !ok {
		b.errs.Add(diag.Errorf(b.headPos, "question %s of the codebook has no column in the responses (columns: %s)", q.ID, b.columns).
			WithHint("add a column named %s, or remove %s from the codebook", q.ID, q.ID))
		return nil
	}
	return &numReader{q: q, col: i}
}

type numReader struct {
	q   *Question
	col int
}

func (nr *numReader) read(a *analysis, rec []string) answer {
	cell := rec[nr.col]
	if strings.TrimSpace(cell) == "" || a.isMissing(cell) {
		return answer{outcome: blank}
	}
	if plainDigits(cell) {
		if v, ok := smallNum(cell); ok {
			return answer{outcome: answered, small: v + 1}
		}
		return answer{outcome: answered, num: cell} // what parseNumber gives, without its cost
	}
	key, _, ok := parseNumber(cell, nr.q.Unit)
	if !ok {
		unit := ""
		if nr.q.Unit != "" {
			unit = ", optionally followed by " + nr.q.Unit
		}
		a.warn(diag.Warnf(a.pos.FieldPos(nr.col), "%q is not a number (%s); counted as 無効 (invalid)", strings.TrimSpace(cell), nr.q.ID).
			WithHint("write digits such as 1200 or 1,200%s; list words that mean no answer under missing in the survey's page", unit))
		return answer{outcome: invalid}
	}
	return answer{outcome: answered, num: key}
}

func (numKind) cells(q *Question) int { return 0 }

// smallNum returns the value of cell, plain digits, if it is 0 to 999
// without a leading zero: the numbers a tally counts by value
// (tally.small).
func smallNum(cell string) (int, bool) {
	if len(cell) > 3 || len(cell) > 1 && cell[0] == '0' {
		return 0, false
	}
	v := 0
	for i := 0; i < len(cell); i++ {
		v = v*10 + int(cell[i]-'0')
	}
	return v, true
}

// plainDigits reports whether cell is 1 to 18 ASCII digits and nothing
// else, the common case, which parseNumber would accept as it is.
func plainDigits(cell string) bool {
	if len(cell) == 0 || len(cell) > 18 {
		return false
	}
	for i := 0; i < len(cell); i++ {
		if cell[i] < '0' || cell[i] > '9' {
			return false
		}
	}
	return true
}

func ratString(r *big.Rat) string { return string(trimDecimal(r, 6)) }

// value is one distinct number and how many gave it.
type value struct {
	r     *big.Rat
	count int
}

// values returns the distinct numbers of a tally in ascending order, merging
// spellings of one value (3 and 3.0). The numbers counted by value (small)
// are in order already; only the others are sorted, then the two merged.
func (t *tally) values() []value {
	rest := make([]value, 0, len(t.nums))
	for k, c := range t.nums {
		r, _ := new(big.Rat).SetString(k)
		rest = append(rest, value{r, c})
	}
	slices.SortFunc(rest, func(a, b value) int { return a.r.Cmp(b.r) })
	out := make([]value, 0, len(rest)+len(t.small))
	i := 0
	for v, c := range t.small {
		if c == 0 {
			continue
		}
		x := big.NewRat(int64(v), 1)
		for i < len(rest) && rest[i].r.Cmp(x) < 0 {
			out = append(out, rest[i])
			i++
		}
		out = append(out, value{x, c})
	}
	out = append(out, rest[i:]...)
	k := 0
	for i := range out {
		if k > 0 && out[k-1].r.Cmp(out[i].r) == 0 {
			out[k-1].count += out[i].count
			continue
		}
		out[k] = out[i]
		k++
	}
	return out[:k]
}

func (numKind) summarise(q *Question, t, total *tally, seg *Segment) {
	vs := t.values()
	sum := &Summary{}
	var n int
	s := new(big.Rat)
	for _, v := range vs {
		n += v.count
		s.Add(s, new(big.Rat).Mul(v.r, new(big.Rat).SetInt64(int64(v.count))))
	}
	sum.NValid = n
	if n > 0 {
		mean := new(big.Rat).Quo(s, new(big.Rat).SetInt64(int64(n)))
		sum.Mean = roundRat(mean, 2)
		if n > 1 {
			ss := new(big.Rat) // Σ count·(v − mean)²
			for _, v := range vs {
				d := new(big.Rat).Sub(v.r, mean)
				ss.Add(ss, d.Mul(d, d).Mul(d, new(big.Rat).SetInt64(int64(v.count))))
			}
			f, _ := ss.Quo(ss, new(big.Rat).SetInt64(int64(n-1))).Float64()
			sum.SD = roundFloat(math.Sqrt(f), 2)
		}
		sum.Min = trimDecimal(vs[0].r, 2)
		sum.Max = trimDecimal(vs[len(vs)-1].r, 2)
		sum.Q1 = trimDecimal(quantile(vs, n, 1, 4), 2)
		sum.Median = trimDecimal(quantile(vs, n, 2, 4), 2)
		sum.Q3 = trimDecimal(quantile(vs, n, 3, 4), 2)
	}
	seg.Summary = sum
	bins, closed := q.Bins, false
	if bins == nil {
		bins, closed = autoBins(total.values()), true
	}
	seg.Rows = binRows(t.l, q, vs, bins, closed, seg.N)
}

// quantile returns the a/b quantile of the sorted values (n in all) by
// linear interpolation between order statistics, as Excel's QUARTILE.INC
// and R's default (type 7): h = (n − 1)·a/b, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]),
// counting from 0.
func quantile(vs []value, n, a, b int) *big.Rat {
	h := new(big.Rat).SetFrac64(int64((n-1)*a), int64(b))
	lo := new(big.Int).Quo(h.Num(), h.Denom()).Int64()
	frac := new(big.Rat).Sub(h, new(big.Rat).SetInt64(lo))
	x0 := nth(vs, int(lo))
	if frac.Sign() == 0 {
		return new(big.Rat).Set(x0)
	}
	x1 := nth(vs, int(lo)+1)
	d := new(big.Rat).Sub(x1, x0)
	return d.Mul(d, frac).Add(d, x0)
}

// nth returns the i-th smallest value (from 0).
func nth(vs []value, i int) *big.Rat {
	for _, v := range vs {
		if i < v.count {
			return v.r
		}
		i -= v.count
	}
	return vs[len(vs)-1].r
}

// autoBins chooses bins on round numbers for values: a width of 1, 2 or 5
// times a power of ten, the smallest giving at most 10 bins, starting at a
// multiple of the width at or below the minimum. Integers with at most 10
// distinct values get one bin each. The last bound ends the last bin.
func autoBins(vs []value) []Decimal {
	if len(vs) == 0 {
		return nil
	}
	allInt := true
	for _, v := range vs {
		allInt = allInt && v.r.IsInt()
	}
	if allInt && len(vs) <= 10 {
		out := make([]Decimal, len(vs)+1)
		for i, v := range vs {
			out[i] = Decimal(v.r.RatString())
		}
		out[len(vs)] = Decimal(new(big.Rat).Add(vs[len(vs)-1].r, big.NewRat(1, 1)).RatString())
		return out
	}
	lo, _ := vs[0].r.Float64()
	hi, _ := vs[len(vs)-1].r.Float64()
	span := hi - lo
	w := 1.0
	if span > 0 {
		w = math.Pow(10, math.Floor(math.Log10(span/10)))
		for _, m := range []float64{1, 2, 5, 10} {
			if math.Floor(hi/(w*m))-math.Floor(lo/(w*m)) < 10 {
				w *= m
				break
			}
		}
	}
	start := math.Floor(lo/w) * w
	// Values beyond float64's range or precision (a 400-digit number, bounds
	// that round to each other) get one bin from the minimum to the maximum.
	fallback := []Decimal{trimDecimal(vs[0].r, 6), trimDecimal(vs[len(vs)-1].r, 6)}
	if math.IsInf(span, 0) || math.IsNaN(start) || w <= 0 || math.IsInf(w, 0) {
		return fallback
	}
	var out []Decimal
	var prev *big.Rat
	for k := 0; k <= 12; k++ {
		b := start + float64(k)*w
		r := new(big.Rat)
		r.SetFloat64(b)
		d := trimDecimal(r, 6)
		if prev != nil && d.rat().Cmp(prev) <= 0 {
			return fallback
		}
		prev = d.rat()
		out = append(out, d)
		if b > hi {
			return out
		}
	}
	return fallback
}

// binRows counts the values into bins: bin i holds bins[i] <= v <
// bins[i+1]. When closed, the last bound only ends the last bin; else the
// last bin holds every v >= its bound. A first row 「…未満」 holds the
// values below bins[0], if any. Labels read 「3日」 for a bin of one
// integer, 「0〜4日」 for other integer bins, else 「0以上5未満」.
func binRows(l *i18n.Lang, q *Question, vs []value, bins []Decimal, closed bool, n int) []Row {
	b := make([]*big.Rat, len(bins))
	for i, d := range bins {
		b[i] = d.rat()
	}
	nb := len(b) // bins
	if closed {
		nb--
	}
	if nb <= 0 {
		return nil
	}
	counts := make([]int, nb+1) // counts[0]: below b[0]; counts[i+1]: bin i
	allInt := true
	for _, v := range vs {
		allInt = allInt && v.r.IsInt()
		counts[binIndex(b, nb, v.r)] += v.count // the last bin whose bound is <= v
	}
	for _, d := range b {
		allInt = allInt && d.IsInt()
	}
	unit := q.Unit
	var rows []Row
	if counts[0] > 0 {
		r := newRow("_below", l.T("data.bin_below", "lo", ratString(b[0]), "unit", unit), RoleRanked, counts[0], n)
		r.of = binCounter(b, nb, 0)
		rows = append(rows, r)
	}
	one := big.NewRat(1, 1)
	for i := range nb {
		lo := ratString(b[i])
		var label string
		switch {
		case i == nb-1 && !closed:
			label = l.T("data.bin_from", "lo", lo, "unit", unit)
		case allInt && new(big.Rat).Sub(b[i+1], b[i]).Cmp(one) == 0:
			label = lo + unit
		case allInt:
			label = l.T("data.bin_span", "lo", lo, "hi", ratString(new(big.Rat).Sub(b[i+1], one)), "unit", unit)
		default:
			label = l.T("data.bin_range", "lo", lo, "hi", ratString(b[i+1]), "unit", unit)
		}
		r := newRow(lo, label, RoleRanked, counts[i+1], n)
		r.of = binCounter(b, nb, i+1)
		rows = append(rows, r)
	}
	return rows
}

// binIndex is the row of binRows that v falls in: 0 below b[0], i+1 for
// bin i.
func binIndex(b []*big.Rat, nb int, v *big.Rat) int {
	i, found := slices.BinarySearchFunc(b[:nb], v, func(e, t *big.Rat) int { return e.Cmp(t) })
	if found {
		i++
	}
	return i
}

// binCounter counts a tally's values in row j of binRows, for weights.
func binCounter(b []*big.Rat, nb, j int) counter {
	return func(ct *tally) int {
		n := 0
		for _, v := range ct.values() {
			if binIndex(b, nb, v.r) == j {
				n += v.count
			}
		}
		return n
	}
}

// weigh: the mean and sd of the weighted values; min, max and the
// quartiles stay those of the respondents.
func (numKind) weigh(q *Question, t *tally, seg *Segment) {
	if seg.Summary == nil {
		return
	}
	var w, s []*big.Rat
	for c := range t.cls {
		for _, v := range t.cls[c].values() {
			w = append(w, new(big.Rat).Mul(t.wt.w[c], big.NewRat(int64(v.count), 1)))
			s = append(s, v.r)
		}
	}
	seg.Summary.Mean, seg.Summary.SD = weightedMeanSD(w, s)
}
