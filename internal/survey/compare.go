package survey

import (
	"io"
	"math"
	"math/big"
	"strconv"

	"surveysite/internal/i18n"
	"surveysite/internal/tabular"
)

// Changes of a row against the previous wave, and of a cross-tab cell
// against the rest of the respondents.
const (
	Up     = "up"
	Down   = "down"
	Higher = "higher"
	Lower  = "lower"
)

// Diff is the difference of two shares, in tenths of a point, with its 95%
// interval.
type Diff struct {
	Diff, Low, High Tenths
	// Sign is +1 when the interval lies above 0, −1 below, 0 when it holds 0.
	Sign int
}

// DiffOf returns 100 × (x1/n1 − x2/n2), computed from the counts and rounded
// half away from zero to one decimal, with its 95% interval by Newcombe's
// hybrid score method (his method 10) from the unrounded Wilson intervals
// of the two shares: for d = p1 − p2,
//
//	low  = d − sqrt((p1 − l1)² + (u2 − p2)²)
//	high = d + sqrt((u1 − p1)² + (p2 − l2)²)
//
// bounds rounded half away from zero. It assumes independent samples. ok is
// false when either n is not positive.
func DiffOf(x1, n1, x2, n2 int) (d Diff, ok bool) {
	if n1 <= 0 || n2 <= 0 || x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2 {
		return Diff{}, false
	}
	// 1000·(x1·n2 − x2·n1) / (n1·n2), rounded half away from zero.
	d.Diff = roundTenths(x1*n2-x2*n1, n1*n2)
	p1, p2 := float64(x1)/float64(n1), float64(x2)/float64(n2)
	l1, u1 := wilson(x1, n1)
	l2, u2 := wilson(x2, n2)
	newcombe(&d, p1, l1, u1, p2, l2, u2)
	return d, true
}

// wilson is the unrounded 95% Wilson score interval of x/n as proportions.
func wilson(x, n int) (low, high float64) {
	c, nf := float64(x), float64(n)
	z2 := Z95 * Z95
	centre := 2*c + z2
	spread := Z95 * math.Sqrt(z2+4*c*(nf-c)/nf)
	denom := 2 * (nf + z2)
	low, high = (centre-spread)/denom, (centre+spread)/denom
	if x == 0 {
		low = 0
	}
	if x == n {
		high = 1
	}
	return low, high
}

// Wave is a question's figures in the previous wave, set by Compare.
type Wave struct {
	Survey string `json:"survey"` // the previous wave's survey ID
	N      int    `json:"n"`
	// Dropped lists the options of the previous wave that this one has not.
	Dropped []string `json:"dropped,omitempty"`
	// Mean, NPS: the previous value and the difference (this − previous);
	// no interval is given for them.
	PrevMean Decimal `json:"prev_mean,omitempty"`
	MeanDiff Decimal `json:"mean_diff,omitempty"`
	PrevNPS  *Tenths `json:"prev_nps,omitempty"`
	NPSDiff  *Tenths `json:"nps_diff,omitempty"`
}

// Prev is a row's previous-wave figures.
type Prev struct {
	Count   int    `json:"prev_count"`
	Percent Tenths `json:"prev_percent"`
	Diff    Tenths `json:"diff"`
	Low     Tenths `json:"diff_ci_low"`
	High    Tenths `json:"diff_ci_high"`
	Change  string `json:"change"` // Up, Down or ""
}

// Compare sets, on every question of cur that prev has (matched by ID), the
// previous wave of its 全体 rows (matched by option code, else label) and
// returns the IDs of questions prev lacks (new) and of those cur lacks
// (dropped). Rows without a match in prev (new options) get no Prev; options
// only in prev are listed in Wave.Dropped. Nothing is merged silently.
// Both results must use the same base; rows without a percentage are not
// compared.
func Compare(cur, prev *Results, prevID string) (added, dropped []string) {
	byID := map[string]*QuestionResult{}
	for i := range prev.Questions {
		byID[prev.Questions[i].ID] = &prev.Questions[i]
	}
	seen := map[string]bool{}
	for i := range cur.Questions {
		q := &cur.Questions[i]
		p, ok := byID[q.ID]
		if !ok {
			added = append(added, q.ID)
			continue
		}
		seen[q.ID] = true
		compareQuestion(q, p, prevID)
	}
	for _, p := range prev.Questions {
		if !seen[p.ID] {
			dropped = append(dropped, p.ID)
		}
	}
	return added, dropped
}

func compareQuestion(q, p *QuestionResult, prevID string) {
	w := &Wave{Survey: prevID, N: p.Total.N}
	for i := range q.Total.Rows {
		q.Total.Rows[i].Prev = nil // from an earlier comparison of cached results
	}
	matched := map[int]bool{}
	find := func(r Row) int {
		for j, pr := range p.Total.Rows {
			// A NUM bin's code is its lower bound: the same bin only when
			// its label (both bounds) is the same too.
			if pr.Code == r.Code && (q.Type != NUM || pr.Label == r.Label) {
				return j
			}
		}
		for j, pr := range p.Total.Rows {
			if normLabel(pr.Label) == normLabel(r.Label) {
				return j
			}
		}
		return -1
	}
	for i := range q.Total.Rows {
		r := &q.Total.Rows[i]
		j := find(*r)
		if j < 0 {
			continue
		}
		matched[j] = true
		pr := p.Total.Rows[j]
		if !r.HasPercent(q.Total.N) || !pr.HasPercent(p.Total.N) {
			continue
		}
		d, ok := rowDiff(*r, &q.Total, pr, &p.Total)
		if !ok {
			continue
		}
		r.Prev = &Prev{Count: pr.Count, Percent: pr.Percent, Diff: d.Diff, Low: d.Low, High: d.High, Change: map[int]string{1: Up, -1: Down}[d.Sign]}
	}
	for j, pr := range p.Total.Rows {
		if !matched[j] && pr.Role != RoleBlank && pr.Role != RoleInvalid {
			w.Dropped = append(w.Dropped, pr.Label)
		}
	}
	if s, ps := q.Total.Summary, p.Total.Summary; s != nil && ps != nil {
		if s.Mean != "" && ps.Mean != "" {
			w.PrevMean = ps.Mean
			w.MeanDiff = roundRat(new(big.Rat).Sub(s.Mean.rat(), ps.Mean.rat()), 2)
		}
		if s.NPS != nil && ps.NPS != nil {
			w.PrevNPS = tenthsPtr(*ps.NPS)
			w.NPSDiff = tenthsPtr(*s.NPS - *ps.NPS)
		}
	}
	q.Prev = w
}

// testVsRest marks each cell of every published cross-tab segment whose
// share differs from that of all other respondents (全体 minus the
// segment): Higher or Lower when the 95% Newcombe interval of the
// difference excludes 0. Segments of n = N have no rest and are not tested.
func testVsRest(q *QuestionResult) {
	total := map[string]Row{}
	for _, r := range q.Total.Rows {
		total[r.Code] = r
	}
	for c := range q.Crosstabs {
		for s := range q.Crosstabs[c].Segments {
			seg := &q.Crosstabs[c].Segments[s]
			restN := q.Total.N - seg.N
			if seg.Suppressed || restN <= 0 {
				continue
			}
			for i := range seg.Rows {
				r := &seg.Rows[i]
				t, ok := total[r.Code]
				if !ok || !r.HasPercent(seg.N) || !t.HasPercent(q.Total.N) {
					continue
				}
				if d, ok := restDiff(r, seg, t, &q.Total); ok {
					r.VsRest = map[int]string{1: Higher, -1: Lower}[d.Sign]
				}
			}
		}
	}
}

// Uncompare removes what Compare set on res, so results kept between builds
// do not carry an old comparison.
func Uncompare(res *Results) {
	for i := range res.Questions {
		q := &res.Questions[i]
		q.Prev = nil
		for j := range q.Total.Rows {
			q.Total.Rows[j].Prev = nil
		}
	}
}

// CompareHeader returns the header row WriteCompareCSV writes, in Japanese.
func CompareHeader() []string { return compareColumns(i18n.Japanese()) }

func compareColumns(l *i18n.Lang) []string {
	return words(l, "csv.question_id", "csv.question", "csv.prev_survey", "csv.n", "csv.prev_n", "csv.option_code", "csv.option", "csv.count",
		"csv.percent", "csv.prev_count", "csv.prev_percent", "csv.diff", "csv.diff_low", "csv.diff_high", "csv.change", "csv.notes")
}

// WriteCompareCSV writes the comparison of every compared question's 全体
// rows with the previous wave, in the open-data form of WriteDownloadCSV.
// 判定 is 増加 or 減少 when the interval excludes 0, else empty.
func WriteCompareCSV(w io.Writer, res *Results, notice string) error {
	cw := tabular.NewWriter(w)
	l := res.words()
	if err := cw.Write(compareColumns(l)...); err != nil {
		return err
	}
	nt := tabular.Neutralise
	if res.Weights != nil {
		notice = joinNotes(l, l.T("csv.compare_weighted_note"), notice)
	}
	changes := map[string]string{Up: l.T("csv.up"), Down: l.T("csv.down")}
	for _, q := range res.Questions {
		if q.Prev == nil {
			continue
		}
		for _, r := range q.Total.Rows {
			if r.Prev == nil {
				continue
			}
			p := r.Prev
			change := changes[p.Change]
			// Differences may be negative: numbers are written as they are.
			if err := cw.WriteRaw(nt(q.ID), nt(q.Text), nt(q.Prev.Survey), strconv.Itoa(q.Total.N), strconv.Itoa(q.Prev.N), nt(r.Code), nt(r.Label),
				strconv.Itoa(r.Count), r.Percent.String(), strconv.Itoa(p.Count), p.Percent.String(), p.Diff.String(), p.Low.String(), p.High.String(),
				change, nt(notice)); err != nil {
				return err
			}
		}
	}
	return cw.Flush()
}

// Compared reports whether any question of res has a previous wave.
func Compared(res *Results) bool {
	for _, q := range res.Questions {
		if q.Prev != nil {
			return true
		}
	}
	return false
}

// share returns a row's count and its segment's base as the difference
// tests use them: weighted counts and Kish's effective n when the segment
// is weighted, else the counts.
func share(r Row, seg *Segment) (x, n *big.Rat, e float64) {
	if seg.wn == nil || r.w == nil {
		return big.NewRat(int64(r.Count), 1), big.NewRat(int64(seg.N), 1), float64(seg.N)
	}
	return r.w, seg.wn, neffFloat(seg.wn, seg.w2)
}

// rowDiff is the difference of a row of this wave and one of the previous:
// DiffOf for counts, diffShares when either wave is weighted.
func rowDiff(r Row, seg *Segment, pr Row, pseg *Segment) (Diff, bool) {
	if seg.wn == nil && pseg.wn == nil {
		return DiffOf(r.Count, seg.N, pr.Count, pseg.N)
	}
	x1, n1, e1 := share(r, seg)
	x2, n2, e2 := share(pr, pseg)
	return diffShares(x1, n1, e1, x2, n2, e2)
}

// restDiff is the difference of a cross-tab cell from the rest of the
// respondents (全体 minus the segment), in counts or, weighted, in
// weighted counts with the rest's effective n from the segment's and
// 全体's sums of squared weights. A rest that does not fit (a multiple
// answer counted differently) is not tested.
func restDiff(r *Row, seg *Segment, t Row, total *Segment) (Diff, bool) {
	restN := total.N - seg.N
	if seg.wn == nil {
		rest := t.Count - r.Count
		if rest < 0 || rest > restN {
			return Diff{}, false
		}
		return DiffOf(r.Count, seg.N, rest, restN)
	}
	x2 := new(big.Rat).Sub(t.w, r.w)
	n2 := new(big.Rat).Sub(total.wn, seg.wn)
	if x2.Sign() < 0 || x2.Cmp(n2) > 0 {
		return Diff{}, false
	}
	return diffShares(r.w, seg.wn, neffFloat(seg.wn, seg.w2), x2, n2, neffFloat(n2, total.w2-seg.w2))
}
