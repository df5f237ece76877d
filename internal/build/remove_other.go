//go:build !linux

package build

import (
	"errors"
	"os"
	"path/filepath"

	"surveysite/internal/parallel"
)

// removeAll removes dir like os.RemoveAll, its top-level entries in
// parallel: the previous output of a large site has many files.
func removeAll(dir string) error {
	if fi, err := os.Lstat(dir); err != nil || !fi.IsDir() {
		return os.RemoveAll(dir) // a file or a link (a --dest that was a link): not what it points to
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return os.RemoveAll(dir)
	}
	errs := make([]error, len(entries))
	parallel.For(len(entries), func(i int) {
		errs[i] = os.RemoveAll(filepath.Join(dir, entries[i].Name()))
	})
	if err := errors.Join(errs...); err != nil {
		return err
	}
	return os.RemoveAll(dir)
}
