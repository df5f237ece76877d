package survey

import "surveysite/internal/diag"

// MA is a multiple-answer question: any number of options, or at most
// MaxChoices ("5つまで"), each counted, ranked by count. More picks than
// MaxChoices are 無効.
const MA Type = "MA"

func init() { register(MA, maKind{}) }

type maKind struct{}

func (maKind) options() optionRule { return optionsRequired }

func (maKind) define(*diag.List, *Question) {}

func (maKind) bind(b *binding, q *Question) reader { return bindChoice(b, q, q.MaxChoices) }

func (maKind) cells(q *Question) int { return len(q.Options) }

// summarise adds M.T. (multiple total): all mentions as a percentage of n,
// as 内閣府 reports print it, and n_valid, the respondents who picked at
// least one option validly.
func (maKind) summarise(q *Question, t, _ *tally, seg *Segment) {
	rankedRows(q, t, seg)
	mentions := 0
	for _, c := range t.counts[:len(q.Options)] {
		mentions += c
	}
	valid := t.rows - t.counts[len(q.Options)] - t.counts[len(q.Options)+1]
	seg.Summary = &Summary{NValid: valid, MT: tenthsPtr(Percent(mentions, seg.N))}
}

// weigh ranks the options by their weighted counts; M.T. is the weighted
// mentions over the weighted base.
func (maKind) weigh(q *Question, t *tally, seg *Segment) {
	rerank(q, seg)
	mentions, _ := t.wsum(func(ct *tally) int {
		m := 0
		for _, c := range ct.counts[:len(q.Options)] {
			m += c
		}
		return m
	})
	seg.Summary.MT = tenthsPtr(percentRat(mentions, seg.wn))
}
