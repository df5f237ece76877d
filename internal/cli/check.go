package cli

import (
	"context"
	"path/filepath"

	"surveysite/internal/build"
	"surveysite/internal/diag"
)

type checkCmd struct{ env Env }

func (c *checkCmd) Run(ctx context.Context, args []string) error {
	fs := newFlagSet(c.env, "check", "check [--source DIR] [--drafts] [--quiet|--verbose]")
	var opts build.CheckOptions
	out, err := parseProjectFlags(fs, c.env, args, &opts.Source, &opts.Drafts)
	if err != nil {
		return err
	}
	out.detail("source", "%s", filepath.ToSlash(opts.Source))
	out.detail("drafts", "%t", opts.Drafts)
	stop := out.progress("checking")
	res, err := build.Check(ctx, opts)
	stop()
	nwarn := out.warnings(res.Warnings, err)
	if err != nil {
		return withWarnings(err, nwarn)
	}
	out.detail("pages", "%d", res.Pages)
	out.detail("files", "%d built in memory, none written", res.Files)
	out.detail("warnings", "%d", nwarn)
	out.detail("time", "%d ms (load, analyse, render, check links, ids, alt text and titles)", res.Duration.Milliseconds())
	found := "no problems found"
	if nwarn > 0 {
		found = "no errors, " + diag.Summary(0, nwarn) + " above"
	}
	out.summary("checked %d pages, %d files in %d ms: %s",
		res.Pages, res.Files, res.Duration.Milliseconds(), found)
	return nil
}
