package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Sites for the output tests, as files under a project folder.
var (
	siteOK = map[string]string{"content/a.md": "---\ntitle: A\n---\n"}
	// An answer given twice is a warning: the build succeeds.
	siteWarn = map[string]string{
		"content/a.md": "---\ntitle: A\n---\n",
		"data/surveys/s/codebook.csv": "question_id,type,max_choices,question_text,option_code,option_label,option_role\n" +
			"q1,MA,2,好きな果物,01,りんご,\nq1,,,,02,みかん,\n",
		"data/surveys/s/responses.csv": "respondent_id,q1\nR1,01;01\nR2,02\n",
	}
	siteBad = map[string]string{"content/a.md": "---\ntitle: A\nweight: x\n---\n"}
)

func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var msRE = regexp.MustCompile(`\d+ ms`)

// buildPhases is what build --verbose prints after the total time.
const buildPhases = "  load, analyse, assemble: N ms\n  render and write: N ms\n  check links: N ms\n  replace the output: N ms\n"

func TestQuietAndVerboseOutput(t *testing.T) {
	t.Parallel()
	const (
		warning = "data/surveys/s/responses.csv:2:4: warning: option 01 (りんご) of q1 is given twice in this cell; counted once\n" +
			"  fix: remove the repeated answer\n"
		badWeight = "content/a.md:3:9: weight must be a whole number, not x\n" +
			"  fix: correct the value of \"weight\"\n" +
			"1 error found; nothing was written.\n"
		verboseBuild = "source:   DIR\nbase URL: (none: relative links)\ndrafts:   false\n"
		verboseCheck = "source:   DIR\ndrafts:   false\n"
		// Issue 24: a build without a base URL says once that 404.html's links work only at the root.
		note404 = "note: the site has no base URL, so the links on 404.html are relative: they work when the host serves it " +
			"for a missing address at the site root (/no-such-page), not for one in a folder (/surveys/no-such/page/); " +
			"its styles are inline and work anywhere\n" +
			"  fix: build with --base-url and the site's public address (or set baseURL in surveysite.yaml), e.g. --base-url https://example.org/bukai/\n"
	)
	tests := []struct {
		name   string
		site   map[string]string
		args   []string // DIR stands for the project folder
		code   int
		stdout string // "N ms" stands for any time
		stderr string
	}{
		{"build default", siteOK, []string{"build", "--source", "DIR"}, 0,
			"built 4 pages, 12 files in N ms -> DIR/public\n" + note404, ""},
		{"build default with base URL", siteOK, []string{"build", "--source", "DIR", "--base-url", "https://example.org/bukai/"}, 0,
			"built 4 pages, 13 files in N ms -> DIR/public\n", ""},
		{"build quiet", siteOK, []string{"build", "--source", "DIR", "--quiet"}, 0, "", ""},
		{"build verbose", siteOK, []string{"build", "--source", "DIR", "--verbose"}, 0,
			verboseBuild + "pages:    4\nfiles:    12 written to DIR/public\nwarnings: 0\n" +
				"time:     N ms (load, analyse, render, check links, write)\n" + buildPhases +
				"built 4 pages, 12 files in N ms -> DIR/public\n" + note404, ""},
		{"build default with warning", siteWarn, []string{"build", "--source", "DIR"}, 0,
			"built 7 pages, 24 files in N ms -> DIR/public (1 warning above)\n" + note404, warning},
		{"build quiet with warning", siteWarn, []string{"build", "--quiet", "--source", "DIR"}, 0, "", warning},
		{"build verbose with warning", siteWarn, []string{"build", "--verbose", "--source", "DIR"}, 0,
			verboseBuild + "pages:    7\nfiles:    24 written to DIR/public\nwarnings: 1\n" +
				"time:     N ms (load, analyse, render, check links, write)\n" + buildPhases +
				"built 7 pages, 24 files in N ms -> DIR/public (1 warning above)\n" + note404, warning},
		{"build default failing", siteBad, []string{"build", "--source", "DIR"}, 1, "", badWeight},
		{"build quiet failing", siteBad, []string{"build", "--source", "DIR", "--quiet"}, 1, "", badWeight},
		{"build verbose failing", siteBad, []string{"build", "--source", "DIR", "--verbose"}, 1, verboseBuild, badWeight},
		{"build quiet and verbose", siteOK, []string{"build", "--source", "DIR", "--quiet", "--verbose"}, 2, "",
			"Error: --quiet and --verbose cannot be used together\nTry: surveysite build -h\n"},

		{"check default", siteOK, []string{"check", "--source", "DIR"}, 0,
			"checked 4 pages, 12 files in N ms: no problems found\n", ""},
		{"check quiet", siteOK, []string{"check", "--source", "DIR", "--quiet"}, 0, "", ""},
		{"check verbose", siteOK, []string{"check", "--source", "DIR", "--verbose"}, 0,
			verboseCheck + "pages:    4\nfiles:    12 built in memory, none written\nwarnings: 0\n" +
				"time:     N ms (load, analyse, render, check links, ids, alt text and titles)\n" +
				"checked 4 pages, 12 files in N ms: no problems found\n", ""},
		{"check default with warning", siteWarn, []string{"check", "--source", "DIR"}, 0,
			"checked 7 pages, 24 files in N ms: no errors, 1 warning above\n", warning},
		{"check quiet with warning", siteWarn, []string{"check", "--source", "DIR", "--quiet"}, 0, "", warning},
		{"check verbose with warning", siteWarn, []string{"check", "--source", "DIR", "--verbose"}, 0,
			verboseCheck + "pages:    7\nfiles:    24 built in memory, none written\nwarnings: 1\n" +
				"time:     N ms (load, analyse, render, check links, ids, alt text and titles)\n" +
				"checked 7 pages, 24 files in N ms: no errors, 1 warning above\n", warning},
		{"check quiet failing", siteBad, []string{"check", "--source", "DIR", "--quiet"}, 1, "", badWeight},
		{"check verbose failing", siteBad, []string{"check", "--source", "DIR", "--verbose"}, 1, verboseCheck, badWeight},
		{"check quiet and verbose", siteOK, []string{"check", "--quiet", "--verbose"}, 2, "",
			"Error: --quiet and --verbose cannot be used together\nTry: surveysite check -h\n"},

		{"serve quiet and verbose", siteOK, []string{"serve", "--quiet", "--verbose", "--source", "DIR"}, 2, "",
			"Error: --quiet and --verbose cannot be used together\nTry: surveysite serve -h\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.ToSlash(writeSite(t, tc.site))
			args := make([]string, len(tc.args))
			for i, a := range tc.args {
				args[i] = strings.ReplaceAll(a, "DIR", dir)
			}
			code, stdout, stderr := runMain(t, args...)
			if code != tc.code {
				t.Errorf("exit code %d, want %d", code, tc.code)
			}
			norm := func(s string) string { return msRE.ReplaceAllString(strings.ReplaceAll(s, dir, "DIR"), "N ms") }
			if got := norm(stdout); got != tc.stdout {
				t.Errorf("stdout:\n%s\nwant:\n%s", got, tc.stdout)
			}
			if got := norm(stderr); got != tc.stderr {
				t.Errorf("stderr:\n%s\nwant:\n%s", got, tc.stderr)
			}
		})
	}
}

func TestServeLogLines(t *testing.T) {
	t.Parallel()
	at := func() time.Time { return time.Date(2026, 4, 1, 9, 5, 7, 0, time.Local) }
	log := "built 3 pages, 6 files in 12 ms\nbuild failed; still serving the last good build:\ncontent/a.md:3:9: weight must be a whole number, not x\n"
	tests := []struct {
		name string
		out  output
		want string
	}{
		{"default", output{}, log},
		{"quiet drops good rebuilds", output{quiet: true},
			"build failed; still serving the last good build:\ncontent/a.md:3:9: weight must be a whole number, not x\n"},
		{"verbose stamps the time", output{verbose: true},
			"09:05:07 built 3 pages, 6 files in 12 ms\n09:05:07 build failed; still serving the last good build:\n09:05:07 content/a.md:3:9: weight must be a whole number, not x\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var b bytes.Buffer
			f := &lineFilter{w: &b, edit: serveLogLine(&tc.out, at)}
			// Written in pieces that split lines, as a logger may.
			for _, piece := range []string{log[:5], log[5:40], log[40:]} {
				if n, err := f.Write([]byte(piece)); n != len(piece) || err != nil {
					t.Fatalf("Write = %d, %v", n, err)
				}
			}
			if got := b.String(); got != tc.want {
				t.Errorf("log:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestProgressLine(t *testing.T) {
	t.Parallel()
	t.Run("shown while running and cleared", func(t *testing.T) {
		t.Parallel()
		var b bytes.Buffer
		stop := startProgress(&b, "building", 10*time.Millisecond, time.Hour)
		time.Sleep(200 * time.Millisecond)
		stop()
		stop() // a second stop does nothing
		want := "\rbuilding… 0s\r" + strings.Repeat(" ", len([]rune("building… 0s"))+1) + "\r"
		if got := b.String(); got != want {
			t.Errorf("progress wrote %q, want %q", got, want)
		}
	})
	t.Run("nothing for quick work", func(t *testing.T) {
		t.Parallel()
		var b bytes.Buffer
		startProgress(&b, "building", time.Hour, time.Hour)()
		if b.Len() != 0 {
			t.Errorf("progress wrote %q for work that ended at once", b.String())
		}
	})
	t.Run("never when not a terminal", func(t *testing.T) {
		t.Parallel()
		f, err := os.Create(filepath.Join(t.TempDir(), "log"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for _, w := range []io.Writer{f, &bytes.Buffer{}} {
			if isTerminal(w) {
				t.Errorf("isTerminal(%T) = true", w)
			}
		}
	})
}
