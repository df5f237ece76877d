package survey

import "surveysite/internal/diag"

// SA is a single-answer question: one option per respondent, ranked by
// count. Two or more picks are 無効.
const SA Type = "SA"

func init() { register(SA, saKind{}) }

type saKind struct{}

func (saKind) options() optionRule { return optionsRequired }

func (saKind) define(list *diag.List, q *Question) {
	if q.MaxChoices > 1 {
		list.Add(diag.Errorf(q.fieldPos("max_choices"), "max_choices is %d but the question is SA (single answer)", q.MaxChoices).
			WithHint("leave max_choices blank for SA questions, or change the type to MA"))
	}
}

func (saKind) bind(b *binding, q *Question) reader { return bindChoice(b, q, 1) }

func (saKind) cells(q *Question) int { return len(q.Options) }

func (saKind) summarise(q *Question, t, _ *tally, seg *Segment) { rankedRows(q, t, seg) }

// weigh ranks the options by their weighted counts.
func (saKind) weigh(q *Question, t *tally, seg *Segment) { rerank(q, seg) }
