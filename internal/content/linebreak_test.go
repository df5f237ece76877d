package content

import (
	"regexp"
	"testing"
	"testing/fstest"
)

// render loads a page with body md (raw HTML passed through) and returns
// its HTML.
func render(t *testing.T, md string) string {
	t.Helper()
	fsys := fstest.MapFS{
		"content/a.md":    {Data: []byte("---\ntitle: A\n---\n" + md)},
		"content/b_c.md":  {Data: []byte("---\ntitle: B\n---\n")},
		"content/日本/語.md": {Data: []byte("---\ntitle: C\n---\n")},
	}
	pages, err := Load(fsys, Options{UnsafeHTML: true})
	if err != nil {
		t.Fatalf("Load(%q): %v", md, err)
	}
	for _, p := range pages {
		if p.Path == "content/a.md" {
			return string(p.Content)
		}
	}
	t.Fatal("no page a.md")
	return ""
}

// Issue 22: a soft line break between two East Asian characters goes, any
// other stays a newline, looking through inline elements.
func TestSoftLineBreakGoesOnlyBetweenEastAsianCharacters(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, md, want string
	}{
		{"japanese japanese", "日本\n語", "<p>日本語</p>\n"},
		{"japanese latin", "日本\nGo", "<p>日本\nGo</p>\n"},
		{"latin japanese", "Go\n日本", "<p>Go\n日本</p>\n"},
		{"latin latin", "see\nthis", "<p>see\nthis</p>\n"},
		{"japanese digit", "2026年\n4月", "<p>2026年\n4月</p>\n"},
		{"digit japanese", "第1\n回", "<p>第1\n回</p>\n"},

		{"japanese before emphasis", "日本\n*語*", "<p>日本<em>語</em></p>\n"},
		{"japanese after emphasis", "*日本*\n語", "<p><em>日本</em>語</p>\n"},
		{"latin before emphasis", "see\n*this*", "<p>see\n<em>this</em></p>\n"},
		{"latin after emphasis", "*see*\nthis", "<p><em>see</em>\nthis</p>\n"},
		{"japanese before latin emphasis", "日本\n*Go*", "<p>日本\n<em>Go</em></p>\n"},
		{"strong on both sides", "**日本**\n**語**", "<p><strong>日本</strong><strong>語</strong></p>\n"},
		{"nested emphasis", "***日本***\n語", "<p><em><strong>日本</strong></em>語</p>\n"},
		{"latin nested emphasis", "**Gomphocarpus (*G. physocarpus*, syn.\n*Asclepias physocarpa*)**",
			"<p><strong>Gomphocarpus (<em>G. physocarpus</em>, syn.\n<em>Asclepias physocarpa</em>)</strong></p>\n"},
		{"strikethrough", "日本\n~~語~~", "<p>日本<del>語</del></p>\n"},

		{"japanese before link", "日本\n[語](https://example.org/)", "<p>日本<a href=\"https://example.org/\">語</a></p>\n"},
		{"japanese after link", "[日本](https://example.org/)\n語", "<p><a href=\"https://example.org/\">日本</a>語</p>\n"},
		{"latin before link", "see\n[this](https://example.org/)", "<p>see\n<a href=\"https://example.org/\">this</a></p>\n"},
		{"latin after link", "[see](https://example.org/)\nthis", "<p><a href=\"https://example.org/\">see</a>\nthis</p>\n"},
		{"latin before autolink", "see\nhttps://example.org/", "<p>see\n<a href=\"https://example.org/\">https://example.org/</a></p>\n"},
		{"japanese before autolink", "日本\n<https://example.org/>", "<p>日本\n<a href=\"https://example.org/\">https://example.org/</a></p>\n"},

		{"japanese before code span", "日本\n`語`", "<p>日本<code>語</code></p>\n"},
		{"japanese after code span", "`日本`\n語", "<p><code>日本</code>語</p>\n"},
		{"latin before code span", "in\n`file.go`", "<p>in\n<code>file.go</code></p>\n"},
		{"latin after code span", "`file.go`\nis", "<p><code>file.go</code>\nis</p>\n"},
		{"japanese before latin code span", "ファイル\n`a.go`", "<p>ファイル\n<code>a.go</code></p>\n"},

		{"japanese before raw html", "日本\n<b>語</b>", "<p>日本<b>語</b></p>\n"},
		{"japanese after raw html", "<b>日本</b>\n語", "<p><b>日本</b>語</p>\n"},
		{"latin before raw html", "see\n<b>this</b>", "<p>see\n<b>this</b></p>\n"},
		{"latin after raw html", "<b>see</b>\nthis", "<p><b>see</b>\nthis</p>\n"},
		{"a line of only a tag", "日本\n<span>\n語</span>", "<p>日本<span>語</span></p>\n"},
		{"a line of only a tag, latin", "see\n<span>\nthis</span>", "<p>see\n<span>\nthis</span></p>\n"},

		{"japanese before image", "日本\n![語](a.png)", "<p>日本\n<img src=\"a.png\" alt=\"語\"></p>\n"},
		{"japanese after image", "![日本](a.png)\n語", "<p><img src=\"a.png\" alt=\"日本\">\n語</p>\n"},
		{"latin before image", "see\n![this](a.png)", "<p>see\n<img src=\"a.png\" alt=\"this\"></p>\n"},
		{"latin after image", "![see](a.png)\nthis", "<p><img src=\"a.png\" alt=\"see\">\nthis</p>\n"},

		{"ideographic comma", "日本、\nそして", "<p>日本、そして</p>\n"},
		{"ideographic full stop", "です。\n次に", "<p>です。次に</p>\n"},
		{"corner brackets", "「日本」\n「語」", "<p>「日本」「語」</p>\n"},
		{"full stop before latin", "です。\nGo", "<p>です。\nGo</p>\n"},
		{"full-width letters", "ＡＢＣ\nＤ", "<p>ＡＢＣＤ</p>\n"},
		{"full-width and half-width letters", "ＡＢＣ\nD", "<p>ＡＢＣ\nD</p>\n"},
		{"full-width digits and parentheses", "（１）\n（２）", "<p>（１）（２）</p>\n"},
		{"half-width katakana", "ｶﾀｶﾅ\nｶﾅ", "<p>ｶﾀｶﾅｶﾅ</p>\n"},
		{"ambiguous width keeps the break", "※\n注", "<p>※\n注</p>\n"},
		{"hangul keeps the break", "한국어\n문장", "<p>한국어\n문장</p>\n"},
		{"character references", "&#x65E5;\n&#x672C;", "<p>日本</p>\n"},
		{"space at the line end is not text", "日本 \n 語", "<p>日本語</p>\n"},
		{"tabs at the line end are not text", "日本\t\t\n語", "<p>日本語</p>\n"},
		{"tabs at the line end go, latin", "see\t\t\nthis", "<p>see\nthis</p>\n"},

		{"in pre opened by an html block", "<div><pre>\n\n日本\n語\n</pre></div>",
			"<div><pre>\n<p>日本\n語\n</pre></div></p>\n"},
		{"in pre opened inline", "a <pre>日本\n語</pre>", "<p>a <pre>日本\n語</pre></p>\n"},
		{"after pre", "<pre>x</pre>\n\n日本\n語", "<pre>x</pre>\n<p>日本語</p>\n"},
		{"prefix is not pre", "<prefix>日本\n語", "<p><prefix>日本語</p>\n"},
		{"in a heading", "日本\n語\n===", "<h1>日本語</h1>\n"},
		{"in a list item", "- 日本\n  語\n- see\n  this", "<ul>\n<li>日本語</li>\n<li>see\nthis</li>\n</ul>\n"},
		{"in a block quote", "> 日本\n> 語", "<blockquote>\n<p>日本語</p>\n</blockquote>\n"},

		{"hard break by spaces", "日本  \n語", "<p>日本<br>\n語</p>\n"},
		{"hard break by spaces after many", "aaa     \nbbb", "<p>aaa<br>\nbbb</p>\n"},
		{"hard break by a backslash", "日本\\\n語", "<p>日本<br>\n語</p>\n"},
		{"escaped space", "**「部会」**\\ とは", "<p><strong>「部会」</strong>とは</p>\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			// Heading ids are another test's subject.
			if got := headingID.ReplaceAllString(render(t, tc.md), ""); got != tc.want {
				t.Errorf("%q gives\n%q, want\n%q", tc.md, got, tc.want)
			}
		})
	}
}

var headingID = regexp.MustCompile(` id="[^"]*"`)

// Issue 22: link destinations and info strings are read with their
// backslash escapes and character references resolved.
func TestEscapesInLinkDestinationsAndInfoStrings(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, md, want string
	}{
		{"escape in a site path", "[a](/bar\\*)", `<p><a href="/bar*">a</a></p>` + "\n"},
		{"escaped backslash in a site path", "[a](/url\\bar\\*baz)", `<p><a href="/url%5Cbar*baz">a</a></p>` + "\n"},
		{"entity in a site path", "[a](/a&amp;b/)", `<p><a href="/a&amp;b/">a</a></p>` + "\n"},
		{"numeric reference in a site path", "[a](/&#x65E5;/)", `<p><a href="/%E6%97%A5/">a</a></p>` + "\n"},
		{"escape in a .md link", "[a](b\\_c.md)", `<p><a href="/b_c/">a</a></p>` + "\n"},
		{"entity in a .md link", "[a](&#x65E5;&#x672C;/&#x8A9E;.md)", `<p><a href="/%E6%97%A5%E6%9C%AC/%E8%AA%9E/">a</a></p>` + "\n"},
		{"escape in a reference definition", "[a]\n\n[a]: /bar\\* \"t\"", `<p><a href="/bar*" title="t">a</a></p>` + "\n"},
		{"escape in an image", "![a](/zu\\*.png)", `<p><img src="/zu*.png" alt="a"></p>` + "\n"},
		{"external as written", "[a](https://example.org/?a=1&amp;b=2&c\\*)", `<p><a href="https://example.org/?a=1&amp;b=2&amp;c*">a</a></p>` + "\n"},
		{"backslash before a letter stays", "[a](https://example.org/a\\b)", `<p><a href="https://example.org/a%5Cb">a</a></p>` + "\n"},
		{"escaped info string", "``` foo\\+bar\nfoo\n```", `<pre><code class="language-foo+bar">foo` + "\n</code></pre>\n"},
		{"entity in an info string", "``` f&ouml;&ouml;\nfoo\n```", `<pre><code class="language-föö">foo` + "\n</code></pre>\n"},
		{"html in an info string", "``` a&lt;b\nfoo\n```", `<pre><code class="language-a&lt;b">foo` + "\n</code></pre>\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := render(t, tc.md); got != tc.want {
				t.Errorf("%q gives\n%q, want\n%q", tc.md, got, tc.want)
			}
		})
	}
}

func TestEscapeMarkdownIsUndoneByUnescapeMarkdown(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "/a", `\`, `\\`, `\*`, "&", "&amp;", "&#35;", "&#x23;", `\&amp;`, "a&b\\c*", "&copy", "日本&語"} {
		if got := string(unescapeMarkdown(escapeMarkdown(s))); got != s {
			t.Errorf("unescapeMarkdown(escapeMarkdown(%q)) = %q", s, got)
		}
	}
}
