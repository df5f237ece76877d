package survey

import (
	"math"
	"strconv"
)

// Tenths is a percentage in tenths of a percent: 523 is 52.3%. Keeping
// percentages as integers makes rounding exact and reproducible.
type Tenths int

// String formats t with one decimal, as "52.3" or "0.0".
func (t Tenths) String() string {
	sign := ""
	if t < 0 {
		sign, t = "-", -t
	}
	return sign + strconv.Itoa(int(t/10)) + "." + strconv.Itoa(int(t%10))
}

// MarshalJSON writes t as a JSON number with one decimal.
func (t Tenths) MarshalJSON() ([]byte, error) { return []byte(t.String()), nil }

// Percent returns 100 × count / n rounded half up to one decimal, computed
// from integers: 1/8 is 12.5, 1/16 (6.25) is 6.3, 1/40 is 2.5. It returns 0
// when n is not positive.
func Percent(count, n int) Tenths {
	if n <= 0 || count < 0 {
		return 0
	}
	// 1000·count/n rounded half up = floor((2000·count + n) / 2n).
	return Tenths((2000*int64(count) + int64(n)) / (2 * int64(n)))
}

// Z95 is the standard normal quantile for a two-sided 95% interval.
const Z95 = 1.959964

// Wilson returns the 95% Wilson score interval of count/n as percentages in
// tenths (bounds rounded half up). It is exact at the ends: the low bound is
// 0 when count is 0 and the high bound is 100.0 when count is n. It returns
// 0, 0 when n is not positive.
func Wilson(count, n int) (low, high Tenths) {
	if n <= 0 || count < 0 || count > n {
		return 0, 0
	}
	c, nf := float64(count), float64(n)
	z2 := Z95 * Z95
	centre := 2*c + z2
	spread := Z95 * math.Sqrt(z2+4*c*(nf-c)/nf)
	denom := 2 * (nf + z2)
	lo, hi := (centre-spread)/denom, (centre+spread)/denom
	if count == 0 {
		lo = 0
	}
	if count == n {
		hi = 1
	}
	return tenthsOf(lo), tenthsOf(hi)
}

// tenthsOf converts a proportion to tenths of a percent, rounding half up.
func tenthsOf(p float64) Tenths {
	return Tenths(math.Floor(p*1000 + 0.5))
}
