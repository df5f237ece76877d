package site

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"surveysite/internal/diag"
)

// FuzzLoadConfig checks that any surveysite.yaml loads without a panic and
// quickly, that every problem is a *diag.Error in surveysite.yaml on one of
// its lines (or the line after its last), and that a file that loads gives a
// usable configuration.
func FuzzLoadConfig(f *testing.F) {
	for _, s := range []string{
		"title: 地域経営部会\ndescription: 説明\nbaseURL: https://example.org/bukai/\norganization: 主催\n" +
			"unsafeHTML: false\nminCell: 10\nmenu:\n  - {name: 部会について, url: /about/}\n" +
			"footerMenu:\n  - name: 方針\n    url: /accessibility/\nparams:\n  x: [1, {a: b}]\n",
		"",
		"title: x\nmenu: []\nmenus: []\n",
		"title: a\ntitle: b\n",
		"menu: !x\n",
		"menu: &m [{name: a, url: /}]\nfooterMenu: *m\n",
		"params:\n  a: &a [1, 2]\n  b: [*a, *a]\n",
		"minCell: -1\n",
		"minCell: many\n",
		"- a\n",
		"title: [unclosed\n",
		"params: {x: [[[[]]]]}\n",
		"title: |\n  line\n    more\n",
		"# comment only\n",
		"title: \"a\\x\"\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		lines := bytes.Count(src, []byte("\n")) + 1
		start := time.Now()
		cfg, err := LoadConfig(fstest.MapFS{ConfigFile: {Data: src}})
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("LoadConfig took %v on %d bytes", d, len(src))
		}
		if err != nil {
			var de *diag.Error
			if !errors.As(err, &de) {
				t.Fatalf("error %T %v is not a *diag.Error", err, err)
			}
			if de.Pos.Path != ConfigFile || de.Pos.Line < 1 || de.Pos.Line > lines+1 {
				t.Fatalf("problem at %v, the file has %d lines: %s", de.Pos, lines, de.Format())
			}
			if strings.Contains(de.Msg, "the library that reads it failed") {
				t.Fatalf("a library panicked (contained by diag.Catch): %s", de.Format())
			}
			if de.Hint == "" {
				t.Fatalf("problem without a hint: %s", de.Error())
			}
			return
		}
		if cfg.MinCell <= 0 {
			t.Fatalf("minCell %d after loading", cfg.MinCell)
		}
	})
}
