package build

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// DirFS must behave as os.DirFS: the same files, the same errors, named by
// the path inside the folder.
func TestDirFSReadsAsOSDirFS(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	big := bytes.Repeat([]byte("地域経営部会\n"), 50_000) // larger than one read
	files := map[string][]byte{"a.md": []byte("a"), "empty.md": nil, "sub/big.md": big}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := writeOutputFile(p, data); err != nil {
			t.Fatal(err)
		}
	}
	fsys := DirFS(dir)
	for name, want := range files {
		got, err := fs.ReadFile(fsys, name)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("ReadFile(%s): %d bytes, %v; want %d bytes", name, len(got), err, len(want))
		}
	}
	if err := fstest.TestFS(fsys, "a.md", "empty.md", "sub/big.md"); err != nil {
		t.Error(err)
	}
	for _, c := range []struct {
		name string
		is   error
	}{
		{"missing.md", fs.ErrNotExist},
		{"../a.md", fs.ErrInvalid},
		{"sub", nil}, // a folder: some error
	} {
		_, err := fs.ReadFile(fsys, c.name)
		var pe *fs.PathError
		if err == nil || !errors.As(err, &pe) || pe.Path != c.name || (c.is != nil && !errors.Is(err, c.is)) {
			t.Errorf("ReadFile(%s) = %v; want a *fs.PathError for %s (%v)", c.name, err, c.name, c.is)
		}
		if err != nil && strings.Contains(err.Error(), dir) {
			t.Errorf("ReadFile(%s): the error names the full path: %v", c.name, err)
		}
	}
}

func TestWriteOutputFileTruncates(t *testing.T) {
	t.Parallel()
	p := filepath.Join(t.TempDir(), "index.html")
	if err := writeOutputFile(p, []byte("a longer first version")); err != nil {
		t.Fatal(err)
	}
	if err := writeOutputFile(p, []byte("short")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(p); string(got) != "short" {
		t.Fatalf("got %q", got)
	}
	if err := writeOutputFile(filepath.Join(p, "x"), nil); err == nil {
		t.Fatal("writing under a file succeeded")
	}
}
