package server

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"surveysite/internal/build"
)

// TestIncrementalRebuildEqualsFullBuild edits pages of a site one way or
// another, rebuilds incrementally after each edit, and compares every file
// with a full build of the same sources.
func TestIncrementalRebuildEqualsFullBuild(t *testing.T) {
	t.Parallel()
	src := t.TempDir()
	page := func(i int, title, body string, tags string) string {
		return fmt.Sprintf("---\ntitle: %s\ndescription: 説明\ndate: 2025-01-%02d\ntags: [%s]\n---\n## 見出し\n\n%s [次](p%d.md)\n", title, i+1, tags, body, (i+1)%8)
	}
	writeFile(t, filepath.Join(src, "content/_index.md"), "---\ntitle: ホーム\n---\nhome")
	writeFile(t, filepath.Join(src, "content/posts/_index.md"), "---\ntitle: 投稿\n---\n")
	for i := range 8 {
		writeFile(t, filepath.Join(src, fmt.Sprintf("content/posts/p%d.md", i)), page(i, fmt.Sprintf("投稿%d", i), "本文", "a, b"))
	}
	var log bytes.Buffer
	s := New(Options{Source: src, Log: &log})
	ctx := context.Background()
	if err := s.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	edits := []struct {
		name  string
		file  string
		data  string
		pages string // what the log says was rendered again
	}{
		{"body only", "content/posts/p3.md", page(3, "投稿3", "書き直した本文とは違う長い文章がここに入ります", "a, b"), "built 1 pages, 4 files"},
		// A new title shows in the lists: the page, home, posts, the tag
		// pages and their index, 404, the search page, and the extras. The
		// search index (3 files) is written whenever a page in it is.
		{"title", "content/posts/p4.md", page(4, "新しい題", "本文", "a, b"), "built 8 pages, 16 files"},
		// A new tag makes a new page: everything is rendered.
		{"tags", "content/posts/p5.md", page(5, "投稿5", "本文", "c"), "built 16 pages, 24 files"},
		{"back to body only", "content/posts/p3.md", page(3, "投稿3", "もう一度書き直した", "a, b"), "built 1 pages, 4 files"},
		// p0 wrote "c" first, so its spelling names the tag on every page.
		{"tag renamed", "content/posts/p0.md", page(0, "投稿0", "本文", "a, b, C"), "built 10 pages, 18 files"},
	}
	for _, e := range edits {
		writeFile(t, filepath.Join(src, e.file), e.data)
		log.Reset()
		if err := s.rebuild(ctx, []string{e.file}); err != nil {
			t.Fatalf("%s: %v", e.name, err)
		}
		if !strings.Contains(log.String(), e.pages) {
			t.Errorf("%s: log %q, want %q", e.name, log.String(), e.pages)
		}
		full := build.NewMemory()
		fsys := os.DirFS(src)
		st, _, err := build.Load(ctx, fsys, build.Options{Source: src})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.Render(full); err != nil {
			t.Fatal(err)
		}
		if got, want := s.files.Len(), full.Len(); got != want {
			t.Errorf("%s: %d files after the incremental rebuild, %d in a full build", e.name, got, want)
		}
		for _, name := range fileNames(t, full) {
			want, _ := full.File(name)
			got, ok := s.files.File(name)
			if !ok || !bytes.Equal(got, want) {
				t.Errorf("%s: %s differs from a full build", e.name, name)
			}
		}
	}
}

func fileNames(t *testing.T, m *build.Memory) []string {
	t.Helper()
	return m.Names()
}
