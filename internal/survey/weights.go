package survey

import (
	"io/fs"
	"math/big"
	"strings"

	"surveysite/internal/diag"
	"surveysite/internal/tabular"
)

// WeightsFile is the file of a survey's population cells, beside its
// responses.
const WeightsFile = "weights.csv"

// PopulationColumn is the column of weights.csv that holds each cell's
// population: a count or a share.
const PopulationColumn = "population"

// Weights is a table of population cells (ウェイトバック): one row per
// combination of the values of one or more attribute columns, with the
// population of that cell. Load it with LoadWeights and set Config.Weights.
type Weights struct {
	Path    string
	Columns []string // the attribute columns, as weights.csv names them
	// Cells are the table's cells; for a table of margins, the
	// combinations of values found in the responses, once analysed.
	Cells []WeightCell
	// Margins, for a table of margins (column,value,population), are its
	// rows: Values holds the column and the value. The weights are then
	// raked to them (see rake.go).
	Margins []WeightCell
	Passes  int        // raking passes until the margins were met
	colPos  []diag.Pos // where each column is named
}

// Raked reports whether the weights are raked to margins rather than
// computed from cells.
func (w *Weights) Raked() bool { return w.Margins != nil }

// WeightCell is one row of weights.csv. Share, N and Weight are set by
// Analyse: the cell's share of the population, its respondents and the
// weight each of them gets.
type WeightCell struct {
	Values     []string `json:"values"`
	Population string   `json:"population"` // as written, without separators
	Share      Decimal  `json:"population_share"`
	N          int      `json:"n"`
	Weight     Decimal  `json:"weight"`
	pop        *big.Rat
	share      *big.Rat
	line       int
}

// SharePercent is the cell's population share in percent, to two
// decimals.
func (c WeightCell) SharePercent() Decimal {
	if c.share == nil {
		return ""
	}
	return roundRat(new(big.Rat).Mul(c.share, big.NewRat(100, 1)), 2)
}

// LoadWeights reads a weights table. Every column but population is an
// attribute column; every population is a positive number (thousands
// separators and a trailing % allowed); no cell may be listed twice.
func LoadWeights(fsys fs.FS, path string) (*Weights, error) {
	t, err := tabular.ReadTable(fsys, path) // a short table, read whole
	if err != nil {
		return nil, err
	}
	if isMarginsHeader(t.Header) {
		return loadMargins(t)
	}
	var list diag.List
	wt := &Weights{Path: path}
	popCol := -1
	var cols []int
	for i, h := range t.Header {
		h = strings.TrimSpace(h)
		if h == PopulationColumn {
			popCol = i
			continue
		}
		cols = append(cols, i)
		wt.Columns = append(wt.Columns, h)
		wt.colPos = append(wt.colPos, t.HeaderPos[i])
	}
	headPos := diag.Pos{Path: path, Line: 1, Col: 1}
	if popCol < 0 {
		list.Add(diag.Errorf(headPos, "%s has no %s column", path, PopulationColumn).
			WithHint("add a column %s with each cell's population, as a count or a share", PopulationColumn))
	}
	if len(cols) == 0 {
		list.Add(diag.Errorf(headPos, "%s names no attribute column to weight by", path).
			WithHint("add the attribute columns of responses.csv that the population is split by (性別, 年代 …)"))
	}
	if err := list.Err(); err != nil {
		return nil, err
	}
	seen := map[string]int{}
	for r, rec := range t.Rows {
		cell := WeightCell{line: t.Lines[r]}
		for _, i := range cols {
			cell.Values = append(cell.Values, strings.TrimSpace(rec[i]))
		}
		var e *diag.Error
		if cell.Population, cell.pop, e = population(rec[popCol], t.Pos[r][popCol], "the cell's"); e != nil {
			list.Add(e)
			continue
		}
		k := cellKey(cell.Values)
		if first, dup := seen[k]; dup {
			list.Add(diag.Errorf(t.Pos[r][cols[0]], "the cell %s is listed again (first on line %d)", cellName(wt.Columns, cell.Values), first).
				WithHint("list each combination of values once"))
			continue
		}
		seen[k] = cell.line
		wt.Cells = append(wt.Cells, cell)
	}
	if err := list.Err(); err != nil {
		return nil, err
	}
	if len(wt.Cells) == 0 {
		return nil, diag.Errorf(headPos, "%s lists no cells", path).
			WithHint("add one row per cell of the population, or delete the file to publish unweighted figures")
	}
	return wt, nil
}

// population reads a population cell: a positive count or share, with
// thousands separators and a trailing % allowed. It returns the number as
// written without separators, and its value.
func population(cell string, pos diag.Pos, whose string) (string, *big.Rat, *diag.Error) {
	key, pop, ok := parseNumber(cell, "%")
	if !ok || pop.Sign() <= 0 {
		return "", nil, diag.Errorf(pos, "population %q is not a positive number", strings.TrimSpace(cell)).
			WithHint("write %s population as a count (12,345) or a share (0.25 or 25%%); leave out cells nobody is in", whose)
	}
	return key, pop, nil
}

// cellKey joins a cell's values, compared after NFKC.
func cellKey(values []string) string {
	var b strings.Builder
	for i, v := range values {
		if i > 0 {
			b.WriteByte(0x1f)
		}
		b.WriteString(normLabel(v))
	}
	return b.String()
}

// cellName writes a cell as 性別=女性, 年代=30代.
func cellName(cols, values []string) string {
	parts := make([]string, len(cols))
	for i, c := range cols {
		v := values[i]
		if v == "" {
			v = "(空欄)"
		}
		parts[i] = c + "=" + v
	}
	return strings.Join(parts, ", ")
}

// weighting is a bound weights table: which class each respondent is in,
// and, once the rows are read, each class's weight.
type weighting struct {
	tab     *Weights
	cols    []int            // responses columns of tab.Columns
	qs      []*Question      // the question of each column, or nil
	idx     []*optionIndex   // of qs[i], or nil
	index   map[string]int   // cellKey -> class
	classes [][]string       // the values of each class
	rows    []int            // respondents per class
	margins []map[string]int // raking: per column, value -> row of tab.Margins
	w       []*big.Rat       // weight per class, after finish
	wf      []float64        // w as float64
	keyb    []string         // scratch
}

// bindWeights finds the table's columns in the responses header.
func (a *analysis) bindWeights(tab *Weights, col map[string]int, cb *Codebook, columns string) {
	wg := &weighting{tab: tab, index: map[string]int{}}
	for i, name := range tab.Columns {
		ci, ok := col[name]
		if !ok {
			a.errs.Add(diag.Errorf(tab.colPos[i], "responses have no column %q to weight by (columns: %s)", name, columns).
				WithHint("name the attribute columns of responses.csv exactly as its header does"))
			continue
		}
		if ci == a.idCol {
			a.errs.Add(diag.Errorf(tab.colPos[i], "column %q is the ID, not an attribute to weight by", name).
				WithHint("weight by attribute columns such as 性別 or 年代"))
			continue
		}
		q, _ := cb.Question(name)
		wg.cols = append(wg.cols, ci)
		wg.qs = append(wg.qs, q)
		var x *optionIndex
		if q != nil {
			x = newOptionIndex(q)
		}
		wg.idx = append(wg.idx, x)
	}
	if len(wg.cols) < len(tab.Columns) {
		return // reported; the tally stops before its figures
	}
	wg.keyb = make([]string, len(tab.Columns))
	a.wt = wg
	if tab.Raked() {
		wg.bindMargins()
		return
	}
	for c := range tab.Cells {
		vals := make([]string, len(tab.Cells[c].Values))
		for i, v := range tab.Cells[c].Values {
			vals[i] = wg.canon(i, v)
		}
		wg.index[cellKey(vals)] = c
		wg.classes = append(wg.classes, vals)
	}
	wg.rows = make([]int, len(tab.Cells))
}

// canon is the value v of weighting column i as a class is keyed: an option
// of a question's column by its label, so codes and labels are one value.
func (wg *weighting) canon(i int, v string) string {
	if q := wg.qs[i]; q != nil {
		if o := wg.idx[i].of(v); o >= 0 {
			return q.Options[o].Label
		}
	}
	return v
}

// classOf returns the class of the respondent of rec, or -1 after
// reporting that weights.csv has no cell for it.
func (a *analysis) classOf(rec []string) int {
	wg := a.wt
	for i, ci := range wg.cols {
		v := strings.TrimSpace(rec[ci])
		if a.isMissing(v) {
			v = ""
		}
		wg.keyb[i] = wg.canon(i, v)
	}
	if wg.margins != nil {
		return a.marginClass()
	}
	if c, ok := wg.index[cellKey(wg.keyb)]; ok {
		wg.rows[c]++
		return c
	}
	a.fail(diag.Errorf(a.pos.FieldPos(wg.cols[0]), "this respondent (%s) is in no cell of %s", cellName(wg.tab.Columns, wg.keyb), wg.tab.Path).
		WithHint("add a row for this cell to %s with its population, or correct the respondent's attributes", wg.tab.Path))
	return -1
}

// finish computes the weights once every row is read: a class's weight is
// its population share divided by its sample share,
// (P_c / ΣP) / (n_c / N). A cell with no respondents is an error at its
// line.
func (wg *weighting) finish(n int, errs *diag.List) {
	if wg.margins != nil {
		wg.rake(n, errs)
		return
	}
	total := new(big.Rat)
	for _, c := range wg.tab.Cells {
		total.Add(total, c.pop)
	}
	wg.w = make([]*big.Rat, len(wg.tab.Cells))
	wg.wf = make([]float64, len(wg.tab.Cells))
	for i := range wg.tab.Cells {
		c := &wg.tab.Cells[i]
		c.N = wg.rows[i]
		share := new(big.Rat).Quo(c.pop, total)
		c.share, c.Share = share, roundRat(share, 4)
		if c.N == 0 {
			errs.Add(diag.Errorf(diag.Pos{Path: wg.tab.Path, Line: c.line, Col: 1}, "no respondent is in the cell %s", cellName(wg.tab.Columns, c.Values)).
				WithHint("merge this cell with a neighbouring one (both rows' populations in one row), or check the values against responses.csv"))
			wg.w[i] = new(big.Rat)
			continue
		}
		w := new(big.Rat).Mul(share, big.NewRat(int64(n), int64(c.N)))
		c.Weight = roundRat(w, 4)
		wg.w[i] = w
		wg.wf[i], _ = w.Float64()
	}
}
