package survey

import (
	"errors"
	"io"
	"testing"
	"testing/fstest"

	"surveysite/internal/diag"
	"surveysite/internal/tabular"
)

// FuzzAnalyse feeds arbitrary bytes to the responses reader: it must return
// results or diagnostics, never panic, and results must add up; the
// parallel run and one row after another must agree.
func FuzzAnalyse(f *testing.F) {
	f.Add([]byte(testResponses), ";")
	f.Add([]byte("respondent_id,q1,q2\n1,\"a;b\nc\",1\n"), ";")
	f.Add([]byte("respondent_id,q1_a,q1_b,q1_c,q1_x,q1_n,q2\r\n1,1,0,○,,,2\r\n"), ",")
	f.Add([]byte("\xef\xbb\xbfrespondent_id,q1,q2\r\n1,\"みかん, 温州, りんご\",男\r\n"), ", ")
	f.Add([]byte("respondent_id,q1,q2\r\n1,\x82\xa0,1\r\n"), ";")
	f.Add([]byte("respondent_id,q1,q2\r\n1,\"a,1\r\n"), ";")
	f.Fuzz(func(t *testing.T, data []byte, sep string) {
		fsys := fstest.MapFS{"cb.csv": {Data: []byte(testCodebook)}, "r.csv": {Data: data}}
		cb, err := LoadCodebook(fsys, "cb.csv")
		if err != nil {
			t.Fatal(err)
		}
		res, err := analyseSource(FileSource(fsys, "r.csv"), cb, Config{Separator: sep, MinCell: 1}, 2)
		// One row after another, the analysis is the same.
		src := Source{Path: "r.csv", Open: func() (Records, io.Closer, error) {
			r, c, err := tabular.Open(fsys, "r.csv")
			if err != nil {
				return nil, nil, err
			}
			return oneByOne{r}, c, nil
		}}
		seq, seqErr := AnalyseSource(src, cb, Config{Separator: sep, MinCell: 1})
		sameAnalysis(t, res, seq, err, seqErr)
		if err != nil {
			var list *diag.List
			var de *diag.Error
			if sep != "" && !errors.As(err, &list) && !errors.As(err, &de) {
				t.Fatalf("error %v (%T) is not a diagnostic", err, err)
			}
			return
		}
		for _, q := range res.Questions {
			if q.Total.N != res.N {
				t.Errorf("%s: n = %d, want N = %d", q.ID, q.Total.N, res.N)
			}
			var blank, invalid int
			for _, r := range q.Total.Rows {
				switch r.Code {
				case BlankCode:
					blank = r.Count
				case InvalidCode:
					invalid = r.Count
				}
			}
			if blank+invalid > res.N {
				t.Errorf("%s: 無回答 %d + 無効 %d > N %d", q.ID, blank, invalid, res.N)
			}
		}
	})
}
