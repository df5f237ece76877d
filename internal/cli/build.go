package cli

import (
	"context"
	"fmt"
	"path/filepath"

	"surveysite/internal/build"
)

type buildCmd struct{ env Env }

func (c *buildCmd) Run(ctx context.Context, args []string) error {
	fs := newFlagSet(c.env, "build", "build [--source DIR] [--dest DIR] [--base-url URL] [--drafts]")
	var opts build.Options
	fs.StringVar(&opts.Source, "source", ".", "the project `folder` (content/, data/, templates/)")
	fs.StringVar(&opts.Dest, "dest", "", "the output `folder`, replaced as a whole (default SOURCE/public)")
	fs.StringVar(&opts.BaseURL, "base-url", "", "the site's public `URL`, e.g. https://example.org/bukai/ (default: relative links)")
	fs.BoolVar(&opts.Drafts, "drafts", false, "include pages with draft: true")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	res, err := build.Run(ctx, opts)
	for _, w := range res.Warnings {
		fmt.Fprintln(c.env.Stderr, w.Format())
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stdout, "built %d pages, %d files in %d ms -> %s\n",
		res.Pages, res.Files, res.Duration.Milliseconds(), filepath.ToSlash(res.Dest))
	return nil
}
