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

func (maKind) summarise(q *Question, t, _ *tally, seg *Segment) { rankedRows(q, t, seg) }
