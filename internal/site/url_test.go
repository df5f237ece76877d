package site

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestHrefRelativeAndWithSubPath(t *testing.T) {
	t.Parallel()
	rel, _ := NewURLs("")
	sub, err := NewURLs("https://example.org/bukai")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		from, to, rel, sub string
	}{
		{"/", "/", "index.html", "/bukai/"},
		{"/", "/css/site.css", "css/site.css", "/bukai/css/site.css"},
		{"/program/", "/", "../index.html", "/bukai/"},
		{"/program/", "/css/site.css", "../css/site.css", "/bukai/css/site.css"},
		{"/cases/a/", "/cases/", "../index.html", "/bukai/cases/"},
		{"/cases/a/", "/cases/b/", "../b/index.html", "/bukai/cases/b/"},
		{"/cases/", "/cases/a/#x", "a/index.html#x", "/bukai/cases/a/#x"},
		{"/404.html", "/css/site.css", "css/site.css", "/bukai/css/site.css"},
		{"/tags/人材/", "/tags/", "../index.html", "/bukai/tags/"},
		{"/tags/", "/tags/人材/", "%E4%BA%BA%E6%9D%90/index.html", "/bukai/tags/%E4%BA%BA%E6%9D%90/"},
		{"/a/", "https://example.com/", "https://example.com/", "https://example.com/"},
		{"/a/", "#top", "#top", "#top"},
	}
	for _, tc := range tests {
		if got := rel.Href(tc.from, tc.to); got != tc.rel {
			t.Errorf("relative Href(%q, %q) = %q, want %q", tc.from, tc.to, got, tc.rel)
		}
		if got := sub.Href(tc.from, tc.to); got != tc.sub {
			t.Errorf("sub-path Href(%q, %q) = %q, want %q", tc.from, tc.to, got, tc.sub)
		}
	}
	if got, want := sub.Abs("/program/"), "https://example.org/bukai/program/"; got != want {
		t.Errorf("Abs = %q, want %q", got, want)
	}
	if got := rel.Abs("/program/"); got != "" {
		t.Errorf("relative Abs = %q, want empty", got)
	}
	for _, bad := range []string{"example.org", "/bukai/", "ftp://x/", "https://x/?a=1"} {
		if _, err := NewURLs(bad); err == nil {
			t.Errorf("NewURLs(%q) succeeded, want an error", bad)
		}
	}
}

func TestSummarizeFoldsSpaceDecodesAndCuts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"<h2 id=\"a\">見出し</h2>\n<p>本文 &amp; <em>強調</em>。</p>", 50, "見出し 本文 & 強調。"},
		{"<p>あいうえおかきくけこ</p>", 5, "あいうえお…"},
		{"<p>abc</p>", 3, "abc"},
		{"<p>a&amp;bcdef</p>", 3, "a&b…"},
		{"<p>地域&lt;経営&gt;部会</p>", 4, "地域<経…"},
		{"", 10, ""},
	}
	for _, tc := range tests {
		if got := summarize(tc.in, tc.n); got != tc.want {
			t.Errorf("summarize(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

func TestTermSlugMakesOneFolderName(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"人材育成": "人材育成", "Open Data": "open-data", "a/b": "a-b", "50%": "50", ".": "-.", "..": "-..", "#1?": "1",
	} {
		if got := termSlug(in); got != want {
			t.Errorf("termSlug(%q) = %q, want %q", in, got, want)
		}
	}
}

// relPathSplit is the first, simpler relPath: the reference for the
// faster one.
func relPathSplit(dir, target string) string {
	ds := strings.Split(strings.Trim(dir, "/"), "/")
	if ds[0] == "" {
		ds = nil
	}
	ts := strings.Split(strings.TrimPrefix(target, "/"), "/")
	i := 0
	for i < len(ds) && i < len(ts)-1 && ds[i] == ts[i] {
		i++
	}
	var b strings.Builder
	for range len(ds) - i {
		b.WriteString("../")
	}
	b.WriteString(strings.Join(ts[i:], "/"))
	if b.Len() == 0 {
		return "./"
	}
	return b.String()
}

func TestRelPathAgreesWithSplitting(t *testing.T) {
	t.Parallel()
	segs := []string{"a", "b", "ab", "人材", "x y"}
	var dirs, files []string
	var walk func(prefix string, depth int)
	walk = func(prefix string, depth int) {
		dirs = append(dirs, prefix)
		files = append(files, prefix+"index.html", prefix+"a", prefix+"site.css")
		if depth == 3 {
			return
		}
		for _, s := range segs {
			walk(prefix+s+"/", depth+1)
		}
	}
	walk("/", 0)
	for _, d := range dirs {
		for _, f := range files {
			if got, want := relPath(d, f), relPathSplit(d, f); got != want {
				t.Fatalf("relPath(%q, %q) = %q, want %q", d, f, got, want)
			}
		}
	}
	// As net/url escapes paths, but with the sub-delimiters it escapes
	// kept, as RFC 3986 allows.
	keep := strings.NewReplacer("%21", "!", "%27", "'", "%28", "(", "%29", ")", "%2A", "*")
	for _, p := range []string{"a/b", "人材/index.html", "x y", "a:b", "*", "a%b", "100%/", "é", "a?b#c", "", "bar*(x)!'", "a\\b", "\x00\x7f\xff"} {
		want := keep.Replace((&url.URL{Path: p}).EscapedPath())
		if got := escapePath(p); got != want {
			t.Errorf("escapePath(%q) = %q, want %q", p, got, want)
		}
	}
}

func TestDatesInJapaneseAndISO(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		t       time.Time
		jp, iso string
	}{
		{time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), "2026年4月1日", "2026-04-01"},
		{time.Date(2025, 12, 31, 23, 59, 0, 0, time.FixedZone("JST", 9*3600)), "2025年12月31日", "2025-12-31"},
		{time.Date(987, 1, 9, 0, 0, 0, 0, time.UTC), "987年1月9日", "0987-01-09"},
		{time.Time{}, "", ""},
	} {
		if got := JapaneseDate(tc.t); got != tc.jp {
			t.Errorf("JapaneseDate(%v) = %q, want %q", tc.t, got, tc.jp)
		}
		if got := ISODate(tc.t); got != tc.iso {
			t.Errorf("ISODate(%v) = %q, want %q", tc.t, got, tc.iso)
		}
	}
}
