package golden

import (
	"strings"
	"testing"
)

func TestDiffShowsDifferingLines(t *testing.T) {
	t.Parallel()
	got := Diff("a\nb\nc", "a\nB\nc\nd")
	for _, want := range []string{"line 2:", `want: "b"`, `got:  "B"`, "line 4:"} {
		if !strings.Contains(got, want) {
			t.Errorf("Diff lacks %q:\n%s", want, got)
		}
	}
	if Diff("same", "same") != "" {
		t.Errorf("Diff of equal texts is not empty")
	}
}
