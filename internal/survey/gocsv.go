package survey

import (
	"io"
	"strings"

	"github.com/gocarina/gocsv"

	"surveysite/internal/diag"
	"surveysite/internal/tabular"
)

// This file is the one place that touches gocsv. It sets none of gocsv's
// package globals: the defaults (no failing on unmatched tags, tag name
// "csv") are what we want, and the header is checked here, field by field,
// so a bad column name reports its column. Tests never change the globals.

// posReader adapts a tabular.Reader to gocsv's CSVReader interface and
// remembers where every record and field starts, so gocsv's row index can be
// mapped back to the file's real line (gocsv computes "row + 2", which is
// wrong after a quoted cell with line breaks).
type posReader struct {
	r    *tabular.Reader
	pos  [][]diag.Pos // pos[i][j]: field j of record i (record 0 is the header)
	head []string
}

var _ gocsv.CSVReader = (*posReader)(nil)

// Read returns the next record, copied, and records its field positions.
func (p *posReader) Read() ([]string, error) {
	rec, err := p.r.Read()
	if err != nil {
		return nil, err
	}
	out := make([]string, len(rec))
	ps := make([]diag.Pos, len(rec))
	for i, f := range rec {
		out[i] = f
		ps[i] = p.r.FieldPos(i)
	}
	if len(p.pos) == 0 {
		for i := range out {
			out[i] = strings.TrimSpace(out[i])
		}
		p.head = out
	}
	p.pos = append(p.pos, ps)
	return out, nil
}

// ReadAll reads the remaining records.
func (p *posReader) ReadAll() ([][]string, error) {
	var out [][]string
	for {
		rec, err := p.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, rec)
	}
}

// fieldPos returns the position of the cell in body row i (0-based, header
// excluded) under the column named col; the row's start if there is none.
func (p *posReader) fieldPos(i int, col string) diag.Pos {
	ps := p.pos[i+1]
	for j, h := range p.head {
		if h == col && j < len(ps) {
			return ps[j]
		}
	}
	return diag.Pos{Path: ps[0].Path, Line: ps[0].Line, Col: 1}
}

// codebookRow is one line of codebook.csv as gocsv decodes it. Every field is
// a string, so decoding cannot fail; validation happens in codebook.go with
// the real positions.
type codebookRow struct {
	QuestionID   string `csv:"question_id"`
	Type         string `csv:"type"`
	MaxChoices   string `csv:"max_choices"`
	QuestionText string `csv:"question_text"`
	OptionCode   string `csv:"option_code"`
	OptionLabel  string `csv:"option_label"`
	OptionRole   string `csv:"option_role"`
	// Optional columns.
	Value     string `csv:"value"`
	Group     string `csv:"group"`
	Unit      string `csv:"unit"`
	Separator string `csv:"separator"`
	Bins      string `csv:"bins"`
	WriteIn   string `csv:"writein"`
}

// codebookColumns are the columns codebook.csv must have, in the documented
// order; codebookOptional may follow in any order.
var codebookColumns = []string{"question_id", "type", "max_choices", "question_text", "option_code", "option_label", "option_role"}

var codebookOptional = []string{"value", "group", "unit", "separator", "bins", "writein"}

// decodeCodebook reads the rows of a codebook with gocsv through a posReader.
func decodeCodebook(r *tabular.Reader) ([]codebookRow, *posReader, error) {
	pr := &posReader{r: r}
	var rows []codebookRow
	err := diag.Guard(diag.Pos{Path: r.Path, Line: 1}, "the codebook", func() error { return gocsv.UnmarshalCSV(pr, &rows) })
	if err != nil {
		if err == gocsv.ErrEmptyCSVFile {
			return nil, nil, diag.Errorf(diag.Pos{Path: r.Path}, "the codebook is empty; it needs a header row").
				WithHint("start the file with the columns %s", strings.Join(codebookColumns, ","))
		}
		return nil, nil, err
	}
	return rows, pr, nil
}
