package server

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkRebuild10k measures a full in-memory rebuild of a generated site
// of 10,000 Markdown pages (100 sections of 100 pages, with links and
// tags), which is what serve does after an edit.
func BenchmarkRebuild10k(b *testing.B) {
	src := b.TempDir()
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
