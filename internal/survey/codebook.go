package survey

import (
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"surveysite/internal/diag"
	"surveysite/internal/tabular"
)

// Type is a question type, as the codebook's type column names it. Each
// type is defined in its own file (sa.go, ma.go …).
type Type string

// Role marks options that are listed last and not ranked.
type Role string

// The option roles. The zero Role is an ordinary, ranked option. RoleBlank
// and RoleInvalid never appear in a codebook; they mark the 無回答 and 無効
// rows of results.
const (
	RoleRanked   Role = ""
	RoleOther    Role = "other"    // その他
	RoleNone     Role = "none"     // 特にない
	RoleDontKnow Role = "dontknow" // わからない
	RoleBlank    Role = "blank"    // 無回答 (results only)
	RoleInvalid  Role = "invalid"  // 無効 (results only)
)

// Codes of the rows results add to every question; their labels are the
// messages data.blank (無回答) and data.invalid (無効) of Config.Lang.
const (
	BlankCode   = "_blank"
	InvalidCode = "_invalid"
)

// Codebook is a questionnaire: its questions in file order.
type Codebook struct {
	Path      string
	Questions []Question
}

// Question is one question of a codebook.
type Question struct {
	ID         string   `json:"id"`
	Type       Type     `json:"type"`
	MaxChoices int      `json:"max_choices,omitempty"` // 0: no limit
	Text       string   `json:"text"`
	Options    []Option `json:"options"` // in codebook order
	// Separator, if set, is this question's separator between answers in
	// one cell; "\n" when answers are on lines of one cell.
	Separator string `json:"separator,omitempty"`
	// Group names the grid (マトリクス設問) a SCALE question belongs to.
	Group string `json:"group,omitempty"`
	// Unit is a NUM question's unit (日, 円, 人), allowed after a number.
	Unit string `json:"unit,omitempty"`
	// Bins are a NUM question's bin lower bounds, ascending.
	Bins []Decimal `json:"bins,omitempty"`
	// WriteIn counts answers that name no option (write-ins in an export)
	// as the question's option with role other, instead of as errors.
	WriteIn bool     `json:"writein,omitempty"`
	Pos     diag.Pos `json:"-"` // where the question's first row starts
	// at is where each column of the question's first row is, for errors
	// found once all its rows are read.
	at map[string]diag.Pos
}

// fieldPos returns where the named column of the question's first row is.
func (q *Question) fieldPos(col string) diag.Pos {
	if p, ok := q.at[col]; ok {
		return p
	}
	return q.Pos
}

// Option is one answer option of a question.
type Option struct {
	Code  string `json:"code"`
	Label string `json:"label"`
	Role  Role   `json:"role,omitempty"`
	// Value is a SCALE option's score, if the codebook gives one.
	Value *int     `json:"value,omitempty"`
	Pos   diag.Pos `json:"-"`
}

// Question returns the question with the given ID.
func (c *Codebook) Question(id string) (*Question, bool) {
	for i := range c.Questions {
		if c.Questions[i].ID == id {
			return &c.Questions[i], true
		}
	}
	return nil, false
}

// IDs returns the question IDs in codebook order.
func (c *Codebook) IDs() []string {
	ids := make([]string, len(c.Questions))
	for i, q := range c.Questions {
		ids[i] = q.ID
	}
	return ids
}

// LoadCodebook reads and checks the codebook at path in fsys. Problems are
// returned together as a *diag.List with each cell's real line and column.
func LoadCodebook(fsys fs.FS, path string) (*Codebook, error) {
	rows, t, err := decodeCodebook(fsys, path)
	if err != nil {
		return nil, err
	}
	var list diag.List
	checkCodebookHeader(&list, t)
	if err := list.Err(); err != nil {
		return nil, err
	}
	cb := &Codebook{Path: path}
	index := map[string]int{}
	for i, row := range rows {
		at := func(col string) diag.Pos { return t.FieldPos(i, col) }
		cleanRow(&row)
		if row.QuestionID == "" {
			list.Add(diag.Errorf(at("question_id"), "question_id is empty").
				WithHint("write the question's ID (for example q46) on every row of the codebook"))
			continue
		}
		qi, seen := index[row.QuestionID]
		if !seen {
			q, ok := newQuestion(&list, row, at)
			if !ok {
				continue // a bad ID; other problems are in list
			}
			qi = len(cb.Questions)
			index[row.QuestionID] = qi
			cb.Questions = append(cb.Questions, q)
		} else {
			checkSameQuestion(&list, &cb.Questions[qi], row, at)
		}
		q := &cb.Questions[qi]
		if q.Type != "" && kindOf(q.Type).options() == optionsNone {
			if row.OptionCode != "" || row.OptionLabel != "" || row.OptionRole != "" {
				list.Add(diag.Errorf(at("option_code"), "question %s is %s, which has no options, but this row gives one", q.ID, q.Type).
					WithHint("leave option_code, option_label and option_role blank for a %s question, in one row", q.Type))
			}
			continue
		}
		if o, ok := newOption(&list, q, row, at); ok {
			q.Options = append(q.Options, o)
		}
	}
	if len(rows) == 0 && list.Len() == 0 {
		list.Add(diag.Errorf(diag.Pos{Path: path, Line: 1}, "the codebook has a header but no questions").
			WithHint("add one row per answer option below the header"))
	}
	for i := range cb.Questions {
		q := &cb.Questions[i]
		if q.Type == "" {
			continue // an unknown type, reported
		}
		k := kindOf(q.Type)
		if k.options() == optionsRequired && len(q.Options) == 0 {
			list.Add(diag.Errorf(q.Pos, "question %s has no valid options", q.ID).
				WithHint("add one row per option of %s", q.ID))
			continue
		}
		if q.WriteIn && q.Type != FA && !slices.ContainsFunc(q.Options, func(o Option) bool { return o.Role == RoleOther }) {
			list.Add(diag.Errorf(q.fieldPos("writein"), "question %s counts write-ins but has no option with option_role other", q.ID).
				WithHint("add an option such as その他 with option_role other, or leave writein blank"))
		}
		k.define(&list, q)
	}
	if err := list.Err(); err != nil {
		return nil, err
	}
	return cb, nil
}

func cleanRow(r *codebookRow) {
	for _, s := range []*string{&r.QuestionID, &r.Type, &r.MaxChoices, &r.QuestionText, &r.OptionCode, &r.OptionLabel, &r.OptionRole,
		&r.Value, &r.Group, &r.Unit, &r.Separator, &r.Bins, &r.WriteIn} {
		*s = strings.TrimSpace(*s)
	}
}

func checkCodebookHeader(list *diag.List, t *tabular.Table) {
	head := t.Header
	first := t.HeaderPos
	seen := map[string]int{}
	for i, h := range head {
		if j, ok := seen[h]; ok && h != "" {
			list.Add(diag.Errorf(first[i], "column name %q is used twice (columns %d and %d)", h, j+1, i+1).
				WithHint("rename or delete one of the two columns"))
		}
		seen[h] = i
	}
	var missing []string
	for _, c := range codebookColumns {
		if _, ok := seen[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		list.Add(diag.Errorf(diag.Pos{Path: first[0].Path, Line: first[0].Line, Col: 1},
			"the codebook has no column %s (header: %s)", strings.Join(missing, ", "), strings.Join(head, ",")).
			WithHint("the header row must name the columns %s", strings.Join(codebookColumns, ",")))
	}
}

func parseType(list *diag.List, s string, pos diag.Pos) (Type, bool) {
	t := Type(strings.ToUpper(s))
	if _, ok := kinds[t]; ok {
		return t, true
	}
	list.Add(diag.Errorf(pos, "unknown question type %q (allowed: %s)", s, typeNames()).
		WithHint("write SA for a single-answer question or MA for a multiple-answer question"))
	return "", false
}

// typeNames lists the registered types in the order the docs give them.
func typeNames() string {
	var names []string
	for _, t := range typeOrder {
		if _, ok := kinds[t]; ok {
			names = append(names, string(t))
		}
	}
	return strings.Join(names, ", ")
}

// typeOrder is the order in which messages and docs list the types.
var typeOrder = []Type{"SA", "MA", "SCALE", "NUM", "NPS", "RANK", "FA"}

func parseMax(list *diag.List, s string, pos diag.Pos) (int, bool) {
	if s == "" {
		return 0, true
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		list.Add(diag.Errorf(pos, "max_choices %q is not a whole number of 1 or more", s).
			WithHint("write how many options a respondent may pick (for 5つまで write 5), or leave it blank for no limit"))
		return 0, false
	}
	return n, true
}

func newQuestion(list *diag.List, row codebookRow, at func(string) diag.Pos) (Question, bool) {
	t, ok1 := parseType(list, row.Type, at("type"))
	m, ok2 := parseMax(list, row.MaxChoices, at("max_choices"))
	if row.QuestionText == "" {
		list.Add(diag.Errorf(at("question_text"), "question %s has no question_text", row.QuestionID).
			WithHint("write the question as the respondents saw it"))
	}
	if strings.HasPrefix(row.QuestionID, "_") || strings.ContainsAny(row.QuestionID, " \t") {
		list.Add(diag.Errorf(at("question_id"), "question_id %q may not start with _ or contain spaces", row.QuestionID).
			WithHint("use IDs like q46 that are also the column names in responses.csv"))
		return Question{}, false
	}
	_, _ = ok1, ok2 // reported in list; keep the question so its other rows are checked once
	pos := at("question_id")
	pos.Col = 1
	q := Question{ID: row.QuestionID, Type: t, MaxChoices: m, Text: row.QuestionText, Pos: pos, at: map[string]diag.Pos{}}
	for _, c := range []string{"type", "max_choices", "question_text", "group", "unit", "separator", "bins"} {
		q.at[c] = at(c)
	}
	setQuestionExtras(list, &q, row, at)
	return q, true
}

// setQuestionExtras reads the optional question-level columns of a row:
// group, unit, separator and bins. A later row may repeat them or leave them
// blank.
func setQuestionExtras(list *diag.List, q *Question, row codebookRow, at func(string) diag.Pos) {
	set := func(col, v string, dst *string) {
		switch {
		case v == "":
		case *dst == "":
			*dst = v
			q.at[col] = at(col)
		case *dst != v:
			list.Add(diag.Errorf(at(col), "%s %q differs from line %d, which says %q", col, v, q.fieldPos(col).Line, *dst).
				WithHint("every row of one question must have the same %s, or leave it blank after the first", col))
		}
	}
	set("group", row.Group, &q.Group)
	set("unit", row.Unit, &q.Unit)
	if w := strings.ToLower(row.WriteIn); w != "" {
		q.WriteIn = w == "yes" || w == "true" || w == "1"
		if !q.WriteIn && w != "no" && w != "false" && w != "0" {
			list.Add(diag.Errorf(at("writein"), "writein %q is not yes or no", row.WriteIn).
				WithHint("write yes to count answers that name no option as the option with role other, or leave it blank"))
		}
	}
	set("separator", parseSeparator(row.Separator), &q.Separator)
	if row.Bins != "" {
		if q.Bins != nil {
			if strings.Join(decimalStrings(q.Bins), ",") != strings.Join(decimalStrings(mustBins(row.Bins)), ",") {
				list.Add(diag.Errorf(at("bins"), "bins %q differ from line %d", row.Bins, q.fieldPos("bins").Line).
					WithHint("give bins on one row of the question only"))
			}
			return
		}
		bins, err := parseBins(row.Bins)
		if err != nil {
			list.Add(diag.Errorf(at("bins"), "bins %q: %v", row.Bins, err).
				WithHint("write the lower bound of each bin in ascending order, separated by commas, for example 0,1,3,7,14"))
			return
		}
		q.Bins = bins
		q.at["bins"] = at("bins")
	}
}

// parseSeparator reads a separator cell: \n, LF or 改行 is a line feed
// (answers on lines of one cell), \t or TAB a tab; anything else is itself.
func parseSeparator(s string) string {
	switch strings.ToUpper(s) {
	case `\N`, "LF", "改行", "NEWLINE":
		return "\n"
	case `\T`, "TAB":
		return "\t"
	}
	return s
}

func checkSameQuestion(list *diag.List, q *Question, row codebookRow, at func(string) diag.Pos) {
	setQuestionExtras(list, q, row, at)
	first := fmt.Sprintf("the first row of %s (line %d)", q.ID, q.Pos.Line)
	if q.Type != "" && row.Type != "" && !strings.EqualFold(row.Type, string(q.Type)) {
		list.Add(diag.Errorf(at("type"), "type %q differs from %s, which says %s", row.Type, first, q.Type).
			WithHint("every row of one question must have the same type"))
	}
	if row.MaxChoices != "" && row.MaxChoices != strconv.Itoa(q.MaxChoices) {
		list.Add(diag.Errorf(at("max_choices"), "max_choices %q differs from %s, which says %q", row.MaxChoices, first, maxString(q.MaxChoices)).
			WithHint("every row of one question must have the same max_choices"))
	}
	if row.QuestionText != "" && row.QuestionText != q.Text {
		list.Add(diag.Errorf(at("question_text"), "question_text differs from %s: %q", first, q.Text).
			WithHint("copy the question text exactly, or leave it blank on the option rows after the first"))
	}
}

func maxString(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func newOption(list *diag.List, q *Question, row codebookRow, at func(string) diag.Pos) (Option, bool) {
	ok := true
	if row.OptionCode == "" {
		list.Add(diag.Errorf(at("option_code"), "option_code is empty").
			WithHint("give every option a short code (for example 01), unique within %s", q.ID))
		ok = false
	} else if strings.HasPrefix(row.OptionCode, "_") {
		list.Add(diag.Errorf(at("option_code"), "option_code %q starts with _, which is kept for %s and %s", row.OptionCode, BlankCode, InvalidCode).
			WithHint("choose a code that does not start with _"))
		ok = false
	}
	if row.OptionLabel == "" {
		list.Add(diag.Errorf(at("option_label"), "option_label is empty").
			WithHint("write the option as the respondents saw it"))
		ok = false
	}
	for _, o := range q.Options {
		if o.Code == row.OptionCode && row.OptionCode != "" {
			list.Add(diag.Errorf(at("option_code"), "option_code %q is used twice in %s (first on line %d)", row.OptionCode, q.ID, o.Pos.Line).
				WithHint("give each option of a question its own code"))
			ok = false
		}
		if normLabel(o.Label) == normLabel(row.OptionLabel) && row.OptionLabel != "" {
			list.Add(diag.Errorf(at("option_label"), "option_label %q is used twice in %s (first on line %d)", row.OptionLabel, q.ID, o.Pos.Line).
				WithHint("give each option of a question its own label, so answers written as labels can be matched"))
			ok = false
		}
	}
	role := Role(strings.ToLower(row.OptionRole))
	switch role {
	case RoleRanked, RoleOther, RoleNone, RoleDontKnow:
	default:
		list.Add(diag.Errorf(at("option_role"), "unknown option_role %q (allowed: blank, other, none, dontknow)", row.OptionRole).
			WithHint("leave option_role blank for ordinary options; write other for その他, none for 特にない, dontknow for わからない"))
		ok = false
	}
	var value *int
	if row.Value != "" {
		v, err := strconv.Atoi(normLabel(row.Value))
		if err != nil {
			list.Add(diag.Errorf(at("value"), "value %q is not a whole number", row.Value).
				WithHint("write the option's score as a whole number (for example 5 for とても満足), or leave it blank"))
			ok = false
		}
		value = &v
	}
	if !ok {
		return Option{}, false
	}
	pos := at("option_code")
	pos.Col = 1
	return Option{Code: row.OptionCode, Label: row.OptionLabel, Role: role, Value: value, Pos: pos}, true
}

// ranked reports whether the option takes part in the ranking.
func (o Option) ranked() bool { return o.Role == RoleRanked }

// allowed lists the options as "code=label" for error messages.
func (q *Question) allowed() string {
	parts := make([]string, 0, len(q.Options))
	for _, o := range q.Options {
		parts = append(parts, o.Code+"="+o.Label)
	}
	return strings.Join(slices.Clip(parts), ", ")
}
