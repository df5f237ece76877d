package content

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"surveysite/internal/diag"
)

// frontMatterSeeds are inputs the front matter fuzzers start from: the
// shapes secretariat files take, and the edge cases of the fences.
var frontMatterSeeds = []string{
	"",
	"---",
	"---\n",
	"---\n---",
	"---\n---\n",
	"---\ntitle: 部会について\n---\n本文\n",
	"\uFEFF---\r\ntitle: A\r\n---\r\nbody\r\n",
	"--- \t\ntitle: A\n---  \nbody",
	"---\ntitle: A\n",
	"# no front matter\n---\n",
	"----\ntitle: A\n----\n",
	"---\ntitle: [a\n---\n",
	"---\ndate: 2026-04-01\ntags: [人材育成, 組織風土]\nweight: 3\ndraft: true\nslug: program\n---\n",
	"---\nweight: x\ndate: 明日\nslug: a/b\n---\n",
	"---\n- a\n- b\n---\n",
	"---\ntitle: a: b\n---\n",
	"---\n\ttitle: A\n---\n",
	"---\nparams: {a: 1, b: [1, 2]}\nanchor: &x 1\nref: *x\n---\n",
	"---\n\n\n---\n\n\nbody",
}

// FuzzSplitFrontMatter checks that splitting never panics and that its
// results are parts of the input with lines that exist.
func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range frontMatterSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		in := bytes.TrimPrefix(src, []byte("\uFEFF"))
		lines := bytes.Count(in, []byte("\n")) + 1
		fm, body, fmLine, bodyLine, err := splitFrontMatter("content/a.md", src)
		if err != nil {
			var de *diag.Error
			if !errors.As(err, &de) {
				t.Fatalf("error %T %v is not a *diag.Error", err, err)
			}
			if de.Pos.Path != "content/a.md" || de.Pos.Line < 1 || de.Pos.Line > lines {
				t.Fatalf("error at %v, file has %d lines", de.Pos, lines)
			}
			return
		}
		first, _, _ := bytes.Cut(in, []byte("\n"))
		if string(bytes.TrimRight(first, " \t\r")) != "---" {
			if fm != nil || fmLine != 0 || bodyLine != 1 || !bytes.Equal(body, in) {
				t.Fatalf("no opening fence: got fm=%q body=%q lines %d,%d; want the input as body from line 1", fm, body, fmLine, bodyLine)
			}
			return
		}
		// fm and body are the tails of two disjoint windows of the input,
		// fm starting on line 2 and body after the closing fence.
		fmStart := len(first) + 1
		if fmLine != 2 || len(in) < fmStart+len(fm) || !bytes.Equal(in[fmStart:fmStart+len(fm)], fm) {
			t.Fatalf("fm %q (line %d) is not the input from line 2", fm, fmLine)
		}
		bodyStart := len(in) - len(body)
		if !bytes.HasSuffix(in, body) || bodyStart < fmStart+len(fm) {
			t.Fatalf("body %q is not the input after the front matter", body)
		}
		closing := bytes.TrimSuffix(in[fmStart+len(fm):bodyStart], []byte("\n"))
		if string(bytes.TrimRight(closing, " \t\r")) != "---" {
			t.Fatalf("between fm and body is %q, want a closing fence", closing)
		}
		if len(body) > 0 {
			if want := 1 + bytes.Count(in[:bodyStart], []byte("\n")); bodyLine != want {
				t.Fatalf("bodyLine %d, want %d", bodyLine, want)
			}
		}
	})
}

// FuzzParseFrontMatter checks that decoding any YAML never panics and that
// every problem is positioned inside the front matter.
func FuzzParseFrontMatter(f *testing.F) {
	for _, s := range frontMatterSeeds {
		fm, _, _, _, err := splitFrontMatter("s", []byte(s))
		if err == nil {
			f.Add(fm)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		const first = 2
		last := first + bytes.Count(src, []byte("\n"))
		_, err := parseFrontMatter("content/a.md", src, first)
		for _, e := range problems(t, err) {
			if e.Pos.Path != "content/a.md" || e.Pos.Line < first || e.Pos.Line > last {
				t.Fatalf("problem at %v outside lines %d-%d: %s", e.Pos, first, last, e.Msg)
			}
		}
	})
}

// FuzzLoad checks that loading any one file never panics and that every
// problem names the file and a line of it.
func FuzzLoad(f *testing.F) {
	for _, s := range frontMatterSeeds {
		f.Add([]byte(s))
	}
	for _, s := range []string{
		"---\ntitle: A\n---\n# 見出し\n\n[x](missing.md) ![alt](/img.png)\n",
		"---\ntitle: A\n---\n```chart\nsurvey: sample-q46\nquestion: q46\n```\n",
		"---\ntitle: A\n---\n```chart\n: [\n```\n",
		"---\ntitle: A\n---\n[a](../b.md#x) [b](/c.md) [c](https://example.org/) [d](#top)\n",
		"---\ntitle: A\n---\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [ ] task\n\n脚注[^1]\n\n[^1]: 注\n",
		"---\ntitle: A\n---\n日本\n*語*\n<pre>\n`x`\n</pre>\n![a](b\\*.png)  \n[c](/d&amp;e\\*)\t\nＡ\n``` a\\+&ouml;\n```\n", // issue 22
		"---\ntitle: A\n---\n# a\n# a\na\n=\n[a]\n[b]: c\n> [a](b \"\n[^1]: d\n\n|a|\n|-|\n|[x]|\n- [a]\n",                // MaxLabelWalk, MaxHeadings
		"\xff\xfe\n",
		"---\ndraft: true\n---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		const path = "content/cases/a.md"
		lines := bytes.Count(src, []byte("\n")) + 1
		fsys := fstest.MapFS{path: {Data: src}}
		pages, err := Load(fsys, Options{})
		for _, e := range problems(t, err) {
			if e.More > 0 && e.Pos.Line == 0 {
				continue // "N more errors not shown": a line about the file, not a place in it
			}
			if e.Pos.Path != path || e.Pos.Line < 1 || e.Pos.Line > lines {
				t.Fatalf("problem at %v, file has %d lines: %s", e.Pos, lines, e.Msg)
			}
		}
		if err == nil && len(pages) > 1 {
			t.Fatalf("%d pages from one file", len(pages))
		}
		for _, p := range pages {
			if !utf8.ValidString(string(p.Content)) {
				t.Fatalf("content is not UTF-8: %q", p.Content)
			}
			for _, r := range p.Refs {
				if r.Pos.Path != path || r.Pos.Line < 1 || r.Pos.Line > lines {
					t.Fatalf("ref at %v, file has %d lines", r.Pos, lines)
				}
			}
		}
	})
}

// problems returns the diag.Errors in err, failing if err is some other
// kind of error.
func problems(t *testing.T, err error) []*diag.Error {
	t.Helper()
	if err == nil {
		return nil
	}
	if strings.Contains(err.Error(), "the library that reads it failed") {
		t.Fatalf("a library panicked (contained by diag.Catch): %v", err)
	}
	var list *diag.List
	if errors.As(err, &list) {
		if list.Len() == 0 {
			t.Fatalf("empty *diag.List returned as an error: %v", err)
		}
		return list.Items()
	}
	var de *diag.Error
	if errors.As(err, &de) {
		return []*diag.Error{de}
	}
	t.Fatalf("error %T %v is neither a *diag.Error nor a *diag.List", err, err)
	return nil
}
