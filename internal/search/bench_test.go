package search

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"surveysite/internal/synth"
)

// synthDocs returns the pages of the synthetic site of n pages
// (internal/synth, seed 1) as docs: title, headings and text, from the
// Markdown with its marks left in.
func synthDocs(tb testing.TB, n int) []Doc {
	dir := tb.TempDir()
	if err := synth.Write(dir, synth.Options{Pages: n, Seed: 1}); err != nil {
		tb.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "content", "posts", "p*.md"))
	if err != nil {
		tb.Fatal(err)
	}
	docs := make([]Doc, 0, len(files))
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		_, rest, _ := strings.Cut(string(src), "title: \"")
		title, body, _ := strings.Cut(rest, "\"")
		_, body, _ = strings.Cut(body, "---\n")
		var heads []string
		var text strings.Builder
		for _, line := range strings.Split(body, "\n") {
			if h, ok := strings.CutPrefix(strings.TrimLeft(line, "#"), " "); ok && strings.HasPrefix(line, "#") {
				heads = append(heads, h)
				continue
			}
			if line = strings.Join(strings.Fields(line), " "); line == "" {
				continue
			}
			if text.Len() > 0 {
				text.WriteByte(' ') // as HTMLText joins blocks
			}
			text.WriteString(line)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		docs = append(docs, Doc{Path: "/posts/" + name + "/", Title: title, Headings: heads, Body: []string{text.String()}})
	}
	return docs
}

func benchBuild(b *testing.B, n int) { benchIndex(b, synthDocs(b, n)) }

// benchIndex times Build of docs, reporting the index's bytes and the
// processor time of a build.
func benchIndex(b *testing.B, docs []Doc) {
	b.ResetTimer()
	size := 0
	cpu := cpuTime()
	for b.Loop() {
		size = 0
		for _, f := range Build(docs, Options{FolderIndex: true}) {
			size += len(f.Data)
		}
	}
	b.ReportMetric(float64(size), "bytes")
	b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
}

// Run: go test ./internal/search -run XXX -bench Build
func BenchmarkBuild1000(b *testing.B)  { benchBuild(b, 1000) }
func BenchmarkBuild10000(b *testing.B) { benchBuild(b, 10000) }

// BenchmarkBuildVaried10000 indexes the varied corpus (synth.Options.Varied:
// English and Japanese prose, tables, code, long-tailed sizes), its text
// taken out of goldmark's HTML as the build takes it.
func BenchmarkBuildVaried10000(b *testing.B) {
	dir := b.TempDir()
	if err := synth.Write(dir, synth.Options{Pages: 10000, Seed: 1, Varied: true}); err != nil {
		b.Fatal(err)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
	var docs []Doc
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		front, body, _ := strings.Cut(strings.TrimPrefix(string(src), "---\n"), "\n---\n")
		title := ""
		for _, line := range strings.Split(front, "\n") {
			if t, ok := strings.CutPrefix(line, "title: "); ok {
				title = strings.Trim(t, `"'`)
			}
		}
		var h strings.Builder
		if err := md.Convert([]byte(body), &h); err != nil {
			return err
		}
		heads, text := HTMLText(h.String())
		docs = append(docs, Doc{Path: "/" + filepath.ToSlash(strings.TrimSuffix(path[len(dir)+1:], ".md")) + "/", Title: title, Headings: heads, Body: []string{text}})
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	benchIndex(b, docs)
}

// BenchmarkHTMLText takes the text out of the synthetic pages' HTML as
// goldmark with the GFM extensions writes it.
// Run: go test ./internal/search -run XXX -bench HTMLText
func BenchmarkHTMLText(b *testing.B) {
	dir := b.TempDir()
	if err := synth.Write(dir, synth.Options{Pages: 1000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "content", "posts", "p*.md"))
	if err != nil {
		b.Fatal(err)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	var pages []string
	size := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		_, body, _ := strings.Cut(strings.TrimPrefix(string(src), "---\n"), "---\n")
		var h strings.Builder
		if err := md.Convert([]byte(body), &h); err != nil {
			b.Fatal(err)
		}
		pages = append(pages, h.String())
		size += h.Len()
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, p := range pages {
			HTMLText(p)
		}
	}
}
