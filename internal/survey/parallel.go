package survey

import (
	"io"
	"slices"
	"sync"

	"surveysite/internal/diag"
	"surveysite/internal/tabular"
)

// positions gives the positions of the cells of the row being tallied.
type positions interface {
	FieldPos(i int) diag.Pos
	Line() int
}

// keeper is Records that can keep the positions of the record last read
// past the next Read (*tabular.Reader is one, and an export read through
// its columns): the analysis then tallies rows on other cores while it
// reads the next ones.
type keeper interface {
	Keep(k *tabular.Kept)
	// KeptPos is FieldPos(i) of the record kept in k.
	KeptPos(k *tabular.Kept, i int) diag.Pos
}

// kept is the positions of row i of a batch's rows, kept by a keeper. (An
// index, not a pointer: it changes with every row a worker tallies, and
// storing a pointer costs a write barrier while the collector runs.)
type kept struct {
	r    keeper
	rows []keptRow
	i    int
}

func (p *kept) FieldPos(i int) diag.Pos { return p.r.KeptPos(&p.rows[p.i].pos, i) }
func (p *kept) Line() int               { return p.rows[p.i].pos.Line() }

// event is a problem found in a row, to be added to its list in file order.
type event struct {
	seq, qi int // the record's number; the question's index, -1 for the row's own checks
	e       *diag.Error
	warn    bool
}

// batchRows is how many rows a batch holds: enough that handing a batch on
// costs little per row, few enough that the batches in flight stay small.
const batchRows = 256

// batch is rows read and checked, to be tallied by every worker.
type batch struct {
	rows   []keptRow
	events [][]event // [0] the reader's, [1+w] worker w's
	done   sync.WaitGroup
	panic  []failure // each worker's first, if a question's reader panicked
}

// failure is a panic in a question's reader: its record and question, so
// that the one a run one row after another meets first is reported.
type failure struct {
	seq, qi int
	e       *diag.Error
}

// before reports whether f comes before g in file order: by record, then
// question.
func (f failure) before(g failure) bool {
	return g.e == nil || f.seq < g.seq || f.seq == g.seq && f.qi < g.qi
}

type keptRow struct {
	seq, row int // the record's number (records in error count); a.rows with it
	rec      []string
	slots    []int
	pos      tabular.Kept
}

// runParallel is run with the questions shared among workers goroutines,
// each tallying its own questions (so a question's tallies and reader state
// belong to one goroutine), while this one reads and checks the next rows.
// Problems go to the batch's events and are added to the lists once the
// batch is done, sorted by record and question: the lists get them in the
// order a run one row after another adds them, so the same ones are shown.
func (a *analysis) runParallel(kp keeper, workers int) error {
	const depth = 4 // batches in flight
	// Each worker takes questions next to each other: their readers and
	// tallies were allocated next to each other, and a cache line written
	// by two cores is slow for both.
	mine := make([][]int, workers)
	for qi := range a.qs {
		w := qi * workers / len(a.qs)
		mine[w] = append(mine[w], qi)
	}
	feeds := make([]chan *batch, workers)
	for w := range feeds {
		feeds[w] = make(chan *batch, depth)
		wa := &analysis{path: a.path, cfg: a.cfg, idCol: a.idCol, missing: a.missing, exclude: a.exclude, qs: a.qs}
		go wa.work(kp, w, mine[w], feeds[w])
	}
	defer func() {
		for _, f := range feeds {
			close(f)
		}
	}()
	var pending []*batch
	// finish waits for the oldest batch and adds its problems.
	finish := func() (*batch, *diag.Error) {
		b := pending[0]
		pending = pending[1:]
		b.done.Wait()
		var first failure
		for _, f := range b.panic {
			if f.e != nil && f.before(first) {
				first = f
			}
		}
		var evs []event
		for _, e := range b.events {
			for _, ev := range e {
				// After a panic, a run one row after another stops: only
				// what it found before the failing question is reported.
				if first.e == nil || (failure{ev.seq, ev.qi, ev.e}).before(first) {
					evs = append(evs, ev)
				}
			}
		}
		slices.SortStableFunc(evs, func(x, y event) int {
			if x.seq != y.seq {
				return x.seq - y.seq
			}
			return x.qi - y.qi
		})
		for _, e := range evs {
			if e.warn {
				a.warns.Add(e.e)
			} else {
				a.errs.Add(e.e)
			}
		}
		if first.e != nil {
			return nil, first.e
		}
		for i := range b.events {
			b.events[i] = b.events[i][:0]
		}
		b.rows = b.rows[:0]
		return b, nil
	}
	_, direct := a.r.(*tabular.Reader)
	slots := make([]int, 1+len(a.byCols))
	var err error
	var failed *diag.Error // a reader's panic
	for err == nil {
		var b *batch
		if len(pending) == depth {
			if b, failed = finish(); failed != nil {
				break
			}
		} else {
			b = &batch{events: make([][]event, 1+workers), panic: make([]failure, workers)}
		}
		a.sink = &b.events[0]
		for len(b.rows) < batchRows {
			var rec []string
			rec, err = a.next(slots)
			if err == errSkip {
				err = nil
				continue
			}
			if err != nil {
				break
			}
			if len(b.rows) < cap(b.rows) {
				b.rows = b.rows[:len(b.rows)+1]
			} else {
				b.rows = append(b.rows, keptRow{})
			}
			row := &b.rows[len(b.rows)-1]
			row.seq, row.row = a.seq, a.rows
			row.slots = append(row.slots[:0], slots...)
			kp.Keep(&row.pos)
			if direct {
				row.rec = row.pos.Record() // the same record, kept once
			} else {
				row.rec = append(row.rec[:0], rec...)
			}
		}
		a.sink = nil
		b.done.Add(workers)
		for _, f := range feeds {
			f <- b
		}
		pending = append(pending, b)
	}
	for len(pending) > 0 && failed == nil {
		_, failed = finish()
	}
	if failed != nil {
		a.errs.Add(failed)
		return a.errs.Err()
	}
	if err == io.EOF {
		a.totalFromSegments()
		return nil
	}
	a.errs.AddErr(diag.Pos{Path: a.path}, err)
	return a.errs.Err()
}

// totalFromSegments sets each question's 全体 tally, to which the workers
// add nothing when there are segments, to the sum of its tallies in the
// segments of the first attribute: every row is in one of them (those with
// a blank cell in one of its own), so the sum is what adding every row to
// 全体 gives, for a third of the adds with two attributes.
func (a *analysis) totalFromSegments() {
	if len(a.byCols) == 0 {
		return
	}
	a.padTallies()
	for _, st := range a.qs {
		for s := 1; s < len(a.slots); s++ {
			if a.slots[s].by == 0 {
				st.tallys[0].merge(&st.tallys[s])
			}
		}
	}
}

// merge adds u's counts to t's.
func (t *tally) merge(u *tally) {
	t.rows += u.rows
	for i, c := range u.counts {
		t.counts[i] += c
	}
	if len(u.small) > len(t.small) {
		t.small = append(t.small, make([]int, len(u.small)-len(t.small))...)
	}
	for i, c := range u.small {
		t.small[i] += c
	}
	for v, c := range u.nums {
		if t.nums == nil {
			t.nums = map[string]int{}
		}
		t.nums[v] += c
	}
	for i := range u.cls {
		t.cls[i].merge(&u.cls[i])
	}
}

// work tallies the questions qis of every batch from feed, as worker w.
func (a *analysis) work(kp keeper, w int, qis []int, feed <-chan *batch) {
	pos := &kept{r: kp}
	a.pos = pos
	for b := range feed {
		a.sink = &b.events[1+w]
		pos.rows, pos.i = b.rows, 0
		for _, qi := range qis {
			// A question whose reader panics stops there; the others go
			// on, for a panic on an earlier row.
			if f := a.tallyBatch(b, qi, pos); f.e != nil && f.before(b.panic[w]) {
				b.panic[w] = f
			}
		}
		b.done.Done()
	}
}

// tallyBatch tallies question qi of every row of b, returning the panic of
// its reader, if any.
func (a *analysis) tallyBatch(b *batch, qi int, pos *kept) (f failure) {
	defer func() {
		if p := recover(); p != nil {
			row := &b.rows[pos.i]
			f = failure{row.seq, qi, diag.Panicked(diag.Pos{Path: a.path, Line: pos.Line()}, "the responses", p)}
		}
	}()
	a.qi = qi
	st := a.qs[qi]
	for i := range b.rows {
		row := &b.rows[i]
		pos.i = i
		a.seq, a.rows = row.seq, row.row
		slots := row.slots
		if len(slots) > 1 {
			slots = slots[1:] // 全体 is added up from the segments after the last row (totalFromSegments)
		}
		a.tallyQuestion(st, row.rec, slots, -1)
	}
	return failure{}
}
