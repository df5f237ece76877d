package survey

import "testing"

func TestPercentRoundsHalfUpFromIntegers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		count, n int
		want     string
	}{
		{1, 8, "12.5"},     // exactly 12.5
		{1, 16, "6.3"},     // 6.25 rounds up
		{1, 40, "2.5"},     // exactly 2.5
		{3, 16, "18.8"},    // 18.75 rounds up
		{1, 3, "33.3"},     // 33.33…
		{2, 3, "66.7"},     // 66.66…
		{1, 6, "16.7"},     // 16.66…
		{1, 2000, "0.1"},   // 0.05 rounds up
		{1, 2001, "0.0"},   // 0.049975 rounds down
		{0, 5, "0.0"},      //
		{5, 5, "100.0"},    //
		{299, 614, "48.7"}, // 48.697…
		{1, 0, "0.0"},      // no base: defined as 0
	}
	for _, tc := range tests {
		if got := Percent(tc.count, tc.n).String(); got != tc.want {
			t.Errorf("Percent(%d, %d) = %s, want %s", tc.count, tc.n, got, tc.want)
		}
	}
}

func TestTenthsString(t *testing.T) {
	t.Parallel()
	for in, want := range map[Tenths]string{0: "0.0", 5: "0.5", 523: "52.3", 1000: "100.0", -15: "-1.5"} {
		if got := in.String(); got != want {
			t.Errorf("Tenths(%d).String() = %q, want %q", int(in), got, want)
		}
	}
}

// Hand computations, z = 1.959964, z² = 3.841459:
//
//	0/10:  low 0; high = z²/(n+z²) = 3.841459/13.841459 = 0.277532 → 27.8
//	10/10: high 100; low = n/(n+z²) = 10/13.841459 = 0.722468 → 72.2
//	5/10:  centre 2c+z² = 13.841459, spread z·√(z²+4c(n−c)/n) = 1.959964·√13.841459
//	       = 1.959964·3.720411 = 7.291869, denominator 2(n+z²) = 27.682918:
//	       low 6.549590/27.682918 = 0.236593 → 23.7, high 21.133328/27.682918 = 0.763407 → 76.3
//	0/1:   high = 3.841459/4.841459 = 0.793453 → 79.3
//	1/1:   low = 1/4.841459 = 0.206547 → 20.7
//	1/8:   centre 5.841459, spread 1.959964·√(3.841459+3.5) = 1.959964·2.709513 = 5.310549,
//	       denominator 23.682918: low 0.530910/23.682918 = 0.022417 → 2.2,
//	       high 11.152008/23.682918 = 0.470888 → 47.1
func TestWilsonInterval(t *testing.T) {
	t.Parallel()
	tests := []struct {
		count, n int
		lo, hi   string
	}{
		{0, 10, "0.0", "27.8"},
		{10, 10, "72.2", "100.0"},
		{5, 10, "23.7", "76.3"},
		{0, 1, "0.0", "79.3"},
		{1, 1, "20.7", "100.0"},
		{1, 8, "2.2", "47.1"},
		{0, 0, "0.0", "0.0"},
	}
	for _, tc := range tests {
		lo, hi := Wilson(tc.count, tc.n)
		if lo.String() != tc.lo || hi.String() != tc.hi {
			t.Errorf("Wilson(%d, %d) = %s–%s, want %s–%s", tc.count, tc.n, lo, hi, tc.lo, tc.hi)
		}
	}
}
