package check

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseTagReadsWantedAttributes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		raw        string
		name       string
		keys, vals []string
	}{
		{`<a href="x/index.html" class="c">`, "a", []string{"href"}, []string{"x/index.html"}},
		{`<IMG SRC='a.png' ALT>`, "img", []string{"src", "alt"}, []string{"a.png", ""}},
		{`<a href=plain>`, "a", []string{"href"}, []string{"plain"}},
		{`<a href="?a=1&amp;b=2" id="x" id="y">`, "a", []string{"href", "id"}, []string{"?a=1&b=2", "x"}},
		{`<use xlink:href="#s"/>`, "use", []string{"xlink:href"}, []string{"#s"}},
		{"<h2\n  id=\"見出し\"\n>", "h2", []string{"id"}, []string{"見出し"}},
		{`<br/>`, "br", nil, nil},
		{`<a href="unclosed`, "a", []string{"href"}, []string{"unclosed"}},
		{`<a title="x href=y" href="z">`, "a", []string{"href"}, []string{"z"}},
		{`<SVG ID="s">`, "svg", []string{"id"}, []string{"s"}},
	}
	for _, tc := range tests {
		var a tagAttrs
		if got := parseTag([]byte(tc.raw), &a); got != tc.name {
			t.Errorf("parseTag(%q) name = %q, want %q", tc.raw, got, tc.name)
		}
		if len(a.keys) == 0 && len(tc.keys) == 0 {
			continue
		}
		if !reflect.DeepEqual(a.keys, tc.keys) || !reflect.DeepEqual(a.vals, tc.vals) {
			t.Errorf("parseTag(%q) = %q %q, want %q %q", tc.raw, a.keys, a.vals, tc.keys, tc.vals)
		}
		for i, k := range a.keys { // where an error about the attribute points
			if off := a.offs[i]; !strings.EqualFold(tc.raw[off:min(off+len(k), len(tc.raw))], k) {
				t.Errorf("parseTag(%q): %s at offset %d reads %q", tc.raw, k, off, tc.raw[off:])
			}
		}
	}
}

func TestTagsSkipsWhatIsNotMarkup(t *testing.T) {
	t.Parallel()
	doc := `<!DOCTYPE html><html><head><title>A &amp; B</title>
<!-- <a href="commented.html"> -->
<script>if (a < b) { document.write('<a href="script.html">') }</script>
<style>a > b { color: red }</style></head>
<body><a title="x > y" href="real.html">r</a><svg><![CDATA[ <a href="cdata"> ]]><title>t</title></svg>
<p>1 < 2</p><IMG SRC="i.png" alt=""/></body></html>`
	var got []string
	for tg := range tags([]byte(doc)) {
		if tg.end {
			got = append(got, "/"+strings.ToLower(strings.Trim(string(tg.raw[2:]), "> ")))
			continue
		}
		var a tagAttrs
		name := parseTag(tg.raw, &a)
		s := name
		if v, ok := a.get("href"); ok {
			s += " " + v
		}
		if tg.text != nil {
			s += " [" + string(tg.text) + "]"
		}
		if string(tg.raw[:1]) != "<" || doc[tg.off] != '<' {
			t.Errorf("tag %q does not start at its offset", tg.raw)
		}
		got = append(got, s)
	}
	want := []string{"html", "head", "title [A &amp; B]", "/title", "script", "/script", "style", "/style", "/head",
		"body", "a real.html", "/a", "svg", "title", "/title", "/svg", "p", "/p", "img", "/body", "/html"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("tags =\n%q\nwant\n%q", got, want)
	}
}

func TestSrcsetURLs(t *testing.T) {
	t.Parallel()
	for in, want := range map[string][]string{
		"a.png 1x, b.png 2x":                    {"a.png", "b.png"},
		"data:image/png;base64,iVBORw0KGgo= 1x": {"data:image/png;base64,iVBORw0KGgo="},
		"../a,b.png 2x":                         {"../a,b.png"},
		"a.png,b.png":                           {"a.png,b.png"},
		"a.png, b.png":                          {"a.png", "b.png"},
		" a.png 100w , b.png 200w ":             {"a.png", "b.png"},
	} {
		if got := srcsetURLs(in); !reflect.DeepEqual(got, want) {
			t.Errorf("srcsetURLs(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTagsEndCommentsAndRawTextAsBrowsersDo(t *testing.T) {
	t.Parallel()
	doc := `<!--><a href="1"><!---><a href="2"><!-- x --!><a href="3">` +
		`<script>x = "</scripts><a href='no'>"</script ><a href="4"><xmp><a href="no"></xmp><a href="5">`
	var got []string
	for tg := range tags([]byte(doc)) {
		var a tagAttrs
		if parseTag(tg.raw, &a) == "a" && !tg.end {
			h, _ := a.get("href")
			got = append(got, h)
		}
	}
	if want := []string{"1", "2", "3", "4", "5"}; !reflect.DeepEqual(got, want) {
		t.Errorf("links = %q, want %q", got, want)
	}
}

func TestHasSchemeAndEscapes(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{"https://x/": true, "mailto:a@b": true, "a+b.c-d:x": true, "C:": true,
		"x/y:z": false, ":x": false, "1a:": false, "../a.html": false, "": false, "#a:b": false, "a": false} {
		if got := hasScheme(s); got != want {
			t.Errorf("hasScheme(%q) = %v, want %v", s, got, want)
		}
	}
	for p, want := range map[string]bool{"/a/../b": false, "/a/../../b": true, "/..": true, "a/./b/../..": false, "//x//..": false, "": false} {
		if got := escapes(p); got != want {
			t.Errorf("escapes(%q) = %v, want %v", p, got, want)
		}
	}
}

// parseTag reads the name (lower case, whatever the element) and the
// wanted attributes of the raw start tag into attrs, as the scan does.
func parseTag(raw []byte, attrs *tagAttrs) string {
	n := nameEnd(raw, 1)
	readTag(raw, n, attrs)
	return strings.ToLower(string(raw[1:n]))
}

func TestTagNameKnowsTheElementsChecked(t *testing.T) { // not parallel: AllocsPerRun
	for in, want := range map[string]string{"a": "a", "A": "a", "IMG": "img", "noFrames": "noframes", "TextArea": "textarea",
		"p": "", "h2": "", "abbr": "", "ax": "", "noframesx": "", "": "", "svg:a": ""} {
		if got := tagName([]byte(in)); got != want {
			t.Errorf("tagName(%q) = %q, want %q", in, got, want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { tagName([]byte("IMG")) }); n != 0 {
		t.Errorf("tagName allocates %v times", n)
	}
}
