package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"surveysite/internal/diag"
)

// output prints what a command has to say at the level chosen with --quiet
// or --verbose:
//
//	--quiet    only problems (errors); nothing when all is well
//	(default)  problems, the summary line and how many warnings there were
//	--verbose  also the options, each figure the command measured and every
//	           warning
//
// Problems that fail the command are printed by report in cli.go at every
// level. On a terminal, work that takes over 2 seconds shows a progress line.
type output struct {
	env     Env
	quiet   bool
	verbose bool
}

// addOutputFlags defines --quiet and --verbose on fs.
func addOutputFlags(fs *flag.FlagSet, env Env) *output {
	o := &output{env: env}
	fs.BoolVar(&o.quiet, "quiet", false, "print only problems")
	fs.BoolVar(&o.verbose, "verbose", false, "also print the options, the counts and how long each phase took")
	return o
}

// validate rejects --quiet together with --verbose.
func (o *output) validate() error {
	if o.quiet && o.verbose {
		return usagef("--quiet and --verbose cannot be used together")
	}
	return nil
}

// summary prints the one line that says what was done, unless --quiet.
func (o *output) summary(format string, args ...any) {
	if !o.quiet {
		fmt.Fprintf(o.env.Stdout, format+"\n", args...)
	}
}

// detail prints a "name: value" line with --verbose only.
func (o *output) detail(name string, format string, args ...any) {
	if o.verbose {
		fmt.Fprintf(o.env.Stdout, "%-9s %s\n", name+":", fmt.Sprintf(format, args...))
	}
}

// warnings prints ws and returns how many warnings they stand for (a line
// for repeated warnings stands for all of them). A warning that err (the
// command's result) also reports as a problem is left out, since report
// prints and counts it.
func (o *output) warnings(ws []*diag.Error, err error) int {
	failed := map[string]bool{}
	if list, ok := err.(*diag.List); ok {
		for _, e := range list.Items() {
			failed[e.Pos.String()+"\x00"+e.Msg] = true
		}
	}
	var shown []*diag.Error
	for _, w := range ws {
		if !failed[w.Pos.String()+"\x00"+w.Msg] {
			shown = append(shown, w)
		}
	}
	// Warnings are problems too: every level lists them, since a person
	// should see a doubled answer or a missing alt text before publishing.
	for _, w := range shown {
		fmt.Fprintln(o.env.Stderr, w.Format())
	}
	_, n := diag.Count(shown)
	return n
}

// warningsAbove is what a summary line adds when n warnings were printed.
func warningsAbove(n int) string {
	if n == 0 {
		return ""
	}
	return " (" + diag.Summary(0, n) + " above)"
}

// progress shows "label… 3s" on stderr, rewritten every second from 2 s
// on, while the work runs, if stderr is a terminal and --quiet is not set.
// The returned stop clears the line; it may be called more than once.
func (o *output) progress(label string) (stop func()) {
	if o.quiet || !isTerminal(o.env.Stderr) {
		return func() {}
	}
	return startProgress(o.env.Stderr, label, 2*time.Second, time.Second)
}

// startProgress writes the progress line to w after delay and then every
// tick until stop is called.
func startProgress(w io.Writer, label string, delay, tick time.Duration) (stop func()) {
	start := time.Now()
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		timer := time.NewTimer(delay)
		defer timer.Stop()
		width := 0
		for {
			select {
			case <-done:
				if width > 0 {
					fmt.Fprintf(w, "\r%s\r", strings.Repeat(" ", width))
				}
				return
			case <-timer.C:
				line := fmt.Sprintf("%s… %ds", label, int(time.Since(start).Seconds()))
				fmt.Fprintf(w, "\r%s", line)
				width = max(width, len([]rune(line))+1)
				timer.Reset(tick)
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			close(done)
			<-finished
		})
	}
}

// isTerminal reports whether w is a character device, such as a terminal,
// rather than a file, a pipe or a buffer.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// lineFilter passes whole lines to w as edit rewrites them; an empty result
// drops the line. It lets --quiet silence a library's progress lines but
// keep its problems, and --verbose stamp them with the time.
type lineFilter struct {
	w    io.Writer
	edit func(line string) string
	mu   sync.Mutex
	buf  []byte
}

func (f *lineFilter) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.buf = append(f.buf, p...)
	for {
		i := strings.IndexByte(string(f.buf), '\n')
		if i < 0 {
			return len(p), nil
		}
		line := f.edit(string(f.buf[:i+1]))
		f.buf = f.buf[i+1:]
		if line != "" {
			if _, err := io.WriteString(f.w, line); err != nil {
				return len(p), err
			}
		}
	}
}
