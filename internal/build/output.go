package build

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"surveysite/internal/diag"
)

// markerName is the file that marks a folder as surveysite's output: a
// build replaces a folder that holds it (or an empty or missing one), and
// refuses any other without --force.
const markerName = ".surveysite-output"

// markerText is the marker's whole content. A temporary folder is provably
// a build's own only if its marker says exactly this.
const markerText = "This folder is the output of surveysite build: the next build replaces it as a whole.\n"

// checkOwnDest refuses a dest folder that surveysite did not make, unless
// it is empty or force is set. A link is replaced, never what it points to.
func checkOwnDest(dest string, force bool) error {
	fi, err := os.Lstat(dest)
	if err != nil || !fi.IsDir() || force {
		return nil
	}
	if _, err := os.Lstat(filepath.Join(dest, markerName)); err == nil {
		return nil
	}
	f, err := os.Open(dest)
	if err != nil {
		return fmt.Errorf("open the output folder: %w", err)
	}
	names, err := f.Readdirnames(3)
	f.Close()
	if errors.Is(err, io.EOF) || len(names) == 0 {
		return nil
	}
	shown := filepath.ToSlash(dest)
	return diag.Errorf(diag.Pos{Path: shown}, "the output folder holds files that surveysite did not write (%s …), and a build replaces the whole folder", strings.Join(names, ", ")).
		WithHint("choose an empty or new folder with --dest; if the folder is an older surveysite output or may be deleted, build once with --force")
}

// newTempOutput makes the temporary folder a build writes into, beside
// dest, marked as surveysite's own, and holds a lock on its marker while
// the build runs (unlock releases it), so that no other build takes it for
// a stale one.
func newTempOutput(dest string) (tmp string, unlock func(), err error) {
	tmp, err = os.MkdirTemp(filepath.Dir(filepath.Clean(dest)), tempPrefix(dest))
	if err != nil {
		return "", nil, fmt.Errorf("create temporary output folder: %w", err)
	}
	// MkdirTemp makes the folder private (0700); the output is for a web
	// server, which may run as another user.
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return "", nil, fmt.Errorf("make the temporary output folder readable: %w", err)
	}
	// Locked before it says what it is: a marker with the text is always
	// locked while its build runs.
	f, err := os.OpenFile(filepath.Join(tmp, markerName), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err == nil {
		if err = lockFile(f); err == nil {
			_, err = f.WriteString(markerText)
		}
	}
	if err != nil {
		if f != nil {
			f.Close()
		}
		os.RemoveAll(tmp)
		return "", nil, fmt.Errorf("mark the temporary output folder: %w", err)
	}
	return tmp, func() { f.Close() }, nil
}

func tempPrefix(dest string) string { return "." + filepath.Base(filepath.Clean(dest)) + "-tmp-" }

// removeStale removes the temporary folders of earlier builds into dest
// that were killed before they finished: a folder beside dest named as
// newTempOutput names them (or with "-old", the previous output moved
// aside), holding a marker with markerText that no running build holds
// locked. Anything else is left alone.
func removeStale(dest, current string) {
	parent := filepath.Dir(filepath.Clean(dest))
	prefix := tempPrefix(dest)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok || !e.IsDir() || filepath.Join(parent, name) == current {
			continue
		}
		rest = strings.TrimSuffix(rest, "-old")
		if rest == "" || strings.Trim(rest, "0123456789") != "" {
			continue
		}
		dir := filepath.Join(parent, name)
		if stale(filepath.Join(dir, markerName)) {
			removeAll(dir)
		}
	}
}

// stale reports whether marker says a build's output and no running build
// holds it locked.
func stale(marker string) bool {
	f, err := os.Open(marker)
	if err != nil {
		return false
	}
	defer f.Close()
	buf := make([]byte, len(markerText)+1)
	n, _ := io.ReadFull(f, buf)
	if string(buf[:n]) != markerText {
		return false
	}
	return unlocked(f)
}
