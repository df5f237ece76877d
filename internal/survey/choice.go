package survey

import (
	"strings"

	"surveysite/internal/diag"
)

// This file reads the answers of every type whose respondents pick options
// (SA, MA, SCALE, NPS): either one column named by the question ID holding
// codes or labels, or the wide layout of one 0/1 column per option.

// binding is what a kind sees of the responses header while it finds its
// columns.
type binding struct {
	col     map[string]int // column name -> index
	head    []string
	headPos diag.Pos
	columns string // the header, for messages
	cfg     Config
	errs    *diag.List
	used    map[int]bool // columns that hold answers
}

// column returns the index of the named column and marks it used.
func (b *binding) column(name string) (int, bool) {
	i, ok := b.col[name]
	if ok {
		b.used[i] = true
	}
	return i, ok
}

// separator returns the question's separator, else the survey's.
func (b *binding) separator(q *Question) string {
	if q.Separator != "" {
		return q.Separator
	}
	return b.cfg.Separator
}

// choiceReader reads a pick-from-a-list question.
type choiceReader struct {
	q     *Question
	limit int   // the most picks that are valid; 0 for no limit
	col   int   // the answer column; -1 in the wide layout
	wide  []int // wide layout: the column of each option
	m     *matcher
	sep   string
	stamp []int // stamp[i] == row number: option i already picked in this row
	picks []int
}

// bindChoice finds the column of q, or its wide columns, and returns a
// reader that allows at most limit picks (0: any number).
func bindChoice(b *binding, q *Question, limit int) reader {
	sep := b.separator(q)
	cr := &choiceReader{q: q, limit: limit, col: -1, sep: sep, stamp: make([]int, len(q.Options)), m: newMatcher(q, sep)}
	for i := range cr.stamp {
		cr.stamp[i] = -1
	}
	if i, ok := b.column(q.ID); ok {
		cr.col = i
		return cr
	}
	var missing []string
	found := 0
	for _, o := range q.Options {
		name := q.ID + "_" + o.Code
		i, ok := b.column(name)
		if !ok {
			missing = append(missing, name)
		} else {
			found++
		}
		cr.wide = append(cr.wide, i)
	}
	switch {
	case found == 0:
		b.errs.Add(diag.Errorf(b.headPos, "question %s of the codebook has no column in the responses (columns: %s)", q.ID, b.columns).
			WithHint("add a column named %s, or one column per option named %s_<option_code>, or remove %s from the codebook", q.ID, q.ID, q.ID))
		return nil
	case len(missing) > 0:
		b.errs.Add(diag.Errorf(b.headPos, "question %s is in the wide layout but has no column %s", q.ID, strings.Join(missing, ", ")).
			WithHint("add the missing columns (1 for picked, blank or 0 for not), or check the option codes in the codebook"))
		return nil
	}
	return cr
}

// read returns the outcome of one respondent and the distinct options
// picked.
func (cr *choiceReader) read(a *analysis, rec []string) answer {
	q := cr.q
	picks := cr.picks[:0]
	row := a.rows
	if cr.col >= 0 {
		cell := rec[cr.col]
		if a.isMissing(cell) {
			return answer{outcome: blank}
		}
		var badText string
		picks, badText = cr.m.match(cell, picks)
		if badText != "" {
			a.fail(diag.Errorf(a.pos.FieldPos(cr.col), "%q is not an option of %s (allowed: %s)", badText, q.ID, q.allowed()).
				WithHint("write option codes or exact labels separated by %q, or add the option to the codebook", cr.sep))
			return answer{outcome: bad}
		}
	} else {
		for i, ci := range cr.wide {
			on, ok := wideValue(rec[ci])
			switch {
			case ok:
			case normLabel(rec[ci]) == normLabel(q.Options[i].Label):
				on, ok = true, true // the option's label, as SurveyMonkey writes a pick
			case q.Options[i].Role == RoleOther:
				on, ok = true, true // text typed into an その他 column: picked
			}
			if !ok {
				a.fail(diag.Errorf(a.pos.FieldPos(ci), "%q is not a valid mark for %s_%s (allowed: 1, 0, TRUE, FALSE, ○, blank)", strings.TrimSpace(rec[ci]), q.ID, q.Options[i].Code).
					WithHint("write 1 or ○ if the option was picked, and 0 or leave the cell blank if not"))
				return answer{outcome: bad}
			}
			if on {
				picks = append(picks, i)
			}
		}
	}
	// Keep each option once, warning about repeats.
	k := 0
	for _, p := range picks {
		if cr.stamp[p] == row {
			cr.warnRepeat(a, p)
			continue
		}
		cr.stamp[p] = row
		picks[k] = p
		k++
	}
	picks = picks[:k]
	cr.picks = picks
	switch {
	case k == 0:
		return answer{outcome: blank}
	case cr.limit > 0 && k > cr.limit:
		cr.warnInvalid(a, k)
		return answer{outcome: invalid}
	}
	return answer{outcome: answered, picks: picks}
}

// warnInvalid reports an answer counted as 無効: more picks than allowed.
func (cr *choiceReader) warnInvalid(a *analysis, k int) {
	pos := diag.Pos{Path: a.path, Line: a.pos.Line()}
	if cr.col >= 0 {
		pos = a.pos.FieldPos(cr.col)
	} else if len(cr.wide) > 0 {
		pos = a.pos.FieldPos(cr.wide[0])
	}
	a.warn(diag.Warnf(pos, "%d answers to %s, which allows at most %d; counted as 無効 (invalid)", k, cr.q.ID, cr.limit).
		WithHint("this is kept as the respondent answered; correct the cell only if it was mistyped"))
}

func (cr *choiceReader) warnRepeat(a *analysis, p int) {
	o := cr.q.Options[p]
	a.warn(diag.Warnf(a.pos.FieldPos(cr.col), "option %s (%s) of %s is given twice in this cell; counted once", o.Code, o.Label, cr.q.ID).
		WithHint("remove the repeated answer"))
}
