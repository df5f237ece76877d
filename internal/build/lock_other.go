//go:build !unix

package build

import (
	"os"
	"time"
)

// staleAfter is how old a temporary folder's marker must be before a build
// takes it for the leftover of a killed build, where files cannot be locked.
const staleAfter = 24 * time.Hour

func lockFile(f *os.File) error { return nil }

// unlocked reports whether f was last written more than staleAfter ago.
func unlocked(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && time.Since(fi.ModTime()) > staleAfter
}
