// Synthsite writes a deterministic synthetic surveysite project for
// benchmarks: N Markdown pages under content/posts/ and, with -respondents,
// a survey in data/surveys/synth/.
//
// Usage:
//
//	synthsite -out DIR [-pages N] [-respondents M] [-seed S] [-varied] [-all-types]
package main

import (
	"flag"
	"fmt"
	"os"

	"surveysite/internal/synth"
)

func main() {
	out := flag.String("out", "", "the project `folder` to write (must not exist or be empty)")
	pages := flag.Int("pages", 1000, "number of Markdown pages")
	resp := flag.Int("respondents", 0, "number of survey respondents (0: no survey)")
	seed := flag.Uint64("seed", 1, "random seed; the same seed gives the same bytes")
	allTypes := flag.Bool("all-types", false, "with -respondents, a survey of 30 questions of every type (SA, MA, SCALE, NUM, NPS, RANK, FA)")
	varied := flag.Bool("varied", false, "write pages that vary as real sites do (sections, front-matter forms, sizes 0.3–30 KB, code, footnotes, images)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "Error: -out is required\nTry: synthsite -h")
		os.Exit(2)
	}
	if err := synth.Write(*out, synth.Options{Pages: *pages, Respondents: *resp, Seed: *seed, Varied: *varied, AllTypes: *allTypes}); err != nil {
		fmt.Fprintln(os.Stderr, "Error:", err)
		os.Exit(1)
	}
}
