//go:build unix

package build

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLinksThatLeaveTheProjectAreRefused(t *testing.T) {
	t.Parallel()
	outside := t.TempDir()
	secret := filepath.Join(outside, "passwd")
	writeFile(t, secret, []byte("---\ntitle: secret\n---\nroot:x:0:0"))
	writeFile(t, filepath.Join(outside, "static/leak.txt"), []byte("leaked"))
	tests := []struct {
		name  string
		links map[string]string // link in the project -> target
		want  []string
	}{
		{"page to an absolute path", map[string]string{"content/evil.md": secret},
			[]string{"content/evil.md: content/evil.md is a link to " + filepath.ToSlash(secret) + ", outside the project folder"}},
		{"page by a relative path", map[string]string{"content/rel.md": "../../" + filepath.Base(outside) + "/passwd"},
			[]string{"content/rel.md: content/rel.md is a link to "}},
		{"folder of pages", map[string]string{"content/ext": outside, "content/x.md": "ext/passwd"},
			[]string{"content/x.md: content/x.md is a link to ext/passwd, outside the project folder"}},
		{"templates folder", map[string]string{"templates": outside},
			[]string{"templates/static/leak.txt: templates is a link to " + filepath.ToSlash(outside) + ", outside the project folder"}},
		{"static file", map[string]string{"templates/static/passwd.txt": secret},
			[]string{"templates/static/passwd.txt: templates/static/passwd.txt is a link to " + filepath.ToSlash(secret)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			// The project is a sibling of outside, so that relative links
			// can climb out of it.
			src := filepath.Join(filepath.Dir(outside), filepath.Base(outside)+"-"+strings.ReplaceAll(tc.name, " ", "-"))
			t.Cleanup(func() { os.RemoveAll(src) })
			writeFile(t, filepath.Join(src, "content/a.md"), []byte("---\ntitle: A\n---\nA"))
			for link, target := range tc.links {
				os.MkdirAll(filepath.Dir(filepath.Join(src, link)), 0o755)
				if err := os.Symlink(target, filepath.Join(src, link)); err != nil {
					t.Fatal(err)
				}
			}
			dest := filepath.Join(t.TempDir(), "public")
			_, err := Run(context.Background(), Options{Source: src, Dest: dest})
			if err == nil {
				data, _ := os.ReadFile(filepath.Join(dest, "passwd.txt"))
				t.Fatalf("build succeeded (passwd.txt: %q), want a refusal", data)
			}
			for _, w := range tc.want {
				if !strings.Contains(errorText(err), w) {
					t.Errorf("error:\n%s\nwant it to contain %q", errorText(err), w)
				}
			}
			if _, err := os.Stat(dest); err == nil {
				t.Errorf("the refused build wrote %s", dest)
			}
		})
	}
}

func TestLinksInsideTheProjectAreFollowed(t *testing.T) {
	t.Parallel()
	src := t.TempDir()
	writeFile(t, filepath.Join(src, "notes/b.md"), []byte("---\ntitle: B\n---\nfrom notes"))
	writeFile(t, filepath.Join(src, "content/a.md"), []byte("---\ntitle: A\n---\nA"))
	if err := os.Symlink("../notes/b.md", filepath.Join(src, "content/b.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(src, "notes/b.md"), filepath.Join(src, "content/c.md")); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(context.Background(), Options{Source: src}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"b/index.html", "c/index.html"} {
		if data, _ := os.ReadFile(filepath.Join(src, "public", p)); !strings.Contains(string(data), "from notes") {
			t.Errorf("%s does not hold the linked page", p)
		}
	}
}
