package survey

import (
	"cmp"
	"slices"

	"surveysite/internal/diag"
)

// TotalLabel is the segment label of all respondents.
const TotalLabel = "全体"

// Results are the tallies of one survey.
type Results struct {
	// Notice, if set, says something every reader must know, such as that
	// the numbers are a sample; the caller sets it before writing.
	Notice    string           `json:"notice,omitempty"`
	N         int              `json:"N"` // respondents: data rows of responses.csv
	Base      Base             `json:"base"`
	MinCell   int              `json:"min_cell"`
	Questions []QuestionResult `json:"questions"` // in codebook order
	// Warnings are problems that did not stop the tally (an option given
	// twice in one cell), sorted by position.
	Warnings []*diag.Error `json:"-"`
}

// QuestionResult is the tally of one question: over all respondents and per
// segment of every cross-tab column.
type QuestionResult struct {
	Question
	Total     Segment    `json:"total"`
	Crosstabs []Crosstab `json:"crosstabs,omitempty"`
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
	// Suppressed is true for a cross-tab segment whose n is below MinCell.
	// Its Rows are nil, so its counts cannot be published by accident.
	Suppressed bool `json:"suppressed,omitempty"`
	// Complement marks a segment hidden only so that a single small one
	// cannot be worked out from 全体 minus the others.
	Complement bool  `json:"complement,omitempty"`
	Rows       []Row `json:"rows"`
}

// Row is one option of a segment, or its 無回答 (BlankCode) or 無効
// (InvalidCode) row.
type Row struct {
	Code    string `json:"code"`
	Label   string `json:"label"`
	Role    Role   `json:"role,omitempty"`
	Count   int    `json:"count"`
	Percent Tenths `json:"percent"`        // 100 × Count / n, rounded half up
	Rank    int    `json:"rank,omitempty"` // 1-based competition rank; 0 if not ranked
	CILow   Tenths `json:"ci_low"`         // 95% Wilson interval, percent
	CIHigh  Tenths `json:"ci_high"`
	// Excluded marks the 無回答 and 無効 rows under BaseAnswered: they are
	// counted outside n and have no percent or interval (all zero).
	Excluded bool `json:"excluded,omitempty"`
}

// HasPercent reports whether the row's Percent and interval are defined.
func (r Row) HasPercent(n int) bool { return !r.Excluded && n > 0 }

// tally is the raw counts of one question in one segment: one count per
// option, then blanks, then invalid answers; rows is the segment's number
// of respondents.
type tally struct {
	rows   int
	counts []int
}

// segment turns a tally into a Segment. Rows are ordered: ranked options by
// rank (ties in codebook order), then other/none/dontknow options in codebook
// order, then 無回答, then 無効.
func (t *tally) segment(q *Question, label, value string, base Base, minCell int, crosstab bool) Segment {
	nopt := len(q.Options)
	blank, invalid := t.counts[nopt], t.counts[nopt+1]
	n := t.rows
	if base == BaseAnswered {
		n -= blank + invalid
	}
	seg := Segment{Label: label, Value: value, N: n}
	if crosstab && n < minCell {
		seg.Suppressed = true
		return seg
	}
	seg.Rows = make([]Row, 0, nopt+2)
	for i, o := range q.Options {
		if o.ranked() {
			seg.Rows = append(seg.Rows, newRow(o.Code, o.Label, o.Role, t.counts[i], n))
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
			seg.Rows = append(seg.Rows, newRow(o.Code, o.Label, o.Role, t.counts[i], n))
		}
	}
	b := newRow(BlankCode, BlankLabel, RoleBlank, blank, n)
	v := newRow(InvalidCode, InvalidLabel, RoleInvalid, invalid, n)
	if base == BaseAnswered {
		b = Row{Code: BlankCode, Label: BlankLabel, Role: RoleBlank, Count: blank, Excluded: true}
		v = Row{Code: InvalidCode, Label: InvalidLabel, Role: RoleInvalid, Count: invalid, Excluded: true}
	}
	seg.Rows = append(seg.Rows, b, v)
	return seg
}

func newRow(code, label string, role Role, count, n int) Row {
	lo, hi := Wilson(count, n)
	return Row{Code: code, Label: label, Role: role, Count: count, Percent: Percent(count, n), CILow: lo, CIHigh: hi}
}
