package importer

import (
	"regexp"
	"unicode"
)

// englishWord is a word of three or more Latin letters: what a question's
// text or an option's label in English has, and codes such as Q1, A2 or
// SQ001 do not.
var englishWord = regexp.MustCompile(`\b[A-Za-z]{3,}\b`)

// writeInText is the text import gives the free-text question of an MA
// question's その他 column: the question's text, then （label の記入）.
var writeInText = regexp.MustCompile(`^(.*)（(.*)の記入）$`)

// inferLanguage sets the survey's language from its question texts (their
// headers) and option labels: English ("en") when none holds a Japanese
// character and some hold English words, else the site's (""). An English
// survey's write-in option is named Other, not その他, the free text of an
// その他 column is named in English, and the review says what was decided.
func (in *inference) inferLanguage() {
	words := 0
	var texts []string // those of the questions: skipped columns (submitdate) say nothing
	for _, q := range in.p.Questions {
		text := q.Text
		if m := writeInText.FindStringSubmatch(text); m != nil && q.WriteIn && q.Type == "FA" {
			text = m[1] + " " + m[2] // made by import: the words are the export's
		}
		texts = append(texts, text)
		for _, o := range q.Options {
			if !(o.Code == "other" && o.Label == "その他") {
				texts = append(texts, o.Label)
			}
		}
	}
	for _, t := range texts {
		if hasJapanese(t) {
			return
		}
		words += len(englishWord.FindAllString(t, 3))
	}
	if words < 3 {
		return // codes only (Q1, A1): no language to tell
	}
	in.p.Language = "en"
	for qi := range in.p.Questions {
		q := &in.p.Questions[qi]
		if m := writeInText.FindStringSubmatch(q.Text); m != nil && q.WriteIn && q.Type == "FA" {
			q.Text = m[1] + " (" + m[2] + ": the answers written in)"
		}
		for oi, o := range in.p.Questions[qi].Options {
			if o.Code == "other" && o.Label == "その他" {
				in.p.Questions[qi].Options[oi].Label = "Other"
			}
		}
	}
	in.p.Review = append(in.p.Review, "     language → en: the headers and labels are in English, so the survey's pages, charts and downloads are (language: en in its page)")
}

func hasJapanese(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF {
			return true
		}
	}
	return false
}
