package build

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

func smallProject(t *testing.T) string {
	t.Helper()
	src := t.TempDir()
	writeFile(t, filepath.Join(src, "content/a.md"), []byte("---\ntitle: A\n---\nA"))
	return src
}

func TestDestOfSomeonesFilesIsRefused(t *testing.T) {
	t.Parallel()
	src := smallProject(t)
	dest := filepath.Join(t.TempDir(), "photos")
	writeFile(t, filepath.Join(dest, "holiday.jpg"), []byte("precious"))
	_, err := Run(context.Background(), Options{Source: src, Dest: dest})
	if err == nil || !strings.Contains(errorText(err), "--force") {
		t.Fatalf("build into a folder of someone's files: %v, want a refusal naming --force", err)
	}
	if data, _ := os.ReadFile(filepath.Join(dest, "holiday.jpg")); string(data) != "precious" {
		t.Fatal("the refused build deleted the folder's files")
	}
	if _, err := Run(context.Background(), Options{Source: src, Dest: dest, Force: true}); err != nil {
		t.Fatalf("--force: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dest, "a/index.html")); err != nil {
		t.Errorf("--force did not replace the folder: %v", err)
	}
	// Now it is surveysite's output: replaced without --force.
	if _, err := Run(context.Background(), Options{Source: src, Dest: dest}); err != nil {
		t.Errorf("rebuild into its own output: %v", err)
	}
	// An empty folder and a missing one are fine.
	empty := filepath.Join(t.TempDir(), "empty")
	os.Mkdir(empty, 0o755)
	for _, d := range []string{empty, filepath.Join(t.TempDir(), "new")} {
		if _, err := Run(context.Background(), Options{Source: src, Dest: d}); err != nil {
			t.Errorf("build into %s: %v", d, err)
		}
	}
}

func TestStaleTemporaryFoldersAreRemoved(t *testing.T) {
	t.Parallel()
	src := smallProject(t)
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	if _, err := Run(context.Background(), Options{Source: src, Dest: dest}); err != nil {
		t.Fatal(err)
	}
	// What kill -9 leaves: a temporary folder with the marker, half written.
	stale := filepath.Join(parent, ".public-tmp-123456")
	writeFile(t, filepath.Join(stale, markerName), []byte(markerText))
	writeFile(t, filepath.Join(stale, "a/index.html"), []byte("half"))
	staleOld := filepath.Join(parent, ".public-tmp-777-old")
	writeFile(t, filepath.Join(staleOld, markerName), []byte(markerText))
	// Not provably its own: no marker, or another name.
	foreign := filepath.Join(parent, ".public-tmp-999")
	writeFile(t, filepath.Join(foreign, "mine.txt"), []byte("keep"))
	other := filepath.Join(parent, ".publicity-tmp-1")
	writeFile(t, filepath.Join(other, markerName), []byte(markerText))
	if _, err := Run(context.Background(), Options{Source: src, Dest: dest}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{stale, staleOld} {
		if _, err := os.Lstat(p); !os.IsNotExist(err) {
			t.Errorf("stale %s was not removed: %v", filepath.Base(p), err)
		}
	}
	for _, p := range []string{foreign, other} {
		if _, err := os.Lstat(p); err != nil {
			t.Errorf("%s, not provably a stale output, was removed", filepath.Base(p))
		}
	}
}

// A reader polling index.html while the output is rebuilt never finds it
// missing: the new output is swapped in with one rename.
func TestSwapIsAtomic(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the swap is atomic on Linux only")
	}
	t.Parallel()
	src := smallProject(t)
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := Run(context.Background(), Options{Source: src, Dest: dest}); err != nil {
		t.Fatal(err)
	}
	var missing, polls atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			polls.Add(1)
			if _, err := os.Stat(filepath.Join(dest, "index.html")); err != nil {
				missing.Add(1)
			}
		}
	}()
	for range 40 {
		if _, err := swapOnce(dest); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	wg.Wait()
	if missing.Load() > 0 {
		t.Errorf("index.html was missing %d times in %d polls during 40 swaps", missing.Load(), polls.Load())
	}
}

// swapOnce swaps a copy of a small output in at dest, as a build does.
func swapOnce(dest string) (string, error) {
	tmp, err := os.MkdirTemp(filepath.Dir(dest), "."+filepath.Base(dest)+"-tmp-")
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(tmp, "index.html"), []byte("x"), 0o644); err != nil {
		return "", err
	}
	return tmp, swap(tmp, dest)
}

func TestOutputIsMarked(t *testing.T) {
	t.Parallel()
	src := smallProject(t)
	if _, err := Run(context.Background(), Options{Source: src}); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(filepath.Join(src, "public", markerName)); err != nil || string(data) != markerText {
		t.Errorf("public/%s = %q, %v", markerName, data, err)
	}
}
