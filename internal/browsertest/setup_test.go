package browsertest

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"surveysite/internal/build"
)

// inCI reports whether the tests run in CI, where a missing tool is a failure.
func inCI() bool {
	v := strings.ToLower(os.Getenv("CI"))
	return v == "true" || v == "1"
}

// missing skips the test locally and fails it in CI, saying how to install what is missing.
func missing(t *testing.T, what, install string) {
	t.Helper()
	if inCI() {
		t.Fatalf("%s is missing (CI=true): %s", what, install)
	}
	t.Skipf("%s is missing; install it to run this test: %s", what, install)
}

// repoRoot is the folder holding go.mod, two levels above this package.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("repository root not found: %v", err)
	}
	return root
}

// toolFile finds a file named by the environment variable env, or else at
// the default path under the repository root.
func toolFile(t *testing.T, env, def, what, install string) string {
	t.Helper()
	p := os.Getenv(env)
	if p == "" {
		p = filepath.Join(repoRoot(t), def)
	}
	if _, err := os.Stat(p); err != nil {
		missing(t, what+" ("+p+")", install+", or set "+env)
	}
	return p
}

// chromiumPath finds Debian's chromium, or the browser SURVEYSITE_CHROMIUM names.
func chromiumPath(t *testing.T) string {
	t.Helper()
	const install = "apt-get install -y chromium fonts-noto-cjk"
	if p := os.Getenv("SURVEYSITE_CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			missing(t, "chromium ("+p+")", install)
		}
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	missing(t, "chromium", install)
	return ""
}

// examples are the example projects checked with the repository's site;
// each is built into a folder of that name inside it, as if published under
// a sub-path.
var examples = []string{"examples/question-types", "examples/english"}

// builtSite builds the repository's site and the example projects into a
// temporary folder and returns the folder and the site-relative paths of
// their HTML files, sorted.
func builtSite(t *testing.T) (dir string, pages []string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(context.Background(), build.Options{Source: repoRoot(t), Dest: dir}); err != nil {
		t.Fatalf("build: %v", err)
	}
	for _, ex := range examples {
		src, dest := filepath.Join(repoRoot(t), filepath.FromSlash(ex)), filepath.Join(dir, filepath.FromSlash(ex))
		if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
			t.Fatal(err)
		}
		if _, err := build.Run(context.Background(), build.Options{Source: src, Dest: dest}); err != nil {
			t.Fatalf("build %s: %v", ex, err)
		}
	}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		pages = append(pages, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) == 0 {
		t.Fatal("the build wrote no HTML page")
	}
	sort.Strings(pages)
	return dir, pages
}

// pageURL is the URL path a person would visit for the file rel: the folder
// for index.html, the file itself otherwise; each segment escaped.
func pageURL(rel string) string {
	if rel == "index.html" {
		return "/"
	}
	trailing := ""
	if strings.HasSuffix(rel, "/index.html") {
		rel, trailing = strings.TrimSuffix(rel, "/index.html"), "/"
	}
	segs := strings.Split(rel, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return "/" + strings.Join(segs, "/") + trailing
}

func TestPageURL(t *testing.T) {
	t.Parallel()
	tests := []struct{ rel, want string }{
		{"index.html", "/"},
		{"404.html", "/404.html"},
		{"about/index.html", "/about/"},
		{"cases/themes/職場環境/index.html", "/cases/themes/%E8%81%B7%E5%A0%B4%E7%92%B0%E5%A2%83/"},
	}
	for _, tt := range tests {
		if got := pageURL(tt.rel); got != tt.want {
			t.Errorf("pageURL(%q) = %q, want %q", tt.rel, got, tt.want)
		}
	}
}
