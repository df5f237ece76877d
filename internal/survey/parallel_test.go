package survey

import (
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"surveysite/internal/tabular"
)

// oneByOne hides a reader's Keep, so the analysis reads and tallies one
// row after another.
type oneByOne struct{ Records }

// analyseBoth analyses responses in parallel and one row after another.
func analyseBoth(t testing.TB, responses string, cfg Config) (par, seq *Results, parErr, seqErr error) {
	t.Helper()
	return analyseBothWith(t, testCodebook, responses, cfg)
}

// analyseBothWith is analyseBoth with the codebook cb.
func analyseBothWith(t testing.TB, codebook, responses string, cfg Config) (par, seq *Results, parErr, seqErr error) {
	t.Helper()
	fsys := fstest.MapFS{"cb.csv": {Data: []byte(codebook)}, "r.csv": {Data: []byte(responses)}}
	cb, err := LoadCodebook(fsys, "cb.csv")
	if err != nil {
		t.Fatal(err)
	}
	par, parErr = analyseSource(FileSource(fsys, "r.csv"), cb, cfg, 2) // in parallel, however many cores

	src := Source{Path: "r.csv", Open: func() (Records, io.Closer, error) {
		r, c, err := tabular.Open(fsys, "r.csv")
		if err != nil {
			return nil, nil, err
		}
		return oneByOne{r}, c, nil
	}}
	seq, seqErr = AnalyseSource(src, cb, cfg)
	return par, seq, parErr, seqErr
}

// sameAnalysis fails t unless the two analyses of one file agree: the same
// results, and the same problems in the same words and order.
func sameAnalysis(t testing.TB, par, seq *Results, parErr, seqErr error) {
	t.Helper()
	if fmt.Sprint(parErr) != fmt.Sprint(seqErr) {
		t.Fatalf("in parallel:\n%v\none row after another:\n%v", parErr, seqErr)
	}
	if !reflect.DeepEqual(par, seq) {
		t.Fatalf("results differ:\nin parallel %+v\none row after another %+v", par, seq)
	}
}

// TestParallelRunAgrees: the parallel run (batches of rows read here and
// tallied by a worker per group of questions, problems sorted back into
// file order) gives what reading one row after another gives, on files of
// several batches full of problems: unknown answers, too many answers,
// repeated options, rows of the wrong width, empty and repeated IDs, cells
// over two lines, and more problems than a file shows.
func TestParallelRunAgrees(t *testing.T) {
	t.Parallel()
	for seed := range uint64(6) {
		// Unknown answers (zz, 3) are errors, and with errors there are no
		// results: half the files have only warnings (a;b;c, ａ;a, 1;2), so
		// that their results are compared too.
		q1 := []string{"a", "b", "c", "x", "n", "a;b", "a;b;c", "ａ;a", "", "りんご", `"b ;` + "\r\n" + ` a"`, "特にない"}
		q2 := []string{"1", "2", "２", "", "1;2", "男", "女"}
		if seed%2 == 0 {
			q1, q2 = append(q1, "zz"), append(q2, "3")
		}
		rng := rand.New(rand.NewPCG(seed, 1))
		var b strings.Builder
		b.WriteString("respondent_id,区分,q1,q2\r\n")
		rows := 500 + rng.IntN(1500)
		for i := range rows {
			// IDs of many widths put problems in many columns: many groups.
			id := fmt.Sprintf("%0*d", 1+rng.IntN(30), i+1)
			switch rng.IntN(60) {
			case 0:
				if seed%2 == 0 {
					id = ""
				}
			case 1:
				if seed%2 == 0 {
					id = fmt.Sprintf("%0*d", 1+rng.IntN(2), rng.IntN(i+1)) // perhaps used before
				}
			}
			if seed%2 == 0 && rng.IntN(80) == 0 {
				fmt.Fprintf(&b, "%s,市,a,1,extra\r\n", id) // the wrong width
				continue
			}
			a1, a2 := q1[rng.IntN(len(q1))], q2[rng.IntN(len(q2))]
			if seed%2 == 0 && rng.IntN(20) == 0 {
				// Problems of many kinds, more than a file shows: which
				// are shown depends on the order they were found in.
				a1, a2 = fmt.Sprintf("z%d", rng.IntN(40)), fmt.Sprint(3+rng.IntN(40))
			}
			fmt.Fprintf(&b, "%s,%s,%s,%s\r\n", id, []string{"市", "町", "村"}[rng.IntN(3)], a1, a2)
		}
		for _, cfg := range []Config{{}, {By: []string{"区分"}, MinCell: 3}, {By: []string{"区分", "q2"}}} {
			par, seq, parErr, seqErr := analyseBoth(t, b.String(), cfg)
			if (seqErr == nil) == (seed%2 == 0) || seqErr == nil && len(seq.Warnings) == 0 {
				t.Fatalf("seed %d: err %v, %d warnings: the file is not what the test meant", seed, seqErr, len(par.Warnings))
			}
			sameAnalysis(t, par, seq, parErr, seqErr)
		}
	}
}

// boomKind is FA whose reader panics on the cell "boom": a bug in a
// question type's reader.
type boomKind struct{ faKind }

func (boomKind) bind(b *binding, q *Question) reader {
	return boomReader{faKind{}.bind(b, q), "boom-" + q.ID}
}

// boomReader panics on a row with a cell "boom", or "boom-<its ID>".
type boomReader struct {
	reader
	own string
}

func (r boomReader) read(a *analysis, rec []string) answer {
	if slices.Contains(rec, "boom") || slices.Contains(rec, r.own) {
		var m map[string]int
		m["boom"]++ // a nil map: the kind of bug a reader may have
	}
	return r.reader.read(a, rec)
}

func init() { register("ZZBOOM", boomKind{}) }

// TestReaderPanicIsReportedAtItsRow: a panic in a question's reader is an
// error at the row's line, the same in parallel and one row after another,
// naming the function that failed; the build goes on to report it.
func TestReaderPanicIsReportedAtItsRow(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("respondent_id,q\n")
	for i := 1; i <= 700; i++ {
		cell := "text"
		if i == 600 {
			cell = "boom"
		}
		fmt.Fprintf(&b, "%d,%s\n", i, cell)
	}
	par, seq, parErr, seqErr := analyseBothWith(t, cbHeader+"q,ZZBOOM,,自由記述,,,\n", b.String(), Config{})
	sameAnalysis(t, par, seq, parErr, seqErr)
	if parErr == nil || !strings.Contains(parErr.Error(), "r.csv:601:") || !strings.Contains(parErr.Error(), "boomReader") {
		t.Errorf("err = %v, want the panic at r.csv:601 in boomReader.read", parErr)
	}
}

// TestParallelTotalsFromSegments: the parallel run adds 全体 up from the
// segments of the first attribute (totalFromSegments) rather than adding
// every row to it, and gets what one row after another gets, for every kind
// of count a tally holds: options, 無回答 and 無効, numbers counted by value
// (7) and by their text (7.0, 1,000), and rows whose attribute is blank.
func TestParallelTotalsFromSegments(t *testing.T) {
	t.Parallel()
	cb := typesHeader +
		"d,NUM,,日数,,,,,日,,\n" +
		"s,SCALE,,満足度,1,不満,,1,,,\n" +
		"s,,,,2,普通,,2,,,\n" +
		"s,,,,3,満足,,3,,,\n" +
		"g,SA,,区分,1,市,,,,,\n" +
		"g,,,,2,町,,,,,\n"
	rng := rand.New(rand.NewPCG(3, 4))
	nums := []string{"0", "7", "７", "7.0", "1000", `"1,000"`, "2.5", "", "999", "1200"}
	var b strings.Builder
	b.WriteString("respondent_id,地域,d,s,g\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "%d,%s,%s,%s,%s\n", i+1, []string{"北", "南", ""}[rng.IntN(3)],
			nums[rng.IntN(len(nums))], []string{"1", "2", "3", "", "1;2"}[rng.IntN(5)], []string{"1", "2", "町", ""}[rng.IntN(4)])
	}
	for _, cfg := range []Config{{By: []string{"地域"}}, {By: []string{"g", "地域"}, MinCell: 1}} {
		par, seq, parErr, seqErr := analyseBothWith(t, cb, b.String(), cfg)
		if seqErr != nil {
			t.Fatal(seqErr)
		}
		sameAnalysis(t, par, seq, parErr, seqErr)
	}
}

// TestFirstPanicIsReported: when several questions' readers panic, the
// parallel run reports the panic a run one row after another meets first,
// the earliest row and then the first question, whichever worker tallies
// it, and the problems found before it, as that run does. With two workers,
// q0 and q1 are one's and q2 and q3 the other's.
func TestFirstPanicIsReported(t *testing.T) {
	t.Parallel()
	cb := cbHeader + "q0,SA,,区分,1,市,\n" + "q1,ZZBOOM,,自由記述,,,\n" + "q2,ZZBOOM,,自由記述,,,\n" + "q3,ZZBOOM,,自由記述,,,\n"
	for _, tc := range []struct {
		booms map[int]string // row: the question whose reader panics there
		want  string
	}{
		{map[int]string{200: "q2", 100: "q3"}, "r.csv:101:"}, // one worker, the later question first
		{map[int]string{200: "q1", 50: "q3"}, "r.csv:51:"},   // the second worker's row first
		{map[int]string{300: "q1", 20: "q2"}, "r.csv:21:"},
		{map[int]string{90: "q3", 91: "q1"}, "r.csv:91:"},
	} {
		var b strings.Builder
		b.WriteString("respondent_id,q0,q1,q2,q3\n")
		for i := 1; i <= 700; i++ {
			cells := []string{"1", "text", "text", "text"}
			if i == 40 || i == 99 {
				cells[0] = "9" // not an option: an error before the panics
			}
			if q, ok := tc.booms[i]; ok {
				cells[q[1]-'0'] = "boom-" + q
			}
			fmt.Fprintf(&b, "%d,%s\n", i, strings.Join(cells, ","))
		}
		par, seq, parErr, seqErr := analyseBothWith(t, cb, b.String(), Config{})
		sameAnalysis(t, par, seq, parErr, seqErr)
		first := 1000
		for row := range tc.booms {
			first = min(first, row)
		}
		if parErr == nil || !strings.Contains(parErr.Error(), tc.want) || strings.Contains(parErr.Error(), "r.csv:41:") != (first > 40) {
			t.Errorf("booms %v: err = %v, want the panic at %s, after the error at r.csv:41 if it comes first", tc.booms, parErr, tc.want)
		}
	}
}
