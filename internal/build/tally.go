package build

import (
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"

	"surveysite/internal/content"
	"surveysite/internal/diag"
	"surveysite/internal/site"
	"surveysite/internal/survey"
)

// Tally is the results of one survey as the tally command prints them.
type Tally struct{ res *survey.Results }

// TallyOptions set a tally of a codebook and responses outside a project.
type TallyOptions struct {
	Question  string   // tally only the question with this ID; "" for all
	By        []string // cross-tabulate by these attribute columns
	Base      string   // base n of percentages: "all" or "answered"
	MinCell   int      // suppress cross-tab segments whose n is below it
	Separator string   // between answers in one cell
}

// DefaultMinCell is the smallest segment n that a cross-tab publishes
// unless told otherwise.
const DefaultMinCell = survey.DefaultMinCell

// TallyFormats are the formats Tally.Write takes, the first the default.
var TallyFormats = []string{"table", "csv", "json"}

var tallyWriters = map[string]func(io.Writer, *survey.Results) error{
	"table": survey.WriteTable,
	"csv":   survey.WriteCSV,
	"json":  survey.WriteJSON,
}

// QuestionError is returned for a question a tally was asked for that the
// survey does not have.
type QuestionError struct {
	ID   string   // the question asked for
	In   string   // the codebook or survey folder, as given
	Have []string // the survey's questions, in codebook order
}

func (e *QuestionError) Error() string {
	return fmt.Sprintf("question %q is not in %s (questions: %s)", e.ID, e.In, strings.Join(e.Have, ", "))
}

// TallyFiles tallies the responses with the codebook, both files of fsys,
// as opts say. The warnings are notes on the responses that do not stop
// the tally (an answer given twice, for instance).
func TallyFiles(fsys fs.FS, codebook, responses string, opts TallyOptions) (*Tally, []*diag.Error, error) {
	cb, err := survey.LoadCodebook(fsys, codebook)
	if err != nil {
		return nil, nil, err
	}
	if opts.Question != "" {
		q, ok := cb.Question(opts.Question)
		if !ok {
			return nil, nil, &QuestionError{ID: opts.Question, In: codebook, Have: cb.IDs()}
		}
		cb.Questions = []survey.Question{*q}
	}
	res, err := survey.Analyse(fsys, responses, cb, survey.Config{
		Separator: opts.Separator, Base: survey.Base(opts.Base), MinCell: opts.MinCell, By: opts.By,
	})
	if err != nil {
		return nil, nil, err
	}
	return &Tally{res}, res.Warnings, nil
}

// TallyProject tallies data/surveys/<id>/ of the project in fsys as a
// build does (TallySurvey).
func TallyProject(fsys fs.FS, id string) (*Tally, []*diag.Error, error) {
	res, warnings, err := TallySurvey(fsys, id)
	if err != nil {
		return nil, warnings, err
	}
	return &Tally{res}, warnings, nil
}

// TallySurvey analyses one survey of the project in fsys with every
// setting a build uses: minCell from surveysite.yaml, and separator, base,
// min_cell, crosstab, missing and publish_free_text from
// content/surveys/<id>/_index.md, and the exclusion file.
func TallySurvey(fsys fs.FS, id string) (*survey.Results, []*diag.Error, error) {
	cfg, err := site.LoadConfig(fsys)
	if err != nil {
		return nil, nil, err
	}
	pages, err := content.Load(fsys, content.Options{})
	if err != nil {
		return nil, nil, err
	}
	var p *content.Page
	for _, pg := range pages {
		if pg.Path == "content/surveys/"+id+"/_index.md" {
			p = pg
		}
	}
	langs, err := loadLangs(fsys, cfg)
	if err != nil {
		return nil, nil, err
	}
	var list diag.List
	in := loadSurvey(fsys, id, p, cfg.MinCell, langs, nil, &list)
	if err := list.Err(); err != nil {
		return nil, list.Warnings(), err
	}
	return in.Results, list.Warnings(), nil
}

// Base returns the base n of the percentages: "all" or "answered".
func (t *Tally) Base() string { return string(t.res.Base) }

// IDs returns the IDs of the questions tallied, in codebook order.
func (t *Tally) IDs() []string {
	ids := make([]string, len(t.res.Questions))
	for i, q := range t.res.Questions {
		ids[i] = q.ID
	}
	return ids
}

// Only keeps the question id alone. It reports false, keeping every
// question, if there is no such question.
func (t *Tally) Only(id string) bool {
	i := slices.IndexFunc(t.res.Questions, func(q survey.QuestionResult) bool { return q.ID == id })
	if i < 0 {
		return false
	}
	t.res.Questions = t.res.Questions[i : i+1]
	return true
}

// Compare compares t with prev, the previous wave called label, question
// by question, and returns the IDs of the questions only t has (added) and
// of those only prev has (dropped). Both must have the same Base.
func (t *Tally) Compare(prev *Tally, label string) (added, dropped []string) {
	return survey.Compare(t.res, prev.res, label)
}

// Write writes the tally in format, one of TallyFormats.
func (t *Tally) Write(w io.Writer, format string) error {
	write, ok := tallyWriters[format]
	if !ok {
		return fmt.Errorf("no tally format %q (formats: %s)", format, strings.Join(TallyFormats, ", "))
	}
	return write(w, t.res)
}
