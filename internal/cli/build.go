package cli

import (
	"context"
	"path/filepath"

	"surveysite/internal/build"
)

type buildCmd struct{ env Env }

func (c *buildCmd) Run(ctx context.Context, args []string) error {
	fs := newFlagSet(c.env, "build", "build [--source DIR] [--dest DIR] [--force] [--base-url URL] [--drafts] [--profile DIR] [--quiet|--verbose]")
	var opts build.Options
	fs.StringVar(&opts.Dest, "dest", "", "the output `folder`, replaced as a whole (default SOURCE/public)")
	fs.StringVar(&opts.BaseURL, "base-url", "", "the site's public `URL`, e.g. https://example.org/bukai/ (default: relative links)")
	fs.BoolVar(&opts.Force, "force", false, "replace --dest even if it holds files surveysite did not write")
	profile := fs.String("profile", "", "write cpu.pprof and heap.pprof of the build into this `folder` (read them with go tool pprof)")
	out, err := parseProjectFlags(fs, c.env, args, &opts.Source, &opts.Drafts)
	if err != nil {
		return err
	}
	out.detail("source", "%s", filepath.ToSlash(opts.Source))
	out.detail("base URL", "%s", orDefault(opts.BaseURL, "(none: relative links)"))
	out.detail("drafts", "%t", opts.Drafts)
	stopProfile, err := startProfile(*profile)
	if err != nil {
		return err
	}
	stop := out.progress("building")
	res, err := build.Run(ctx, opts)
	stop()
	if perr := stopProfile(); perr != nil && err == nil {
		return perr
	}
	if *profile != "" {
		out.summary("profiles: %s and %s (go tool pprof -top %s)", filepath.Join(*profile, "cpu.pprof"), filepath.Join(*profile, "heap.pprof"), filepath.Join(*profile, "cpu.pprof"))
	}
	nwarn := out.warnings(res.Warnings, err)
	if err != nil {
		return withWarnings(err, nwarn)
	}
	out.detail("pages", "%d", res.Pages)
	out.detail("files", "%d written to %s", res.Files, filepath.ToSlash(res.Dest))
	out.detail("warnings", "%d", nwarn)
	out.detail("time", "%d ms (load, analyse, render, check links, write)", res.Duration.Milliseconds())
	for _, ph := range res.Phases {
		out.detail("  "+ph.Name, "%d ms", ph.Duration.Milliseconds())
	}
	out.summary("built %d pages, %d files in %d ms -> %s%s",
		res.Pages, res.Files, res.Duration.Milliseconds(), filepath.ToSlash(res.Dest), warningsAbove(nwarn))
	for _, n := range res.Notes {
		out.summary("%s", n)
	}
	return nil
}

// orDefault returns s, or def when s is empty.
func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
