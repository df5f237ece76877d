package cli

import (
	"context"
	"fmt"

	"surveysite/internal/check"
)

type checkCmd struct{ env Env }

func (c *checkCmd) Run(ctx context.Context, args []string) error {
	fs := newFlagSet(c.env, "check", "check [--source DIR] [--drafts]")
	var opts check.Options
	fs.StringVar(&opts.Source, "source", ".", "the project `folder` (content/, data/, templates/)")
	fs.BoolVar(&opts.Drafts, "drafts", false, "include pages with draft: true")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	res, err := check.Run(ctx, opts)
	for _, w := range res.Warnings {
		fmt.Fprintln(c.env.Stderr, w.Format())
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stdout, "checked %d pages, %d files in %d ms: no problems found\n",
		res.Pages, res.Files, res.Duration.Milliseconds())
	return nil
}
