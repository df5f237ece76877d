package synth

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
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

// TestVariedCorpus: the varied pages are deterministic, spread over
// sections three levels deep, in every front-matter form, and long-tailed
// in size.
func TestVariedCorpus(t *testing.T) {
	t.Parallel()
	a, b := t.TempDir(), t.TempDir()
	for _, d := range []string{a, b} {
		if err := Write(d, Options{Pages: 300, Seed: 3, Varied: true}); err != nil {
			t.Fatal(err)
		}
	}
	var sizes []int
	forms := map[string]bool{}
	err := filepath.WalkDir(filepath.Join(a, "content"), func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || filepath.Base(p) == "_index.md" {
			return err
		}
		da, _ := os.ReadFile(p)
		db, err := os.ReadFile(filepath.Join(b, strings.TrimPrefix(p, a)))
		if err != nil || !bytes.Equal(da, db) {
			t.Errorf("%s differs between two runs with the same seed", p)
		}
		sizes = append(sizes, len(da))
		for _, f := range []string{"+09:00\n", "Z\n", "tags:\n  - ", "params:\n  author:", ">-\n", "title: '"} {
			if bytes.Contains(da, []byte(f)) {
				forms[f] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(sizes) != 300 {
		t.Fatalf("%d pages, want 300", len(sizes))
	}
	if len(forms) != 6 {
		t.Errorf("front-matter forms found: %v, want all 6", forms)
	}
	slices.Sort(sizes)
	if sizes[0] > 600 || sizes[len(sizes)-1] < 8000 || sizes[150] < 1200 || sizes[150] > 2600 {
		t.Errorf("sizes min %d, median %d, max %d; want a long tail from under 600 to over 8,000 around 1.6 KB", sizes[0], sizes[150], sizes[len(sizes)-1])
	}
	if _, err := os.Stat(filepath.Join(a, "content/docs/guide/advanced/_index.md")); err != nil {
		t.Error(err)
	}
}
