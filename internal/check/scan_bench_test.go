package check_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"surveysite/internal/build"
	"surveysite/internal/check"
	"surveysite/internal/synth"
)

// BenchmarkScanHTML scans pages of the 1,000-page synthetic site (a post
// and the list of every post) as the link check does while a build
// writes them. go test ./internal/check -run XXX -bench ScanHTML
func BenchmarkScanHTML(b *testing.B) {
	src, dest := b.TempDir(), filepath.Join(b.TempDir(), "public")
	if err := synth.Write(src, synth.Options{Pages: 1000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	if _, err := build.Run(context.Background(), build.Options{Source: src, Dest: dest}); err != nil {
		b.Fatal(err)
	}
	for _, name := range []string{"posts/p00001/index.html", "posts/index.html"} {
		data, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(name)))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(filepath.Dir(name)), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				check.ScanFile(name, data)
			}
		})
	}
}
