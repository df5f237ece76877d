// Fuzzall runs every fuzz target of the module, one after the other, each for
// the same time, and prints each target's executions and result. A failing
// input is left where go test writes it, under the package's
// testdata/fuzz/<Target>/: commit it with the fix, as a regression seed that
// go test ./... runs from then on.
//
// Usage:
//
//	go run ./internal/fuzzall [-time 10m] [-parallel N] [-run REGEXP] [packages]
//
// The packages default to ./... . -run selects targets by "package.Target"
// (e.g. -run 'content\.FuzzLoad$'). -parallel is passed to go test (the
// number of fuzzing processes; default: the number of CPUs). On a shared
// machine run it as nice -n 19 go run ./internal/fuzzall -parallel 1.
// The exit status is 1 if any target failed.
//
// Go 1.26's fuzzing coordinator sometimes ends a run that found nothing
// with "context deadline exceeded" just as -fuzztime runs out (a race when
// its workers stop, go.dev/issue/75804, fixed in Go 1.27). Such a run, with
// no failing input, no panic and no test error, is run once more; when it
// ends so again, the target is reported ok with a note. Any failure that
// wrote an input, panicked or reported an error is a failure.
package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"regexp"
	"strconv"
	"strings"
	"time"

	"surveysite/internal/diag"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// target is one fuzz function of one package.
type target struct{ pkg, name string }

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fuzzall", flag.ContinueOnError)
	fs.SetOutput(stderr)
	d := fs.Duration("time", 10*time.Minute, "how long to fuzz each target")
	parallel := fs.Int("parallel", 0, "fuzzing processes per target (0: go test's default)")
	filter := fs.String("run", "", "run only the targets whose package.Target matches this regular expression")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	re, err := regexp.Compile(*filter)
	if err != nil {
		fmt.Fprintf(stderr, "fuzzall: -run: %v\n", err)
		return 2
	}
	pkgs := fs.Args()
	if len(pkgs) == 0 {
		pkgs = []string{"./..."}
	}
	targets, err := list(ctx, pkgs)
	if err != nil {
		fmt.Fprintf(stderr, "fuzzall: %v\n", err)
		return 1
	}
	var selected []target
	for _, t := range targets {
		if re.MatchString(short(t.pkg) + "." + t.name) {
			selected = append(selected, t)
		}
	}
	if len(selected) == 0 {
		fmt.Fprintln(stderr, "fuzzall: no fuzz targets")
		return 1
	}
	fmt.Fprintf(stdout, "fuzzing %d targets for %v each\n", len(selected), *d)
	failed := 0
	for _, t := range selected {
		if ctx.Err() != nil {
			break
		}
		r := fuzz(ctx, t, *d, *parallel)
		status := "ok"
		if r.err != nil && r.deadlineRace && ctx.Err() == nil {
			again := fuzz(ctx, t, *d, *parallel)
			again.execs += r.execs
			again.elapsed += r.elapsed
			r = again
			if r.err != nil && r.deadlineRace {
				r.err = nil
				r.report = []string{"(ended twice with Go's fuzzing deadline race, go.dev/issue/75804; no input failed)"}
			}
		}
		if r.err != nil {
			status = "FAIL"
			failed++
		}
		fmt.Fprintf(stdout, "%-4s %-14s %-40s %12s execs in %v\n", status, short(t.pkg), t.name, diag.Thousands(int(r.execs)), r.elapsed.Round(time.Second))
		if r.err != nil || len(r.report) > 0 {
			for _, l := range r.report {
				fmt.Fprintf(stdout, "     %s\n", l)
			}
		}
	}
	fmt.Fprintf(stdout, "%d of %d targets failed\n", failed, len(selected))
	if failed > 0 {
		return 1
	}
	return 0
}

// list returns the fuzz targets of pkgs, from go test -list, which prints
// each package's matching names and then a line "ok <package> <time>".
func list(ctx context.Context, pkgs []string) ([]target, error) {
	cmd := exec.CommandContext(ctx, "go", append([]string{"test", "-list", "^Fuzz"}, pkgs...)...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go test -list: %w", err)
	}
	var targets []target
	var names []string
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 1 && strings.HasPrefix(f[0], "Fuzz"):
			names = append(names, f[0])
		case len(f) >= 2 && f[0] == "ok":
			for _, n := range names {
				targets = append(targets, target{pkg: f[1], name: n})
			}
			names = nil
		}
	}
	return targets, sc.Err()
}

// result is what one run of a target found.
type result struct {
	execs   int64
	elapsed time.Duration
	report  []string // the failure's lines, for a failed run
	err     error
	// deadlineRace: the run failed only with "context deadline exceeded",
	// having written no input, panicked or reported no error.
	deadlineRace bool
}

var execsRE = regexp.MustCompile(`^fuzz: elapsed: \S+, execs: (\d+) `)

// fuzz runs go test -fuzz on t for d.
func fuzz(ctx context.Context, t target, d time.Duration, parallel int) result {
	args := []string{"test", "-run", "^$", "-fuzz", "^" + t.name + "$", "-fuzztime", d.String()}
	if parallel > 0 {
		args = append(args, "-parallel", strconv.Itoa(parallel))
	}
	cmd := exec.CommandContext(ctx, "go", append(args, t.pkg)...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	r := result{elapsed: time.Since(start), err: err}
	for _, l := range strings.Split(out.String(), "\n") {
		if m := execsRE.FindStringSubmatch(l); m != nil {
			r.execs, _ = strconv.ParseInt(m[1], 10, 64)
		}
	}
	if err != nil {
		r.report = failure(out.String())
		r.deadlineRace = deadlineRace(out.String())
	}
	return r
}

// deadlineRace reports whether out, the output of a failed go test -fuzz,
// says only that the coordinator's deadline passed (go.dev/issue/75804):
// no failing input written, no panic, no error from the test.
func deadlineRace(out string) bool {
	// Every line under "--- FAIL" up to the final FAIL must be exactly the
	// coordinator's "context deadline exceeded", and there must be one.
	under, found := false, false
	for _, l := range strings.Split(out, "\n") {
		t := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(t, "--- FAIL"):
			if found || under {
				return false // a second failure: a subtest's
			}
			under = true
		case !under, t == "":
		case t == "FAIL" || strings.HasPrefix(t, "exit status") || strings.HasPrefix(t, "FAIL\t"):
			under = false
		case t == "context deadline exceeded":
			found = true
		default:
			return false // an error, an input written, a worker that died
		}
		if strings.HasPrefix(t, "panic:") {
			return false
		}
	}
	return found
}

// failure picks the lines that say what failed and where the input went.
func failure(out string) []string {
	var keep []string
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(t, "--- FAIL"), strings.Contains(t, "Failing input written to"),
			strings.HasPrefix(t, "go test -run="), strings.HasPrefix(t, "panic:"):
			keep = append(keep, t)
		case i > 0 && strings.HasPrefix(strings.TrimSpace(lines[i-1]), "--- FAIL") && t != "" && !strings.HasPrefix(t, "--- FAIL"):
			// The line under "--- FAIL": the test's error, or the
			// coordinator's ("context deadline exceeded").
			keep = append(keep, t)
		}
	}
	if len(keep) == 0 {
		for _, l := range lines[max(0, len(lines)-10):] {
			if strings.TrimSpace(l) != "" {
				keep = append(keep, strings.TrimSpace(l))
			}
		}
	}
	return keep
}

// short drops the module path from a package path.
func short(pkg string) string {
	if i := strings.Index(pkg, "/internal/"); i >= 0 {
		return pkg[i+len("/internal/"):]
	}
	return pkg
}
