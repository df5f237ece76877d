package check_test

import (
	"context"
	"io/fs"
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

// BenchmarkTags reads every tag of every HTML file of the 10,000-page
// synthetic site, with its names and the attributes the check reads, with
// the hand scanner and with golang.org/x/net/html's tokenizer: the part of
// the check that the hand scanner does. docs/performance.md has the
// figures. go test ./internal/check -run XXX -bench Tags -benchtime 5x
func BenchmarkTags(b *testing.B) {
	src, dest := b.TempDir(), filepath.Join(b.TempDir(), "public")
	if err := synth.Write(src, synth.Options{Pages: 10000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	if _, err := build.Run(context.Background(), build.Options{Source: src, Dest: dest}); err != nil {
		b.Fatal(err)
	}
	var pages [][]byte
	var size int64
	err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		data, err := os.ReadFile(p)
		pages = append(pages, data)
		size += int64(len(data))
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		read func([]byte)
	}{{"hand", check.HandTags}, {"x-net-html", check.NetTags}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				for _, p := range pages {
					bc.read(p)
				}
			}
			// Processor time, which other processes on a shared machine
			// do not inflate as they do the wall clock.
			b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
		})
	}
}
