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

// TestStackedScaleGolden: a five-point scale in its ordered colours with
// わからない and 無回答, and a ranking drawn against 100% (Partial).
func TestStackedScaleGolden(t *testing.T) {
	t.Parallel()
	cats := []string{"とても満足", "満足", "どちらでもない", "不満", "とても不満", "わからない", "無回答"}
	c, err := NewStacked(meta("st-scale"), cats, []Segment{{Name: "全体", N: 163,
		Values: []float64{30.7, 41.1, 16.6, 6.1, 1.2, 3.1, 1.2}, Texts: []string{"30.7%", "41.1%", "16.6%", "6.1%", "1.2%", "3.1%", "1.2%"}}},
		StackedOptions{Colours: ScaleColours(5, 2), AxisTitle: "n=163に対する割合（%）"})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "scale", renderSVG(t, c))
	r, err := NewStacked(meta("st-rank"), []string{"1位", "2位", "3位"}, []Segment{
		{Name: "研修", N: 50, Values: []float64{40, 10, 6}, Texts: []string{"40.0%", "10.0%", "6.0%"}},
		{Name: "対話", N: 50, Values: []float64{10, 20, 0}, Texts: []string{"10.0%", "20.0%", "-"}},
	}, StackedOptions{Partial: true, Colours: RankColours(3)})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "rank", renderSVG(t, r))
	if _, err := NewStacked(meta("x"), []string{"a"}, []Segment{{Name: "s", N: 1, Values: []float64{120}, Texts: []string{"x"}}}, StackedOptions{Partial: true}); err == nil {
		t.Error("a partial segment over 100 was accepted")
	}
}
