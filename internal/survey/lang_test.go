package survey

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"surveysite/internal/i18n"
)

var japaneseText = regexp.MustCompile(`[\p{Han}\p{Hiragana}\p{Katakana}\x{3000}-\x{303F}\x{FF00}-\x{FFEF}※]`)

// TestEnglishResultsAndDownloads analyses an English survey with
// Config.Lang English: the labels the results add (Total, No answer,
// Invalid, bins, masks, a blank segment) and every download's column names
// and notes are English, so no download holds a Japanese character.
func TestEnglishResultsAndDownloads(t *testing.T) {
	t.Parallel()
	cat, err := i18n.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	en := cat.Lang("en")
	codebook := "question_id,type,max_choices,question_text,option_code,option_label,option_role\n" +
		"q1,SA,,Do you volunteer?,1,Yes,\n" +
		"q1,SA,,Do you volunteer?,2,No,\n" +
		"q2,NUM,,Hours a month,,,\n" +
		"q3,FA,,Anything else?,,,\n" +
		"q4,SCALE,,How satisfied are you?,1,Very,\n" +
		"q4,SCALE,,How satisfied are you?,2,Fairly,\n" +
		"q4,SCALE,,How satisfied are you?,3,Not very,\n" +
		"q4,SCALE,,How satisfied are you?,4,Not at all,\n"
	var rows strings.Builder
	rows.WriteString("respondent_id,area,q1,q2,q3,q4\n")
	areas := []string{"North", "South", "", "East"}
	for i := range 40 {
		area := areas[i%4]
		if i%4 == 3 && i > 8 {
			area = "North" // East keeps 3 respondents: suppressed
		}
		q1 := []string{"1", "2", "", "1"}[i%4]
		q3 := ""
		if i%5 == 0 {
			q3 = "write to me at someone@example.org"
		}
		rows.WriteString(strings.Join([]string{string(rune('a'+i%26)) + string(rune('a'+i/26)), area, q1, []string{"3", "12", "x", ""}[i%4], q3, []string{"1", "2", "3", "4", ""}[i%5]}, ",") + "\n")
	}
	fsys := fstest.MapFS{"cb.csv": {Data: []byte(codebook)}, "r.csv": {Data: []byte(rows.String())}}
	cb, err := LoadCodebook(fsys, "cb.csv")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Analyse(fsys, "r.csv", cb, Config{By: []string{"area"}, Publish: []string{"q3"}, MinCell: 5, Lang: en})
	if err != nil {
		t.Fatal(err)
	}
	q1 := res.Questions[0]
	if q1.Total.Label != "Total" || q1.Total.Rows[2].Label != "No answer" || q1.Total.Rows[3].Label != "Invalid" {
		t.Errorf("labels: %q, %q, %q", q1.Total.Label, q1.Total.Rows[2].Label, q1.Total.Rows[3].Label)
	}
	var segs []string
	for _, s := range q1.Crosstabs[0].Segments {
		segs = append(segs, s.Label)
	}
	if got := strings.Join(segs, "|"); !strings.Contains(got, "area=(blank)") {
		t.Errorf("segments %s lack area=(blank)", got)
	}
	if got := res.Questions[2].Answers[0].Text; got != "write to me at [e-mail address]" {
		t.Errorf("masked answer = %q", got)
	}
	var out bytes.Buffer
	for _, w := range []func() error{
		func() error { return WriteDownloadCSV(&out, res, "Sample data") },
		func() error { return WriteSummaryCSV(&out, res, "Sample data") },
		func() error { return WriteJSON(&out, res) },
	} {
		if err := w(); err != nil {
			t.Fatal(err)
		}
	}
	got := out.String()
	for _, want := range []string{
		"Question ID,Question,Breakdown,Group,Respondents (people),Option code,Option,Count (people),Percent (%),Rank,95% CI lower bound (%),95% CI upper bound (%),Notes\r\n",
		"Suppressed (fewer than 5 respondents); Sample data",
		"Question ID,Question,Question type,Breakdown,Group,Respondents (people),Option code,Option,Figure,Value,Unit,Notes\r\n",
		",Mean,", "Of the valid answers", `"label": "Answered"`, `"label": "Total"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the downloads lack %q", want)
		}
	}
	if m := japaneseText.FindString(got); m != "" {
		i := strings.Index(got, m)
		t.Errorf("the downloads hold Japanese %q: …%s…", m, got[max(0, i-80):min(len(got), i+40)])
	}
}
