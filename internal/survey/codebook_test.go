package survey

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"surveysite/internal/diag"
)

const cbHeader = "question_id,type,max_choices,question_text,option_code,option_label,option_role\r\n"

func TestLoadCodebook(t *testing.T) {
	t.Parallel()
	src := cbHeader +
		"q1,MA,2,\"好きな果物\r\n(2つまで)\",a,りんご,\r\n" +
		"q1,,,,b,\"みかん, 温州\",\r\n" +
		"q1,MA,2,,x,その他,Other\r\n" +
		"q2,sa,,性別,1,男,\r\n" +
		"q2,SA,,性別,2,女,\r\n"
	cb, err := LoadCodebook(fstest.MapFS{"cb.csv": {Data: []byte(src)}}, "cb.csv")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(cb.IDs(), ","), "q1,q2"; got != want {
		t.Fatalf("IDs = %s, want %s", got, want)
	}
	q1, _ := cb.Question("q1")
	if q1.Type != MA || q1.MaxChoices != 2 || q1.Text != "好きな果物\n(2つまで)" || len(q1.Options) != 3 {
		t.Errorf("q1 = %+v", q1)
	}
	if o := q1.Options[2]; o.Code != "x" || o.Role != RoleOther || o.Pos.Line != 5 {
		t.Errorf("q1 option x = %+v, want role other on line 5 (after the two-line cell)", o)
	}
	q2, _ := cb.Question("q2")
	if q2.Type != SA || q2.MaxChoices != 0 || len(q2.Options) != 2 {
		t.Errorf("q2 = %+v", q2)
	}
}

func TestLoadCodebookReportsPositions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body string
		want       []string // "line:col: substring"
	}{
		// Columns are byte columns, as encoding/csv counts them: 問 is 3 bytes.
		{"unknown type", "q1,XA,,問,a,A,\r\n", []string{"2:4: unknown question type \"XA\""}},
		{"bad max_choices", "q1,MA,five,問,a,A,\r\n", []string{"2:7: max_choices \"five\" is not a whole number"}},
		{"zero max_choices", "q1,MA,0,問,a,A,\r\n", []string{"2:7: max_choices \"0\""}},
		{"SA with max", "q1,SA,3,問,a,A,\r\n", []string{"2:7: max_choices is 3 but the question is SA"}},
		{"duplicate code", "q1,MA,,問,a,A,\r\nq1,MA,,問,a,B,\r\n", []string{"3:10: option_code \"a\" is used twice in q1 (first on line 2)"}},
		{"duplicate label after NFKC", "q1,MA,,問,a,Ａ,\r\nq1,MA,,問,b,A,\r\n", []string{"3:12: option_label \"A\" is used twice"}},
		{"other text", "q1,MA,,問,a,A,\r\nq1,MA,,別の問,b,B,\r\n", []string{"3:8: question_text differs from the first row of q1 (line 2)"}},
		{"other type", "q1,MA,,問,a,A,\r\nq1,SA,,,b,B,\r\n", []string{"3:4: type \"SA\" differs"}},
		{"unknown role", "q1,MA,,問,a,A,\r\nq1,MA,,,b,B,sonota\r\n", []string{"3:13: unknown option_role \"sonota\""}},
		{"after a multi-line cell", "q1,MA,,\"問\n二行目\",a,A,\r\nq1,MA,,,b,B,bad\r\n", []string{"4:13: unknown option_role \"bad\""}},
		{"several", "q1,ZZ,,問,a,A,\r\nq1,MA,,,a,B,x\r\n", []string{"2:4: unknown question type", "3:9: option_code \"a\" is used twice", "3:13: unknown option_role"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := LoadCodebook(fstest.MapFS{"cb.csv": {Data: []byte(cbHeader + tc.body)}}, "cb.csv")
			checkErrors(t, err, "cb.csv", tc.want)
		})
	}
}

func TestLoadCodebookRejectsMissingColumn(t *testing.T) {
	t.Parallel()
	src := "question_id,type,question_text,option_code,option_label\r\nq1,MA,問,a,A\r\n"
	_, err := LoadCodebook(fstest.MapFS{"cb.csv": {Data: []byte(src)}}, "cb.csv")
	checkErrors(t, err, "cb.csv", []string{"1:1: the codebook has no column max_choices, option_role"})
}

// checkErrors checks that err is a diag.List (or diag.Error) whose items are,
// in order, at path:want[i] with the message containing the rest, each with
// a hint.
func checkErrors(t *testing.T, err error, path string, want []string) {
	t.Helper()
	if err == nil {
		t.Fatalf("err = nil, want %q", want)
	}
	var items []*diag.Error
	var list *diag.List
	var de *diag.Error
	switch {
	case errors.As(err, &list):
		for _, e := range list.Items() {
			if !e.Warn {
				items = append(items, e)
			}
		}
	case errors.As(err, &de):
		items = []*diag.Error{de}
	default:
		t.Fatalf("err = %v (%T), want a diag.List", err, err)
	}
	if len(items) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(items), len(want), err)
	}
	for i, w := range want {
		got := items[i].Error()
		if !strings.HasPrefix(got, path+":") || !strings.Contains(got, w) {
			t.Errorf("error %d = %q, want %s:%s…", i, got, path, w)
		}
		if items[i].Hint == "" {
			t.Errorf("error %d (%q) has no hint", i, got)
		}
	}
}
