//go:build unix && !linux

package build

import (
	"errors"
	"io/fs"
	"path/filepath"
	"syscall"
)

// rootHandle holds nothing where there is no openat2.
type rootHandle struct{}

// open opens the file name for reading, refusing it if it is a link that
// leads outside the project folder (O_NOFOLLOW fails on a link, and only
// then is it looked at). A linked folder on the way is not checked here:
// the walks of content/ and templates/ do not enter linked folders.
func (d dirFS) open(name string) (int, error) {
	full := filepath.Join(d.root, filepath.FromSlash(name))
	fd, err := openRetrying(full, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NOFOLLOW, 0)
	if errors.Is(err, syscall.ELOOP) {
		return d.openChecked(name, full)
	}
	if err != nil {
		return -1, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return fd, nil
}
