package survey

import (
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"runtime"
	"slices"
	"strings"

	"surveysite/internal/diag"
	"surveysite/internal/i18n"
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
	// Missing lists cell values that mean "no answer" in an export (n/a,
	// 選択肢なし, 該当なし, -): such a cell counts as 無回答. They are
	// compared after NFKC, as labels are.
	Missing []string
	// Publish lists the FA questions whose answers are published (masked).
	Publish []string
	// Exclude lists respondent_ids whose free-text answers are never
	// published (moderation).
	Exclude []string
	// Weights, if set, weights every figure to the population cells of
	// the table (see LoadWeights and the package doc).
	Weights *Weights
	// Lang is the language of the labels the results add (全体, 無回答,
	// 無効, bins of numbers, masks; i18n keys data.*) and of the downloads'
	// column names and notes. Nil: Japanese.
	Lang *i18n.Lang
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
	if c.Lang == nil {
		c.Lang = i18n.Japanese()
	}
	return c, nil
}

// qstate is the running tally of one question.
type qstate struct {
	q      *Question
	k      kind
	rd     reader
	cells  int
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
// twice.) With more than one core and no weights, rows are read in batches
// of 256 while the questions of earlier batches are tallied on the other
// cores, a few batches at a time; the results and problems are those of
// one row after another (TestParallelRunAgrees). Problems in the file are
// returned together as a *diag.List, capped at diag.MaxPerFile.
func Analyse(fsys fs.FS, responsesPath string, cb *Codebook, cfg Config) (*Results, error) {
	return AnalyseSource(FileSource(fsys, responsesPath), cb, cfg)
}

// Records is a table of responses read one row at a time, with the real
// position of every cell: responses.csv, or a raw export through its
// column mapping. *tabular.Reader is one.
type Records interface {
	Header() ([]string, error)
	// Read returns the next record; the slice may be reused.
	Read() ([]string, error)
	FieldPos(i int) diag.Pos
	Line() int
}

// A Source opens its Records from the start, each time it is called: the
// analysis may read them twice (to name repeated respondent_ids). Path is
// the file that problems are reported in.
type Source struct {
	Path string
	Open func() (Records, io.Closer, error)
}

// FileSource reads a CSV file of fsys as tabular does.
func FileSource(fsys fs.FS, path string) Source {
	return Source{Path: path, Open: func() (Records, io.Closer, error) { return tabular.Open(fsys, path) }}
}

// AnalyseSource is Analyse for responses from any Source.
func AnalyseSource(src Source, cb *Codebook, cfg Config) (*Results, error) {
	return analyseSource(src, cb, cfg, runtime.GOMAXPROCS(0))
}

// analyseSource is AnalyseSource with the rows tallied by workers
// goroutines besides the one that reads them (one: by the one reading).
func analyseSource(src Source, cb *Codebook, cfg Config, workers int) (*Results, error) {
	cfg, err := cfg.normalised()
	if err != nil {
		return nil, err
	}
	r, c, err := src.Open()
	if err != nil {
		return nil, err
	}
	defer c.Close()
	head, err := r.Header()
	if err != nil {
		return nil, err
	}
	a, err := newAnalysis(r, src.Path, head, cb, cfg)
	if err != nil {
		return nil, err
	}
	if err := a.run(workers); err != nil {
		return nil, err
	}
	if err := a.findDupes(src); err != nil {
		return nil, err
	}
	if len(a.dupes) > 0 {
		a.reportDupes(src)
	}
	if a.wt != nil && !a.errs.HasErrors() {
		a.wt.finish(a.rows, &a.errs)
	}
	if err := a.errs.Err(); err != nil {
		return nil, err
	}
	return a.results(), nil
}

type analysis struct {
	r   Records
	pos positions // of the row being tallied: r, or a row kept by a parallel run
	// sink, when set, collects the problems of the rows (fail, warn) to be
	// added in file order once a parallel run's batch is done; seq and qi
	// order them: the record's number and the question's index (-1 for the
	// row's own checks).
	sink    *[]event
	seq, qi int
	path    string
	cfg     Config
	idCol   int
	byCols  []int
	qs      []*qstate
	slots   []slot
	index   []map[string]int // per By column: value -> slot
	seed    maphash.Seed
	prevID  string   // the last respondent_id while they increase
	broken  int      // the row whose ID first did not increase; 0 if none yet
	ids     []uint64 // hashes of respondent_ids from row broken on
	dupes   map[uint64]bool
	rows    int
	class   int // the weighting class of the row last read, or -1
	errs    diag.List
	warns   diag.List
	missing map[string]bool // Config.Missing after NFKC
	exclude map[string]bool // Config.Exclude
	// byQuestion[b] is the question whose column Config.By[b] is, or nil
	// for an attribute column.
	byQuestion []*Question
	byIndex    []*optionIndex // of byQuestion[b], or nil
	wt         *weighting     // nil without Config.Weights
}

func newAnalysis(r Records, path string, head []string, cb *Codebook, cfg Config) (*analysis, error) {
	a := &analysis{r: r, pos: r, path: path, cfg: cfg, idCol: -1, qi: -1, seed: maphash.MakeSeed()}
	for _, id := range cfg.Exclude {
		if a.exclude == nil {
			a.exclude = map[string]bool{}
		}
		a.exclude[strings.TrimSpace(id)] = true
	}
	for _, m := range cfg.Missing {
		if a.missing == nil {
			a.missing = map[string]bool{}
		}
		a.missing[normLabel(m)] = true
	}
	col := make(map[string]int, len(head))
	for i, h := range head {
		col[h] = i
	}
	headPos := diag.Pos{Path: path, Line: r.Line(), Col: 1}
	columns := strings.Join(head, ", ")
	if i, ok := col[IDColumn]; ok {
		a.idCol = i
	} else {
		a.errs.Add(diag.Errorf(headPos, "responses have no %s column (columns: %s)", IDColumn, columns).
			WithHint("add a column %s with a unique ID for each respondent", IDColumn))
	}
	bd := &binding{col: col, head: head, headPos: headPos, columns: columns, cfg: cfg, errs: &a.errs, used: map[int]bool{}}
	for qi := range cb.Questions {
		q := &cb.Questions[qi]
		k := kindOf(q.Type)
		st := &qstate{q: q, k: k, rd: k.bind(bd, q), cells: k.cells(q)}
		a.qs = append(a.qs, st)
	}
	isQuestion := bd.used
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
		case i == a.idCol:
			a.errs.Add(diag.Errorf(byPos, "column %q is the ID, not an attribute to cross-tabulate by", b).
				WithHint("name an attribute column, for example 団体区分"))
		case isQuestion[i]:
			q, ok := cb.Question(b)
			if !ok || q.Type == MA || q.Type == RANK || q.Type == FA || q.Type == NUM {
				a.errs.Add(diag.Errorf(byPos, "column %q holds answers that cannot split respondents into groups", b).
					WithHint("cross-tabulate by an attribute column or by a single-answer question (SA, SCALE, NPS)"))
			}
			a.byQuestion = append(a.byQuestion, q)
			var x *optionIndex
			if q != nil {
				x = newOptionIndex(q)
			}
			a.byIndex = append(a.byIndex, x)
			a.byCols = append(a.byCols, i)
			a.index = append(a.index, map[string]int{})
			continue
		}
		a.byQuestion = append(a.byQuestion, nil)
		a.byIndex = append(a.byIndex, nil)
		a.byCols = append(a.byCols, i)
		a.index = append(a.index, map[string]int{})
	}
	if cfg.Weights != nil {
		a.bindWeights(cfg.Weights, col, cb, columns)
	}
	for _, st := range a.qs {
		st.tallys = []tally{a.newTally(st)}
	}
	if err := a.errs.Err(); err != nil {
		return nil, err
	}
	return a, nil
}

// run streams the rows: in parallel (runParallel) where the records can
// keep their positions and there is more than one worker (a core), else
// one row after another.
func (a *analysis) run(workers int) error {
	if kp, ok := a.r.(keeper); ok && a.wt == nil && workers > 1 {
		return a.runParallel(kp, workers)
	}
	slots := make([]int, 1+len(a.byCols))
	for {
		rec, err := a.next(slots)
		if err == io.EOF {
			return nil
		}
		if err == errSkip {
			continue
		}
		if err != nil {
			a.errs.AddErr(diag.Pos{Path: a.path}, err)
			return a.errs.Err()
		}
		if e := a.tallyRow(rec, slots); e != nil {
			a.errs.Add(e)
			return a.errs.Err()
		}
	}
}

// tallyRow tallies every question of the row last read. A panic in a
// question's reader is reported at the row's line, as runParallel's
// workers report it.
func (a *analysis) tallyRow(rec []string, slots []int) (failed *diag.Error) {
	defer func() {
		if p := recover(); p != nil {
			failed = diag.Panicked(diag.Pos{Path: a.path, Line: a.pos.Line()}, "the responses", p)
		}
	}()
	for qi, st := range a.qs {
		a.qi = qi
		a.tallyQuestion(st, rec, slots, a.class)
	}
	a.qi = -1
	return nil
}

// errSkip is next's error for a record that is reported and not tallied.
var errSkip = errors.New("skip the record")

// next reads the next record and checks it as a row: its ID, its weighting
// class (in a.class) and its segment slots (in slots). It returns errSkip
// for a record with the wrong number of cells (reported), io.EOF at the end,
// and an error that ends the file, not yet reported.
func (a *analysis) next(slots []int) ([]string, error) {
	a.seq++
	rec, err := a.r.Read()
	if err == io.EOF {
		return nil, io.EOF
	}
	if err != nil {
		var de *diag.Error
		if errors.As(err, &de) && de.Err == nil {
			a.fail(de) // a row with the wrong number of cells: go on
			return nil, errSkip
		}
		return nil, err
	}
	a.rows++
	a.checkID(rec[a.idCol])
	a.class = -1
	if a.wt != nil {
		a.class = a.classOf(rec)
	}
	for b, ci := range a.byCols {
		v := strings.TrimSpace(rec[ci])
		if a.isMissing(v) {
			v = "" // n/a and the like: with the blanks
		}
		if q := a.byQuestion[b]; q != nil {
			if i := a.byIndex[b].of(v); i >= 0 {
				v = q.Options[i].Label // codes and labels of one option are one group
			}
		}
		slots[1+b] = a.slotOf(b, v)
	}
	return rec, nil
}

func (a *analysis) checkID(id string) {
	if id == "" || id[0] <= ' ' || id[len(id)-1] <= ' ' {
		id = strings.TrimSpace(id)
	}
	if id == "" {
		a.fail(diag.Errorf(a.pos.FieldPos(a.idCol), "%s is empty", IDColumn).
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
	return s
}

// newTally returns an empty tally of a question, with one per weighting
// class inside it when the survey is weighted.
func (a *analysis) newTally(st *qstate) tally {
	t := tally{counts: make([]int, st.cells+2), l: a.cfg.Lang}
	if a.wt != nil {
		t.wt = a.wt
		t.cls = make([]tally, len(a.wt.classes))
		for c := range t.cls {
			t.cls[c].counts = make([]int, st.cells+2)
		}
	}
	return t
}

// class returns the tally of weighting class c, adding the classes found
// since t was made (raking finds them in the rows).
func (t *tally) class(c, cells int) *tally {
	for len(t.cls) <= c {
		t.cls = append(t.cls, tally{counts: make([]int, cells+2)})
	}
	return &t.cls[c]
}

// The outcomes of one respondent for one question.
const (
	answered = iota
	blank
	invalid
	bad // an error was reported; not counted
)

func (a *analysis) tallyQuestion(st *qstate, rec []string, slots []int, class int) {
	ans := st.rd.read(a, rec)
	for _, s := range slots {
		for len(st.tallys) <= s { // a segment first seen in this row
			st.tallys = append(st.tallys, a.newTally(st))
		}
		t := &st.tallys[s]
		t.add(ans, st.cells)
		if class >= 0 {
			t.class(class, st.cells).add(ans, st.cells)
		}
	}
}

// warn adds a warning that did not stop the tally; the list groups
// repeated ones and keeps their true number.
func (a *analysis) warn(w *diag.Error) {
	if a.sink != nil {
		*a.sink = append(*a.sink, event{a.seq, a.qi, w, true})
		return
	}
	a.warns.Add(w)
}

// fail adds a problem of the row being read or tallied.
func (a *analysis) fail(e *diag.Error) {
	if a.sink != nil {
		*a.sink = append(*a.sink, event{a.seq, a.qi, e, false})
		return
	}
	a.errs.Add(e)
}

// excluded reports whether the respondent of rec is in Config.Exclude.
func (a *analysis) excluded(rec []string) bool {
	return a.exclude[strings.TrimSpace(rec[a.idCol])]
}

// isMissing reports whether a cell holds one of the survey's words for "no
// answer" (Config.Missing), which count as 無回答.
func (a *analysis) isMissing(cell string) bool {
	if len(a.missing) == 0 {
		return false
	}
	return a.missing[normLabel(cell)]
}

// findDupes finds the ID hashes seen twice. If the IDs were out of order
// somewhere, it reads the rows before that point again for their hashes;
// files whose IDs increase throughout need no second reading and no memory.
func (a *analysis) findDupes(src Source) error {
	if a.broken == 0 {
		return nil
	}
	r, c, err := src.Open()
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
func (a *analysis) reportDupes(src Source) {
	r, c, err := src.Open()
	if err != nil {
		a.errs.AddErr(diag.Pos{Path: src.Path}, err)
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

// segmentOrder returns the slots of cross-tab column b: in order of first
// appearance, or for a question's column in the question's option order,
// values that name no option last.
func (a *analysis) segmentOrder(b int) []int {
	var out []int
	for s := 1; s < len(a.slots); s++ {
		if a.slots[s].by == b {
			out = append(out, s)
		}
	}
	if q := a.byQuestion[b]; q != nil {
		key := make(map[int]int, len(out))
		for _, s := range out {
			key[s] = len(q.Options)
			if i := a.byIndex[b].of(a.slots[s].value); i >= 0 {
				key[s] = i
			}
		}
		slices.SortStableFunc(out, func(x, y int) int { return key[x] - key[y] })
	}
	return out
}

// optionIndex finds the option of a question whose code or label is a
// value, after NFKC: the first such option. It used to be found by
// normalising every option for each row of a crosstab or weighting column
// (optionOf in the tests), and a question of the 1,741 municipalities took
// 33 s to read and sort. Not safe for use by several goroutines.
type optionIndex struct {
	norm map[string]int // normLabel of each code and label: its first option
	seen map[string]int // the values met, as written
}

func newOptionIndex(q *Question) *optionIndex {
	x := &optionIndex{norm: make(map[string]int, 2*len(q.Options)), seen: map[string]int{}}
	for i, o := range q.Options {
		for _, k := range [2]string{normLabel(o.Code), normLabel(o.Label)} {
			if _, ok := x.norm[k]; !ok {
				x.norm[k] = i
			}
		}
	}
	return x
}

// of returns the index of the option whose code or label is v, or -1.
func (x *optionIndex) of(v string) int {
	if i, ok := x.seen[v]; ok {
		return i
	}
	i, ok := x.norm[normLabel(v)]
	if !ok {
		i = -1
	}
	x.seen[v] = i
	return i
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
		// Hidden as a suppressed segment is: no rows, no figures, no
		// weighted base (its n stays, as a suppressed segment's does).
		sg := &segs[smallest]
		sg.Suppressed, sg.Complement, sg.Rows, sg.Summary = true, true, nil, nil
		sg.WeightedN, sg.NEff = "", ""
	}
}

// padTallies gives every question a tally of every segment, those of no
// row too.
func (a *analysis) padTallies() {
	for _, st := range a.qs {
		for len(st.tallys) < len(a.slots) {
			st.tallys = append(st.tallys, a.newTally(st))
		}
	}
}

func (a *analysis) results() *Results {
	a.padTallies()
	res := &Results{N: a.rows, Base: a.cfg.Base, MinCell: a.cfg.MinCell, Warnings: a.warns.Items(), Lang: a.cfg.Lang}
	if a.wt != nil {
		res.Weights = a.wt.tab
	}
	for _, st := range a.qs {
		qr := QuestionResult{Question: *st.q}
		if fr, ok := st.rd.(*faReader); ok {
			qr.Answers = fr.texts()
		}
		qr.Total = st.tallys[0].segment(st.k, st.q, &st.tallys[0], a.cfg.Lang.T("data.total"), "", a.cfg.Base, a.cfg.MinCell, false)
		for b, name := range a.cfg.By {
			if q := a.byQuestion[b]; q != nil && q.ID == st.q.ID {
				continue // a question by itself: its total, on the diagonal
			}
			ct := Crosstab{Column: name}
			for _, s := range a.segmentOrder(b) {
				v := a.slots[s].value
				label := name + "=" + v
				if v == "" {
					label = name + "=" + a.cfg.Lang.T("data.blank_value")
				}
				ct.Segments = append(ct.Segments, st.tallys[s].segment(st.k, st.q, &st.tallys[0], label, v, a.cfg.Base, a.cfg.MinCell, true))
			}
			suppressComplement(ct.Segments)
			qr.Crosstabs = append(qr.Crosstabs, ct)
		}
		testVsRest(&qr)
		res.Questions = append(res.Questions, qr)
	}
	return res
}
