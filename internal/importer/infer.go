package importer

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"surveysite/internal/survey"
)

// Plan is what import infers from an export: how to read it, the codebook,
// the survey page's settings, and a review line for every column.
type Plan struct {
	HeaderRows int
	Rows       int // data rows
	Columns    []Column
	Questions  []Question
	Missing    []string // the export's words for no answer that were found
	Crosstab   []string // suggested cross-tab columns (question IDs or attribute names)
	Titles     map[string]string
	Review     []string // one line per column: what was decided and why
	Checks     []string // guesses a person should check
	// Language is the survey's language, "en" when its headers and labels
	// are English, else "" (the site's).
	Language string
}

// Question is one question of the codebook import writes.
type Question struct {
	ID, Type, Text string
	Max            int
	Separator      string // "LF" for line feeds
	Unit           string
	Group          string
	WriteIn        bool
	Options        []Option
}

// Option is one option of a Question.
type Option struct{ Code, Label, Role string }

// Options configure Infer.
type Options struct {
	HeaderRows int // 0: detect one or two header rows
}

// missingWords are the values exports use for no answer; they count as 無回答.
var missingWords = []string{"n/a", "N/A", "NA", "選択肢なし", "該当なし", "無回答", "-", "ー", "－"}

func isMissingWord(s string) bool {
	f := fold(s)
	for _, w := range missingWords {
		if fold(w) == f {
			return true
		}
	}
	return false
}

var (
	idHeaderRE   = regexp.MustCompile(`(?i)^(respondent[ _]?id|response[ _]?id|id|回答id|回答者id|会員id|回答番号|回答者番号|no\.?|番号|整理番号)$`)
	timeHeaderRE = regexp.MustCompile(`(?i)(timestamp|タイムスタンプ|開始時刻|完了時刻|回答日時|開始日時|終了日時|送信日時|最終更新|start ?date|end ?date|submit|started|completed|startedat|datestamp|日時$)`)
	timeValueRE  = regexp.MustCompile(`^\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?([ T]\d{1,2}:\d{2}(:\d{2})?)?`)
	personalRE   = regexp.MustCompile(`(?i)(e-?mail|メール|mail address|氏名|名前|お名前|^name$|first name|last name|full name|phone|電話|住所|^address$|ip ?address|ipアドレス)`)
	metaRE       = regexp.MustCompile(`(?i)^(collector ?id|custom data.*|lastpage|startlanguage|seed|refurl|submitdate|ua|user ?agent)$`)
	npsHeaderRE  = regexp.MustCompile(`(?i)(nps|推奨|すすめ|薦め|勧め|recommend)`)
	crossRE      = regexp.MustCompile(`(?i)(年代|性別|団体区分|地区|地域|職業|職位|居住地|所属|^age|age group|gender|^sex$|region|district|area)`)
	emailRE      = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
	phoneRE      = regexp.MustCompile(`^\+?[\d\-\s()]{10,}$`)
	bracketRE    = regexp.MustCompile(`^(.+?)\s*\[(.+)\]$`)
	otherRE      = regexp.MustCompile(`(?i)^(その他|other|others)\s*([（(].*[)）]|[:：].*)?$`)
	noneRE       = regexp.MustCompile(`(?i)^(特にない|特になし|とくにない|なし|選択なし|該当なし|none|nothing)`)
	faHeaderRE   = regexp.MustCompile(`(?i)(fa$|自由記述|自由回答|自由に|ご自由|ご意見|ご要望|理由|内容|具体的に|comment|please specify|feedback|suggestion)`)
	dontknowRE   = regexp.MustCompile(`(?i)^(わからない|分からない|don'?t know|not sure)`)
	trueValues   = map[string]bool{"1": true, "true": true, "○": true, "◯": true, "〇": true, "y": true, "yes": true}
	falseValues  = map[string]bool{"0": true, "false": true, "n": true}
)

// column is what Infer knows of one export column.
type column struct {
	index  int
	group  string // the header row above (two header rows), or a bracket prefix
	label  string
	name   string // unique header
	values []string
	done   bool
}

// Infer classifies every column of an export's rows (headers included).
func Infer(rows [][]string, opt Options) (*Plan, error) {
	if len(rows) == 0 {
		return nil, fmt.Errorf("the export is empty")
	}
	if opt.HeaderRows < 0 {
		return nil, fmt.Errorf("header rows %d is negative", opt.HeaderRows)
	}
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	p := &Plan{HeaderRows: opt.HeaderRows, Titles: map[string]string{}}
	if p.HeaderRows == 0 {
		p.HeaderRows = detectHeaderRows(rows, width)
	}
	if len(rows) <= p.HeaderRows {
		return nil, fmt.Errorf("the export has %d rows and no answers below its %d header rows", len(rows), p.HeaderRows)
	}
	cols := headerColumns(rows[:p.HeaderRows], width)
	data := rows[p.HeaderRows:]
	p.Rows = len(data)
	for _, c := range cols {
		for _, r := range data {
			v := ""
			if c.index < len(r) {
				v = strings.TrimSpace(r[c.index])
			}
			c.values = append(c.values, v)
		}
	}
	in := &inference{p: p, cols: cols, missing: map[string]bool{}}
	in.run()
	return p, nil
}

type inference struct {
	p       *Plan
	cols    []*column
	missing map[string]bool
	nq      int
	hasID   bool
	out     []Column // by export column
	extra   []Column // a second use of an export column (その他 text as FA)
}

func (in *inference) run() {
	in.out = make([]Column, len(in.cols))
	for i, c := range in.cols {
		in.out[i] = Column{Index: c.index + 1, Header: c.name}
	}
	// Column by column, in order; a 0/1 group is decided at its first member.
	for i := 0; i < len(in.cols); i++ {
		c := in.cols[i]
		if c.done {
			continue
		}
		in.classify(i)
	}
	in.p.Columns = append(in.out, in.extra...)
	for m := range in.missing {
		in.p.Missing = append(in.p.Missing, m)
	}
	slices.Sort(in.p.Missing)
	in.inferLanguage()
}

func (in *inference) skip(i int, why string) {
	in.out[i].Use, in.out[i].Note = UseSkip, why
	in.cols[i].done = true
	in.review(i, "skipped: "+why)
}

func (in *inference) review(i int, what string) {
	c := in.cols[i]
	in.p.Review = append(in.p.Review, fmt.Sprintf("%4d %s → %s", c.index+1, c.name, what))
}

func (in *inference) check(format string, args ...any) {
	in.p.Checks = append(in.p.Checks, fmt.Sprintf(format, args...))
}

func (in *inference) newID() string {
	in.nq++
	return "q" + strconv.Itoa(in.nq)
}

// answers returns the non-blank values that are not words for no answer,
// noting those words.
func (in *inference) answers(c *column) []string {
	var out []string
	for _, v := range c.values {
		switch {
		case v == "":
		case isMissingWord(v):
			in.missing[v] = true
		default:
			out = append(out, v)
		}
	}
	return out
}

func (in *inference) classify(i int) {
	c := in.cols[i]
	vals := in.answers(c)
	head := c.label
	switch {
	case len(vals) == 0:
		in.skip(i, "no answers in the column")
		return
	case personalRE.MatchString(head) || share(vals, func(v string) bool { return emailRE.MatchString(v) }) >= 0.5 ||
		share(vals, func(v string) bool { return phoneRE.MatchString(v) }) >= 0.8:
		in.skip(i, "personal data (e-mail, name, phone or address); never read or published")
		return
	case timeHeaderRE.MatchString(head) || share(vals, func(v string) bool { return timeValueRE.MatchString(v) }) >= 0.8:
		in.skip(i, "a timestamp, not a question")
		return
	case metaRE.MatchString(head):
		in.skip(i, "export metadata, not a question")
		return
	case idHeaderRE.MatchString(fold(head)) || strings.HasSuffix(fold(head), "id") && !in.hasID:
		if !in.hasID && unique(c.values) {
			in.hasID = true
			in.out[i].Use, in.out[i].Note = UseID, "unique values"
			c.done = true
			in.review(i, "the respondent ID (its values are unique)")
			return
		}
		in.out[i].Use, in.out[i].Name = UseAttribute, attrName(c.name)
		if fold(in.out[i].Name) == survey.IDColumn {
			in.out[i].Name += " (export)" // the generated IDs take respondent_id
		}
		in.out[i].Note = "values repeat, so not the ID"
		c.done = true
		in.review(i, "attribute "+in.out[i].Name+": looks like an ID but its values repeat (someone answered twice?); respondents are numbered by row")
		in.check("%s repeats values: respondents are numbered by row; check that no one answered twice by mistake", c.name)
		return
	}
	if g := in.wideGroup(i); len(g) >= 2 {
		text := ""
		if g[0] != i {
			in.skip(i, "the same answers as the 0/1 columns that follow it")
			text = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(c.label, "ALL"), "all"))
		}
		in.wide(g, text)
		return
	}
	if unit, ok := numeric(vals); ok {
		in.number(i, vals, unit)
		return
	}
	in.text(i, vals)
}

// wideGroup returns the columns from i that form one question of 0/1 columns:
// one group (header row above, or a bracket prefix), all values marks, at
// least two, an その他 member allowed to hold text.
func (in *inference) wideGroup(i int) []int {
	c := in.cols[i]
	if c.group == "" {
		return nil
	}
	var g []int
	for j := i; j < len(in.cols) && in.cols[j].group == c.group; j++ {
		d := in.cols[j]
		marks := true
		for _, v := range d.values {
			f := fold(v)
			if v != "" && !trueValues[f] && !falseValues[f] && !isMissingWord(v) && f != fold(d.label) {
				marks = false
				break
			}
		}
		switch {
		case marks, otherRE.MatchString(d.label) && len(g) > 0:
			g = append(g, j) // その他 may hold typed text
		case j == i:
			// a column joining the answers before the 0/1 columns (…ALL)
		default:
			return g
		}
	}
	return g
}

// wide makes one MA question of 0/1 columns.
func (in *inference) wide(g []int, text string) {
	first := in.cols[g[0]]
	if text == "" {
		text = first.group
	} else if first.group != "" && !strings.Contains(text, first.group) {
		text = first.group + " " + text
	}
	q := Question{ID: in.newID(), Type: "MA", Text: text}
	in.p.Titles[q.ID] = shortTitle(text)
	for k, j := range g {
		c := in.cols[j]
		code := fmt.Sprintf("%02d", k+1)
		q.Options = append(q.Options, Option{Code: code, Label: c.label, Role: roleOf(c.label)})
		in.out[j].Use, in.out[j].Name = UseQuestion, q.ID+"_"+code
		in.out[j].Note = "0/1 column of " + q.ID
		c.done = true
	}
	in.p.Questions = append(in.p.Questions, q)
	// The text typed into its その他 column is kept as free text too.
	last := in.cols[g[len(g)-1]]
	if otherRE.MatchString(last.label) && slices.ContainsFunc(last.values, func(v string) bool {
		f := fold(v)
		return v != "" && !trueValues[f] && !falseValues[f] && !isMissingWord(v)
	}) {
		fa := Question{ID: q.ID + "_text", Type: "FA", Text: text + "（" + last.label + "の記入）", WriteIn: true}
		in.p.Titles[fa.ID] = shortTitle(fa.Text)
		in.extra = append(in.extra, Column{Index: last.index + 1, Header: last.name, Use: UseQuestion, Name: fa.ID, Note: "the text typed into " + last.label})
		in.p.Questions = append(in.p.Questions, fa)
	}
	in.review(g[0], fmt.Sprintf("%s MA: %d 0/1 columns (%s … %s) form one question; text typed into その他 counts as その他",
		q.ID, len(g), in.cols[g[0]].name, in.cols[g[len(g)-1]].name))
}

func share(vals []string, f func(string) bool) float64 {
	n := 0
	for _, v := range vals {
		if f(v) {
			n++
		}
	}
	return float64(n) / float64(len(vals))
}

func unique(vals []string) bool {
	seen := map[string]bool{}
	for _, v := range vals {
		if v == "" || seen[v] {
			return false
		}
		seen[v] = true
	}
	return true
}

// labelAsWritten returns the answer as the export writes it when it matches
// the scale's label, else the label.
func labelAsWritten(label string, answers []string) string {
	for _, a := range answers {
		if fold(a) == fold(label) {
			return a
		}
	}
	return label
}

func attrName(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == ',' || r == '\n' || r == '\r' || r == '"' {
			return ' '
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

func questionText(c *column) string {
	if c.group != "" && c.group != c.label && !strings.Contains(c.label, c.group) {
		return c.group + " " + c.label
	}
	return c.label
}

// shortTitle is a question's title for lists: its header, cut at 40
// characters.
func shortTitle(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 40 {
		r := []rune(s)
		s = string(r[:39]) + "…"
	}
	return s
}
