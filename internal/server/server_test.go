package server

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

// writeSite writes a txtar archive's files under a new temporary folder.
func writeSite(t *testing.T, archive string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(f.Name)), string(f.Data))
	}
	return dir
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

const smallSite = `
-- content/_index.md --
---
title: ホーム
---
はじめの版
-- content/about.md --
---
title: 部会について
---
本文
-- templates/static/data.csv --
a,b
1,2
-- templates/static/a.png --
not really a png
-- templates/static/a.json --
{}
-- templates/static/feed.xml --
<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>
-- secret.txt --
not part of the site
`

// newServer builds the site in src and serves it with httptest.
func newServer(t *testing.T, src string) (*Server, *httptest.Server) {
	t.Helper()
	s := New(Options{Source: src, Debounce: 10 * time.Millisecond})
	if err := s.Rebuild(context.Background()); err != nil {
		t.Fatalf("first build: %v", err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(func() { s.Close(); ts.Close() })
	return s, ts
}

func get(t *testing.T, url string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(body)
}

// events opens the reload stream and returns its lines as they arrive,
// once the stream is subscribed.
func events(t *testing.T, ctx context.Context, url string) <-chan string {
	t.Helper()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url+eventsPath, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events Content-Type = %q", ct)
	}
	lines := make(chan string, 16)
	r := bufio.NewReader(resp.Body)
	first, err := r.ReadString('\n') // ": build N": we are subscribed
	if err != nil || !strings.HasPrefix(first, ": build") {
		t.Fatalf("first event line %q, %v", first, err)
	}
	go func() {
		defer resp.Body.Close()
		defer close(lines)
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			lines <- strings.TrimSpace(line)
		}
	}()
	return lines
}

// waitReload reads lines until "event: reload" or the deadline.
func waitReload(t *testing.T, lines <-chan string) {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatal("event stream ended before a reload event")
			}
			if l == "event: reload" {
				return
			}
		case <-deadline:
			t.Fatal("no reload event within 5 s")
		}
	}
}

func TestReloadAfterEdit(t *testing.T) {
	t.Parallel()
	src := writeSite(t, smallSite)
	s, ts := newServer(t, src)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done, err := s.Watch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	lines := events(t, ctx, ts.URL)
	writeFile(t, filepath.Join(src, "content", "_index.md"), "---\ntitle: ホーム\n---\n書き換えた版\n")
	waitReload(t, lines)
	_, _, body := get(t, ts.URL+"/")
	if !strings.Contains(body, "書き換えた版") {
		t.Errorf("after the reload event / does not show the edit:\n%s", body)
	}
	// A new folder is watched too.
	writeFile(t, filepath.Join(src, "content", "news", "a.md"), "---\ntitle: 新着\n---\n新しいお知らせ\n")
	waitReload(t, lines)
	deadline := time.Now().Add(5 * time.Second)
	for {
		if code, _, body := get(t, ts.URL+"/news/a/"); code == 200 && strings.Contains(body, "新しいお知らせ") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("/news/a/ not served within 5 s of its creation")
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("watcher did not stop after cancel")
	}
}

func TestStaleTabReloadsAtOnce(t *testing.T) {
	t.Parallel()
	_, ts := newServer(t, writeSite(t, smallSite))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, ts.URL+eventsPath+"?since=0", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	lines := make(chan string, 8)
	go func() {
		r := bufio.NewReader(resp.Body)
		for {
			l, err := r.ReadString('\n')
			if err != nil {
				close(lines)
				return
			}
			lines <- strings.TrimSpace(l)
		}
	}()
	waitReload(t, lines)
}

func TestErrorPageAndRecovery(t *testing.T) {
	t.Parallel()
	src := writeSite(t, smallSite)
	s, ts := newServer(t, src)
	lines := events(t, t.Context(), ts.URL)
	page := filepath.Join(src, "content", "about.md")
	writeFile(t, page, "---\ntitle: 部会について\n---\n[壊れた](nope.md)\n")
	if err := s.Rebuild(context.Background()); err == nil {
		t.Fatal("Rebuild() = nil for a broken link")
	}
	waitReload(t, lines)
	for _, p := range []string{"/", "/about/"} {
		code, h, body := get(t, ts.URL+p)
		if code != http.StatusInternalServerError || h.Get("Content-Type") != "text/html; charset=utf-8" {
			t.Errorf("GET %s = %d %s, want 500 text/html", p, code, h.Get("Content-Type"))
		}
		want := `<code>content/about.md:4:2</code>: link to &#34;nope.md&#34;: no such page or file<span class="hint">fix: `
		if !strings.Contains(body, want) {
			t.Errorf("GET %s: error page lacks %q:\n%s", p, want, body)
		}
		if !strings.Contains(body, eventsPath) {
			t.Errorf("GET %s: error page has no reload script", p)
		}
	}
	// Other files still come from the last good build.
	if code, _, body := get(t, ts.URL+"/data.csv"); code != 200 || body != "a,b\n1,2\n" {
		t.Errorf("GET /data.csv during a failed build = %d %q", code, body)
	}
	writeFile(t, page, "---\ntitle: 部会について\n---\n直した\n")
	if err := s.Rebuild(context.Background()); err != nil {
		t.Fatalf("Rebuild() after the fix = %v", err)
	}
	waitReload(t, lines)
	if code, _, body := get(t, ts.URL+"/about/"); code != 200 || !strings.Contains(body, "直した") {
		t.Errorf("GET /about/ after the fix = %d:\n%s", code, body)
	}
}

func TestPathTraversalIsNotFound(t *testing.T) {
	t.Parallel()
	s, _ := newServer(t, writeSite(t, smallSite))
	tests := []struct{ name, path, raw string }{
		{"dotdot", "/../secret.txt", ""},
		{"dotdot inside", "/about/../../secret.txt", ""},
		{"encoded dots", "/../secret.txt", "/%2e%2e/secret.txt"},
		{"encoded dots upper", "/../secret.txt", "/%2E%2E/secret.txt"},
		{"encoded slash", "/..//secret.txt", "/..%2fsecret.txt"},
		{"backslash", `/..\secret.txt`, ""},
		{"encoded backslash", `/..\secret.txt`, "/..%5csecret.txt"},
		{"absolute", "//etc/passwd", ""},
		{"drive", "/C:/Windows/win.ini", ""},
		{"nul", "/index.html\x00", ""},
		{"source file", "/content/about.md", ""},
		{"config", "/surveysite.yaml", ""},
		{"dot segment", "/./index.html", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			req := httptest.NewRequest(http.MethodGet, "http://127.0.0.1/", nil)
			req.URL.Path, req.URL.RawPath = tc.path, tc.raw
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			if rec.Code != http.StatusNotFound {
				t.Errorf("GET %q (raw %q) = %d, want 404", tc.path, tc.raw, rec.Code)
			}
			if strings.Contains(rec.Body.String(), "not part of the site") {
				t.Errorf("GET %q served a file outside the site", tc.path)
			}
		})
	}
}

func TestContentTypes(t *testing.T) {
	t.Parallel()
	_, ts := newServer(t, writeSite(t, smallSite))
	tests := []struct{ path, want string }{
		{"/", "text/html; charset=utf-8"},
		{"/about/", "text/html; charset=utf-8"},
		{"/about/index.html", "text/html; charset=utf-8"},
		{"/css/site.css", "text/css; charset=utf-8"},
		{"/favicon.svg", "image/svg+xml"},
		{"/a.png", "image/png"},
		{"/data.csv", "text/csv; charset=utf-8"},
		{"/feed.xml", "application/xml; charset=utf-8"},
		{"/a.json", "application/json"},
		{"/robots.txt", "text/plain; charset=utf-8"},
	}
	for _, tc := range tests {
		code, h, body := get(t, ts.URL+tc.path)
		if code != 200 || h.Get("Content-Type") != tc.want {
			t.Errorf("GET %s = %d %q, want 200 %q", tc.path, code, h.Get("Content-Type"), tc.want)
		}
		if injected := strings.Contains(body, eventsPath); injected != strings.HasPrefix(tc.want, "text/html") {
			t.Errorf("GET %s: reload script injected = %v", tc.path, injected)
		}
	}
	resp, err := http.Get(ts.URL + "/about")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Request.URL.Path != "/about/" {
		t.Errorf("GET /about ended at %s, want a redirect to /about/", resp.Request.URL.Path)
	}
	if code, _, body := get(t, ts.URL+"/deep/nope/"); code != 404 || !strings.Contains(body, `<base href="/">`) {
		t.Errorf("GET /deep/nope/ = %d; a 404 page for a deep path needs <base href=\"/\"> to find its stylesheet", code)
	}
}

func TestRunServesAndShutsDownOnCancel(t *testing.T) {
	t.Parallel()
	src := writeSite(t, smallSite+"-- surveysite.yaml --\ntitle: テスト\nbaseURL: https://example.org/bukai/\n")
	ctx, cancel := context.WithCancel(context.Background())
	urls := make(chan string, 1)
	ran := make(chan error, 1)
	go func() { ran <- Run(ctx, Options{Source: src, Addr: "127.0.0.1:0"}, func(u string) { urls <- u }) }()
	var base string
	select {
	case base = <-urls:
	case err := <-ran:
		t.Fatalf("Run() = %v before serving", err)
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not serve within 5 s")
	}
	code, _, body := get(t, base)
	if code != 200 {
		t.Fatalf("GET / = %d", code)
	}
	// The configured base URL is replaced by the preview's, so links stay here.
	if strings.Contains(body, "example.org") || strings.Contains(body, "/bukai/") {
		t.Errorf("preview links to the configured base URL:\n%s", body)
	}
	if !strings.Contains(body, `href="/css/site.css"`) {
		t.Errorf("preview has no root-relative link to /css/site.css:\n%s", body)
	}
	lines := events(t, context.Background(), strings.TrimSuffix(base, "/"))
	cancel()
	select {
	case err := <-ran:
		if err != nil {
			t.Errorf("Run() = %v after cancel, want nil", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return within 5 s of cancel")
	}
	for range lines { // the event stream ends
	}
}
