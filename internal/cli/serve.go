package cli

import (
	"context"
	"fmt"

	"surveysite/internal/server"
)

type serveCmd struct{ env Env }

func (c *serveCmd) Run(ctx context.Context, args []string) error {
	fs := newFlagSet(c.env, "serve", "serve [--addr 127.0.0.1:1313] [--source DIR] [--drafts]")
	opts := server.Options{Log: c.env.Stderr}
	fs.StringVar(&opts.Addr, "addr", server.DefaultAddr, "the `host:port` to serve the preview at (loopback by default)")
	fs.StringVar(&opts.Source, "source", ".", "the project `folder` (content/, data/, templates/)")
	fs.BoolVar(&opts.Drafts, "drafts", false, "include pages with draft: true")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	return server.Run(ctx, opts, func(url string) {
		fmt.Fprintf(c.env.Stdout, "serving %s at %s (Ctrl-C to stop); watching content/, templates/, data/\n", opts.Source, url)
	})
}
