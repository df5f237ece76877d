package survey

import (
	"math"
	"math/big"
	"slices"
	"strings"

	"surveysite/internal/diag"
	"surveysite/internal/tabular"
)

// Raking (iterative proportional fitting): when only the margins of the
// population are known (its split by 性別, and by 年代, but not by both),
// weights.csv lists them, one row per value of each column:
//
//	column,value,population
//	性別,男性,48
//	性別,女性,52
//	年代,20代,"11,000"
//
// Each column's populations are shares of that column's total. Every
// combination of values found in the responses is a class; its weight
// starts at 1 and, column after column, is multiplied by the column
// value's population share over its current weighted share, until after a
// whole pass every margin is met within 1e-9 (relative) — at most
// MaxRakingPasses passes, else an error. The weights are then exact
// float64 values; every figure is computed from them as from cell weights.

// MaxRakingPasses bounds the raking loop.
const MaxRakingPasses = 1000

// rakingTolerance is how closely the weighted margins must match.
const rakingTolerance = 1e-9

// marginHeader is the header of a table of margins, in this order.
var marginHeader = []string{"column", "value", PopulationColumn}

func isMarginsHeader(head []string) bool {
	if len(head) != len(marginHeader) {
		return false
	}
	for i, h := range head {
		if strings.TrimSpace(h) != marginHeader[i] {
			return false
		}
	}
	return true
}

// loadMargins reads the rows of a table of margins.
func loadMargins(t *tabular.Table) (*Weights, error) {
	var list diag.List
	wt := &Weights{Path: t.Path}
	seen := map[string]int{}
	for r, rec := range t.Rows {
		col, val := strings.TrimSpace(rec[0]), strings.TrimSpace(rec[1])
		if col == "" {
			list.Add(diag.Errorf(t.Pos[r][0], "the row names no column").
				WithHint("write the attribute column of responses.csv this margin is of, for example 性別"))
			continue
		}
		key, pop, e := population(rec[2], t.Pos[r][2], col+"="+val+"'s")
		if e != nil {
			list.Add(e)
			continue
		}
		k := cellKey([]string{col, val})
		if first, dup := seen[k]; dup {
			list.Add(diag.Errorf(t.Pos[r][1], "%s=%s is listed again (first on line %d)", col, val, first).
				WithHint("list each value of each column once"))
			continue
		}
		seen[k] = t.Lines[r]
		if !slices.Contains(wt.Columns, col) {
			wt.Columns = append(wt.Columns, col)
			wt.colPos = append(wt.colPos, t.Pos[r][0])
		}
		wt.Margins = append(wt.Margins, WeightCell{Values: []string{col, val}, Population: key, pop: pop, line: t.Lines[r]})
	}
	if err := list.Err(); err != nil {
		return nil, err
	}
	if len(wt.Margins) == 0 {
		return nil, diag.Errorf(diag.Pos{Path: t.Path, Line: 1, Col: 1}, "%s lists no margins", t.Path).
			WithHint("add one row per value of each column (column,value,population), or delete the file to publish unweighted figures")
	}
	for _, name := range wt.Columns {
		total := new(big.Rat)
		for _, m := range wt.Margins {
			if m.Values[0] == name {
				total.Add(total, m.pop)
			}
		}
		for j := range wt.Margins {
			if m := &wt.Margins[j]; m.Values[0] == name {
				m.share = new(big.Rat).Quo(m.pop, total)
				m.Share = roundRat(m.share, 4)
			}
		}
	}
	return wt, nil
}

// bindMargins indexes the margins by column and value (as classes are
// keyed).
func (wg *weighting) bindMargins() {
	wg.margins = make([]map[string]int, len(wg.tab.Columns))
	for i := range wg.margins {
		wg.margins[i] = map[string]int{}
	}
	for j, m := range wg.tab.Margins {
		i := slices.Index(wg.tab.Columns, m.Values[0])
		wg.margins[i][normLabel(wg.canon(i, m.Values[1]))] = j
	}
}

// marginClass returns the class of the respondent whose values are in
// wg.keyb, adding it if it is new, or -1 after reporting a value that has
// no margin.
func (a *analysis) marginClass() int {
	wg := a.wt
	for i, v := range wg.keyb {
		if _, ok := wg.margins[i][normLabel(v)]; !ok {
			shown := v
			if v == "" {
				shown = "(空欄)"
			}
			a.fail(diag.Errorf(a.pos.FieldPos(wg.cols[i]), "%s=%s has no margin in %s", wg.tab.Columns[i], shown, wg.tab.Path).
				WithHint("add a row %s,%s,<population> to %s, or correct the respondent's answer", wg.tab.Columns[i], v, wg.tab.Path))
			return -1
		}
	}
	k := cellKey(wg.keyb)
	c, ok := wg.index[k]
	if !ok {
		c = len(wg.classes)
		wg.index[k] = c
		wg.classes = append(wg.classes, slices.Clone(wg.keyb))
		wg.rows = append(wg.rows, 0)
	}
	wg.rows[c]++
	return c
}

// rake fits the class weights to the margins (see the comment at the top
// of the file) and lists the classes as the table's cells.
func (wg *weighting) rake(n int, errs *diag.List) {
	tab := wg.tab
	// of[c][i] is the margin row of class c's value in column i.
	of := make([][]int, len(wg.classes))
	sample := make([]int, len(tab.Margins))
	for c, vals := range wg.classes {
		of[c] = make([]int, len(vals))
		for i, v := range vals {
			of[c][i] = wg.margins[i][normLabel(v)]
			sample[of[c][i]] += wg.rows[c]
		}
	}
	ok := true
	target := make([]float64, len(tab.Margins))
	for j := range tab.Margins {
		m := &tab.Margins[j]
		m.N = sample[j]
		s, _ := m.share.Float64()
		target[j] = s * float64(n)
		if m.N == 0 {
			errs.Add(diag.Errorf(diag.Pos{Path: tab.Path, Line: m.line, Col: 1}, "no respondent has %s=%s, so no weight can meet its margin", m.Values[0], m.Values[1]).
				WithHint("merge this value with a neighbouring one (both populations in one row), or check it against responses.csv"))
			ok = false
		}
	}
	if !ok {
		return
	}
	w := make([]float64, len(wg.classes))
	for c := range w {
		w[c] = 1
	}
	got := make([]float64, len(tab.Margins))
	margins := func() {
		clear(got)
		for c := range w {
			for _, j := range of[c] {
				got[j] += w[c] * float64(wg.rows[c])
			}
		}
	}
	passes := 0
	for passes = 1; ; passes++ {
		for i := range tab.Columns {
			margins()
			for c := range w {
				j := of[c][i]
				w[c] *= target[j] / got[j]
			}
		}
		margins()
		worst := 0.0
		for j := range got {
			worst = max(worst, math.Abs(got[j]/target[j]-1))
		}
		if worst < rakingTolerance {
			break
		}
		if passes == MaxRakingPasses || math.IsNaN(worst) {
			errs.Add(diag.Errorf(diag.Pos{Path: tab.Path, Line: 1, Col: 1}, "raking did not meet the margins in %d passes (off by %.2g)", MaxRakingPasses, worst).
				WithHint("the respondents leave some combination of margins impossible to meet; merge small values, or give the cells (one row per combination, with its population)"))
			return
		}
	}
	tab.Passes = passes
	wg.w = make([]*big.Rat, len(w))
	wg.wf = w
	for c := range wg.classes {
		wg.w[c] = new(big.Rat).SetFloat64(w[c])
	}
	// The cells listed in the margins' order (the classes keep the order
	// they were found in, which the tallies index by).
	order := make([]int, len(wg.classes))
	for c := range order {
		order[c] = c
	}
	slices.SortStableFunc(order, func(x, y int) int { return slices.Compare(of[x], of[y]) })
	tab.Cells = nil
	for _, c := range order {
		share := new(big.Rat).Mul(wg.w[c], big.NewRat(int64(wg.rows[c]), int64(n)))
		tab.Cells = append(tab.Cells, WeightCell{Values: wg.classes[c], N: wg.rows[c], share: share, Share: roundRat(share, 4),
			Weight: roundRat(wg.w[c], 4)})
	}
}
