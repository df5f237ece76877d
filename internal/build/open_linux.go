//go:build linux

package build

import (
	"errors"
	"io/fs"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"

	"golang.org/x/sys/unix"
)

// rootHandle is the project folder, open for openat2, opened on first use
// and closed when the dirFS is no longer used.
type rootHandle struct {
	once  sync.Once
	fd    int
	err   error
	plain atomic.Bool // openat2 is not allowed here (ENOSYS, or EPERM under a seccomp filter)
}

func (h *rootHandle) get(root string) (int, error) {
	h.once.Do(func() {
		h.fd, h.err = unix.Open(root, unix.O_PATH|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
		if h.err == nil {
			runtime.AddCleanup(h, func(fd int) { unix.Close(fd) }, h.fd)
		}
	})
	return h.fd, h.err
}

// open opens the file name for reading. The kernel resolves it beneath the
// project folder (openat2 with RESOLVE_BENEATH): a link on the way that
// leads outside it, by .. or an absolute path, fails with EXDEV, and only
// then is the path looked at link by link (an absolute link may still lead
// inside). One system call, as a plain open.
func (d dirFS) open(name string) (int, error) {
	full := filepath.Join(d.root, filepath.FromSlash(name))
	rootfd, err := d.h.get(d.root)
	if err != nil || d.h.plain.Load() {
		return d.openChecked(name, full)
	}
	how := unix.OpenHow{Flags: unix.O_RDONLY | unix.O_CLOEXEC, Resolve: unix.RESOLVE_BENEATH | unix.RESOLVE_NO_MAGICLINKS}
	for {
		fd, err := unix.Openat2(rootfd, filepath.FromSlash(name), &how)
		switch {
		case err == nil:
			return fd, nil
		case errors.Is(err, unix.EINTR), errors.Is(err, unix.EAGAIN):
			continue
		case errors.Is(err, unix.EXDEV):
			return d.openChecked(name, full)
		case errors.Is(err, unix.ENOSYS), errors.Is(err, unix.EPERM):
			d.h.plain.Store(true)
			return d.openChecked(name, full)
		}
		return -1, &fs.PathError{Op: "open", Path: name, Err: err}
	}
}
