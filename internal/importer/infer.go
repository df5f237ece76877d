package importer

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

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

// numeric reports whether every value is a number, allowing one unit that
// most of them end with; it returns the unit.
func numeric(vals []string) (string, bool) {
	suffix := map[string]int{}
	for _, v := range vals {
		s := norm.NFKC.String(v)
		i := strings.LastIndexAny(s, "0123456789")
		if i >= 0 && i < len(s)-1 {
			suffix[strings.TrimSpace(s[i+1:])]++
		}
	}
	unit := ""
	for u, n := range suffix {
		if u == "代" {
			return "", false // 20代, 30代: age groups, ordered bands rather than numbers
		}
		if u != "" && utf8.RuneCountInString(u) <= 3 && n*2 >= len(vals) {
			unit = u
		}
	}
	for _, v := range vals {
		if !isNumber(v, unit) {
			return "", false
		}
	}
	return unit, true
}

var plainNumberRE = regexp.MustCompile(`^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$`)

func isNumber(v, unit string) bool {
	s := strings.TrimSpace(norm.NFKC.String(v))
	if unit != "" {
		s = strings.TrimSpace(strings.TrimSuffix(s, unit))
	}
	return plainNumberRE.MatchString(strings.ReplaceAll(s, " ", ""))
}

func (in *inference) number(i int, vals []string, unit string) {
	c := in.cols[i]
	ints, lo, hi := true, 1<<62, -1<<62
	for _, v := range vals {
		n, err := strconv.Atoi(strings.TrimSpace(norm.NFKC.String(v)))
		if err != nil {
			ints = false
			break
		}
		lo, hi = min(lo, n), max(hi, n)
	}
	q := Question{ID: in.newID(), Text: questionText(c), Unit: unit}
	in.p.Titles[q.ID] = shortTitle(c.label)
	in.out[i].Use, in.out[i].Name = UseQuestion, q.ID
	c.done = true
	switch {
	case ints && lo >= 0 && hi <= 10 && npsHeaderRE.MatchString(c.name):
		q.Type, q.Unit = "NPS", ""
		in.review(i, fmt.Sprintf("%s NPS: whole numbers %d–%d and a word of recommending in the header", q.ID, lo, hi))
	default:
		q.Type = "NUM"
		what := "numbers"
		if unit != "" {
			what += " in " + unit
		}
		in.review(i, fmt.Sprintf("%s NUM: %s (%s to %s)", q.ID, what, strconv.Itoa(lo), strconv.Itoa(hi)))
		if !ints {
			in.p.Review[len(in.p.Review)-1] = fmt.Sprintf("%4d %s → %s NUM: %s", c.index+1, c.name, q.ID, what)
		}
		if ints && hi-lo <= 6 && hi <= 7 && lo >= 0 {
			in.check("%s (%s) holds whole numbers %d–%d: if they are points of a scale, change its type to SCALE and list the options in the codebook", q.ID, c.name, lo, hi)
		}
	}
	in.p.Questions = append(in.p.Questions, q)
}

// text decides among SCALE, MA, FA and SA for a column of text.
func (in *inference) text(i int, vals []string) {
	c := in.cols[i]
	counts := map[string]int{}
	var order []string
	for _, v := range vals {
		if counts[v] == 0 {
			order = append(order, v)
		}
		counts[v]++
	}
	q := Question{ID: in.newID(), Text: questionText(c)}
	in.p.Titles[q.ID] = shortTitle(c.label)
	in.out[i].Use, in.out[i].Name = UseQuestion, q.ID
	c.done = true
	defer func() {
		in.p.Questions = append(in.p.Questions, q)
		if crossRE.MatchString(c.label) && (q.Type == "SA" || q.Type == "SCALE") && len(q.Options) <= 12 {
			in.p.Crosstab = append(in.p.Crosstab, q.ID)
		}
	}()
	if scale, extras, ok := matchScale(order); ok {
		q.Type = "SCALE"
		for k, l := range scale {
			q.Options = append(q.Options, Option{Code: strconv.Itoa(len(scale) - k), Label: labelAsWritten(l, order)})
		}
		for k, v := range order {
			if r, ok := extras[v]; ok {
				q.Options = append(q.Options, Option{Code: "9" + strconv.Itoa(k), Label: v, Role: r})
			}
		}
		in.review(i, fmt.Sprintf("%s SCALE: the known scale %s … %s (%d points)", q.ID, scale[0], scale[len(scale)-1], len(scale)))
		if len(order)-len(extras) < len(scale) {
			in.check("%s (%s) uses %d of the %d labels of the scale %s … %s: check that the questionnaire printed this scale", q.ID, c.name, len(order)-len(extras), len(scale), scale[0], scale[len(scale)-1])
		}
		return
	}
	if bands, ok := bandOrder(order); ok {
		q.Type, q.Unit = "SCALE", "band"
		for k, b := range bands {
			q.Options = append(q.Options, Option{Code: strconv.Itoa(k + 1), Label: b.label, Role: b.role})
		}
		in.review(i, fmt.Sprintf("%s SCALE: %d ordered bands (amounts, counts, ages), in order of their numbers; no mean", q.ID, len(bands)))
		return
	}
	if sep, opts, writeIns, ok := multiple(vals); ok {
		q.Type, q.Separator = "MA", sep
		in.options(&q, opts, writeIns)
		name := map[string]string{"\n": "line feeds", ", ": `", "`, ",": `","`, ";": `";"`, "、": `"、"`}[sep]
		if sep == "\n" {
			q.Separator = "LF"
		}
		line := fmt.Sprintf("%s MA: answers separated by %s, %d options", q.ID, name, len(opts))
		if writeIns > 0 {
			line += fmt.Sprintf("; %d write-ins count as その他", writeIns)
		}
		in.review(i, line)
		return
	}
	long := 0
	for _, v := range order {
		if utf8.RuneCountInString(v) >= 15 {
			long++
		}
	}
	ratio := float64(len(order)) / float64(len(vals))
	// A header that asks for free text is enough: such answers, even when
	// few repeat, must not become option labels, which are published.
	if len(order) > 60 || faHeaderRE.MatchString(c.label) && !allNone(order) ||
		len(order) >= 5 && ratio > 0.5 && (long*3 >= len(order) || len(order) > 20) {
		q.Type = "FA"
		in.review(i, fmt.Sprintf("%s FA: %d distinct answers of %d; not published (list it under publish_free_text to publish it masked)", q.ID, len(order), len(vals)))
		return
	}
	q.Type = "SA"
	var opts []token
	writeIns := 0
	rare := max(2, len(vals)/100)
	hasOther := slices.ContainsFunc(order, func(v string) bool { return roleOf(v) == "other" })
	for _, v := range order {
		if hasOther && counts[v] < rare && len(vals) >= 20 && len(order) > 5 {
			writeIns += counts[v]
			continue
		}
		opts = append(opts, token{v, counts[v]})
	}
	if writeIns*5 > len(vals) || len(opts) < 2 {
		opts, writeIns = nil, 0 // not write-ins but options
		for _, v := range order {
			opts = append(opts, token{v, counts[v]})
		}
	}
	in.options(&q, opts, writeIns)
	line := fmt.Sprintf("%s SA: %d options", q.ID, len(opts))
	if writeIns > 0 {
		line += fmt.Sprintf("; %d answers given once (write-ins) count as その他", writeIns)
	}
	in.review(i, line)
}

// options fills q's options from tokens in order of first appearance, roles
// by their labels, and an その他 option for write-ins.
func (in *inference) options(q *Question, toks []token, writeIns int) {
	hasOther := false
	for k, t := range toks {
		r := roleOf(t.text)
		hasOther = hasOther || r == "other"
		q.Options = append(q.Options, Option{Code: strconv.Itoa(k + 1), Label: t.text, Role: r})
	}
	if writeIns > 0 {
		q.WriteIn = true
		if !hasOther {
			q.Options = append(q.Options, Option{Code: "other", Label: "その他", Role: "other"})
		}
	}
}

func roleOf(label string) string {
	switch {
	case otherRE.MatchString(label):
		return "other"
	case noneRE.MatchString(label):
		return "none"
	case dontknowRE.MatchString(label):
		return "dontknow"
	}
	return ""
}

// allNone reports whether every answer is a word for nothing (特になし).
func allNone(vals []string) bool {
	for _, v := range vals {
		if roleOf(v) != "none" {
			return false
		}
	}
	return true
}

type token struct {
	text  string
	count int
}

// multiple finds the separator of a multiple-answer column: the first of
// line feed, ", ", ",", ";" and "、" that at least a tenth of the cells hold
// and whose pieces recur far more than whole cells do. A whole cell that
// recurs and holds the separator, but whose pieces are not answers
// elsewhere, is one answer ("No, but I used to"). Pieces given by fewer than
// 2 respondents (and under 1% of them) are write-ins.
func multiple(vals []string) (sep string, opts []token, writeIns int, ok bool) {
	whole := map[string]int{}
	for _, v := range vals {
		whole[v]++
	}
	for _, s := range []string{"\n", ", ", ",", ";", "、"} {
		with := 0
		for _, v := range vals {
			if strings.Contains(v, s) {
				with++
			}
		}
		if with*10 < len(vals) {
			continue
		}
		// Pieces, keeping recurring whole answers that hold the separator.
		pieceCount := map[string]int{}
		for _, v := range vals {
			for _, t := range strings.Split(v, s) {
				if t = strings.TrimSpace(t); t != "" {
					pieceCount[t]++
				}
			}
		}
		atomic := map[string]bool{}
		for w, n := range whole {
			if n < 2 || !strings.Contains(w, s) {
				continue
			}
			// w is one answer when one of its pieces occurs only inside it
			// (in cells alone or joined with other answers).
			inside := 0
			for _, v := range vals {
				if strings.Contains(v, w) {
					inside++
				}
			}
			alone := false
			for _, t := range strings.Split(w, s) {
				if pieceCount[strings.TrimSpace(t)] <= inside {
					alone = true
				}
			}
			if alone {
				atomic[w] = true
			}
		}
		count := map[string]int{}
		var order []string
		for _, v := range vals {
			for _, t := range splitKeeping(v, s, atomic) {
				if count[t] == 0 {
					order = append(order, t)
				}
				count[t]++
			}
		}
		multi := 0
		for _, v := range vals {
			if len(splitKeeping(v, s, atomic)) > 1 {
				multi++
			}
		}
		if multi*10 < len(vals) || len(order)*3 > len(whole)*2 && len(whole) > 3 {
			continue // few cells hold two answers, or the pieces are hardly fewer than the cells
		}
		rare := max(2, len(vals)/100)
		for _, t := range order {
			if count[t] < rare && len(order) > 2 {
				writeIns += count[t]
				continue
			}
			opts = append(opts, token{t, count[t]})
		}
		if len(opts) < 2 {
			continue
		}
		return s, opts, writeIns, true
	}
	return "", nil, 0, false
}

// splitKeeping splits v by sep, keeping the atomic answers whole.
func splitKeeping(v, sep string, atomic map[string]bool) []string {
	if atomic[v] {
		return []string{v}
	}
	for a := range atomic {
		if strings.Contains(v, a) {
			rest := strings.Replace(v, a, "\x00", 1)
			var out []string
			for _, t := range splitKeeping(rest, sep, atomic) {
				out = append(out, strings.ReplaceAll(t, "\x00", a))
			}
			return out
		}
	}
	var out []string
	for _, t := range strings.Split(v, sep) {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

type band struct {
	label string
	low   float64
	role  string
}

// bandOrder orders amount bands by amount; labels that are not bands
// (使わない) go last with role none. ok is false unless most labels are bands.
func bandOrder(labels []string) ([]band, bool) {
	var bands, others []band
	for _, l := range labels {
		if v, ok := bandLow(l); ok {
			bands = append(bands, band{label: l, low: v})
		} else {
			r := roleOf(l)
			if r == "" {
				r = "none"
			}
			others = append(others, band{label: l, role: r})
		}
	}
	if len(bands) < 3 || len(others) > 2 || len(others)*2 >= len(bands) {
		return nil, false
	}
	ranged := false
	for _, b := range bands {
		ranged = ranged || rangeWord(b.label)
	}
	if !ranged {
		return nil, false // numbered names (第1会場 …), not amounts
	}
	slices.SortStableFunc(bands, func(a, b band) int { return cmp.Compare(a.low, b.low) })
	return append(bands, others...), true
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
