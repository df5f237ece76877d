package survey

import (
	"regexp"
	"strings"

	"surveysite/internal/diag"
	"surveysite/internal/i18n"
)

// FA is free text (自由記述). With writein, the column is an その他 column
// of 0/1 marks where some cells hold typed text: the marks are not answers.
// Only the number of answers is published,
// unless Config.Publish names the question: then the answers are listed in
// data order, masked (MaskText), without those of Config.Exclude.
const FA Type = "FA"

func init() { register(FA, faKind{}) }

type faKind struct{}

// TextCode is the code of the row of FA answers that are not blank,
// labelled data.text (記入あり).
const TextCode = "_text"

func (faKind) options() optionRule { return optionsNone }

func (faKind) define(list *diag.List, q *Question) {
	if q.MaxChoices > 0 {
		list.Add(diag.Errorf(q.fieldPos("max_choices"), "an FA question takes no max_choices").
			WithHint("leave max_choices blank for FA (free text) questions"))
	}
}

func (faKind) bind(b *binding, q *Question) reader {
	i, ok := b.column(q.ID)
	if !ok {
		b.errs.Add(diag.Errorf(b.headPos, "question %s of the codebook has no column in the responses (columns: %s)", q.ID, b.columns).
			WithHint("add a column named %s, or remove %s from the codebook", q.ID, q.ID))
		return nil
	}
	fr := &faReader{col: i, writeIn: q.WriteIn}
	for _, id := range b.cfg.Publish {
		fr.publish = fr.publish || id == q.ID
	}
	return fr
}

type faReader struct {
	col     int
	writeIn bool // the column holds 0/1 marks and write-ins: marks are not text
	publish bool
	answers []FreeText
}

func (fr *faReader) read(a *analysis, rec []string) answer {
	cell := strings.TrimSpace(rec[fr.col])
	if cell == "" || a.isMissing(cell) {
		return answer{outcome: blank}
	}
	if fr.writeIn {
		if _, ok := wideValue(cell); ok {
			return answer{outcome: blank} // a 0/1 mark beside the write-ins, not text
		}
	}
	if fr.publish && !a.excluded(rec) {
		text, masked := maskText(cell, a.cfg.Lang)
		fr.answers = append(fr.answers, FreeText{Text: text, Masked: masked})
	}
	return answer{outcome: answered, picks: faPick[:]}
}

var faPick = [1]int{0}

func (faKind) cells(q *Question) int { return 1 }

func (faKind) summarise(q *Question, t, _ *tally, seg *Segment) {
	seg.Rows = []Row{countRow(TextCode, t.l.T("data.text"), RoleRanked, t, cell(0), seg.N)}
	seg.Summary = &Summary{NValid: t.counts[0]}
}

// FreeText is one published free-text answer.
type FreeText struct {
	Text   string `json:"text"`
	Masked bool   `json:"masked,omitempty"` // something in it was masked
}

var (
	// After NFKC: ASCII addresses, and "name(at)example.jp".
	emailRE = regexp.MustCompile(`[A-Za-z0-9._%+\-]+(?:@|\s?[(\[]at[)\]]\s?)[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}`)
	urlRE   = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s　]+`)
	// Phone numbers: Japanese ones start with 0 (03-1234-5678,
	// 090-1234-5678, 03(1234)5678, (03)1234-5678, 0312345678) or +81;
	// others need a + and separators. Years (2020-2023), amounts and postal
	// codes (100-0001) do not start with 0 and are left alone.
	phoneRE = regexp.MustCompile(`(?:\+\d{1,3}[\s\-.‐–]?\(?\d{1,4}\)?|\b0\d{1,4}|\(0\d{1,4}\))[\s\-.‐–]?\(?\d{1,4}\)?[\s\-.‐–]\d{3,4}\b|\b0\d{1,4}\(\d{1,4}\)\d{3,4}\b|\b0\d{9,10}\b`)
)

// MaskText hides e-mail addresses, URLs and phone numbers in a free-text
// answer (after NFKC, so full-width ones are found too): they become
// ［メールアドレス］, ［URL］ and ［電話番号］. masked reports whether any was.
func MaskText(s string) (out string, masked bool) { return maskText(s, i18n.Japanese()) }

// maskText is MaskText with the words of l (data.mask_*).
func maskText(s string, l *i18n.Lang) (out string, masked bool) {
	s = normLabel(s)
	for _, m := range []struct {
		re   *regexp.Regexp
		with string
	}{{emailRE, l.T("data.mask_email")}, {urlRE, l.T("data.mask_url")}, {phoneRE, l.T("data.mask_phone")}} {
		if m.re.MatchString(s) {
			s, masked = m.re.ReplaceAllString(s, m.with), true
		}
	}
	return s, masked
}

// texts returns the published answers.
func (fr *faReader) texts() []FreeText { return fr.answers }
