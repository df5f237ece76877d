package build

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"
)

// repoRoot is the repository, whose site every test may build.
const repoRoot = "../.."

func TestBuildIsDeterministic(t *testing.T) {
	t.Parallel()
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	for _, dest := range []string{a, b} {
		if _, err := Run(context.Background(), Options{Source: repoRoot, Dest: dest}); err != nil {
			t.Fatal(err)
		}
	}
	fa, fb := listFiles(t, a), listFiles(t, b)
	if strings.Join(fa, "\n") != strings.Join(fb, "\n") {
		t.Fatalf("file lists differ:\n%v\n%v", fa, fb)
	}
	if len(fa) < 20 {
		t.Fatalf("only %d files built: %v", len(fa), fa)
	}
	for _, f := range fa {
		da, _ := os.ReadFile(filepath.Join(a, f))
		db, _ := os.ReadFile(filepath.Join(b, f))
		if !bytes.Equal(da, db) {
			t.Errorf("%s differs between two builds", f)
		}
	}
}

func TestFailedBuildKeepsPreviousOutput(t *testing.T) {
	t.Parallel()
	src := t.TempDir()
	writeFile(t, filepath.Join(src, "content/a.md"), []byte("---\ntitle: A\n---\nA"))
	writeFile(t, filepath.Join(src, "content/old.md"), []byte("---\ntitle: Old\n---\nold"))
	if _, err := Run(context.Background(), Options{Source: src}); err != nil {
		t.Fatal(err)
	}
	pub := filepath.Join(src, "public")
	before := listFiles(t, pub)

	// A broken page: the build fails and public/ is as it was.
	writeFile(t, filepath.Join(src, "content/a.md"), []byte("---\ntitle: [A\n---\nA"))
	if _, err := Run(context.Background(), Options{Source: src}); err == nil {
		t.Fatal("build of a broken page succeeded")
	}
	if got := listFiles(t, pub); strings.Join(got, ",") != strings.Join(before, ",") {
		t.Errorf("failed build changed public/: %v, want %v", got, before)
	}
	if data, _ := os.ReadFile(filepath.Join(pub, "a/index.html")); !bytes.Contains(data, []byte("<h1>A</h1>")) {
		t.Errorf("a/index.html lost its content after a failed build")
	}

	// Fixed, and old.md removed: the stale page does not survive.
	writeFile(t, filepath.Join(src, "content/a.md"), []byte("---\ntitle: A2\n---\nA"))
	os.Remove(filepath.Join(src, "content/old.md"))
	if _, err := Run(context.Background(), Options{Source: src}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(pub, "old/index.html")); !os.IsNotExist(err) {
		t.Errorf("stale old/index.html survived a rebuild: %v", err)
	}
	entries, _ := os.ReadDir(src)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public") {
			t.Errorf("temporary folder %s left behind", e.Name())
		}
	}
}

func TestBuildRefusesToReplaceSourceFolders(t *testing.T) {
	t.Parallel()
	src := t.TempDir()
	writeFile(t, filepath.Join(src, "content/a.md"), []byte("---\ntitle: A\n---\n"))
	for _, dest := range []string{src, filepath.Dir(src), filepath.Join(src, "content")} {
		if _, err := Run(context.Background(), Options{Source: src, Dest: dest}); err == nil {
			t.Errorf("build into %s succeeded, want a refusal", dest)
		}
	}
}

func TestDataTablesInEveryEncoding(t *testing.T) {
	t.Parallel()
	csv := "名称,区分\r\n弘前市,市\r\n①テスト～,町\r\n"
	sjis, err := japanese.ShiftJIS.NewEncoder().String(csv)
	if err != nil {
		t.Fatal(err)
	}
	layout := `{{define "main"}}{{range .Site.Data.list.Rows}}[{{index . 0}}/{{index . 1}}]{{end}}{{end}}`
	for name, data := range map[string][]byte{
		"UTF-8": []byte(csv), "BOM": append([]byte("\uFEFF"), csv...), "CP932": []byte(sjis),
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			src := t.TempDir()
			writeFile(t, filepath.Join(src, "data/list.csv"), data)
			writeFile(t, filepath.Join(src, "content/a.md"), []byte("---\ntitle: A\n---\n"))
			writeFile(t, filepath.Join(src, "templates/layouts/page.html"), []byte(layout))
			if _, err := Run(context.Background(), Options{Source: src}); err != nil {
				t.Fatal(err)
			}
			got, _ := os.ReadFile(filepath.Join(src, "public/a/index.html"))
			if want := "[弘前市/市][①テスト～/町]"; !bytes.Contains(got, []byte(want)) {
				t.Errorf("page does not contain %s:\n%s", want, got)
			}
		})
	}
}

// The output is for a web server that may run as another user: its folder
// is readable by all, although it was made as a private temporary folder.
func TestOutputFolderIsReadableByAll(t *testing.T) {
	t.Parallel()
	src := t.TempDir()
	writeFile(t, filepath.Join(src, "content/a.md"), []byte("---\ntitle: A\n---\nA"))
	if _, err := Run(context.Background(), Options{Source: src}); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(filepath.Join(src, "public"))
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm&0o055 != 0o055 {
		t.Errorf("public/ has mode %v; group and others cannot read it", perm)
	}
}

// A --dest that is a link is replaced by the new output; the link's target
// keeps what it had, and nothing is left beside the output.
func TestOutputThatWasALinkIsReplaced(t *testing.T) {
	t.Parallel()
	src, dir := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(src, "content/a.md"), []byte("---\ntitle: A\n---\nA"))
	target := filepath.Join(dir, "target")
	writeFile(t, filepath.Join(target, "keep.txt"), []byte("keep"))
	dest := filepath.Join(dir, "public")
	if err := os.Symlink(target, dest); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(context.Background(), Options{Source: src, Dest: dest}); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(dest); err != nil || !fi.IsDir() {
		t.Fatalf("the output is not a folder: %v, %v", fi, err)
	}
	if _, err := os.Stat(filepath.Join(dest, "a/index.html")); err != nil {
		t.Error(err)
	}
	if data, err := os.ReadFile(filepath.Join(target, "keep.txt")); err != nil || string(data) != "keep" {
		t.Errorf("the link's target lost its file: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("beside the output: %v, want only public and target", names)
	}
}
