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
