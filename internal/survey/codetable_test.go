package survey

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestCodeTableAsAMap checks codeTable against a Go map on keys of every
// length around the packed ones' limit of seven bytes, with repeats (the
// first option keeps a key) and keys never added.
func TestCodeTableAsAMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = "01ab;;　あ\x00\xff"
	key := func() string {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteByte(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	for round := range 200 {
		n := 1 + rng.IntN(40)
		tab := newCodeTable(n)
		want := map[string]int{}
		for i := range n {
			k := key()
			tab.add(k, i)
			if _, ok := want[k]; !ok {
				want[k] = i
			}
		}
		if tab.count != len(want) {
			t.Fatalf("round %d: %d keys, want %d", round, tab.count, len(want))
		}
		for range 200 {
			k := key()
			if rng.IntN(2) == 0 {
				for w := range want {
					k = w
					break
				}
			}
			got, ok := tab.get(k)
			w, wok := want[k]
			if got != w || ok != wok {
				t.Fatalf("round %d: get(%q) = %d, %v, want %d, %v", round, k, got, ok, w, wok)
			}
		}
	}
}
