package content

import (
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/yuin/goldmark/ast"

	"surveysite/internal/diag"
)

func TestHeadingIDsKeepJapaneseAndFoldPunctuation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		headings []string
		want     []string
	}{
		{"japanese kept", []string{"部会について"}, []string{"部会について"}},
		{"trailing punctuation dropped", []string{"地域経営部会とは？"}, []string{"地域経営部会とは"}},
		{"middle dot becomes one hyphen", []string{"人材育成・組織風土"}, []string{"人材育成-組織風土"}},
		{"brackets and spaces fold to one hyphen", []string{"第1回（4月） 開催"}, []string{"第1回-4月-開催"}},
		{"long vowel mark is a letter", []string{"テーマ"}, []string{"テーマ"}},
		{"latin lower-cased", []string{"Q&A 2026"}, []string{"q-a-2026"}},
		{"full-width latin lower-cased", []string{"ＡＢＣ"}, []string{"ａｂｃ"}},
		{"hyphen and underscore kept, not leading", []string{"-a_b-c"}, []string{"a_b-c"}},
		{"only punctuation", []string{"！！", "「」"}, []string{"section", "section-1"}},
		{"duplicates numbered", []string{"概要", "概要", "概要"}, []string{"概要", "概要-1", "概要-2"}},
		{"numbered duplicate skips a taken id", []string{"概要", "概要 1", "概要"}, []string{"概要", "概要-1", "概要-2"}},
		{"a number left free is used later", []string{"a", "a 2", "a", "a", "a"}, []string{"a", "a-2", "a-1", "a-3", "a-4"}},
		{"numbered ids of numbered ids", []string{"a", "a", "a 1", "a 1"}, []string{"a", "a-1", "a-1-1", "a-1-2"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := newHeadingIDs()
			var got []string
			for _, s := range tc.headings {
				got = append(got, string(h.Generate([]byte(s), ast.KindHeading)))
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("ids of %q = %q, want %q", tc.headings, got, tc.want)
			}
		})
	}
}

// TestHeadingIDsAsFirstWritten compares Generate and Put on random
// sequences with the first form of Generate, which tried base-1, base-2, …
// from 1 every time.
func TestHeadingIDsAsFirstWritten(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	words := []string{"a", "a 1", "a 2", "a-1 1", "b", "a 1 1", "a-3"}
	for range 2_000 {
		h, used := newHeadingIDs(), map[string]bool{}
		for range r.IntN(30) {
			w := words[r.IntN(len(words))]
			if r.IntN(5) == 0 { // an id written by hand, {#a-2}
				id := strings.ReplaceAll(w, " ", "-")
				h.Put([]byte(id))
				used[id] = true
				continue
			}
			base := strings.ReplaceAll(w, " ", "-")
			want := base
			for i := 1; used[want]; i++ {
				want = base + "-" + strconv.Itoa(i)
			}
			used[want] = true
			if got := string(h.Generate([]byte(w), ast.KindHeading)); got != want {
				t.Fatalf("Generate(%q) = %q, want %q", w, got, want)
			}
		}
	}
}

func TestHeadingIDsInLoadedPage(t *testing.T) {
	t.Parallel()
	src := "---\ntitle: A\n---\n## 概要\n\n## 概要\n\n## 参加団体・部会員\n"
	pages, err := Load(fstest.MapFS{"content/a.md": {Data: []byte(src)}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<h2 id="概要">`, `<h2 id="概要-1">`, `<h2 id="参加団体-部会員">`} {
		if !strings.Contains(string(pages[0].Content), want) {
			t.Errorf("content lacks %s:\n%s", want, pages[0].Content)
		}
	}
}

func TestLineIndexMapsOffsetsToFileLinesAndCharacters(t *testing.T) {
	t.Parallel()
	// The body starts on file line 5 (after four lines of front matter).
	// Bytes: "ab\n" 0-2, "あいう" 3-11, "\n" 12, "x" 13.
	li := newLineIndex([]byte("ab\nあいう\nx"), 5)
	tests := []struct {
		off, line, col int
	}{
		{0, 5, 1},
		{1, 5, 2},
		{2, 5, 3},   // the newline ends line 5
		{3, 6, 1},   // あ
		{6, 6, 2},   // い: 3 bytes but 1 character after あ
		{9, 6, 3},   // う
		{12, 6, 4},  // the newline after う
		{13, 7, 1},  // x
		{14, 7, 2},  // end of the body
		{100, 7, 2}, // past the end: clamped
	}
	for _, tc := range tests {
		line, col := li.at(tc.off)
		if line != tc.line || col != tc.col {
			t.Errorf("at(%d) = %d:%d, want %d:%d", tc.off, line, col, tc.line, tc.col)
		}
	}
}

func TestProblemsInBodyCarryFileLineAndCharacterColumn(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src, want string
	}{
		// Front matter is lines 1-3, the body starts on line 4.
		{"missing link after japanese text", "---\ntitle: A\n---\nあいう [x](missing.md)\n",
			`content/a.md:4:6: link to "missing.md": no such page or file`},
		{"missing link on a later line", "---\ntitle: A\n---\n\n段落\n\n- [リンク](../nope.md#x)\n",
			`content/a.md:7:4: link to "../nope.md#x": no such page or file`},
		{"missing image", "---\ntitle: A\n---\n![図](zu.md)\n",
			`content/a.md:4:3: link to "zu.md": no such page or file`},
		{"home without front matter", "本文\n[x](y.md)\n",
			`content/_index.md:2:2: link to "y.md": no such page or file`},
		{"bom and crlf", "\uFEFF---\r\ntitle: A\r\n---\r\n\r\n[x](y.md)\r\n",
			`content/a.md:5:2: link to "y.md": no such page or file`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			file, _, _ := strings.Cut(tc.want, ":")
			_, err := Load(fstest.MapFS{file: {Data: []byte(tc.src)}}, Options{})
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			if got := err.Error(); !strings.HasPrefix(got, tc.want) {
				t.Errorf("error = %q, want prefix %q", got, tc.want)
			}
		})
	}
}

func TestFrontMatterProblemsCarryFileLines(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src, want string
	}{
		{"bad weight", "---\ntitle: A\nweight: x\n---\n", "content/a.md:3:9: weight must be a whole number, not x"},
		{"bad date", "---\ntitle: A\n\ndate: 明日\n---\n", "content/a.md:4:7: date 明日 is not a date"},
		{"unclosed", "---\ntitle: A\n", "content/a.md:1:1: the front matter that starts here is not closed"},
		{"no title", "---\nweight: 1\n---\n", "content/a.md:2: the page has no title"},
		{"lone CR stays within the front matter", "---\n\r0\n---\n", "content/a.md:2:1: the front matter is not a list"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := Load(fstest.MapFS{"content/a.md": {Data: []byte(tc.src)}}, Options{})
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			if got := err.Error(); !strings.HasPrefix(got, tc.want) {
				t.Errorf("error = %q, want prefix %q", got, tc.want)
			}
		})
	}
}

func TestResolveLink(t *testing.T) {
	t.Parallel()
	from := &Page{Path: "content/cases/a.md", URL: "/cases/a/"}
	byPath := map[string]*Page{
		"content/cases/a.md": from,
		"content/cases/b.md": {Path: "content/cases/b.md", URL: "/cases/b/"},
		"content/program.md": {Path: "content/program.md", URL: "/about/"}, // a slug
		"content/_index.md":  {Path: "content/_index.md", URL: "/"},
	}
	rel := func(from, to string) string { return "[" + from + "→" + to + "]" }
	tests := []struct {
		dest   string
		toHref URLFunc
		want   string
		ok     bool
	}{
		{"b.md", nil, "/cases/b/", true},
		{"./b.md", nil, "/cases/b/", true},
		{"../program.md", nil, "/about/", true},
		{"/program.md", nil, "/about/", true},
		{"/_index.md", nil, "/", true},
		{"b.md#x", nil, "/cases/b/#x", true},
		{"b.md?p=1#x", nil, "/cases/b/?p=1#x", true},
		{"b.md#見出し", nil, "/cases/b/#%E8%A6%8B%E5%87%BA%E3%81%97", true},
		{"b.md", rel, "[/cases/a/→/cases/b/]", true},
		{"/program/", rel, "[/cases/a/→/program/]", true},
		{"/program/#x", rel, "[/cases/a/→/program/]#x", true},
		{"/program/", nil, "/program/", true},
		{"missing.md", nil, "missing.md", false},
		{"/cases/missing.md#x", rel, "/cases/missing.md#x", false},
		{"program.md", nil, "program.md", false}, // relative to content/cases/
		{"https://example.org/a.md", rel, "https://example.org/a.md", true},
		{"//example.org/a.md", rel, "//example.org/a.md", true},
		{"mailto:office@example.org", rel, "mailto:office@example.org", true},
		{"#top", rel, "#top", true},
		{"zu.png", rel, "zu.png", true}, // relative file: left to the writer
		{"%zz", rel, "%zz", true},       // unparsable: as written
	}
	for _, tc := range tests {
		got, ok := resolveLink(from, tc.dest, byPath, tc.toHref)
		if got != tc.want || ok != tc.ok {
			t.Errorf("resolveLink(%q) = %q, %v; want %q, %v", tc.dest, got, ok, tc.want, tc.ok)
		}
	}
}

func TestChartBlocksBecomeRefsAtTheirLine(t *testing.T) {
	t.Parallel()
	src := "---\ntitle: A\n---\n" + // lines 1-3
		"前文\n" + // 4
		"\n" + // 5
		"```chart\n" + // 6
		"survey: sample-q46\n" +
		"question: q46\n" +
		"```\n" + // 9
		"\n" +
		"  ```chart\n" + // 11, indented fence
		"survey: s2\n" +
		"```\n" +
		"\n" +
		"```go\n" + // 15: not a chart
		"x := 1\n" +
		"```\n"
	pages, err := Load(fstest.MapFS{"content/a.md": {Data: []byte(src)}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := pages[0]
	want := []Ref{
		{Pos: pos("content/a.md", 6, 1), Args: map[string]string{"survey": "sample-q46", "question": "q46"}},
		{Pos: pos("content/a.md", 11, 1), Args: map[string]string{"survey": "s2"}},
	}
	if !reflect.DeepEqual(p.Refs, want) {
		t.Errorf("Refs = %+v, want %+v", p.Refs, want)
	}
	html := string(p.Content)
	for _, s := range []string{RefMarker(0), RefMarker(1), `<pre><code class="language-go">x := 1`} {
		if !strings.Contains(html, s) {
			t.Errorf("content lacks %q:\n%s", s, html)
		}
	}
	if strings.Contains(html, "sample-q46") {
		t.Errorf("the chart block's body is in the HTML:\n%s", html)
	}
}

func TestBadChartBlockIsReportedAtItsFence(t *testing.T) {
	t.Parallel()
	src := "---\ntitle: A\n---\n\n```chart\nsurvey: [\n```\n"
	_, err := Load(fstest.MapFS{"content/a.md": {Data: []byte(src)}}, Options{})
	want := "content/a.md:5:1: the chart block is not a list of \"key: value\" lines"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error = %v, want prefix %q", err, want)
	}
}

func TestPageURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file, slug string
		kind       Kind
		section    string
		url        string
		out        string
	}{
		{"content/_index.md", "", KindHome, "", "/", "index.html"},
		{"content/index.md", "", KindHome, "", "/", "index.html"},
		{"content/_index.md", "top", KindHome, "", "/", "index.html"}, // the home ignores its slug
		{"content/404.md", "", KindNotFound, "", "/404.html", "404.html"},
		{"content/program.md", "", KindPage, "", "/program/", "program/index.html"},
		{"content/program.md", "about", KindPage, "", "/about/", "about/index.html"},
		{"content/cases/_index.md", "", KindSection, "cases", "/cases/", "cases/index.html"},
		{"content/cases/_index.md", "jirei", KindSection, "cases", "/jirei/", "jirei/index.html"},
		{"content/cases/2025/_index.md", "", KindSection, "cases", "/cases/2025/", "cases/2025/index.html"},
		{"content/cases/2025/_index.md", "r7", KindSection, "cases", "/cases/r7/", "cases/r7/index.html"},
		{"content/cases/a.md", "", KindPage, "cases", "/cases/a/", "cases/a/index.html"},
		{"content/cases/a.md", "弘前市", KindPage, "cases", "/cases/弘前市/", "cases/弘前市/index.html"},
		{"content/cases/404.md", "", KindPage, "cases", "/cases/404/", "cases/404/index.html"}, // only the top-level 404 is special
		{"content/cases/2025/b.md", "", KindPage, "cases", "/cases/2025/b/", "cases/2025/b/index.html"},
	}
	for _, tc := range tests {
		kind, section, u := pageURL(tc.file, tc.slug)
		if kind != tc.kind || section != tc.section || u != tc.url {
			t.Errorf("pageURL(%q, %q) = %s, %q, %q; want %s, %q, %q", tc.file, tc.slug, kind, section, u, tc.kind, tc.section, tc.url)
		}
		if got := OutputPath(u); got != tc.out {
			t.Errorf("OutputPath of %s = %q, want %q", u, got, tc.out)
		}
	}
}

func pos(path string, line, col int) diag.Pos { return diag.Pos{Path: path, Line: line, Col: col} }
