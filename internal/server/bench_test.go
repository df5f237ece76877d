package server

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkRebuild10k measures a rebuild that renders every page of a
// generated site of 10,000 Markdown pages (100 sections of 100 pages, with
// links and tags) into memory, as serve does after a change to templates,
// data or the configuration; unchanged Markdown comes from the cache.
func BenchmarkRebuild10k(b *testing.B) {
	src := b.TempDir()
	writeBenchSite(b, src)
	s := New(Options{Source: src})
	ctx := context.Background()
	if err := s.Rebuild(ctx); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if err := s.Rebuild(ctx); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(s.files.Len()), "files")
}

// BenchmarkEditToPage10k measures what a person editing one page of a
// 10,000-page site waits for: from writing the file, through the watcher
// (debounce included), the incremental rebuild and the reload event, to
// the new page being served. The edit is in the body below the page's
// summary, the most common edit; the title edit re-renders the lists too.
func BenchmarkEditToPage10k(b *testing.B) {
	for _, tc := range []struct {
		name string
		edit func(i int) string
	}{
		{"body", func(i int) string {
			return fmt.Sprintf("---\ntitle: 編集するページ\ntags: [t1]\nweight: 1\n---\n## 見出し\n\n%s\n\n版 %d の本文。\n", strings.Repeat("長い導入の文章。", 20), i)
		}},
		{"title", func(i int) string {
			return fmt.Sprintf("---\ntitle: 編集するページ 版%d\ntags: [t1]\nweight: 1\n---\n## 見出し\n\n%s\n", i, strings.Repeat("長い導入の文章。", 20))
		}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			src := b.TempDir()
			writeBenchSite(b, src)
			file := filepath.Join(src, "content", "s00", "p00.md")
			if err := os.WriteFile(file, []byte(tc.edit(0)), 0o644); err != nil {
				b.Fatal(err)
			}
			s := New(Options{Source: src})
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if err := s.Rebuild(ctx); err != nil {
				b.Fatal(err)
			}
			done, err := s.Watch(ctx)
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 1; b.Loop(); i++ {
				gen := s.generation()
				if err := os.WriteFile(file, []byte(tc.edit(i)), 0o644); err != nil {
					b.Fatal(err)
				}
				deadline := time.Now().Add(10 * time.Second)
				for s.generation() == gen {
					if time.Now().After(deadline) {
						b.Fatal("no rebuild within 10 s")
					}
					time.Sleep(time.Millisecond)
				}
				rec := httptest.NewRecorder()
				s.ServeHTTP(rec, httptest.NewRequest("GET", "http://127.0.0.1/s00/p00/", nil))
				if want := fmt.Sprintf("版%d", i); tc.name == "title" && !strings.Contains(rec.Body.String(), want) ||
					tc.name == "body" && !strings.Contains(rec.Body.String(), fmt.Sprintf("版 %d の本文", i)) {
					b.Fatalf("the served page does not have edit %d", i)
				}
			}
			b.StopTimer()
			cancel()
			<-done
		})
	}
}

func writeBenchSite(b *testing.B, src string) {
	b.Helper()
	for sec := range 100 {
		dir := filepath.Join(src, "content", fmt.Sprintf("s%02d", sec))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		for i := range 100 {
			page := fmt.Sprintf("---\ntitle: ページ %d-%d\ntags: [t%d]\nweight: %d\n---\n## 見出し\n\n本文 [前へ](p%02d.md) と [見出しへ](#見出し)。\n\n- 項目 %d\n- 項目 %d\n",
				sec, i, i%10, i+1, max(i-1, 0), i, sec)
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%02d.md", i)), []byte(page), 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
}
