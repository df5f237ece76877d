package importer

import (
	"strings"
	"testing"
)

// TestScalesFile: every scale of scales.txt has at least four labels, none
// twice (after folding), and the file's first and last lines are read.
func TestScalesFile(t *testing.T) {
	t.Parallel()
	if len(knownScales) < 30 {
		t.Fatalf("%d scales read from scales.txt", len(knownScales))
	}
	if got := knownScales[0][0]; got != "とても満足" {
		t.Errorf("first scale starts with %q", got)
	}
	if got := knownScales[len(knownScales)-1]; strings.Join(got, ",") != "いつも,よく,ときどき,たまに,まったくない" {
		t.Errorf("last scale = %q", got)
	}
	for _, sc := range knownScales {
		if len(sc) < 4 {
			t.Errorf("scale %q has fewer than four labels", sc)
		}
		seen := map[string]bool{}
		for _, l := range sc {
			if seen[fold(l)] || l == "" {
				t.Errorf("scale %q: label %q empty or twice", sc, l)
			}
			seen[fold(l)] = true
		}
	}
}

// TestSymmetricScale: scales not in scales.txt are read from the two ends
// of a pair and words of degree, each place used on one side kept on the
// other; anything else is no scale.
func TestSymmetricScale(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		values []string
		want   string // "" for no scale
		extras string
	}{
		{[]string{"やや満足", "とても不満", "どちらともいえない", "とても満足", "やや不満"}, "とても満足>やや満足>どちらともいえない>やや不満>とても不満", ""},
		{[]string{"満足", "やや満足", "やや不満"}, "満足>やや満足>やや不満>不満", ""},
		{[]string{"非常に良い", "悪い", "普通"}, "非常に良い>良い>普通>悪い>非常に悪い", ""},
		{[]string{"満足", "普通", "不満", "わからない"}, "満足>普通>不満", "わからない=dontknow"},
		{[]string{"どちらかといえば賛成", "賛成", "反対"}, "賛成>どちらかといえば賛成>どちらかといえば反対>反対", ""},
		{[]string{"とても満足", "非常に満足", "不満"}, "", ""}, // two labels for one place
		{[]string{"満足", "不満"}, "", ""},            // two places
		{[]string{"とても満足", "満足", "やや満足"}, "", ""}, // one side
		{[]string{"満足", "不満", "普通", "りんご"}, "", ""},
		{[]string{"良い", "普通", "不満"}, "", ""}, // two pairs
	} {
		scale, extras, ok := symmetricScale(tc.values)
		var ex []string
		for v, r := range extras {
			ex = append(ex, v+"="+r)
		}
		if got := strings.Join(scale, ">"); got != tc.want || ok != (tc.want != "") || ok && strings.Join(ex, ",") != tc.extras {
			t.Errorf("symmetricScale(%q) = %q %q %v, want %q %q", tc.values, got, ex, ok, tc.want, tc.extras)
		}
	}
}
