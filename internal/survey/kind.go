package survey

import (
	"surveysite/internal/diag"
	"surveysite/internal/i18n"
)

// A kind is the behaviour of one question type: how its codebook rows are
// checked, how a respondent's cell is read, and how a segment's counts
// become rows and a summary. Each type is one file (sa.go, ma.go, scale.go
// …) that registers its kind in kinds; nothing else in the package switches
// on the type.
type kind interface {
	// options says whether the type's questions list their answer options
	// in the codebook (SA, MA) or have none (NUM, FA).
	options() optionRule
	// define checks and completes a question once all its codebook rows are
	// read: max_choices, scores, generated options.
	define(list *diag.List, q *Question)
	// bind finds the question's columns in the responses header and
	// returns its reader, or nil after reporting what is missing.
	bind(b *binding, q *Question) reader
	// cells is the number of counters a segment keeps, besides 無回答 and
	// 無効.
	cells(q *Question) int
	// summarise fills a segment's option rows and summary from its tally.
	// The caller appends the 無回答 and 無効 rows.
	summarise(q *Question, t, total *tally, seg *Segment)
}

// optionRule says what option rows a type takes in the codebook.
type optionRule int

const (
	optionsRequired optionRule = iota // one row per option
	optionsNone                       // one row for the question, option_code blank
)

// reader reads one respondent's answer to one question. The picks it
// returns are the counters to add one to; they are valid until the next
// call.
type reader interface {
	read(a *analysis, rec []string) answer
}

// answer is one respondent's answer to one question.
type answer struct {
	outcome int   // answered, blank, invalid or bad
	picks   []int // counters to add one to, for answered
	num     string
	small   int // a NUM answer of 0 to 999 in plain digits, plus one; then num is ""
}

// kinds holds every question type, by the name a codebook gives it.
var kinds = map[Type]kind{}

// register adds a question type; each type's file calls it from init.
func register(t Type, k kind) {
	if _, dup := kinds[t]; dup {
		panic("survey: question type " + string(t) + " registered twice")
	}
	kinds[t] = k
}

// kindOf returns the kind of a question type that was parsed from a
// codebook; an unknown type (already reported) reads as SA so its other
// rows can still be checked.
func kindOf(t Type) kind {
	if k, ok := kinds[t]; ok {
		return k
	}
	return kinds[SA]
}

// tally is the raw counts of one question in one segment: the type's
// counters, then 無回答, then 無効; rows is the segment's number of
// respondents; nums counts each distinct number (NUM), and small those of 0
// to 999 written in plain digits (most), by value.
type tally struct {
	rows   int
	counts []int
	nums   map[string]int
	small  []int
	// With weights: the same tally for each weighting class, and the
	// weights (set once the rows are read).
	cls []tally
	wt  *weighting
	l   *i18n.Lang // the words of the rows it adds (無回答, bins …)
}

// add counts one respondent's answer.
func (t *tally) add(ans answer, cells int) {
	t.rows++
	switch ans.outcome {
	case answered:
		for _, p := range ans.picks {
			t.counts[p]++
		}
		if ans.small > 0 {
			if ans.small > len(t.small) { // grown to the largest value seen
				t.small = append(t.small, make([]int, ans.small-len(t.small))...)
			}
			t.small[ans.small-1]++
		} else if ans.num != "" {
			if t.nums == nil {
				t.nums = map[string]int{}
			}
			t.nums[ans.num]++
		}
	case blank:
		t.counts[cells]++
	case invalid:
		t.counts[cells+1]++
	}
}
