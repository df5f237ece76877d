package survey

import (
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"slices"
	"strings"

	"surveysite/internal/diag"
	"surveysite/internal/tabular"
)

// Base says which respondents a question's percentages are of.
type Base string

// The bases.
const (
	BaseAll      Base = "all"      // every respondent; blanks and invalid answers are rows of their own
	BaseAnswered Base = "answered" // only respondents with a valid answer
)

// DefaultMinCell is the smallest published cross-tab segment n.
const DefaultMinCell = 10

// IDColumn is the column of responses.csv that names each respondent.
const IDColumn = "respondent_id"

// Config says how to read and tally responses. The zero Config tallies with
// separator ";", base all, MinCell 10 and no cross-tabs.
type Config struct {
	Separator string   // between answers in one cell; "" means ";"
	Base      Base     // "" means BaseAll
	MinCell   int      // cross-tab segments with n below it are suppressed; 0 means DefaultMinCell
	By        []string // attribute columns to cross-tabulate by
	// ByPos is where By was written (a setting in another file), for
	// errors about it; zero means the responses' header row.
	ByPos diag.Pos
}

func (c Config) normalised() (Config, error) {
	if c.Separator == "" {
		c.Separator = ";"
	}
	switch c.Base {
	case "":
		c.Base = BaseAll
	case BaseAll, BaseAnswered:
	default:
		return c, fmt.Errorf("unknown base %q (allowed: all, answered)", c.Base)
	}
	if c.MinCell == 0 {
		c.MinCell = DefaultMinCell
	}
	if c.MinCell < 0 {
		return c, fmt.Errorf("min cell %d is negative", c.MinCell)
	}
	return c, nil
}

// qstate is the running tally of one question.
type qstate struct {
	q      *Question
	col    int   // the answer column; -1 in the wide layout
	wide   []int // wide layout: the column of each option
	m      *matcher
	stamp  []int // stamp[i] == row number: option i already picked in this row
	picks  []int
	tallys []tally // one per segment slot
}

// slot is one segment: slot 0 is 全体, the rest are cross-tab values.
type slot struct {
	by    int // index into Config.By; -1 for 全体
	value string
}

// Analyse reads responsesPath from fsys one row at a time and tallies every
// question of cb. Memory does not grow with the rows. (To find repeated
// respondent_ids, a file whose IDs are not in increasing order costs 8 bytes
// per row from the first ID out of order, and the rows before it are read
// twice.) Problems in the file are
// returned together as a *diag.List, capped at diag.MaxPerFile.
func Analyse(fsys fs.FS, responsesPath string, cb *Codebook, cfg Config) (*Results, error) {
	cfg, err := cfg.normalised()
	if err != nil {
		return nil, err
	}
	r, c, err := tabular.Open(fsys, responsesPath)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	head, err := r.Header()
	if err != nil {
		return nil, err
	}
	a, err := newAnalysis(r, head, cb, cfg)
	if err != nil {
		return nil, err
	}
	if err := a.run(); err != nil {
		return nil, err
	}
	if err := a.findDupes(fsys, responsesPath); err != nil {
		return nil, err
	}
	if len(a.dupes) > 0 {
		a.reportDupes(fsys, responsesPath)
	}
	if err := a.errs.Err(); err != nil {
		return nil, err
	}
	return a.results(), nil
}

type analysis struct {
	r      *tabular.Reader
	cfg    Config
	idCol  int
	byCols []int
	qs     []*qstate
	slots  []slot
	index  []map[string]int // per By column: value -> slot
	seed   maphash.Seed
	prevID string   // the last respondent_id while they increase
	broken int      // the row whose ID first did not increase; 0 if none yet
	ids    []uint64 // hashes of respondent_ids from row broken on
	dupes  map[uint64]bool
	rows   int
	errs   diag.List
	warns  diag.List
	nwarn  int
}

func newAnalysis(r *tabular.Reader, head []string, cb *Codebook, cfg Config) (*analysis, error) {
	a := &analysis{r: r, cfg: cfg, idCol: -1, seed: maphash.MakeSeed()}
	col := make(map[string]int, len(head))
	for i, h := range head {
		col[h] = i
	}
	headPos := diag.Pos{Path: r.Path, Line: r.Line(), Col: 1}
	columns := strings.Join(head, ", ")
	if i, ok := col[IDColumn]; ok {
		a.idCol = i
	} else {
		a.errs.Add(diag.Errorf(headPos, "responses have no %s column (columns: %s)", IDColumn, columns).
			WithHint("add a column %s with a unique ID for each respondent", IDColumn))
	}
	isQuestion := map[int]bool{}
	for qi := range cb.Questions {
		q := &cb.Questions[qi]
		st := &qstate{q: q, col: -1, stamp: make([]int, len(q.Options)), m: newMatcher(q, cfg.Separator)}
		for i := range st.stamp {
			st.stamp[i] = -1
		}
		if i, ok := col[q.ID]; ok {
			st.col = i
			isQuestion[i] = true
		} else {
			var missing []string
			found := 0
			for _, o := range q.Options {
				name := q.ID + "_" + o.Code
				i, ok := col[name]
				if !ok {
					missing = append(missing, name)
				} else {
					found++
					isQuestion[i] = true
				}
				st.wide = append(st.wide, i)
			}
			switch {
			case found == 0:
				a.errs.Add(diag.Errorf(headPos, "question %s of the codebook has no column in the responses (columns: %s)", q.ID, columns).
					WithHint("add a column named %s, or one column per option named %s_<option_code>, or remove %s from the codebook", q.ID, q.ID, q.ID))
			case len(missing) > 0:
				a.errs.Add(diag.Errorf(headPos, "question %s is in the wide layout but has no column %s", q.ID, strings.Join(missing, ", ")).
					WithHint("add the missing columns (1 for picked, blank or 0 for not), or check the option codes in the codebook"))
			}
		}
		a.qs = append(a.qs, st)
	}
	a.slots = []slot{{by: -1}}
	byPos := headPos // where the cross-tab setting was written, if the caller knows
	if cfg.ByPos.Path != "" {
		byPos = cfg.ByPos
	}
	for _, b := range cfg.By {
		i, ok := col[b]
		switch {
		case !ok:
			a.errs.Add(diag.Errorf(byPos, "there is no column %q to cross-tabulate by (columns: %s)", b, columns).
				WithHint("name one of the attribute columns, for example 団体区分"))
		case isQuestion[i] || i == a.idCol:
			a.errs.Add(diag.Errorf(byPos, "column %q is a question or the ID, not an attribute to cross-tabulate by", b).
				WithHint("name an attribute column, for example 団体区分"))
		}
		a.byCols = append(a.byCols, i)
		a.index = append(a.index, map[string]int{})
	}
	for _, st := range a.qs {
		st.tallys = []tally{{counts: make([]int, len(st.q.Options)+2)}}
	}
	if err := a.errs.Err(); err != nil {
		return nil, err
	}
	return a, nil
}

// run streams the rows.
func (a *analysis) run() error {
	slots := make([]int, 1+len(a.byCols))
	for {
		rec, err := a.r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var de *diag.Error
			if errors.As(err, &de) && de.Err == nil {
				a.errs.Add(de) // a row with the wrong number of cells: go on
				continue
			}
			a.errs.AddErr(diag.Pos{Path: a.r.Path}, err)
			return a.errs.Err()
		}
		a.rows++
		a.checkID(rec[a.idCol])
		for b, ci := range a.byCols {
			slots[1+b] = a.slotOf(b, strings.TrimSpace(rec[ci]))
		}
		for _, st := range a.qs {
			a.tallyQuestion(st, rec, slots)
		}
	}
}

func (a *analysis) checkID(id string) {
	if id == "" || id[0] <= ' ' || id[len(id)-1] <= ' ' {
		id = strings.TrimSpace(id)
	}
	if id == "" {
		a.errs.Add(diag.Errorf(a.r.FieldPos(a.idCol), "%s is empty", IDColumn).
			WithHint("give every respondent a unique ID"))
		return
	}
	// While IDs increase (shorter first, then by bytes: R0009 < R0010,
	// 9 < 10) they cannot repeat, and nothing is kept. From the first ID out
	// of order, hashes are kept; findDupes adds those of the rows before.
	if a.broken == 0 {
		if len(id) > len(a.prevID) || len(id) == len(a.prevID) && id > a.prevID {
			a.prevID = id
			return
		}
		a.broken = a.rows
	}
	a.ids = append(a.ids, maphash.String(a.seed, id))
}

func (a *analysis) slotOf(b int, v string) int {
	if s, ok := a.index[b][v]; ok {
		return s
	}
	s := len(a.slots)
	a.index[b][v] = s
	a.slots = append(a.slots, slot{by: b, value: v})
	for _, st := range a.qs {
		st.tallys = append(st.tallys, tally{counts: make([]int, len(st.q.Options)+2)})
	}
	return s
}

// The outcomes of one respondent for one question.
const (
	answered = iota
	blank
	invalid
	bad // an error was reported; not counted
)

func (a *analysis) tallyQuestion(st *qstate, rec []string, slots []int) {
	outcome, picks := a.read(st, rec)
	nopt := len(st.q.Options)
	for _, s := range slots {
		t := &st.tallys[s]
		t.rows++
		switch outcome {
		case answered:
			for _, p := range picks {
				t.counts[p]++
			}
		case blank:
			t.counts[nopt]++
		case invalid:
			t.counts[nopt+1]++
		}
	}
}

// read returns the outcome of one respondent for st and the distinct options
// picked.
func (a *analysis) read(st *qstate, rec []string) (int, []int) {
	q := st.q
	picks := st.picks[:0]
	row := a.rows
	if st.col >= 0 {
		var badText string
		picks, badText = st.m.match(rec[st.col], picks)
		if badText != "" {
			a.errs.Add(diag.Errorf(a.r.FieldPos(st.col), "%q is not an option of %s (allowed: %s)", badText, q.ID, q.allowed()).
				WithHint("write option codes or exact labels separated by %q, or add the option to the codebook", a.cfg.Separator))
			return bad, nil
		}
	} else {
		for i, ci := range st.wide {
			on, ok := wideValue(rec[ci])
			if !ok {
				a.errs.Add(diag.Errorf(a.r.FieldPos(ci), "%q is not a valid mark for %s_%s (allowed: 1, 0, TRUE, FALSE, ○, blank)", strings.TrimSpace(rec[ci]), q.ID, q.Options[i].Code).
					WithHint("write 1 or ○ if the option was picked, and 0 or leave the cell blank if not"))
				return bad, nil
			}
			if on {
				picks = append(picks, i)
			}
		}
	}
	// Keep each option once, warning about repeats.
	k := 0
	for _, p := range picks {
		if st.stamp[p] == row {
			a.warnRepeat(st, p)
			continue
		}
		st.stamp[p] = row
		picks[k] = p
		k++
	}
	picks = picks[:k]
	st.picks = picks
	switch {
	case k == 0:
		return blank, nil
	case q.Type == SA && k > 1, q.MaxChoices > 0 && k > q.MaxChoices:
		a.warnInvalid(st, k)
		return invalid, nil
	}
	return answered, picks
}

// warnInvalid reports an answer counted as 無効: more picks than allowed.
func (a *analysis) warnInvalid(st *qstate, k int) {
	a.nwarn++
	if a.nwarn > diag.MaxPerFile {
		return
	}
	pos := diag.Pos{Path: a.r.Path, Line: a.r.Line()}
	if st.col >= 0 {
		pos = a.r.FieldPos(st.col)
	} else if len(st.wide) > 0 {
		pos = a.r.FieldPos(st.wide[0])
	}
	allowed := 1
	if st.q.Type == MA {
		allowed = st.q.MaxChoices
	}
	a.warns.Add(diag.Warnf(pos, "%d answers to %s, which allows at most %d; counted as 無効 (invalid)", k, st.q.ID, allowed).
		WithHint("this is kept as the respondent answered; correct the cell only if it was mistyped"))
}

func (a *analysis) warnRepeat(st *qstate, p int) {
	a.nwarn++
	if a.nwarn > diag.MaxPerFile {
		return
	}
	o := st.q.Options[p]
	a.warns.Add(diag.Warnf(a.r.FieldPos(st.col), "option %s (%s) of %s is given twice in this cell; counted once", o.Code, o.Label, st.q.ID).
		WithHint("remove the repeated answer"))
}

// findDupes finds the ID hashes seen twice. If the IDs were out of order
// somewhere, it reads the rows before that point again for their hashes;
// files whose IDs increase throughout need no second reading and no memory.
func (a *analysis) findDupes(fsys fs.FS, path string) error {
	if a.broken == 0 {
		return nil
	}
	r, c, err := tabular.Open(fsys, path)
	if err != nil {
		return err
	}
	defer c.Close()
	if _, err := r.Header(); err != nil {
		return err
	}
	for row := 1; row < a.broken; {
		rec, err := r.Read()
		if err != nil {
			if err == io.EOF {
				break
			}
			continue // reported on the first reading
		}
		row++
		if id := strings.TrimSpace(rec[a.idCol]); id != "" {
			a.ids = append(a.ids, maphash.String(a.seed, id))
		}
	}
	slices.Sort(a.ids)
	for i := 1; i < len(a.ids); i++ {
		if a.ids[i] == a.ids[i-1] {
			if a.dupes == nil {
				a.dupes = map[uint64]bool{}
			}
			a.dupes[a.ids[i]] = true
		}
	}
	a.ids = nil
	return nil
}

// reportDupes reads the file again, only on this error path, to name the
// repeated IDs and their lines (hashes may collide; values decide).
func (a *analysis) reportDupes(fsys fs.FS, path string) {
	r, c, err := tabular.Open(fsys, path)
	if err != nil {
		a.errs.AddErr(diag.Pos{Path: path}, err)
		return
	}
	defer c.Close()
	if _, err := r.Header(); err != nil {
		return
	}
	first := map[string]int{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			continue
		}
		id := strings.TrimSpace(rec[a.idCol])
		if !a.dupes[maphash.String(a.seed, id)] {
			continue
		}
		if line, ok := first[id]; ok {
			a.errs.Add(diag.Errorf(r.FieldPos(a.idCol), "%s %q is used again (first on line %d)", IDColumn, id, line).
				WithHint("give every respondent a unique ID, or delete the repeated row"))
			continue
		}
		first[id] = r.Line()
	}
}

// suppressComplement hides one more segment when exactly one is hidden
// (secondary, or complementary, suppression): otherwise the hidden one
// follows from 全体 minus the published segments. It hides the smallest of
// the others (the first of equals).
func suppressComplement(segs []Segment) {
	hidden, smallest := 0, -1
	for i, sg := range segs {
		switch {
		case sg.Suppressed && sg.N > 0:
			hidden++ // a hidden segment of n=0 hides nothing: all its counts are 0
		case sg.Suppressed:
		case sg.N > 0 && (smallest < 0 || sg.N < segs[smallest].N):
			smallest = i
		}
	}
	if hidden == 1 && smallest >= 0 {
		segs[smallest].Suppressed, segs[smallest].Complement, segs[smallest].Rows = true, true, nil
	}
}

func (a *analysis) results() *Results {
	res := &Results{N: a.rows, Base: a.cfg.Base, MinCell: a.cfg.MinCell, Warnings: a.warns.Items()}
	if a.nwarn > diag.MaxPerFile {
		res.Warnings = append(res.Warnings, diag.Warnf(diag.Pos{Path: a.r.Path},
			"%d more warnings (repeated or too many answers) not shown", a.nwarn-diag.MaxPerFile))
	}
	for _, st := range a.qs {
		qr := QuestionResult{Question: *st.q}
		qr.Total = st.tallys[0].segment(st.q, TotalLabel, "", a.cfg.Base, a.cfg.MinCell, false)
		for b, name := range a.cfg.By {
			ct := Crosstab{Column: name}
			for s := 1; s < len(a.slots); s++ {
				if a.slots[s].by != b {
					continue
				}
				v := a.slots[s].value
				label := name + "=" + v
				if v == "" {
					label = name + "=(空欄)"
				}
				ct.Segments = append(ct.Segments, st.tallys[s].segment(st.q, label, v, a.cfg.Base, a.cfg.MinCell, true))
			}
			suppressComplement(ct.Segments)
			qr.Crosstabs = append(qr.Crosstabs, ct)
		}
		res.Questions = append(res.Questions, qr)
	}
	return res
}
