package chart

import (
	"math"
	"testing"
)

func TestContrastRatioKnownValues(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b string
		want float64
	}{
		{"#000000", "#FFFFFF", 21},
		{"#FFFFFF", "#FFFFFF", 1},
		{"#005AFF", "#FFFFFF", 5.4}, // CUD blue; DESIGN.md: reaches 4.5:1
		{"#84919E", "#FFFFFF", 3.3}, // CUD grey: 3:1 for marks only
	}
	for _, tc := range tests {
		if got := ContrastRatio(tc.a, tc.b); math.Abs(got-tc.want) > 0.1 {
			t.Errorf("ContrastRatio(%s, %s) = %.2f, want %.1f", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestColoursMeetWCAG(t *testing.T) {
	t.Parallel()
	// Text on the white background: 4.5:1.
	for _, c := range []string{colText, colTextMuted, colAxis} {
		if r := ContrastRatio(c, colBackground); r < 4.5 {
			t.Errorf("text colour %s on white = %.2f:1, want >= 4.5", c, r)
		}
	}
	// Bars and outlines on white: 3:1.
	for _, c := range []string{colBlue, colGrey, colOutline, colWhisker} {
		if r := ContrastRatio(c, colBackground); r < 3 {
			t.Errorf("mark colour %s on white = %.2f:1, want >= 3", c, r)
		}
	}
	// Numbers and labels written on fills: 4.5:1 with the chosen text colour.
	fills := append([]string{colNoData}, categoryColours[:]...)
	fills = append(fills, sequentialBlues[:]...)
	for k := 2; k <= 9; k++ {
		fills = append(fills, ScaleColours(k, 4)...)
	}
	for _, bg := range fills {
		if r := ContrastRatio(textOn(bg), bg); r < 4.5 {
			t.Errorf("text %s on %s = %.2f:1, want >= 4.5", textOn(bg), bg, r)
		}
	}
	// The sequential scale must get darker step by step.
	for i := 1; i < len(sequentialBlues); i++ {
		if relativeLuminance(parseHex(sequentialBlues[i])) >= relativeLuminance(parseHex(sequentialBlues[i-1])) {
			t.Errorf("sequentialBlues[%d] %s is not darker than %s", i, sequentialBlues[i], sequentialBlues[i-1])
		}
	}
	// A scale is diverging: in grey-scale each side gets lighter towards the
	// middle, so the order can be read without colour.
	for k := 2; k <= 9; k++ {
		c := ScaleColours(k, 0)
		if len(c) != k {
			t.Fatalf("ScaleColours(%d, 0) has %d colours", k, len(c))
		}
		for i := 1; i < k/2; i++ {
			if relativeLuminance(parseHex(c[i])) <= relativeLuminance(parseHex(c[i-1])) {
				t.Errorf("k=%d: positive side %s is not lighter than %s", k, c[i], c[i-1])
			}
			j := k - 1 - i
			if relativeLuminance(parseHex(c[j])) <= relativeLuminance(parseHex(c[j+1])) {
				t.Errorf("k=%d: negative side %s is not lighter than %s", k, c[j], c[j+1])
			}
		}
	}
}
