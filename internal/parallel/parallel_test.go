package parallel

import (
	"sync/atomic"
	"testing"
)

func TestForCallsEachIndexOnce(t *testing.T) {
	t.Parallel()
	for _, n := range []int{0, 1, 2, 7, 1000} {
		calls := make([]atomic.Int32, n)
		For(n, func(i int) { calls[i].Add(1) })
		for i := range calls {
			if got := calls[i].Load(); got != 1 {
				t.Fatalf("For(%d): index %d called %d times", n, i, got)
			}
		}
	}
}

func TestForStateGivesEachGoroutineItsOwnValue(t *testing.T) {
	t.Parallel()
	var made atomic.Int32
	seen := make([]*int, 500)
	ForState(len(seen), func() *int { made.Add(1); return new(int) }, func(s *int, i int) {
		*s++ // unsynchronized: safe only if no other goroutine has s
		seen[i] = s
	})
	total := map[*int]bool{}
	for _, s := range seen {
		total[s] = true
	}
	sum := 0
	for s := range total {
		sum += *s
	}
	if sum != len(seen) || len(total) > int(made.Load()) {
		t.Fatalf("calls counted %d, want %d; %d values used, %d made", sum, len(seen), len(total), made.Load())
	}
}
