package build

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// specExample is one example of the CommonMark spec, as spec.json holds it.
type specExample struct {
	Markdown string `json:"markdown"`
	HTML     string `json:"html"`
	Example  int    `json:"example"`
	Section  string `json:"section"`
}

// Every heading gets an id (its text, see content.headingIDs), which the
// spec's HTML does not have: the test removes it before it compares.
var (
	headingID        = regexp.MustCompile(`<h([1-6]) id="[^"]*"`)
	headingWithoutID = regexp.MustCompile(`<h[1-6][ >](?:[^i]|i[^d])`)
)

// specDeviations are the other spec examples whose output differs from the
// spec's on purpose, with the reason. README.md's Markdown section lists
// the same.
var specDeviations = map[int]string{
	13:  `the CJK extension's escaped space: "\ " is nothing, so that "**「部会」**\ とは" is emphasis with no space after it`,
	484: "a link to a .md file links to its page's URL: ./target.md is /spec/target/",
	608: "GFM autolinks: a bare URL is a link, also between < and spaces",
	611: "GFM autolinks: a bare URL is a link",
	612: "GFM autolinks: a bare e-mail address is a mailto: link",
}

// TestCommonMarkSpec builds every example of the CommonMark spec
// (testdata/commonmark, see its README) as a page of one site, through
// the whole pipeline: the loader with its goldmark extensions and link
// resolution, then the templates. The site has unsafeHTML: true, a base
// URL at the host's root (so site paths are written as they are) and a
// layout that prints only .Content. Each page must match the spec's HTML,
// both normalised as the spec's own test runner does, except the examples
// in specDeviations (issue 22).
func TestCommonMarkSpec(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("testdata/commonmark/spec.json")
	if err != nil {
		t.Fatal(err)
	}
	var examples []specExample
	if err := json.Unmarshal(data, &examples); err != nil {
		t.Fatal(err)
	}
	if len(examples) < 600 {
		t.Fatalf("spec.json holds %d examples; the spec has 652", len(examples))
	}
	src := t.TempDir()
	writeFile(t, filepath.Join(src, "surveysite.yaml"), []byte("title: spec\nbaseURL: https://example.org/\nunsafeHTML: true\n"))
	writeFile(t, filepath.Join(src, "templates/layouts/base.html"), []byte(`{{template "main" .}}`))
	writeFile(t, filepath.Join(src, "templates/layouts/page.html"), []byte(`{{define "main"}}{{.Content}}{{end}}`))
	// Example 484 links to ./target.md: a link to a missing .md file is an
	// error, and one to a page becomes the page's URL.
	writeFile(t, filepath.Join(src, "content/spec/target.md"), []byte("---\ntitle: Target\n---\n"))
	for _, ex := range examples {
		page := fmt.Sprintf("---\ntitle: Example %d\n---\n%s", ex.Example, ex.Markdown)
		writeFile(t, filepath.Join(src, "content", specPage(ex.Example)+".md"), []byte(page))
	}
	s, _, err := Load(context.Background(), DirFS(src), Options{Source: src})
	if err != nil {
		t.Fatalf("load: %s", errorText(err))
	}
	out := NewMemory()
	if _, err := s.Render(out); err != nil {
		t.Fatalf("render: %s", errorText(err))
	}
	passed := 0
	for _, ex := range examples {
		got, ok := out.File(specPage(ex.Example) + "/index.html")
		if !ok {
			t.Errorf("example %d (%s): no page written", ex.Example, ex.Section)
			continue
		}
		if missing := headingWithoutID.Find(got); missing != nil {
			t.Errorf("example %d (%s): heading without an id: %s", ex.Example, ex.Section, missing)
		}
		have, want := normalizeHTML(headingID.ReplaceAllString(string(got), "<h$1")), normalizeHTML(ex.HTML)
		reason, deviates := specDeviations[ex.Example]
		switch {
		case have == want && deviates:
			t.Errorf("example %d (%s) now gives the spec's HTML: remove it from specDeviations (%s)", ex.Example, ex.Section, reason)
		case have == want:
			passed++
		case !deviates:
			t.Errorf("example %d (%s):\nmarkdown: %q\nhave: %q\nwant: %q", ex.Example, ex.Section, ex.Markdown, have, want)
		}
	}
	for n := range specDeviations {
		if !slices.ContainsFunc(examples, func(ex specExample) bool { return ex.Example == n }) {
			t.Errorf("specDeviations names example %d, which the spec does not have", n)
		}
	}
	t.Logf("%d of %d examples as the spec says, %d intended deviations", passed, len(examples), len(specDeviations))
}

// specPage is the content path, without ".md", of example n's page.
func specPage(n int) string { return fmt.Sprintf("spec/%03d", n) }

// normalizeHTML brings HTML into the form the CommonMark spec's test runner
// (test/normalize.py) compares: white space collapsed outside <pre> and
// removed around block-level tags, attributes sorted, <br /> as <br>,
// references turned into characters (but < > & " as entities).
func normalizeHTML(s string) string {
	var b strings.Builder
	const (
		afterStart = iota
		afterEnd
		afterOther
	)
	last, lastTag, inPre := afterStart, "", false
	trimRight := func() {
		kept := strings.TrimRight(b.String(), " \t\n\r\f\v")
		b.Reset()
		b.WriteString(kept)
	}
	startTag := func(tok html.Token) {
		if tok.Data == "pre" {
			inPre = true
		}
		if blockTags[tok.Data] {
			trimRight()
		}
		b.WriteString("<" + tok.Data)
		attrs := slices.Clone(tok.Attr)
		slices.SortFunc(attrs, func(a, c html.Attribute) int {
			return strings.Compare(a.Key+"\x00"+a.Val, c.Key+"\x00"+c.Val)
		})
		for _, a := range attrs {
			b.WriteString(" " + a.Key + `="` + html.EscapeString(a.Val) + `"`)
		}
		b.WriteString(">")
		lastTag, last = tok.Data, afterStart
	}
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		switch tt {
		case html.TextToken:
			data := tok.Data
			afterTag := last == afterStart || last == afterEnd
			afterBlock := afterTag && blockTags[lastTag]
			if afterTag && lastTag == "br" {
				data = strings.TrimLeft(data, "\n")
			}
			if !inPre {
				data = spaceRun.ReplaceAllString(data, " ")
				if afterBlock && last == afterStart {
					data = strings.TrimLeft(data, " ")
				} else if afterBlock {
					data = strings.Trim(data, " ")
				}
			}
			b.WriteString(html.EscapeString(data))
			last = afterOther
		case html.StartTagToken:
			startTag(tok)
		case html.SelfClosingTagToken:
			startTag(tok)
			last = afterEnd
		case html.EndTagToken:
			if tok.Data == "pre" {
				inPre = false
			} else if blockTags[tok.Data] {
				trimRight()
			}
			b.WriteString("</" + tok.Data + ">")
			lastTag, last = tok.Data, afterEnd
		case html.CommentToken:
			b.WriteString("<!--" + tok.Data + "-->")
			last = afterOther
		case html.DoctypeToken:
			b.WriteString("<!" + tok.Data + ">")
			last = afterOther
		}
	}
	return b.String()
}

var spaceRun = regexp.MustCompile(`[ \t\n\r\f\v]+`)

// blockTags are the tags around which normalize.py removes white space.
var blockTags = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range strings.Fields(`article header aside hgroup blockquote hr iframe body li map button object
		canvas ol caption output col p colgroup pre dd progress div section dl table td dt tbody embed textarea
		fieldset tfoot figcaption th figure thead footer tr form ul h1 h2 h3 h4 h5 h6 video script style`) {
		m[t] = true
	}
	return m
}()
