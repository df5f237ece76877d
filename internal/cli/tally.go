package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"surveysite/internal/build"
)

type tallyCmd struct{ env Env }

const tallySynopsis = "tally (--survey DIR [--compare PREV_DIR] | --codebook F --responses F) [--question ID] [--by COLUMN] [--base all|answered] [--min-cell N] [--separator S] [--format table|csv|json] [--profile DIR]"

// stringsFlag collects a repeatable flag.
type stringsFlag []string

func (s *stringsFlag) String() string { return strings.Join(*s, ",") }
func (s *stringsFlag) Set(v string) error {
	*s = append(*s, v)
	return nil
}

// Run tallies a survey and prints one row per question, segment and option.
func (c *tallyCmd) Run(ctx context.Context, args []string) error {
	fset := newFlagSet(c.env, "tally", tallySynopsis)
	dir := fset.String("survey", "", "a survey folder data/surveys/<id> of a project: tallied with every setting the build uses")
	compare := fset.String("compare", "", "with --survey: the previous wave's survey `folder`, to compare with")
	codebook := fset.String("codebook", "", "codebook CSV `file` (one row per option)")
	responses := fset.String("responses", "", "responses CSV `file` (one row per respondent)")
	question := fset.String("question", "", "tally only the question with this `ID`")
	var by stringsFlag
	fset.Var(&by, "by", "cross-tabulate by this attribute `column` (repeatable)")
	base := fset.String("base", "all", "base n of percentages: all (blanks and invalid answers are rows) or answered")
	minCell := fset.Int("min-cell", build.DefaultMinCell, "suppress cross-tab segments whose n is below `N`")
	sep := fset.String("separator", ";", "separator between answers in one cell")
	format := fset.String("format", "table", "output format: table, csv or json")
	profile := fset.String("profile", "", "write cpu.pprof and heap.pprof of the tally into this `folder`")
	if err := parseFlags(fset, args); err != nil {
		return err
	}
	stopProfile, err := startProfile(*profile)
	if err != nil {
		return err
	}
	defer stopProfile()
	if *dir != "" {
		if *codebook != "" || *responses != "" || len(by) > 0 || flagSet(fset, "base", "min-cell", "separator") {
			return usagef("--survey takes its settings from the project; leave out --codebook, --responses, --by, --base, --min-cell and --separator")
		}
		return c.survey(*dir, *compare, *question, *format)
	}
	if *compare != "" {
		return usagef("--compare needs --survey")
	}
	switch {
	case *codebook == "":
		return usagef("--codebook is required")
	case *responses == "":
		return usagef("--responses is required")
	case *base != "all" && *base != "answered":
		return usagef("--base must be all or answered, not %q", *base)
	case *minCell < 1:
		return usagef("--min-cell must be 1 or more, not %d", *minCell)
	case *sep == "":
		return usagef("--separator must not be empty")
	}
	if !slices.Contains(build.TallyFormats, *format) {
		return usagef("--format must be table, csv or json, not %q", *format)
	}
	res, warnings, err := build.TallyFiles(osFS{}, *codebook, *responses, build.TallyOptions{
		Question: *question, Separator: *sep, Base: *base, MinCell: *minCell, By: by,
	})
	var qe *build.QuestionError
	if errors.As(err, &qe) {
		return usagef("%s", qe)
	}
	if err != nil {
		return err
	}
	for _, w := range warnings {
		fmt.Fprintln(c.env.Stderr, w.Format())
	}
	return res.Write(c.env.Stdout, *format)
}

// survey tallies a survey folder of a project through the build, so its
// numbers are the site's.
func (c *tallyCmd) survey(dir, compare, question, format string) error {
	if !slices.Contains(build.TallyFormats, format) {
		return usagef("--format must be table, csv or json, not %q", format)
	}
	res, err := c.tallyFolder(dir, "--survey")
	if err != nil {
		return err
	}
	if compare != "" {
		prev, err := c.tallyFolder(compare, "--compare")
		if err != nil {
			return err
		}
		if prev.Base() != res.Base() {
			return usagef("--compare %s uses base %s but --survey base %s", compare, prev.Base(), res.Base())
		}
		added, dropped := res.Compare(prev, filepath.Base(compare))
		if len(added) > 0 {
			fmt.Fprintf(c.env.Stderr, "questions only in %s (not compared): %s\n", dir, strings.Join(added, ", "))
		}
		if len(dropped) > 0 {
			fmt.Fprintf(c.env.Stderr, "questions only in %s: %s\n", compare, strings.Join(dropped, ", "))
		}
	}
	if question != "" && !res.Only(question) {
		return usagef("%s", &build.QuestionError{ID: question, In: dir, Have: res.IDs()})
	}
	return res.Write(c.env.Stdout, format)
}

// tallyFolder tallies data/surveys/<id>/ of a project through the build.
func (c *tallyCmd) tallyFolder(dir, flag string) (*build.Tally, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	surveys := filepath.Dir(abs)
	if filepath.Base(surveys) != "surveys" || filepath.Base(filepath.Dir(surveys)) != "data" {
		return nil, usagef("%s %s: name a folder data/surveys/<id> of a project", flag, dir)
	}
	root := filepath.Dir(filepath.Dir(surveys))
	res, warns, err := build.TallyProject(os.DirFS(root), filepath.Base(abs))
	for _, w := range warns {
		fmt.Fprintln(c.env.Stderr, w.Format())
	}
	return res, err
}

// flagSet reports whether any of the named flags was given.
func flagSet(fset *flag.FlagSet, names ...string) bool {
	found := false
	fset.Visit(func(f *flag.Flag) {
		for _, n := range names {
			found = found || f.Name == n
		}
	})
	return found
}

// osFS opens paths as the user typed them, relative to the current
// directory or absolute, so positions in messages show the same path.
type osFS struct{}

var _ fs.FS = osFS{}

func (osFS) Open(name string) (fs.File, error) { return os.Open(name) }
