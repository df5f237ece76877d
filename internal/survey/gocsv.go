package survey

import (
	"io/fs"
	"strings"

	"github.com/gocarina/gocsv"

	"surveysite/internal/diag"
	"surveysite/internal/tabular"
)

// This file is the one place that touches gocsv. It sets none of gocsv's
// package globals: the defaults (no failing on unmatched tags, tag name
// "csv") are what we want, and the header is checked here, field by field,
// so a bad column name reports its column. Tests never change the globals.

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

// decodeCodebook reads the rows of the codebook at path with gocsv, from a
// tabular.Table that keeps the position of every cell (gocsv's own line
// numbers are wrong after a quoted cell with a line break).
func decodeCodebook(fsys fs.FS, path string) ([]codebookRow, *tabular.Table, error) {
	t, err := tabular.ReadRecords(fsys, path)
	if err != nil {
		return nil, nil, err
	}
	var rows []codebookRow
	err = diag.Guard(diag.Pos{Path: path, Line: 1}, "the codebook", func() error { return gocsv.UnmarshalCSV(t.Records(), &rows) })
	if err != nil {
		if err == gocsv.ErrEmptyCSVFile {
			return nil, nil, diag.Errorf(diag.Pos{Path: path}, "the codebook is empty; it needs a header row").
				WithHint("start the file with the columns %s", strings.Join(codebookColumns, ","))
		}
		return nil, nil, err
	}
	return rows, t, nil
}

var _ gocsv.CSVReader = (*tabular.Records)(nil)
