//go:build linux

package build

import (
	"errors"

	"golang.org/x/sys/unix"
)

// exchange swaps the folders (or the folder and link) at a and b in one
// step, so that a reader of b sees the old or the new one, never neither.
// It reports false when the file system cannot (EINVAL: not supported
// there; ENOSYS: a kernel before 3.15).
func exchange(a, b string) (bool, error) {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EPERM) {
		return false, nil
	}
	return err == nil, err
}
