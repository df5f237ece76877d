// Package check validates a project without writing anything: it loads and
// analyses every input, renders the site into memory and checks the result
// (internal links and #fragments, image and asset references, images
// without alt text, duplicate ids, pages without a title).
package check

import (
	"context"
	"time"

	"surveysite/internal/build"
	"surveysite/internal/diag"
)

// Options say what to check.
type Options struct {
	Source string // project root; default "."
	Drafts bool   // include pages with draft: true
}

// Result describes a finished check.
type Result struct {
	Pages    int
	Files    int
	Duration time.Duration
	// Warnings are notes on the input that do not fail the check (a
	// survey answer given twice, for instance).
	Warnings []*diag.Error
}

// Run checks the project in opts.Source. Every problem is returned in one
// *diag.List, sorted by file, line and column; a problem of the built site
// that build only warns about (alt text, duplicate ids, titles) is a
// problem here. Nothing is written to disk.
func Run(ctx context.Context, opts Options) (Result, error) {
	start := time.Now()
	if opts.Source == "" {
		opts.Source = "."
	}
	var res Result
	fsys := build.DirFS(opts.Source)
	s, warnings, err := build.Load(ctx, fsys, build.Options{Source: opts.Source, Drafts: opts.Drafts})
	res.Warnings = warnings
	if err != nil {
		return res, err
	}
	mem := build.NewMemory()
	st, err := s.Render(mem)
	if err != nil {
		return res, err
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	res.Pages, res.Files = st.Pages, st.Files
	found := build.CheckOutput(fsys, s, mem.FS(), "public")
	var list diag.List
	for _, e := range found.Items() {
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
