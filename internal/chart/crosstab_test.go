package chart

import (
	"strings"
	"testing"
)

var crossOptions = []string{"住民協働", "DX推進（AI・RPA等）", label40}

func TestCrosstabGolden(t *testing.T) {
	t.Parallel()
	segs := []Segment{
		{Name: "市", N: 120, Values: []float64{52.5, 30.0, 0}, Texts: []string{"52.5%", "30.0%", "0.0%"}},
		{Name: "町", N: 45, Values: []float64{40.0, 40.0, 11.1}, Texts: []string{"40.0%", "40.0%", "11.1%"}},
		{Name: "村", N: 8, Suppressed: true},
	}
	c, err := NewCrosstab(meta("cross"), crossOptions, segs, CrosstabOptions{})
	if err != nil {
		t.Fatalf("NewCrosstab() = %v", err)
	}
	got := renderSVG(t, c)
	checkGolden(t, "suppressed", got)
	if !strings.Contains(string(got), "n=8のため非表示") || !strings.Contains(string(got), "村（n=8）") {
		t.Error("suppressed segment is not marked")
	}
}

func TestNewCrosstabRejects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opts []string
		segs []Segment
		want string
	}{
		{"noopts", nil, []Segment{{Name: "a", N: 1}}, "no options"},
		{"nosegs", []string{"a"}, nil, "no segments"},
		{"len", []string{"a", "b"}, []Segment{{Name: "s", N: 1, Values: []float64{1}, Texts: []string{"1"}}}, "1 values for 2 options"},
		{"texts", []string{"a"}, []Segment{{Name: "s", N: 1, Values: []float64{1}}}, "0 value texts"},
		{"negn", []string{"a"}, []Segment{{Name: "s", N: -1, Suppressed: true}}, "n is negative"},
		{"name", []string{"a"}, []Segment{{N: 1, Suppressed: true}}, "name is empty"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := NewCrosstab(meta("x"), tc.opts, tc.segs, CrosstabOptions{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("NewCrosstab() error = %v, want one containing %q", err, tc.want)
			}
		})
	}
}
