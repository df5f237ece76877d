package survey

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/encoding/japanese"

	"surveysite/internal/diag"
)

// testCodebook: q1 is MA, 2 at most, with a label that holds ", " and two
// unranked options; q2 is SA.
const testCodebook = cbHeader +
	"q1,MA,2,好きな果物,a,りんご,\r\n" +
	"q1,,,,b,\"みかん, 温州\",\r\n" +
	"q1,,,,c,ぶどう,\r\n" +
	"q1,,,,x,その他,other\r\n" +
	"q1,,,,n,特にない,none\r\n" +
	"q2,SA,,性別,1,男,\r\n" +
	"q2,SA,,,2,女,\r\n"

// testResponses, by hand (line numbers in brackets; row 7 spans lines 8–9):
//
//	[2] 1 市 q1 a,b         q2 1
//	[3] 2 町 q1 a,b (labels) q2 2
//	[4] 3 市 q1 blank        q2 1
//	[5] 4 市 q1 invalid (3)  q2 invalid (two answers)
//	[6] 5 町 q1 a (ａ;a: repeated after NFKC, warned)  q2 2 (２)
//	[7] 6 村 q1 c            q2 blank
//	[8] 7 市 q1 b,a          q2 1
//	[10] 8 市 q1 n (特にない) q2 2
const testResponses = "respondent_id,区分,q1,q2\r\n" +
	"1,市,a;b,1\r\n" +
	"2,町,\"りんご;みかん, 温州\",2\r\n" +
	"3,市,,1\r\n" +
	"4,市,a;b;c,1;2\r\n" +
	"5,町,ａ;a,２\r\n" +
	"6,村,c,\r\n" +
	"7,市,\"  b ;\r\n a \",1\r\n" +
	"8,市,n,2\r\n"

func analyseString(t testing.TB, responses string, cfg Config) (*Results, error) {
	t.Helper()
	fsys := fstest.MapFS{"cb.csv": {Data: []byte(testCodebook)}, "r.csv": {Data: []byte(responses)}}
	cb, err := LoadCodebook(fsys, "cb.csv")
	if err != nil {
		t.Fatal(err)
	}
	return Analyse(fsys, "r.csv", cb, cfg)
}

// rowsString renders rows as "code count percent rank" items.
func rowsString(seg Segment) string {
	if seg.Suppressed {
		return fmt.Sprintf("suppressed n=%d", seg.N)
	}
	var b []string
	for _, r := range seg.Rows {
		pct := r.Percent.String()
		if !r.HasPercent(seg.N) {
			pct = "-"
		}
		b = append(b, fmt.Sprintf("%s:%d:%s:%d", r.Code, r.Count, pct, r.Rank))
	}
	return fmt.Sprintf("n=%d %s", seg.N, strings.Join(b, " "))
}

func TestAnalyseHandComputed(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		cfg  Config
		want map[string]string // "q1 全体" -> rowsString
	}{
		{"base all", Config{By: []string{"区分"}, MinCell: 3}, map[string]string{
			// a 4/8 = 50.0, b 3/8 = 37.5, c 1/8 = 12.5; x and n unranked, then 無回答, 無効.
			"q1 全体": "n=8 a:4:50.0:1 b:3:37.5:2 c:1:12.5:3 x:0:0.0:0 n:1:12.5:0 _blank:1:12.5:0 _invalid:1:12.5:0",
			// a and b tie at 2/5: ranks 1, 1, 3.
			"q1 区分=市": "n=5 a:2:40.0:1 b:2:40.0:1 c:0:0.0:3 x:0:0.0:0 n:1:20.0:0 _blank:1:20.0:0 _invalid:1:20.0:0",
			"q1 区分=町": "suppressed n=2",
			"q1 区分=村": "suppressed n=1",
			// a tie at 3/8 keeps codebook order.
			"q2 全体":   "n=8 1:3:37.5:1 2:3:37.5:1 _blank:1:12.5:0 _invalid:1:12.5:0",
			"q2 区分=市": "n=5 1:3:60.0:1 2:1:20.0:2 _blank:0:0.0:0 _invalid:1:20.0:0",
		}},
		{"base answered", Config{Base: BaseAnswered, By: []string{"区分"}, MinCell: 2}, map[string]string{
			// n = 8 − 1 blank − 1 invalid = 6: 4/6 = 66.7, 3/6 = 50.0, 1/6 = 16.7.
			"q1 全体":   "n=6 a:4:66.7:1 b:3:50.0:2 c:1:16.7:3 x:0:0.0:0 n:1:16.7:0 _blank:1:-:0 _invalid:1:-:0",
			"q1 区分=市": "n=3 a:2:66.7:1 b:2:66.7:1 c:0:0.0:3 x:0:0.0:0 n:1:33.3:0 _blank:1:-:0 _invalid:1:-:0",
			// 村 (n=1) is below MinCell; 町, the smallest of the others, is
			// hidden too, or 村 would follow from 全体 minus 市 and 町.
			"q1 区分=町": "suppressed n=2",
			"q1 区分=村": "suppressed n=1",
			"q2 全体":   "n=6 1:3:50.0:1 2:3:50.0:1 _blank:1:-:0 _invalid:1:-:0",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := analyseString(t, testResponses, tc.cfg)
			if err != nil {
				t.Fatal(err)
			}
			if res.N != 8 {
				t.Errorf("N = %d, want 8", res.N)
			}
			got := map[string]string{}
			var order []string
			for _, q := range res.Questions {
				got[q.ID+" 全体"] = rowsString(q.Total)
				for _, s := range q.Crosstabs[0].Segments {
					got[q.ID+" "+s.Label] = rowsString(s)
					order = append(order, s.Label)
				}
			}
			for k, want := range tc.want {
				if got[k] != want {
					t.Errorf("Analyse(%s) =\n  %s\nwant\n  %s", k, got[k], want)
				}
			}
			if o := strings.Join(order[:3], ","); o != "区分=市,区分=町,区分=村" {
				t.Errorf("segment order = %s, want first-seen 市, 町, 村", o)
			}
			var warns []string
			for _, w := range res.Warnings {
				warns = append(warns, w.Error())
			}
			wantWarns := []string{
				"r.csv:5:5: warning: 3 answers to q1, which allows at most 2; counted as 無効 (invalid)",
				"r.csv:5:11: warning: 2 answers to q2, which allows at most 1; counted as 無効 (invalid)",
				"r.csv:6:5: warning: option a (りんご) of q1 is given twice in this cell; counted once",
			}
			if strings.Join(warns, "\n") != strings.Join(wantWarns, "\n") {
				t.Errorf("Warnings =\n%s\nwant\n%s", strings.Join(warns, "\n"), strings.Join(wantWarns, "\n"))
			}
		})
	}
}

func TestAnalyseSuppressedSegmentHasNoRows(t *testing.T) {
	t.Parallel()
	res, err := analyseString(t, testResponses, Config{By: []string{"区分"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range res.Questions[0].Crosstabs[0].Segments {
		if !s.Suppressed || s.Rows != nil {
			t.Errorf("segment %s (n=%d): Suppressed = %v, Rows = %v; want suppressed with nil rows under MinCell 10", s.Label, s.N, s.Suppressed, s.Rows)
		}
	}
	if res.Questions[0].Total.Suppressed {
		t.Error("全体 is suppressed; only cross-tab segments may be")
	}
}

func TestAnalyseWideLayoutMatchesNarrow(t *testing.T) {
	t.Parallel()
	narrow := "respondent_id,区分,q1,q2\r\n" +
		"1,市,a;b,1\r\n" +
		"2,町,,2\r\n" +
		"3,市,a;b;c,1\r\n" +
		"4,村,n,\r\n"
	wide := "respondent_id,区分,q1_a,q1_b,q1_c,q1_x,q1_n,q2\r\n" +
		"1,市,1,TRUE,0,,,1\r\n" +
		"2,町,,,0,FALSE,,2\r\n" +
		"3,市,○,true,１,0,0,1\r\n" +
		"4,村,0,,,,1,\r\n"
	want, err := analyseString(t, narrow, Config{By: []string{"区分"}, MinCell: 1})
	if err != nil {
		t.Fatal(err)
	}
	got, err := analyseString(t, wide, Config{By: []string{"区分"}, MinCell: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Questions, want.Questions) {
		t.Errorf("wide layout:\n%s\nwant (narrow):\n%s", rowsString(got.Questions[0].Total), rowsString(want.Questions[0].Total))
	}
}

func TestAnalyseSameResultsInEveryEncoding(t *testing.T) {
	t.Parallel()
	sjis, err := japanese.ShiftJIS.NewEncoder().String(testResponses)
	if err != nil {
		t.Fatal(err)
	}
	copies := map[string]string{
		"BOM":     "\uFEFF" + testResponses,
		"CP932":   sjis,
		"LF only": strings.ReplaceAll(testResponses, "\r\n", "\n"),
	}
	want, err := analyseString(t, testResponses, Config{By: []string{"区分"}, MinCell: 1})
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range copies {
		got, err := analyseString(t, src, Config{By: []string{"区分"}, MinCell: 1})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s copy: results differ from UTF-8:\n%s\nwant\n%s", name, rowsString(got.Questions[0].Total), rowsString(want.Questions[0].Total))
		}
	}
}

func TestAnalyseSeparatorAndLabelsWithIt(t *testing.T) {
	t.Parallel()
	// Google Forms joins labels with ", ", and the label "みかん, 温州" holds
	// it too: longest first must take the whole label.
	src := "respondent_id,区分,q1,q2\r\n" +
		"1,市,\"みかん, 温州, りんご\",男\r\n" +
		"2,市,\"りんご, みかん, 温州\",女\r\n" +
		"3,市,\"ﾌﾞﾄﾞｳ\",女\r\n" // half-width katakana does not match ぶどう (hiragana)
	_, err := analyseString(t, src, Config{Separator: ", "})
	checkErrors(t, err, "r.csv", []string{`4:5: "ブドウ" is not an option of q1`})
	src = strings.Replace(src, "ﾌﾞﾄﾞｳ", "ぶどう", 1)
	res, err := analyseString(t, src, Config{Separator: ", "})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rowsString(res.Questions[0].Total), "n=3 a:2:66.7:1 b:2:66.7:1 c:1:33.3:3 x:0:0.0:0 n:0:0.0:0 _blank:0:0.0:0 _invalid:0:0.0:0"; got != want {
		t.Errorf("q1 = %s, want %s", got, want)
	}
}

func TestAnalyseReportsProblemsAtTheirLines(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		cfg       Config
		want      []string
	}{
		{"unknown code after a multi-line cell", testResponses + "9,市,z,1\r\n",
			Config{}, []string{`11:5: "z" is not an option of q1 (allowed: a=りんご, b=みかん, 温州, c=ぶどう, x=その他, n=特にない)`}},
		{"unknown label", testResponses + "9,市,りんごジュース;a,1\r\n",
			Config{}, []string{`11:5: "りんごジュース" is not an option of q1`}},
		{"unknown SA code", testResponses + "9,市,a,3\r\n",
			Config{}, []string{`11:7: "3" is not an option of q2`}},
		{"repeated respondent_id", testResponses + "3,市,a,1\r\n10,市,a,1\r\n7,市,a,1\r\n",
			Config{}, []string{`11:1: respondent_id "3" is used again (first on line 4)`, `13:1: respondent_id "7" is used again (first on line 8)`}},
		{"repeated respondent_id out of order", "respondent_id,q1,q2\r\nb,a,1\r\na,a,1\r\nc,a,1\r\nb,a,1\r\n",
			Config{}, []string{`5:1: respondent_id "b" is used again (first on line 2)`}},
		{"empty respondent_id", testResponses + " ,市,a,1\r\n",
			Config{}, []string{`11:1: respondent_id is empty`}},
		{"missing question column", "respondent_id,区分,q1\r\n1,市,a\r\n",
			Config{}, []string{`1:1: question q2 of the codebook has no column in the responses (columns: respondent_id, 区分, q1)`}},
		{"missing wide column", "respondent_id,q1_a,q1_b,q2\r\n1,1,0,1\r\n",
			Config{}, []string{`1:1: question q1 is in the wide layout but has no column q1_c, q1_x, q1_n`}},
		{"bad wide mark", "respondent_id,q1_a,q1_b,q1_c,q1_x,q1_n,q2\r\n1,1,0,yes,,,1\r\n",
			Config{}, []string{`2:7: "yes" is not a valid mark for q1_c`}},
		{"unknown by column", testResponses, Config{By: []string{"職位"}}, []string{`1:1: there is no column "職位"`}},
		{"row with too many cells", testResponses + "9,市,a,1,extra\r\n10,市,zz,1\r\n",
			Config{}, []string{`11:1: this row has 5 cells`, `12:6: "zz" is not an option of q1`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := analyseString(t, tc.src, tc.cfg)
			checkErrors(t, err, "r.csv", tc.want)
		})
	}
}

func TestAnalyseCapsErrorsPerFile(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("respondent_id,q1,q2\r\n")
	for i := range 80 {
		fmt.Fprintf(&b, "%d,zz,1\r\n", i)
	}
	_, err := analyseString(t, b.String(), Config{})
	var list *diag.List
	if !errors.As(err, &list) {
		t.Fatalf("err = %v, want a *diag.List", err)
	}
	// 80 rows × 2 unknown answers (zz is not an option of q1; 1 is one of
	// q2, so only q1 fails): every one counted, repeats grouped.
	if n, w := list.Counts(); n != 80 || w != 0 {
		t.Errorf("counts = %d errors, %d warnings; want 80, 0", n, w)
	}
	if !strings.Contains(err.Error(), "more rows like it") {
		t.Errorf("err = %v, want repeated problems grouped", err)
	}
}

func TestSuppressComplementHidesASecondSegment(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		ns     []int
		hidden []bool
	}{
		{"one small: the next smallest goes too", []int{50, 7, 12, 30}, []bool{false, true, true, false}},
		{"equal smallest: the first", []int{7, 20, 20}, []bool{true, true, false}},
		{"two small already", []int{5, 6, 40}, []bool{true, true, false}},
		{"none small", []int{40, 50}, []bool{false, false}},
		{"only one segment", []int{5}, []bool{true}},
		// n=0 hides nothing (its counts are all 0), so 町 (n=2) still
		// needs a partner: 市 is hidden too.
		{"a hidden n=0 does not protect", []int{40, 2, 0}, []bool{true, true, true}},
	}
	for _, tc := range tests {
		segs := make([]Segment, len(tc.ns))
		for i, n := range tc.ns {
			segs[i] = Segment{N: n, Suppressed: n < 10, Rows: []Row{{Count: n}}}
			if !segs[i].Suppressed {
				// A segment shown has its figures and, weighted, its
				// weighted base.
				segs[i].Summary = &Summary{NValid: n}
				segs[i].WeightedN, segs[i].NEff = "12.5", "9.8"
			}
		}
		suppressComplement(segs)
		for i := range segs {
			if segs[i].Suppressed != tc.hidden[i] {
				t.Errorf("%s: segment %d (n=%d) hidden = %v, want %v", tc.name, i, tc.ns[i], segs[i].Suppressed, tc.hidden[i])
			}
			if sg := segs[i]; sg.Suppressed && sg.Complement && (sg.Rows != nil || sg.Summary != nil || sg.WeightedN != "" || sg.NEff != "") {
				t.Errorf("%s: segment %d is hidden but keeps its rows, figures or weighted base: %+v", tc.name, i, sg)
			}
		}
	}
}

// TestWarningsKeepTheirTrueNumber: 120 answers counted as 無効 are 120
// warnings in the totals, however few are listed.
func TestWarningsKeepTheirTrueNumber(t *testing.T) {
	var b strings.Builder
	b.WriteString("respondent_id,q1,q2\r\n")
	for i := range 120 {
		fmt.Fprintf(&b, "%d,a;b;c,1\r\n", i)
	}
	res, err := analyseString(t, b.String(), Config{})
	if err != nil {
		t.Fatal(err)
	}
	var list diag.List
	for _, w := range res.Warnings {
		list.Add(w)
	}
	if _, w := list.Counts(); w != 120 {
		t.Errorf("warnings counted %d, want 120 (listed %d)", w, len(res.Warnings))
	}
}
