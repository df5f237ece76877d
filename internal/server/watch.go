package server

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"surveysite/internal/build"
)

// watched are the folders of a project whose changes trigger a rebuild.
var watched = []string{"content", "templates", "data"}

// Watch starts watching content/, templates/ and data/ (recursively) and
// surveysite.yaml, and rebuilds a quiet Debounce after the last change. The
// watches are in place when Watch returns; the returned channel is closed
// when ctx is cancelled and the watcher has stopped.
func (s *Server) Watch(ctx context.Context) (<-chan struct{}, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch files: %w", err)
	}
	root := s.opts.Source
	if err := w.Add(root); err != nil {
		w.Close()
		return nil, fmt.Errorf("watch %s: %w", root, err)
	}
	for _, dir := range watched {
		if err := addTree(w, filepath.Join(root, dir)); err != nil {
			w.Close()
			return nil, err
		}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer w.Close()
		timer := time.NewTimer(time.Hour)
		timer.Stop()
		pending := map[string]bool{} // changed files since the last rebuild
		for {
			select {
			case <-ctx.Done():
				timer.Stop()
				return
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				if !s.relevant(ev.Name) {
					continue
				}
				if ev.Has(fsnotify.Create) {
					if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
						if err := addTree(w, ev.Name); err != nil {
							fmt.Fprintf(s.opts.Log, "watch: %v\n", err)
						}
					}
				}
				if rel, err := filepath.Rel(root, ev.Name); err == nil {
					pending[filepath.ToSlash(rel)] = true
				} else {
					pending[""] = true // unknown: rebuild everything
				}
				timer.Reset(s.opts.Debounce)
			case err, ok := <-w.Errors:
				if !ok {
					return
				}
				fmt.Fprintf(s.opts.Log, "watch: %v\n", err)
			case <-timer.C:
				changed := make([]string, 0, len(pending))
				for name := range pending {
					changed = append(changed, name)
				}
				clear(pending)
				s.rebuild(ctx, changed) // problems are logged and shown in the browser
			}
		}
	}()
	return done, nil
}

// relevant reports whether a change to file name (a path under the source
// folder) can change the site: files under the watched folders and the
// site configuration, but not editors' backup and swap files.
func (s *Server) relevant(name string) bool {
	rel, err := filepath.Rel(s.opts.Source, name)
	if err != nil {
		return false
	}
	rel = filepath.ToSlash(rel)
	base := filepath.Base(name)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".swp") ||
		strings.HasPrefix(base, "~$") || strings.HasPrefix(base, "#") {
		return false
	}
	if rel == build.ConfigFile {
		return true
	}
	top, _, _ := strings.Cut(rel, "/")
	for _, dir := range watched {
		if top == dir {
			return true
		}
	}
	return false
}

// addTree watches dir and every folder below it; a missing dir is fine.
func addTree(w *fsnotify.Watcher, dir string) error {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if err := w.Add(p); err != nil {
			return fmt.Errorf("watch %s: %w", p, err)
		}
		return nil
	})
	if os.IsNotExist(err) {
		return nil
	}
	return err
}
