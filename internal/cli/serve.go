package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"surveysite/internal/server"
)

type serveCmd struct{ env Env }

func (c *serveCmd) Run(ctx context.Context, args []string) error {
	fs := newFlagSet(c.env, "serve", "serve [--addr 127.0.0.1:1313] [--source DIR] [--drafts] [--quiet|--verbose]")
	opts := server.Options{}
	fs.StringVar(&opts.Addr, "addr", server.DefaultAddr, "the `host:port` to serve the preview at (loopback by default)")
	out, err := parseProjectFlags(fs, c.env, args, &opts.Source, &opts.Drafts)
	if err != nil {
		return err
	}
	opts.Log = &lineFilter{w: c.env.Stderr, edit: serveLogLine(out, time.Now)}
	out.detail("source", "%s", opts.Source)
	out.detail("drafts", "%t", opts.Drafts)
	stop := out.progress("building")
	defer stop()
	return server.Run(ctx, opts, func(url string) {
		stop()
		// Printed even with --quiet: without it the preview cannot be found.
		fmt.Fprintf(c.env.Stdout, "serving %s at %s (Ctrl-C to stop); watching content/, templates/, data/\n", opts.Source, url)
	})
}

// serveLogLine edits the server's log lines for the output level: --quiet
// drops the line of each good rebuild, --verbose stamps every line with the
// time, so the rebuilds after each save can be told apart.
func serveLogLine(out *output, now func() time.Time) func(string) string {
	return func(line string) string {
		switch {
		case out.quiet && strings.HasPrefix(line, "built "):
			return ""
		case out.verbose:
			return now().Format("15:04:05 ") + line
		}
		return line
	}
}
