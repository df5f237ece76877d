package build

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"surveysite/internal/check"
	"surveysite/internal/diag"
)

// pipelineSite is the project a fuzzed page is built in: a home page and a
// page to link to.
var pipelineSite = map[string]string{
	"content/_index.md": "---\ntitle: ホーム\n---\n",
	"content/b.md":      "---\ntitle: B\n---\n## 目的と背景\n",
}

// pipelineSurvey is a survey with one question for chart blocks. Its charts
// are drawn on every build (tens of milliseconds), so only FuzzChartBlock
// builds with it.
var pipelineSurvey = map[string]string{
	"content/surveys/s/_index.md": "---\ntitle: 試験調査\nsample_notice: 試験用の数値です。\n" +
		"questions:\n  q2: 問2 満足度\n---\n",
	"data/surveys/s/codebook.csv": "question_id,type,max_choices,question_text,option_code,option_label,option_role\n" +
		"q2,SA,,問2 満足していますか,1,はい,\nq2,,,,2,いいえ,\n",
	"data/surveys/s/responses.csv": "respondent_id,q2\nr1,1\nr2,2\nr3,1\n",
}

// pipelineCache keeps the survey's analysis between inputs.
var pipelineCache = new(SurveyCache)

// buildPage builds pipelineSite with content/a.md holding src, into memory,
// and checks what holds for any input: no panic; every problem, of the
// page, of its chart blocks and of the HTML written from it, is a
// *diag.Error in content/a.md at one of its lines (or just after the last),
// so the HTML written from any Markdown is what the output check accepts.
// It returns the HTML of the page, or nil if the build failed. withSurvey
// adds pipelineSurvey to the project.
func buildPage(t *testing.T, src []byte, withSurvey bool) []byte {
	t.Helper()
	const path = "content/a.md"
	fsys := fstest.MapFS{path: {Data: src}}
	for name, data := range pipelineSite {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	if withSurvey {
		for name, data := range pipelineSurvey {
			fsys[name] = &fstest.MapFile{Data: []byte(data)}
		}
	}
	lines := bytes.Count(src, []byte("\n")) + 1
	inFile := func(stage string, err error) bool {
		t.Helper()
		if err == nil {
			return true
		}
		var list *diag.List
		var items []*diag.Error
		var de *diag.Error
		switch {
		case errors.As(err, &list):
			items = list.Items()
		case errors.As(err, &de):
			items = []*diag.Error{de}
		default:
			t.Fatalf("%s: error %T %v is not positioned", stage, err, err)
		}
		for _, e := range items {
			if strings.Contains(e.Msg, "the library that reads it failed") {
				t.Fatalf("%s: a library panicked (contained by diag.Catch): %s", stage, e.Format())
			}
			if e.More > 0 && e.Pos.Line == 0 {
				continue // "N more errors not shown": a line about the file, not a place in it
			}
			if e.Pos.Path != path || e.Pos.Line < 1 || e.Pos.Line > lines+1 {
				t.Fatalf("%s: problem at %v, %s has %d lines: %s", stage, e.Pos, path, lines, e.Format())
			}
		}
		return false
	}
	s, warnings, err := Load(context.Background(), fsys, Options{SurveyCache: pipelineCache})
	for _, w := range warnings {
		inFile("load (warning)", w)
	}
	if !inFile("load", err) {
		return nil
	}
	mem := NewMemory()
	sw := check.NewWriter(mem)
	if _, err := s.Render(sw); !inFile("render", err) {
		return nil
	}
	problems := sw.Check(fsys, s, mem, "public")
	for _, e := range problems.Items() {
		inFile("check", e)
	}
	html, ok := mem.File("a/index.html")
	if !ok {
		t.Fatalf("no a/index.html in the output")
	}
	return html
}

var markdownSeeds = []string{
	"# 見出し\n\n本文です。**強調**と~~取り消し~~。\n",
	"[参加のご案内](b.md) [目的](b.md#目的と背景) [外部](https://example.org/) [先頭](#top) [x](missing.md)\n",
	"![図](/img.png) ![](b.md)\n",
	"| a | b |\n|---|---|\n| 1 | 2 |\n\n- [ ] task\n- [x] done\n\n脚注[^1]\n\n[^1]: 注\n",
	"```chart\nsurvey: s\nquestion: q2\nkind: top3\n```\n",
	"```chart\nsurvey: nope\n```\n\n```go\nfmt.Println(\"<b>\")\n```\n",
	"<script>alert(1)</script>\n\n<div id=\"x\">raw</div>\n",
	"## 同じ\n\n## 同じ\n\n## section\n\n# \n",
	"> 引用\n> > 入れ子\n\n1. one\n   - two\n     1. three\n",
	"<https://example.org/> www.example.org mailto:a@example.org\n",
	"[a]: /b/ \"t\"\n\n[a] [b][a] [c](</with space/>)\n",
	"***\n\n  code\n\n\\* &amp; &#x3C; &nbsp;\n",
}

// FuzzPagePipeline builds a page whose Markdown body is the input, through
// goldmark and our extensions (heading ids, link rewriting, chart blocks),
// the page templates and the output check.
func FuzzPagePipeline(f *testing.F) {
	for _, s := range markdownSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		src := append([]byte("---\ntitle: A\n---\n"), body...)
		buildPage(t, src, false)
	})
}

// FuzzChartBlock builds a page holding one chart block whose settings are
// the input. A block that builds draws the survey's chart with its table
// link; one that does not is an error at a line of the block.
func FuzzChartBlock(f *testing.F) {
	for _, s := range []string{
		"survey: s\nquestion: q2\n",
		"survey: s\nquestion: q2\nkind: top3\n",
		"survey: s\nquestion: q2\nkind: pie\n",
		"survey: s\nquestion: q9\n",
		"survey: [s]\nquestion: {a: 1}\n",
		"survey: s\nsurvey: s\n",
		": [\n",
		"- a\n- b\n",
		"survey: &a s\nquestion: *a\n",
		"survey: !x\n",
		"survey: \"s\"\nquestion: 'q2'\nextra: 1\n",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, settings string) {
		const head = "---\ntitle: A\n---\n前\n\n```chart\n"
		src := []byte(head + settings + "\n```\n\n後\n")
		html := buildPage(t, src, true)
		if html == nil {
			return
		}
		if !bytes.Contains(html, []byte(`<figure class="chart">`)) && !strings.Contains(settings, "```") && !strings.Contains(settings, "~~~") {
			t.Fatalf("the chart block built without a chart:\n%s", html)
		}
	})
}
