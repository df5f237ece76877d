package content

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestCacheReusesUnchangedPages(t *testing.T) {
	t.Parallel()
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	fsys := fstest.MapFS{
		"content/a.md": {Data: []byte("---\ntitle: A\n---\n[b](b.md)"), ModTime: t0},
		"content/b.md": {Data: []byte("---\ntitle: B\n---\nB"), ModTime: t0},
	}
	c := &Cache{}
	opts := Options{Cache: c, CacheKey: "k"}
	load := func() map[string]*Page {
		t.Helper()
		pages, err := Load(fsys, opts)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]*Page{}
		for _, p := range pages {
			m[p.Path] = p
		}
		return m
	}
	first := load()
	second := load()
	for f := range first {
		if first[f] != second[f] {
			t.Errorf("%s was loaded again although it did not change", f)
		}
	}

	// An edit to b: only b is new, and a keeps its page.
	fsys["content/b.md"] = &fstest.MapFile{Data: []byte("---\ntitle: B2\n---\nB2"), ModTime: t0.Add(time.Second)}
	third := load()
	if third["content/a.md"] != second["content/a.md"] {
		t.Errorf("a was loaded again after an edit to b")
	}
	if third["content/b.md"] == second["content/b.md"] || third["content/b.md"].Title != "B2" {
		t.Errorf("b after its edit: %+v", third["content/b.md"].FrontMatter)
	}

	// A new slug for b moves it: a links to it, so a is converted again.
	fsys["content/b.md"] = &fstest.MapFile{Data: []byte("---\ntitle: B3\nslug: bee\n---\nB3"), ModTime: t0.Add(2 * time.Second)}
	fourth := load()
	if fourth["content/a.md"] == third["content/a.md"] {
		t.Errorf("a kept its old HTML although b moved")
	}
	if !strings.Contains(string(fourth["content/a.md"].Content), "/bee/") {
		t.Errorf("a's link does not follow b's new URL: %s", fourth["content/a.md"].Content)
	}
	if strings.Contains(string(third["content/a.md"].Content), "/bee/") {
		t.Errorf("the page of an earlier load was changed in place")
	}

	// Another key (say, another base URL) reuses nothing.
	opts.CacheKey = "other"
	fifth := load()
	if fifth["content/a.md"] == fourth["content/a.md"] {
		t.Errorf("a was reused under another cache key")
	}
}
