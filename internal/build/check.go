package build

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"surveysite/internal/check"
	"surveysite/internal/diag"
	"surveysite/internal/site"
)

// checkBuilt checks the files written to tmp through sw: errors fail the
// build and warnings join res.Warnings.
func checkBuilt(src fs.FS, s *site.Site, tmp string, sw *check.Writer, opts Options, res *Result) error {
	name := filepath.ToSlash(opts.Dest)
	if rel, err := filepath.Rel(opts.Source, opts.Dest); err == nil && filepath.IsLocal(rel) {
		name = filepath.ToSlash(rel)
	}
	list := sw.Check(src, s, os.DirFS(tmp).(fs.ReadFileFS), name)
	var errs diag.List
	for _, e := range list.Items() {
		if e.Warn {
			res.Warnings = append(res.Warnings, e)
		} else {
			errs.Add(e)
		}
	}
	return errs.Err()
}

// CheckOptions say what to check.
type CheckOptions struct {
	Source string // project root; default "."
	Drafts bool   // include pages with draft: true
}

// CheckResult describes a finished check.
type CheckResult struct {
	Pages    int
	Files    int
	Duration time.Duration
	// Warnings are notes on the input that do not fail the check (a
	// survey answer given twice, for instance).
	Warnings []*diag.Error
}

// Check checks the project in opts.Source without writing anything: it
// loads and analyses every input, renders the site into memory and checks
// the result as a build does (internal/check). Every problem is returned in
// one *diag.List, sorted by file, line and column; a problem of the built
// site that a build only warns about (alt text, duplicate ids, titles) is a
// problem here.
func Check(ctx context.Context, opts CheckOptions) (CheckResult, error) {
	start := time.Now()
	if opts.Source == "" {
		opts.Source = "."
	}
	var res CheckResult
	fsys := DirFS(opts.Source)
	s, warnings, err := Load(ctx, fsys, Options{Source: opts.Source, Drafts: opts.Drafts})
	res.Warnings = warnings
	if err != nil {
		return res, err
	}
	mem := NewMemory()
	sw := check.NewWriter(mem)
	st, err := s.Render(sw)
	if err != nil {
		return res, err
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	res.Pages, res.Files = st.Pages, st.Files
	var list diag.List
	for _, e := range sw.Check(fsys, s, mem, "public").Items() {
		if e.Warn {
			c := *e
			c.Warn = false
			e = &c
		}
		list.Add(e)
	}
	res.Duration = time.Since(start)
	return res, list.Err()
}
