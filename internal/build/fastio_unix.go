//go:build unix

package build

import (
	"io/fs"
	"os"
	"syscall"
)

// Files are read and written with plain system calls. os.Open and
// os.Create also offer every file to the network poller, which costs five
// more system calls per file (fcntl four times, epoll_ctl once) that a
// regular file never uses: at 10,000 pages that was 6% of a build.

// writeOutputFile writes data to the file name, creating or truncating it.
func writeOutputFile(name string, data []byte) error {
	fd, err := openRetrying(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, 0o644)
	if err != nil {
		return &fs.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 {
		n, err := syscall.Write(fd, data)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			syscall.Close(fd)
			return &fs.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	if err := syscall.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

// dirFS is os.DirFS(root) whose ReadFile uses plain system calls and
// refuses links that lead outside root (see links.go).
type dirFS struct {
	fs.FS
	root string
	h    *rootHandle
}

// DirFS is os.DirFS(root), reading files with fewer system calls.
func DirFS(root string) fs.FS {
	if root == "" {
		return os.DirFS(root) // which refuses every name, as it should
	}
	return dirFS{os.DirFS(root), root, &rootHandle{}}
}

func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.FS, name) }
func (d dirFS) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(d.FS, name) }

// ReadFile reads the file name (slash-separated, relative to the root), as
// os.DirFS does: errors name the file by name.
func (d dirFS) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	fd, err := d.open(name)
	if err != nil {
		return nil, err
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	if st.Mode&syscall.S_IFMT == syscall.S_IFDIR {
		return nil, &fs.PathError{Op: "read", Path: name, Err: syscall.EISDIR}
	}
	data := make([]byte, 0, int(st.Size)+1) // one more byte to see the end without growing
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := syscall.Read(fd, data[len(data):cap(data)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		if n == 0 {
			return data, nil
		}
		data = data[:len(data)+n]
	}
}

// openChecked opens full, the file name under root, after checking that
// no link on the way leads outside root.
func (d dirFS) openChecked(name, full string) (int, error) {
	if link, target, ok := escapingLink(d.root, name); ok {
		return -1, linkError(name, link, target)
	}
	fd, err := openRetrying(full, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return -1, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return fd, nil
}

// openRetrying is syscall.Open, called again while it is interrupted, as
// package os does: on FUSE and NFS an open can be.
func openRetrying(name string, flags int, perm uint32) (int, error) {
	for {
		fd, err := syscall.Open(name, flags, perm)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}
