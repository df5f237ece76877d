// Surveysite builds a static website from Markdown pages, survey responses in
// CSV and participant lists: survey rankings, statistics and charts, as
// accessible HTML that any static host serves.
//
// Usage:
//
//	surveysite build [--source DIR] [--dest DIR] [--base-url URL] [--drafts]
//	surveysite check [--source DIR] [--drafts]
//	surveysite serve [--addr 127.0.0.1:1313] [--source DIR] [--drafts]
//	surveysite tally --codebook F --responses F [flags]
//
// Run "surveysite <command> -h" for the flags of each command.
package main

import (
	"context"
	"os"
	"os/signal"

	"surveysite/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
