package survey

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestTrimSpaceAndCutAgreeWithStrings: the quick trimSpace and cut give what
// strings.TrimSpace and strings.Cut give, on cells of codes, separators and
// white space of every kind (ASCII, the ideographic space, the no-break
// space, U+0085), short and long.
func TestTrimSpaceAndCutAgreeWithStrings(t *testing.T) {
	t.Parallel()
	alphabet := []string{"1", "2", "12", "a", ";", ",", ", ", " ", "\t", "\n", "\r", "\u3000", "\u00a0", "\u0085", "満足", "\x7f", "~", "\xff"}
	seps := []string{";", ",", ", ", "、", "\n"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 100000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Fatalf("trimSpace(%q) = %q, want %q", s, got, want)
		}
		sep := seps[rng.IntN(len(seps))]
		gb, ga, gf := cut(s, sep)
		wb, wa, wf := strings.Cut(s, sep)
		if gb != wb || ga != wa || gf != wf {
			t.Fatalf("cut(%q, %q) = %q, %q, %v; want %q, %q, %v", s, sep, gb, ga, gf, wb, wa, wf)
		}
	}
}

// optionOf is the first form of optionIndex.of: the index of the first
// option whose code or label is v after NFKC, or -1.
func optionOf(q *Question, v string) int {
	v = normLabel(v)
	for i, o := range q.Options {
		if normLabel(o.Code) == v || normLabel(o.Label) == v {
			return i
		}
	}
	return -1
}

// TestOptionIndexAsOptionOf compares optionIndex with optionOf on random
// questions whose codes and labels collide, in width and in space, and on
// values asked twice.
func TestOptionIndexAsOptionOf(t *testing.T) {
	t.Parallel()
	words := []string{"1", "１", " 1", "2", "満足", "満足 ", "ﾏﾝｿﾞｸ", "マンゾク", "", "a", "Ａ", "その他"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2_000 {
		q := &Question{}
		for range rng.IntN(6) {
			q.Options = append(q.Options, Option{Code: words[rng.IntN(len(words))], Label: words[rng.IntN(len(words))]})
		}
		x := newOptionIndex(q)
		for range 20 {
			v := words[rng.IntN(len(words))]
			if got, want := x.of(v), optionOf(q, v); got != want {
				t.Fatalf("options %+v: of(%q) = %d, want %d", q.Options, v, got, want)
			}
		}
	}
}
