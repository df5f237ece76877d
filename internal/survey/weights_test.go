package survey

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"surveysite/internal/diag"
)

// weightsCodebook: q1 SA a/b, s a four-point SCALE (scores 4 … 1), r NPS.
const weightsCodebook = typesHeader +
	"q1,SA,,好きな方,a,甲,,,,,\n" +
	"q1,,,,b,乙,,,,,\n" +
	"s,SCALE,,満足度,4,満足,,,,,\n" +
	"s,,,,3,やや満足,,,,,\n" +
	"s,,,,2,やや不満,,,,,\n" +
	"s,,,,1,不満,,,,,\n" +
	"r,NPS,,推奨度,,,,,,,\n"

// weightsResponses: six men (4 a, 2 b; all 満足 and 10) and four women (1 a,
// 3 b; all 不満 and 0). The population is half and half, so by hand a man
// weighs 0.5 / (6/10) = 5/6 and a woman 0.5 / (4/10) = 5/4.
const weightsResponses = "respondent_id,性別,q1,s,r\n" +
	"1,男性,a,4,10\n2,男性,a,4,10\n3,男性,a,4,10\n4,男性,a,4,10\n5,男性,b,4,10\n6,男性,b,4,10\n" +
	"7,女性,a,1,0\n8,女性,b,1,0\n9,女性,b,1,0\n10,女性,b,1,0\n"

func analyseWeighted(t *testing.T, responses, weights string, cfg Config) (*Results, error) {
	t.Helper()
	fsys := fstest.MapFS{
		"cb.csv": {Data: []byte(weightsCodebook)},
		"r.csv":  {Data: []byte(responses)},
		"w.csv":  {Data: []byte(weights)},
	}
	cb, err := LoadCodebook(fsys, "cb.csv")
	if err != nil {
		t.Fatal(err)
	}
	w, err := LoadWeights(fsys, "w.csv")
	if err != nil {
		return nil, err
	}
	cfg.Weights = w
	return Analyse(fsys, "r.csv", cb, cfg)
}

// weightedRows renders rows as "code count weighted_count percent rank".
func weightedRows(seg Segment) string {
	var b []string
	for _, r := range seg.Rows {
		b = append(b, r.Code+":"+itoa(r.Count)+":"+r.WeightedCount.String()+":"+r.Percent.String()+":"+itoa(r.Rank))
	}
	return "n=" + itoa(seg.N) + " w=" + seg.WeightedN.String() + " eff=" + seg.NEff.String() + " " + strings.Join(b, " ")
}

// TestWeightsHandComputed checks weighted figures against values computed
// by hand:
//
//   - q1 a: 4 men and 1 woman weigh 4·5/6 + 5/4 = 55/12 = 4.58… of 10:
//     45.8% (unweighted 50.0%); b: 2·5/6 + 3·5/4 = 65/12: 54.2%, so b
//     ranks first.
//   - Kish's effective n: (Σw)² / Σw² = 10² / (6·25/36 + 4·25/16) =
//     100 / (125/12) = 9.6.
//   - The Wilson interval of a at p = 55/120 and n = 9.6: 20.4 … 73.7.
//   - s: 満足 weighs 6·5/6 = 5 and 不満 4·5/4 = 5: 50.0% each, top2 50.0;
//     mean (5·4 + 5·1)/10 = 2.50 (unweighted 2.80); sd with the weights as
//     frequencies sqrt((5·1.5² + 5·1.5²)/(10 − 1)) = sqrt(2.5) = 1.58.
//   - r: promoters 5 and detractors 5 of 10: 50.0 / 50.0, NPS 0.0
//     (unweighted 20.0); Wald interval ±1.959964·sqrt(1/9.6) = ±63.3.
func TestWeightsHandComputed(t *testing.T) {
	res, err := analyseWeighted(t, weightsResponses, "性別,population\n男性,50\n女性,50\n", Config{})
	if err != nil {
		t.Fatal(err)
	}
	q1 := res.Questions[0].Total
	if got, want := weightedRows(q1), "n=10 w=10.0 eff=9.6 b:5:5.4:54.2:1 a:5:4.6:45.8:2 _blank:0:0.0:0.0:0 _invalid:0:0.0:0.0:0"; got != want {
		t.Errorf("q1\n got %s\nwant %s", got, want)
	}
	if a := q1.Rows[1]; a.CILow != 204 || a.CIHigh != 737 {
		t.Errorf("q1 a interval = %s … %s, want 20.4 … 73.7", a.CILow, a.CIHigh)
	}
	s := res.Questions[1].Total
	if got, want := weightedRows(s), "n=10 w=10.0 eff=9.6 4:6:5.0:50.0:0 3:0:0.0:0.0:0 2:0:0.0:0.0:0 1:4:5.0:50.0:0 _blank:0:0.0:0.0:0 _invalid:0:0.0:0.0:0"; got != want {
		t.Errorf("s\n got %s\nwant %s", got, want)
	}
	if sum := s.Summary; ptr(sum.Top2) != "50.0" || ptr(sum.Bottom2) != "50.0" || sum.Mean != "2.50" || sum.SD != "1.58" || sum.NValid != 10 {
		t.Errorf("s summary = top2 %s bottom2 %s mean %s sd %s n_valid %d, want 50.0 50.0 2.50 1.58 10", ptr(sum.Top2), ptr(sum.Bottom2), sum.Mean, sum.SD, sum.NValid)
	}
	r := res.Questions[2].Total.Summary
	if ptr(r.Promoters) != "50.0" || ptr(r.Detractors) != "50.0" || ptr(r.NPS) != "0.0" || ptr(r.NPSLow) != "-63.3" || ptr(r.NPSHigh) != "63.3" {
		t.Errorf("NPS = pro %s det %s nps %s [%s, %s], want 50.0 50.0 0.0 [-63.3, 63.3]", ptr(r.Promoters), ptr(r.Detractors), ptr(r.NPS), ptr(r.NPSLow), ptr(r.NPSHigh))
	}
	cells := res.Weights.Cells
	if len(cells) != 2 || cells[0].N != 6 || cells[0].Weight != "0.8333" || cells[1].Weight != "1.2500" || cells[0].Share != "0.5000" {
		t.Errorf("cells = %+v, want 男性 n 6 weight 0.8333, 女性 weight 1.2500, share 0.5000", cells)
	}
}

// TestWeightsSharesEqualCounts: population shares (0.5, 50%) give the same
// weights as counts, and weights that are all 1 give the unweighted
// figures, with n_eff = n.
func TestWeightsSharesEqualCounts(t *testing.T) {
	counts, err := analyseWeighted(t, weightsResponses, "性別,population\n男性,\"12,000\"\n女性,\"12,000\"\n", Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, pop := range []string{"男性,0.5\n女性,0.5\n", "男性,50%\n女性,50%\n"} {
		shares, err := analyseWeighted(t, weightsResponses, "性別,population\n"+pop, Config{})
		if err != nil {
			t.Fatal(err)
		}
		if a, b := weightedRows(counts.Questions[0].Total), weightedRows(shares.Questions[0].Total); a != b {
			t.Errorf("population %q: %s, counts give %s", pop, b, a)
		}
	}
	flat, err := analyseWeighted(t, weightsResponses, "性別,population\n男性,6\n女性,4\n", Config{})
	if err != nil {
		t.Fatal(err)
	}
	plain := analyseFiles(t, weightsCodebook, weightsResponses, Config{})
	for i := range plain.Questions {
		w, p := flat.Questions[i].Total, plain.Questions[i].Total
		if w.NEff != "10.0" {
			t.Errorf("%s: n_eff = %s with weights of 1, want 10.0", plain.Questions[i].ID, w.NEff)
		}
		for j := range p.Rows {
			if w.Rows[j].Percent != p.Rows[j].Percent || w.Rows[j].CILow != p.Rows[j].CILow || w.Rows[j].CIHigh != p.Rows[j].CIHigh || w.Rows[j].Rank != p.Rows[j].Rank {
				t.Errorf("%s row %s: weighted by 1 %+v, unweighted %+v", plain.Questions[i].ID, p.Rows[j].Code, w.Rows[j], p.Rows[j])
			}
		}
		ws, _ := json.Marshal(w.Summary)
		ps, _ := json.Marshal(p.Summary)
		if string(ws) != string(ps) {
			t.Errorf("%s summary: weighted by 1 %s, unweighted %s", plain.Questions[i].ID, ws, ps)
		}
	}
}

// TestWeightsVsRest: within a cell every weight is equal, so a segment of
// one cell against the rest is DiffOf of the counts: men's a is 4 of 6,
// women's 1 of 4.
func TestWeightsVsRest(t *testing.T) {
	res, err := analyseWeighted(t, weightsResponses, "性別,population\n男性,50\n女性,50\n", Config{By: []string{"性別"}, MinCell: 1})
	if err != nil {
		t.Fatal(err)
	}
	q := res.Questions[0]
	men := &q.Crosstabs[0].Segments[0]
	var a, ta Row
	for _, r := range men.Rows {
		if r.Code == "a" {
			a = r
		}
	}
	for _, r := range q.Total.Rows {
		if r.Code == "a" {
			ta = r
		}
	}
	got, ok := restDiff(&a, men, ta, &q.Total)
	want, _ := DiffOf(4, 6, 1, 4)
	if !ok || got != want {
		t.Errorf("men's a against the rest = %+v, want DiffOf(4, 6, 1, 4) = %+v", got, want)
	}
	if men.NEff != "6.0" || a.Percent != 667 {
		t.Errorf("men: n_eff %s, a %s%%, want 6.0 and 66.7", men.NEff, a.Percent)
	}
}

func TestWeightsErrors(t *testing.T) {
	tests := []struct {
		name, responses, weights, want string
	}{
		{"respondent in no cell", weightsResponses + "11,その他,a,4,10\n", "性別,population\n男性,50\n女性,50\n",
			"r.csv:12:4: this respondent (性別=その他) is in no cell of w.csv"},
		{"cell with no respondents", weightsResponses, "性別,population\n男性,50\n女性,50\n回答しない,3\n",
			"w.csv:4:1: no respondent is in the cell 性別=回答しない"},
		{"no such column", weightsResponses, "年代,population\n20代,1\n",
			"w.csv:1:1: responses have no column \"年代\" to weight by"},
		{"cell twice", weightsResponses, "性別,population\n男性,50\n男性,50\n",
			"w.csv:3:1: the cell 性別=男性 is listed again (first on line 2)"},
		{"population not a number", weightsResponses, "性別,population\n男性,many\n女性,0\n",
			"w.csv:2:4: population \"many\" is not a positive number"},
		{"no population", weightsResponses, "性別,人口\n男性,50\n",
			"w.csv:1:1: w.csv has no population column"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := analyseWeighted(t, tc.responses, tc.weights, Config{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v\nwant it to hold %q", err, tc.want)
			}
		})
	}
}

// FuzzWeights feeds arbitrary weights tables to a weighted tally: it must
// give results or positioned diagnostics, never panic, and weighted
// results must hold: weighted_n of 全体 is N (the weights sum to the
// respondents), n_eff is at most N, and every share is between 0 and 100.
func FuzzWeights(f *testing.F) {
	f.Add([]byte("性別,population\n男性,50\n女性,50\n"))
	f.Add([]byte("性別,population\n男性,\"12,000\"\n女性,25%\n"))
	f.Add([]byte("性別,q1,population\n男性,a,1\n男性,b,2\n女性,甲,3\n女性,乙,0.5\n"))
	f.Add([]byte("population,性別\n1e3,男性\n"))
	f.Add([]byte("性別,population\n男性,50\n男性,50\n"))
	f.Add([]byte("column,value,population\n性別,男性,1\n性別,女性,3\nq1,a,1\nq1,b,1\n"))
	f.Add([]byte("column,value,population\n性別,男性,1\n性別,女性,1\nq1,甲,1\nq1,乙,1\ns,4,2\ns,1,1\n"))
	f.Fuzz(func(t *testing.T, weights []byte) {
		fsys := fstest.MapFS{
			"cb.csv": {Data: []byte(weightsCodebook)},
			"r.csv":  {Data: []byte(weightsResponses)},
			"w.csv":  {Data: weights},
		}
		cb, err := LoadCodebook(fsys, "cb.csv")
		if err != nil {
			t.Fatal(err)
		}
		positioned := func(err error) {
			var list *diag.List
			var de *diag.Error
			if !errors.As(err, &list) && !errors.As(err, &de) {
				t.Fatalf("error %v (%T) is not a diagnostic", err, err)
			}
		}
		w, err := LoadWeights(fsys, "w.csv")
		if err != nil {
			positioned(err)
			return
		}
		res, err := Analyse(fsys, "r.csv", cb, Config{Weights: w, By: []string{"性別"}, MinCell: 1})
		if err != nil {
			positioned(err)
			return
		}
		for _, q := range res.Questions {
			tot := q.Total
			if tot.WeightedN != "10.0" {
				t.Errorf("%s: weighted_n = %s, want N = 10.0", q.ID, tot.WeightedN)
			}
			if e, _ := strconv.ParseFloat(string(tot.NEff), 64); e > 10.0001 || e <= 0 {
				t.Errorf("%s: n_eff = %s, want 0 < n_eff ≤ 10", q.ID, tot.NEff)
			}
			for _, seg := range q.segments() {
				for _, r := range seg.Rows {
					if r.Percent < 0 || r.Percent > 1000 || r.CILow > r.CIHigh {
						t.Errorf("%s %s %s: percent %s [%s, %s]", q.ID, seg.Label, r.Code, r.Percent, r.CILow, r.CIHigh)
					}
				}
			}
		}
	})
}

// TestWeightsRaked: only the margins are known, half men and half women,
// half young and half old. Respondents: 男・若 2 (both a), 男・高 4, 女・若 3,
// 女・高 1 (all b). Raked weights are a product a_sex·b_age; solving the
// four margin equations by hand (2x + 4y = 5, 3z + u = 5, 2x + 3z = 5,
// 4y + u = 5 with xu = yz) gives 男・若 (√6 − 1)/2 = 0.7247, 男・高
// (6 − √6)/4 = 0.8876, 女・若 2 − √6/3 = 1.1835, 女・高 √6 − 1 = 1.4495.
// a weighs 2·(√6 − 1)/2 = 1.449 of 10: 14.5% (unweighted 20.0%).
func TestWeightsRaked(t *testing.T) {
	resp := "respondent_id,性別,年代,q1,s,r\n" +
		"1,男性,若,a,4,10\n2,男性,若,a,4,10\n" +
		"3,男性,高,b,4,10\n4,男性,高,b,4,10\n5,男性,高,b,4,10\n6,男性,高,b,4,10\n" +
		"7,女性,若,b,1,0\n8,女性,若,b,1,0\n9,女性,若,b,1,0\n" +
		"10,女性,高,b,1,0\n"
	margins := "column,value,population\n性別,男性,50\n性別,女性,50\n年代,若,\"1,000\"\n年代,高,\"1,000\"\n"
	res, err := analyseWeighted(t, resp, margins, Config{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range res.Weights.Cells {
		got = append(got, strings.Join(c.Values, "・")+"="+c.Weight.String()+"×"+itoa(c.N))
	}
	if want := "男性・若=0.7247×2 男性・高=0.8876×4 女性・若=1.1835×3 女性・高=1.4495×1"; strings.Join(got, " ") != want {
		t.Errorf("cells = %s\nwant    %s", strings.Join(got, " "), want)
	}
	q1 := res.Questions[0].Total
	if a := q1.Rows[1]; a.Code != "a" || a.Percent != 145 || a.WeightedCount != "1.4" {
		t.Errorf("a = %+v, want 14.5%% and weighted count 1.4", a)
	}
	if res.Weights.Passes < 2 || res.Weights.Passes > MaxRakingPasses {
		t.Errorf("passes = %d", res.Weights.Passes)
	}
	for _, m := range res.Weights.Margins {
		if m.Share != "0.5000" {
			t.Errorf("margin %v share = %s, want 0.5000", m.Values, m.Share)
		}
	}
}

func TestWeightsRakedErrors(t *testing.T) {
	resp := "respondent_id,性別,年代,q1,s,r\n1,男性,若,a,4,10\n2,女性,高,b,1,0\n3,女性,中,b,1,0\n"
	_, err := analyseWeighted(t, resp, "column,value,population\n性別,男性,1\n性別,女性,1\n年代,若,1\n年代,高,1\n", Config{})
	if err == nil || !strings.Contains(err.Error(), "r.csv:4:6: 年代=中 has no margin in w.csv") {
		t.Errorf("error = %v, want 年代=中 to have no margin at r.csv:4:6", err)
	}
	_, err = analyseWeighted(t, resp, "column,value,population\n性別,男性,1\n性別,女性,1\n性別,回答しない,1\n年代,若,1\n年代,高,1\n年代,中,1\n", Config{})
	if err == nil || !strings.Contains(err.Error(), "w.csv:4:1: no respondent has 性別=回答しない") {
		t.Errorf("error = %v, want no respondent for 性別=回答しない at w.csv:4:1", err)
	}
}
