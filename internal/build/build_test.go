package build

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"surveysite/internal/diag"
	"surveysite/internal/golden"
)

// TestSites builds each testdata/sites/*.txtar site. Sections named content/,
// data/, templates/ and surveysite.yaml are the input; "args" holds build
// flags (--base-url URL, --drafts); "files" lists every output file;
// public/… sections are expected output files; "stderr" is the expected
// error output of a failing build.
func TestSites(t *testing.T) {
	t.Parallel()
	archives, _ := filepath.Glob("testdata/sites/*.txtar")
	if len(archives) == 0 {
		t.Fatal("no test sites")
	}
	for _, file := range archives {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			src := t.TempDir()
			opts := Options{Source: src}
			for _, f := range ar.Files {
				switch {
				case f.Name == "args":
					fields := strings.Fields(string(f.Data))
					for i := 0; i < len(fields); i++ {
						switch fields[i] {
						case "--base-url":
							i++
							opts.BaseURL = fields[i]
						case "--drafts":
							opts.Drafts = true
						}
					}
				case f.Name == "files" || f.Name == "stderr" || strings.HasPrefix(f.Name, "public/"):
				default:
					writeFile(t, filepath.Join(src, f.Name), f.Data)
				}
			}
			_, err = Run(context.Background(), opts)
			changed := false
			for i := range ar.Files {
				f := &ar.Files[i]
				var got []byte
				switch {
				case f.Name == "stderr":
					if err != nil {
						got = []byte(errorText(err) + "\n")
					}
				case f.Name == "files":
					got = []byte(strings.Join(listFiles(t, filepath.Join(src, "public")), "\n") + "\n")
				case strings.HasPrefix(f.Name, "public/"):
					got, _ = os.ReadFile(filepath.Join(src, filepath.FromSlash(f.Name)))
				default:
					continue
				}
				if bytes.Equal(got, f.Data) {
					continue
				}
				if golden.Update() {
					f.Data = got
					changed = true
					continue
				}
				t.Errorf("%s differs:\n%s", f.Name, golden.Diff(string(f.Data), string(got)))
			}
			if err != nil && !hasSection(ar, "stderr") {
				t.Errorf("build failed: %v", err)
			}
			if changed {
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

func hasSection(ar *txtar.Archive, name string) bool {
	return slices.ContainsFunc(ar.Files, func(f txtar.File) bool { return f.Name == name })
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func listFiles(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() != markerName { // the marker: see TestOutputIsMarked
			rel, _ := filepath.Rel(root, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	slices.Sort(out)
	return out
}

// errorText is what the command prints for err: a single problem with its
// fix line, like a list of them.
func errorText(err error) string {
	var de *diag.Error
	if errors.As(err, &de) {
		return de.Format()
	}
	return err.Error()
}

// TestExamples builds every project under examples/ as a user would, with
// the link check; each must build without errors.
func TestExamples(t *testing.T) {
	t.Parallel()
	dirs, _ := filepath.Glob(filepath.Join(repoRoot, "examples", "*"))
	if len(dirs) == 0 {
		t.Fatal("no example projects")
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			res, err := Run(context.Background(), Options{Source: dir, Dest: filepath.Join(t.TempDir(), "public")})
			if err != nil {
				t.Fatalf("build: %v", err)
			}
			if res.Pages == 0 {
				t.Error("built no pages")
			}
		})
	}
}
