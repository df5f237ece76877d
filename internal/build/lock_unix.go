//go:build unix

package build

import (
	"os"

	"golang.org/x/sys/unix"
)

// lockFile holds an exclusive lock on f until f is closed, or the process
// ends, killed or not.
func lockFile(f *os.File) error { return unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB) }

// unlocked reports whether no process holds a lock on f.
func unlocked(f *os.File) bool {
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		return false
	}
	unix.Flock(int(f.Fd()), unix.LOCK_UN)
	return true
}
