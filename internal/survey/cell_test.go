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
