//go:build !unix

package build

import (
	"io/fs"
	"os"
)

func writeOutputFile(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }

// DirFS is os.DirFS(root).
func DirFS(root string) fs.FS { return os.DirFS(root) }
