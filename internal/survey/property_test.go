package survey

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestAnalyseCountsAgree generates random responses whose truth the test
// knows, and checks that every respondent lands in exactly one of answered,
// 無回答 and 無効 per question, that counts equal the truth, and that the
// cross-tab segments add up to 全体.
func TestAnalyseCountsAgree(t *testing.T) {
	t.Parallel()
	codes := []string{"a", "b", "c", "x", "n"}
	labels := []string{"りんご", "みかん, 温州", "ぶどう", "その他", "特にない"}
	groups := []string{"市", "町", "村", ""}
	for seed := range uint64(20) {
		rng := rand.New(rand.NewPCG(seed, 7))
		var b strings.Builder
		b.WriteString("respondent_id,区分,q1,q2\r\n")
		rows := 1 + rng.IntN(60)
		want := make([]int, len(codes)+2) // q1: options, blank, invalid
		for i := range rows {
			var cell []string
			seen := map[int]bool{}
			for range rng.IntN(4) {
				o := rng.IntN(len(codes))
				seen[o] = true
				if rng.IntN(2) == 0 {
					cell = append(cell, codes[o])
				} else {
					cell = append(cell, labels[o])
				}
			}
			switch {
			case len(seen) == 0:
				want[len(codes)]++
			case len(seen) > 2:
				want[len(codes)+1]++
			default:
				for o := range seen {
					want[o]++
				}
			}
			fmt.Fprintf(&b, "%d,%s,\"%s\",%s\r\n", i, groups[rng.IntN(len(groups))], strings.Join(cell, " ; "), []string{"", "1", "2", "1;2"}[rng.IntN(4)])
		}
		res, err := analyseString(t, b.String(), Config{By: []string{"区分"}, MinCell: 1})
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if res.N != rows {
			t.Errorf("seed %d: N = %d, want %d", seed, res.N, rows)
		}
		for _, q := range res.Questions {
			checkSegment(t, seed, q, q.Total, rows)
			sum := map[string]int{}
			segN := 0
			for _, s := range q.Crosstabs[0].Segments {
				checkSegment(t, seed, q, s, -1)
				segN += s.N
				for _, r := range s.Rows {
					sum[r.Code] += r.Count
				}
			}
			if segN != q.Total.N {
				t.Errorf("seed %d %s: segment n add up to %d, want 全体 n %d", seed, q.ID, segN, q.Total.N)
			}
			for _, r := range q.Total.Rows {
				if sum[r.Code] != r.Count {
					t.Errorf("seed %d %s %s: segments add up to %d, want 全体 %d", seed, q.ID, r.Code, sum[r.Code], r.Count)
				}
			}
		}
		got := map[string]int{}
		for _, r := range res.Questions[0].Total.Rows {
			got[r.Code] = r.Count
		}
		for i, c := range append(append([]string(nil), codes...), BlankCode, InvalidCode) {
			if got[c] != want[i] {
				t.Errorf("seed %d: q1 %s = %d, want %d", seed, c, got[c], want[i])
			}
		}
	}
}

// checkSegment checks one segment: answered + 無回答 + 無効 = n (base all),
// and option counts fit the answered respondents.
func checkSegment(t *testing.T, seed uint64, q QuestionResult, s Segment, wantN int) {
	t.Helper()
	if wantN >= 0 && s.N != wantN {
		t.Errorf("seed %d %s %s: n = %d, want %d", seed, q.ID, s.Label, s.N, wantN)
	}
	var blank, invalid, picks int
	for _, r := range s.Rows {
		switch r.Code {
		case BlankCode:
			blank = r.Count
		case InvalidCode:
			invalid = r.Count
		default:
			picks += r.Count
		}
		if r.Count < 0 || r.Count > s.N {
			t.Errorf("seed %d %s %s %s: count %d outside 0..%d", seed, q.ID, s.Label, r.Code, r.Count, s.N)
		}
		if r.CILow > r.Percent || r.CIHigh < r.Percent {
			t.Errorf("seed %d %s %s %s: %s not in %s–%s", seed, q.ID, s.Label, r.Code, r.Percent, r.CILow, r.CIHigh)
		}
	}
	answered := s.N - blank - invalid
	if answered < 0 {
		t.Errorf("seed %d %s %s: 無回答 %d + 無効 %d exceed n %d", seed, q.ID, s.Label, blank, invalid, s.N)
	}
	limit := q.MaxChoices
	if q.Type == SA {
		limit = 1
	}
	if picks < answered || picks > answered*limit {
		t.Errorf("seed %d %s %s: %d picks from %d answered respondents (1 to %d each)", seed, q.ID, s.Label, picks, answered, limit)
	}
}
