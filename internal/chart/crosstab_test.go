package chart

import (
	"fmt"
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

// TestCrosstabPanels splits a tall cross-tab into panels of whole segments
// that fit, on the whole chart's axis, and leaves a short one alone.
func TestCrosstabPanels(t *testing.T) {
	t.Parallel()
	f := fonts(t)
	var segs []Segment
	for i, v := range []float64{80, 10, 20, 30, 40} {
		segs = append(segs, Segment{Name: fmt.Sprintf("区分%d", i+1), N: 50, Values: []float64{v, 5, 0}, Texts: []string{fmt.Sprintf("%.1f%%", v), "5.0%", "-"}})
	}
	segs = append(segs, Segment{Name: "小さな区分", N: 3, Suppressed: true})
	c, err := NewCrosstab(meta("tall"), crossOptions, segs, CrosstabOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if p := c.Panels(c.layout(f).h, f); p != nil {
		t.Errorf("Panels(its own height) = %d panels, want nil", len(p))
	}
	one := c.layout(f).h / float64(len(segs)) * 2.5 // room for two segments, not three
	panels := c.Panels(one, f)
	if len(panels) < 2 {
		t.Fatalf("Panels(%.0f) = %d panels, want several", one, len(panels))
	}
	var names []string
	for i, p := range panels {
		if h := p.layout(f).h; h > one && len(p.segments) > 1 {
			t.Errorf("panel %d is %.0f px tall with %d segments, want at most %.0f", i+1, h, len(p.segments), one)
		}
		if want := fmt.Sprintf("tall-p%d", i+1); p.Meta().ID != want {
			t.Errorf("panel %d: ID %q, want %q", i+1, p.Meta().ID, want)
		}
		if want := fmt.Sprintf("（%d/%d）", i+1, len(panels)); !strings.HasSuffix(p.Meta().Title, want) {
			t.Errorf("panel %d: title %q, want it to end in %q", i+1, p.Meta().Title, want)
		}
		if got := p.maxValue(); got != 80 {
			t.Errorf("panel %d: axis up to %v, want the whole chart's 80", i+1, got)
		}
		for _, sg := range p.segments {
			names = append(names, sg.Name)
		}
	}
	if got, want := strings.Join(names, ","), "区分1,区分2,区分3,区分4,区分5,小さな区分"; got != want {
		t.Errorf("panels hold %s, want every segment once in order: %s", got, want)
	}
}
