package survey

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"surveysite/internal/diag"
)

// RANK is a ranking: 「1位から3位まで選んでください」. max_choices is the
// number of ranks k (blank: every option). The responses hold either one
// column per option, <id>_<code>, holding its rank (1 … k, or blank); or
// one column per rank, <id>_1 … <id>_k, holding the option's code or
// label; or one column <id> holding codes in rank order separated as MA
// answers are. An option ranked twice, two options at one rank, or a rank
// beyond k is 無効.
const RANK Type = "RANK"

func init() { register(RANK, rankKind{}) }

type rankKind struct{}

func (rankKind) options() optionRule { return optionsRequired }

func (rankKind) define(list *diag.List, q *Question) {
	if q.MaxChoices > len(q.Options) {
		list.Add(diag.Errorf(q.fieldPos("max_choices"), "max_choices is %d but %s has %d options", q.MaxChoices, q.ID, len(q.Options)).
			WithHint("write how many ranks respondents give (for 1位から3位まで write 3)"))
	}
	if q.MaxChoices == 0 {
		q.MaxChoices = len(q.Options)
	}
}

func (rankKind) cells(q *Question) int { return len(q.Options) * q.MaxChoices }

func (rankKind) bind(b *binding, q *Question) reader {
	k := q.MaxChoices
	rr := &rankReader{q: q, k: k, col: -1, sep: b.separator(q), m: newMatcher(q, b.separator(q)), at: make([]int, len(q.Options))}
	if i, ok := b.column(q.ID); ok {
		rr.col = i
		return rr
	}
	perOption := true
	for _, o := range q.Options {
		_, ok := b.col[q.ID+"_"+o.Code]
		perOption = perOption && ok
	}
	if perOption {
		for _, o := range q.Options {
			i, _ := b.column(q.ID + "_" + o.Code)
			rr.byOption = append(rr.byOption, i)
		}
		return rr
	}
	var missing []string
	for r := 1; r <= k; r++ {
		i, ok := b.column(q.ID + "_" + strconv.Itoa(r))
		if !ok {
			missing = append(missing, q.ID+"_"+strconv.Itoa(r))
		}
		rr.byRank = append(rr.byRank, i)
	}
	if len(missing) > 0 {
		b.errs.Add(diag.Errorf(b.headPos, "ranking %s has no column %s, nor one column per option (%s_<option_code>)", q.ID, strings.Join(missing, ", "), q.ID).
			WithHint("name one column per rank %s_1 … %s_%d holding option codes, or one column per option holding its rank", q.ID, q.ID, k))
		return nil
	}
	return rr
}

type rankReader struct {
	q        *Question
	k        int
	col      int   // one column of codes in rank order; -1 if none
	byOption []int // column of each option, holding its rank
	byRank   []int // column of each rank, holding an option
	m        *matcher
	sep      string
	at       []int // at[option] = rank (1-based) in this row, 0 if not ranked
	picks    []int
}

func (rr *rankReader) read(a *analysis, rec []string) answer {
	clear(rr.at)
	n := 0
	warnBad := func(ci int, format string, args ...any) answer {
		a.warn(diag.Warnf(a.pos.FieldPos(ci), format, args...).
			WithHint("each option may have one rank and each rank one option, 1 to %d; this is kept as the respondent answered", rr.k))
		return answer{outcome: invalid}
	}
	set := func(ci, opt, rank int) (answer, bool) {
		switch {
		case rank < 1 || rank > rr.k:
			return warnBad(ci, "rank %d in %s is outside 1 to %d; counted as 無効 (invalid)", rank, rr.q.ID, rr.k), false
		case rr.at[opt] != 0:
			return warnBad(ci, "option %s of %s is ranked twice; counted as 無効 (invalid)", rr.q.Options[opt].Code, rr.q.ID), false
		}
		for o, r := range rr.at {
			if r == rank {
				return warnBad(ci, "rank %d of %s is given to %s and %s; counted as 無効 (invalid)", rank, rr.q.ID, rr.q.Options[o].Code, rr.q.Options[opt].Code), false
			}
		}
		rr.at[opt] = rank
		n++
		return answer{}, true
	}
	option := func(ci int, cell string) (int, bool) {
		picks, badText := rr.m.match(cell, rr.picks[:0])
		rr.picks = picks
		if badText != "" || len(picks) != 1 {
			if badText == "" {
				badText = strings.TrimSpace(cell)
			}
			a.fail(diag.Errorf(a.pos.FieldPos(ci), "%q is not an option of %s (allowed: %s)", badText, rr.q.ID, rr.q.allowed()).
				WithHint("write one option code or exact label per rank"))
			return 0, false
		}
		return picks[0], true
	}
	switch {
	case rr.col >= 0:
		if a.isMissing(rec[rr.col]) {
			return answer{outcome: blank}
		}
		picks, badText := rr.m.match(rec[rr.col], rr.picks[:0])
		rr.picks = picks
		if badText != "" {
			a.fail(diag.Errorf(a.pos.FieldPos(rr.col), "%q is not an option of %s (allowed: %s)", badText, rr.q.ID, rr.q.allowed()).
				WithHint("write the option codes in rank order separated by %q", rr.sep))
			return answer{outcome: bad}
		}
		for r, p := range slices.Clone(picks) {
			if ans, ok := set(rr.col, p, r+1); !ok {
				return ans
			}
		}
	case rr.byOption != nil:
		for o, ci := range rr.byOption {
			cell := normLabel(rec[ci])
			if cell == "" || a.isMissing(cell) {
				continue
			}
			rank, err := strconv.Atoi(strings.TrimSuffix(cell, "位"))
			if err != nil {
				a.fail(diag.Errorf(a.pos.FieldPos(ci), "%q is not a rank for %s_%s", cell, rr.q.ID, rr.q.Options[o].Code).
					WithHint("write the option's rank as a number from 1 to %d, or leave it blank", rr.k))
				return answer{outcome: bad}
			}
			if ans, ok := set(ci, o, rank); !ok {
				return ans
			}
		}
	default:
		for r, ci := range rr.byRank {
			cell := rec[ci]
			if strings.TrimSpace(cell) == "" || a.isMissing(cell) {
				continue
			}
			o, ok := option(ci, cell)
			if !ok {
				return answer{outcome: bad}
			}
			if ans, ok := set(ci, o, r+1); !ok {
				return ans
			}
		}
	}
	if n == 0 {
		return answer{outcome: blank}
	}
	picks := rr.picks[:0]
	for o, r := range rr.at {
		if r > 0 {
			picks = append(picks, o*rr.k+r-1)
		}
	}
	rr.picks = picks
	return answer{outcome: answered, picks: picks}
}

// summarise: one row per option with its count at each rank, the count
// ranked at all (percent of n) and its score (k points for 1位 … 1 for
// k位); options with a blank role ranked by score (competition ranks, ties
// in codebook order), then the others in codebook order.
func (rankKind) summarise(q *Question, t, _ *tally, seg *Segment) {
	k := q.MaxChoices
	var ranked, rest []Row
	for i, o := range q.Options {
		by := slices.Clone(t.counts[i*k : (i+1)*k])
		count, score := 0, 0
		for r, c := range by {
			count += c
			score += (k - r) * c
		}
		row := newRow(o.Code, o.Label, o.Role, count, seg.N)
		row.of = func(ct *tally) int {
			s := 0
			for _, c := range ct.counts[i*k : (i+1)*k] {
				s += c
			}
			return s
		}
		row.ByRank, row.Score = by, &score
		if o.ranked() {
			ranked = append(ranked, row)
		} else {
			rest = append(rest, row)
		}
	}
	slices.SortStableFunc(ranked, func(a, b Row) int { return cmp.Compare(*b.Score, *a.Score) })
	for i := range ranked {
		if i > 0 && *ranked[i].Score == *ranked[i-1].Score {
			ranked[i].Rank = ranked[i-1].Rank
		} else {
			ranked[i].Rank = i + 1
		}
	}
	seg.Rows = append(ranked, rest...)
	cells := len(q.Options) * k
	seg.Summary = &Summary{NValid: t.rows - t.counts[cells] - t.counts[cells+1]}
}
