package build

import (
	"os"
	"path/filepath"
	"strings"

	"surveysite/internal/diag"
)

// Links: a file read from the project (content/, templates/, data/) may be
// a symbolic link, or lie in a linked folder, only if the link leads to a
// place inside the project folder. One that leads outside is refused with
// an error naming the link: otherwise a link to /etc/passwd under
// templates/static/ would be published.

// escapingLink returns the first link on the way from root to name (slash
// separated, relative to root) that leads outside root, and its target as
// written; ok is false if there is none.
func escapingLink(root, name string) (link, target string, ok bool) {
	real, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", "", false
	}
	real, err = filepath.Abs(real)
	if err != nil {
		return "", "", false
	}
	parts := strings.Split(name, "/")
	for i := range parts {
		prefix := strings.Join(parts[:i+1], "/")
		full := filepath.Join(root, filepath.FromSlash(prefix))
		fi, err := os.Lstat(full)
		if err != nil {
			return "", "", false
		}
		if fi.Mode()&os.ModeSymlink == 0 {
			continue
		}
		to, err := filepath.EvalSymlinks(full)
		if err != nil {
			return "", "", false // dangling: reading fails anyway
		}
		if to, err = filepath.Abs(to); err != nil {
			return "", "", false
		}
		if rel, err := filepath.Rel(real, to); err != nil || !filepath.IsLocal(rel) && rel != "." {
			target, _ := os.Readlink(full)
			return prefix, target, true
		}
	}
	return "", "", false
}

// linkError is the problem of reading name through link, which leads to
// target outside the project.
func linkError(name, link, target string) *diag.Error {
	return diag.Errorf(diag.Pos{Path: name}, "%s is a link to %s, outside the project folder", link, filepath.ToSlash(target)).
		WithHint("surveysite follows only links that stay inside the project: copy the file into the project, or point the link at a file inside it")
}
