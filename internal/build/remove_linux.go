//go:build linux

package build

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"unsafe"

	"golang.org/x/sys/unix"

	"surveysite/internal/parallel"
)

// removeAll removes dir and everything in it, as os.RemoveAll does, with
// fewer system calls: getdents64 reports each entry's type, so files are
// unlinked and folders opened without first failing to unlink them
// (os.RemoveAll tries both unlinks on every folder). Links are removed, never
// followed. The entries of each top-level folder, where a site has a folder
// per page, are removed in parallel.
func removeAll(dir string) error {
	dir = filepath.Clean(dir)
	root, err := openDir(unix.AT_FDCWD, dir)
	switch {
	case errors.Is(err, unix.ENOENT):
		return nil
	case errors.Is(err, unix.ENOTDIR), errors.Is(err, unix.ELOOP):
		return os.Remove(dir) // a file or a link (a --dest that was a link): not what it points to
	case err != nil:
		return &fs.PathError{Op: "open", Path: dir, Err: err}
	}
	top, err := readEntries(root)
	if err != nil {
		unix.Close(root)
		return &fs.PathError{Op: "readdirent", Path: dir, Err: err}
	}
	var errs []error
	for _, e := range top {
		if e.dir {
			errs = append(errs, removeFolder(root, e.name))
		} else {
			errs = append(errs, removeAt(root, e.name, false))
		}
	}
	unix.Close(root)
	if err := errors.Join(errs...); err != nil {
		return err
	}
	if err := ignoringEINTR(func() error { return unix.Rmdir(dir) }); err != nil && !errors.Is(err, unix.ENOENT) {
		return &fs.PathError{Op: "remove", Path: dir, Err: err}
	}
	return nil
}

// removeFolder removes the folder name of the folder open as dirfd, its
// entries in parallel. One folder is open at a time, however many there are.
func removeFolder(dirfd int, name string) error {
	fd, err := openDir(dirfd, name)
	if err != nil {
		return removeAt(dirfd, name, true) // reports the error, or removes what it is after all
	}
	entries, err := readEntries(fd)
	if err != nil {
		unix.Close(fd)
		return &fs.PathError{Op: "readdirent", Path: name, Err: err}
	}
	errs := make([]error, len(entries))
	parallel.For(len(entries), func(i int) { errs[i] = removeAt(fd, entries[i].name, entries[i].dir) })
	unix.Close(fd)
	if err := errors.Join(errs...); err != nil {
		return err
	}
	return removeAt(dirfd, name, true) // now empty
}

// removeAt removes the entry name of the folder open as dirfd; isDir is
// what the folder listing said it is.
func removeAt(dirfd int, name string, isDir bool) error {
	var unlinkErr error
	if !isDir {
		unlinkErr = ignoringEINTR(func() error { return unix.Unlinkat(dirfd, name, 0) })
		if unlinkErr == nil || errors.Is(unlinkErr, unix.ENOENT) {
			return nil
		}
		if !errors.Is(unlinkErr, unix.EISDIR) && !errors.Is(unlinkErr, unix.EPERM) {
			return &fs.PathError{Op: "unlink", Path: name, Err: unlinkErr}
		}
		// EISDIR or EPERM: perhaps a folder the listing did not say was one.
	}
	fd, err := openDir(dirfd, name)
	switch {
	case errors.Is(err, unix.ENOENT):
		return nil
	case errors.Is(err, unix.ENOTDIR), errors.Is(err, unix.ELOOP):
		if unlinkErr != nil { // not a folder after all, and it cannot be unlinked
			return &fs.PathError{Op: "unlink", Path: name, Err: unlinkErr}
		}
		return removeAt(dirfd, name, false) // a file or a link after all
	case err != nil:
		return &fs.PathError{Op: "open", Path: name, Err: err}
	}
	// Most folders of a site hold only a page's index.html: remove it and
	// the folder without listing it. If the folder holds more, it is
	// listed and emptied below.
	if ignoringEINTR(func() error { return unix.Unlinkat(fd, "index.html", 0) }) == nil {
		err := ignoringEINTR(func() error { return unix.Unlinkat(dirfd, name, unix.AT_REMOVEDIR) })
		if err == nil || errors.Is(err, unix.ENOENT) {
			unix.Close(fd)
			return nil
		}
	}
	entries, err := readEntries(fd)
	if err == nil {
		for _, e := range entries {
			if err = removeAt(fd, e.name, e.dir); err != nil {
				break
			}
		}
	}
	unix.Close(fd)
	if err != nil {
		return err
	}
	err = ignoringEINTR(func() error { return unix.Unlinkat(dirfd, name, unix.AT_REMOVEDIR) })
	if err != nil && !errors.Is(err, unix.ENOENT) {
		return &fs.PathError{Op: "remove", Path: name, Err: err}
	}
	return nil
}

// openDir opens the folder name of the folder open as dirfd without
// following a link.
func openDir(dirfd int, name string) (int, error) {
	for {
		fd, err := unix.Openat(dirfd, name, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
		if err != unix.EINTR {
			return fd, err
		}
	}
}

// ignoringEINTR calls f again while it is interrupted, as package os does:
// on FUSE and NFS a system call can be.
func ignoringEINTR(f func() error) error {
	for {
		if err := f(); err != unix.EINTR {
			return err
		}
	}
}

type entry struct {
	name string
	dir  bool // the listing says it is a folder
}

// readEntries lists the open folder fd, without "." and "..".
func readEntries(fd int) ([]entry, error) {
	var out []entry
	buf := make([]byte, 8192)
	for {
		n, err := unix.Getdents(fd, buf)
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil {
			return out, err
		}
		if n <= 0 {
			return out, nil
		}
		for b := buf[:n]; len(b) > 0; {
			d := (*unix.Dirent)(unsafe.Pointer(&b[0]))
			if d.Reclen == 0 || int(d.Reclen) > len(b) {
				break
			}
			rec := b[:d.Reclen]
			b = b[d.Reclen:]
			name := rec[unsafe.Offsetof(d.Name):]
			for i, c := range name {
				if c == 0 {
					name = name[:i]
					break
				}
			}
			if s := string(name); s != "." && s != ".." {
				out = append(out, entry{name: s, dir: d.Type == unix.DT_DIR})
			}
		}
	}
}
