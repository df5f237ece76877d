package chart

import (
	"strings"
	"testing"
)

var scale5 = []string{"そう思う", "ややそう思う", "どちらともいえない", "あまりそう思わない", "無回答"}

func stackedCases() map[string][]Segment {
	return map[string][]Segment{
		"segments": {
			{Name: "全体", N: 614, Values: []float64{35.2, 30.1, 20.0, 13.5, 1.2}, Texts: []string{"35.2%", "30.1%", "20.0%", "13.5%", "1.2%"}},
			{Name: "人口5万人未満の市町村", N: 210, Values: []float64{50, 50, 0, 0, 0}, Texts: []string{"50.0%", "50.0%", "0.0%", "0.0%", "0.0%"}},
			{Name: "村", N: 8, Suppressed: true},
		},
		"ties": {
			{Name: "全体", N: 100, Values: []float64{20, 20, 20, 20, 20}, Texts: []string{"20.0%", "20.0%", "20.0%", "20.0%", "20.0%"}},
		},
	}
}

func TestStackedGolden(t *testing.T) {
	t.Parallel()
	for name, segs := range stackedCases() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c, err := NewStacked(meta("st-"+name), scale5, segs, StackedOptions{})
			if err != nil {
				t.Fatalf("NewStacked() = %v", err)
			}
			checkGolden(t, name, renderSVG(t, c))
		})
	}
}

func TestNewStackedRejectsBadSum(t *testing.T) {
	t.Parallel()
	_, err := NewStacked(meta("x"), []string{"a", "b"}, []Segment{{Name: "全体", N: 3, Values: []float64{50, 40}, Texts: []string{"50%", "40%"}}}, StackedOptions{})
	if err == nil || !strings.Contains(err.Error(), "add up to 90") {
		t.Errorf("NewStacked() error = %v, want one about the sum", err)
	}
}
