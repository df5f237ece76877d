// Package cli implements the surveysite command: it parses flags, calls the
// library, prints diagnostics and chooses the exit code (0 ok, 1 problems in
// the input, 2 usage).
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"

	"surveysite/internal/diag"
)

// command is one subcommand.
type command interface {
	Run(ctx context.Context, args []string) error
}

// Env is what every subcommand may use: its output streams.
type Env struct {
	Stdout, Stderr io.Writer
}

// commands maps a subcommand name to its constructor and one-line summary.
var commands = map[string]struct {
	summary string
	new     func(Env) command
}{
	"build":  {"build the site into public/", func(e Env) command { return &buildCmd{env: e} }},
	"check":  {"check the site without writing it: inputs, links, #fragments, alt text, titles", func(e Env) command { return &checkCmd{env: e} }},
	"serve":  {"preview the site at http://127.0.0.1:1313/, rebuilding on every change", func(e Env) command { return &serveCmd{env: e} }},
	"tally":  {"tally a survey: counts, percentages, ranks, intervals, cross-tabs", func(e Env) command { return &tallyCmd{env: e} }},
	"import": {"make a survey from a raw export (CSV or .xlsx): codebook, column map and page", func(e Env) command { return &importCmd{env: e} }},
}

// usageError is a mistake in the command line; it exits 2 with a hint.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// Main runs the command line args and returns the exit status.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	env := Env{Stdout: stdout, Stderr: stderr}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "Error: unknown command %q\n", args[0])
		printUsage(stderr)
		return 2
	}
	err := c.new(env).Run(ctx, args[1:])
	return report(stderr, args[0], err)
}

func report(stderr io.Writer, name string, err error) int {
	if err == nil {
		return 0
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "Error: %s\nTry: surveysite %s -h\n", ue.msg, name)
		return 2
	}
	var list *diag.List
	if errors.As(err, &list) {
		fmt.Fprintln(stderr, list.Error())
		nerr, nwarn := list.Counts()
		var f *failed
		if errors.As(err, &f) {
			nwarn += f.warnings
		}
		fmt.Fprintf(stderr, "%s found; nothing was written.\n", diag.Summary(nerr, nwarn))
		return 1
	}
	var de *diag.Error
	if errors.As(err, &de) {
		fmt.Fprintln(stderr, de.Format())
		return 1
	}
	fmt.Fprintf(stderr, "Error: %v\n", err)
	return 1
}

// failed is a command's error with the number of warnings it printed
// before report prints the error, so the summary counts them too.
type failed struct {
	err      error
	warnings int
}

func (f *failed) Error() string { return f.err.Error() }
func (f *failed) Unwrap() error { return f.err }

// withWarnings returns err, noting that n warnings were printed besides it.
func withWarnings(err error, n int) error {
	if err == nil || n == 0 {
		return err
	}
	return &failed{err: err, warnings: n}
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "surveysite builds a static website from Markdown pages, survey CSVs and participant lists.")
	fmt.Fprintln(w, "\nUsage:\n  surveysite <command> [flags]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'surveysite <command> -h' for the flags of a command.")
}

// newFlagSet returns a FlagSet that reports errors instead of exiting and
// prints its usage to env.Stderr.
func newFlagSet(env Env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "Usage: surveysite %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args and turns a flag error into a usage error (the flag
// package has already printed it).
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &usageError{msg: err.Error()}
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	return nil
}

// projectFlags adds the flags every command that reads a project has:
// --source and --drafts.
func projectFlags(fs *flag.FlagSet, source *string, drafts *bool) {
	fs.StringVar(source, "source", ".", "the project `folder` (content/, data/, templates/)")
	fs.BoolVar(drafts, "drafts", false, "include pages with draft: true")
}

// parseProjectFlags adds the flags of a command on a project (projectFlags
// and the output flags) to those fs has, and parses args.
func parseProjectFlags(fs *flag.FlagSet, env Env, args []string, source *string, drafts *bool) (*output, error) {
	projectFlags(fs, source, drafts)
	out := addOutputFlags(fs, env)
	if err := parseFlags(fs, args); err != nil {
		return nil, err
	}
	return out, out.validate()
}
