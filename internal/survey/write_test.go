package survey

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestWriteCSVBlanksWhatIsNotPublished(t *testing.T) {
	t.Parallel()
	res, err := analyseString(t, testResponses, Config{Base: BaseAnswered, By: []string{"区分"}, MinCell: 2, Separator: ";"})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, res); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"\uFEFFquestion_id,segment,n,option_code,option_label,count,percent,rank,ci_low,ci_high\r\n",
		// Wilson 4/6: centre 8 + 3.841459 = 11.841459, spread 1.959964·√(3.841459 + 32/6)
		// = 5.936712, denominator 19.682918: 0.299990 → 30.0, 0.903226 → 90.3.
		"q1,全体,6,a,りんご,4,66.7,1,30.0,90.3\r\n",
		"q1,全体,6,x,その他,0,0.0,,0.0,39.0\r\n", // unranked: rank empty
		"q1,全体,6,_blank,無回答,1,,,,\r\n",      // excluded from n: no percent
		"q1,区分=村,1,,,,,,,\r\n",              // suppressed: n only
	} {
		if !strings.Contains(out, want) {
			t.Errorf("WriteCSV lacks %q in:\n%s", want, out)
		}
	}
}

func TestWriteJSONHidesSuppressedRows(t *testing.T) {
	t.Parallel()
	res, err := analyseString(t, testResponses, Config{By: []string{"区分"}})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, res); err != nil {
		t.Fatal(err)
	}
	var back struct {
		Questions []struct {
			Total     struct{ Rows []struct{ Percent float64 } }
			Crosstabs []struct {
				Segments []struct {
					Suppressed bool
					Rows       []any
				}
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if got := back.Questions[0].Total.Rows[0].Percent; got != 50.0 {
		t.Errorf("q1 top percent = %v, want 50", got)
	}
	for _, s := range back.Questions[0].Crosstabs[0].Segments {
		if !s.Suppressed || s.Rows != nil {
			t.Errorf("segment = %+v, want suppressed with no rows", s)
		}
	}
}
