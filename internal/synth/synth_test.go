package synth

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

func TestWriteIsDeterministic(t *testing.T) {
	t.Parallel()
	a, b := t.TempDir(), t.TempDir()
	for _, d := range []string{a, b} {
		if err := Write(d, Options{Pages: 20, Respondents: 50, Seed: 7}); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"content/posts/p00000.md", "content/posts/p00019.md", "data/surveys/synth/responses.csv", "data/surveys/synth/codebook.csv"} {
		da, err := os.ReadFile(filepath.Join(a, f))
		if err != nil {
			t.Fatal(err)
		}
		db, _ := os.ReadFile(filepath.Join(b, f))
		if !bytes.Equal(da, db) {
			t.Errorf("%s differs between two runs with the same seed", f)
		}
	}
	p, _ := os.ReadFile(filepath.Join(a, "content/posts/p00003.md"))
	if n := utf8.RuneCount(p); n < 400 || n > 900 {
		t.Errorf("a page has %d characters, want about 600", n)
	}
	if got := len(Tags()); got != 25 {
		t.Errorf("len(Tags()) = %d, want 25", got)
	}
}
