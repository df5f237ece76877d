package build

import (
	"os"
	"path/filepath"
	"testing"
)

// removeAll must remove a whole previous output, nested folders and
// links included, and never follow a link out of it.
func TestRemoveAllRemovesTreeNotLinkTargets(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	outside := filepath.Join(tmp, "keep")
	if err := os.MkdirAll(filepath.Join(outside, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "sub", "f.txt"), []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(tmp, "old")
	for _, f := range []string{"index.html", "css/site.css", "posts/a/index.html", "posts/b/index.html",
		"posts/b/deep/er/x.svg", "tags/人材/index.html"} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 300 { // more entries than one getdents64 buffer holds
		if err := os.MkdirAll(filepath.Join(dir, "many", "folder-with-a-long-name-"+string(rune('a'+i%26))+string(rune('A'+i/26))), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range []string{"empty", "posts/c"} {
		if err := os.MkdirAll(filepath.Join(dir, e), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{"ln-top": outside, "posts/ln": outside, "posts/a/ln": filepath.Join(outside, "sub")} {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(link))); err != nil {
			t.Fatal(err)
		}
	}
	if err := removeAll(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(dir); !os.IsNotExist(err) {
		t.Fatalf("%s still exists: %v", dir, err)
	}
	if data, err := os.ReadFile(filepath.Join(outside, "sub", "f.txt")); err != nil || string(data) != "keep" {
		t.Fatalf("a link's target was removed: %v", err)
	}
	if err := removeAll(dir); err != nil {
		t.Fatalf("removing a folder that is gone: %v", err)
	}
}
