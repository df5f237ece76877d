package build

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"surveysite/internal/synth"
)

// benchBuild builds a synthetic site of n pages (internal/synth, seed 1)
// with the default theme: pages, tag pages, the section list, home,
// sitemap and feed. Run: go test ./internal/build -run XXX -bench Build -benchmem
func benchBuild(b *testing.B, n int) { benchBuildConfig(b, n, "") }

// benchBuildConfig is benchBuild with surveysite.yaml holding config.
func benchBuildConfig(b *testing.B, n int, config string) {
	src := b.TempDir()
	if err := synth.Write(src, synth.Options{Pages: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	if config != "" {
		if err := os.WriteFile(filepath.Join(src, "surveysite.yaml"), []byte(config), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	dest := filepath.Join(b.TempDir(), "public")
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		if _, err := Run(context.Background(), Options{Source: src, Dest: dest}); err != nil {
			b.Fatal(err)
		}
	}
	// Processor time, which other processes on a shared machine do not
	// inflate as they do the wall clock.
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
}

func BenchmarkBuild1000(b *testing.B)  { benchBuild(b, 1000) }
func BenchmarkBuild10000(b *testing.B) { benchBuild(b, 10000) }

// The same without search (search: false): what the search page, the
// header's field and the index cost (issue 17).
func BenchmarkBuild1000NoSearch(b *testing.B)  { benchBuildConfig(b, 1000, "search: false\n") }
func BenchmarkBuild10000NoSearch(b *testing.B) { benchBuildConfig(b, 10000, "search: false\n") }

// BenchmarkBuildExample builds this repository's site.
func BenchmarkBuildExample(b *testing.B) {
	dest := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		if _, err := Run(context.Background(), Options{Source: repoRoot, Dest: dest}); err != nil {
			b.Fatal(err)
		}
	}
}
