package check

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestOutput(t *testing.T) {
	t.Parallel()
	page := func(body string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("<!DOCTYPE html>\n<html><head><title>t</title></head>\n<body>\n" + body + "\n</body></html>\n")}
	}
	tests := []struct {
		name string
		body string
		want string // "" for no problem
	}{
		{"relative link", `<a href="../b/index.html#x">b</a>`, ""},
		{"directory link", `<a href="../b/">b</a> <a href="../b">b</a> <a href="..">home</a>`, ""},
		{"root link", `<a href="/b/#x">b</a>`, ""},
		{"external", `<a href="https://example.com/nope">x</a> <a href="mailto:a@b">m</a> <a href="//cdn/x">c</a>`, ""},
		{"own fragment", `<h2 id="s">s</h2><a href="#s">s</a>`, ""},
		{"encoded fragment", `<h2 id="概要">s</h2><a href="#%E6%A6%82%E8%A6%81">s</a>`, ""},
		{"broken", `<a href="../c/">c</a>`, `public/a/index.html:4:4: link "../c/": the site has no file c/index.html`},
		{"fragment", `<a href="../b/#y">b</a>`, `public/a/index.html:4:4: link "../b/#y": b/index.html has no element with id "y"`},
		{"above root", `<a href="../../x.html">x</a>`, `public/a/index.html:4:4: link "../../x.html" points above the root of the site`},
		{"image", `<img src="x.png" alt="">`, `public/a/index.html:4:6: image "x.png": the site has no file a/x.png`},
		{"srcset", `<img src="../i.png" srcset="../i.png 1x, ../j.png 2x" alt="">`, `public/a/index.html:4:21: image "../j.png": the site has no file j.png`},
		{"stylesheet", `<link rel="stylesheet" href="../css/nope.css">`, `public/a/index.html:4:24: stylesheet "../css/nope.css": the site has no file css/nope.css`},
		{"no alt", `<img src="../i.png">`, `public/a/index.html:4:1: warning: <img src="../i.png"> has no alt text`},
		{"duplicate id", `<p id="d">1</p>` + "\n" + `<p id="d">2</p>`, `public/a/index.html:5:4: warning: id "d" is used more than once in this page (first on line 4)`},
		{"svg title is not the page title", `<svg><title>chart</title></svg>`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			out := fstest.MapFS{
				"a/index.html": page(tc.body),
				"b/index.html": page(`<h2 id="x">x</h2>`),
				"index.html":   page(""),
				"i.png":        {Data: []byte("png")},
				"css/site.css": {Data: []byte("body{background:url(../i.png)}")},
			}
			list := Output(fstest.MapFS{}, nil, out, "public")
			var got []string
			for _, e := range list.Items() {
				got = append(got, e.Error())
			}
			if strings.Join(got, "\n") != tc.want {
				t.Errorf("Output() =\n%s\nwant:\n%s", strings.Join(got, "\n"), tc.want)
			}
		})
	}
}

func TestCheckOutputTitlesAndCSS(t *testing.T) {
	t.Parallel()
	out := fstest.MapFS{
		"index.html":    {Data: []byte("<!DOCTYPE html>\n<html><head></head><body></body></html>\n")},
		"empty.html":    {Data: []byte("<!DOCTYPE html>\n<html><head>\n<title> </title></head><body></body></html>\n")},
		"css/site.css":  {Data: []byte("a{}\nb{background:url('../img/none.png')}\nc{background:url(data:image/png;base64,AA)}\n")},
		"img/there.png": {Data: []byte("png")},
	}
	want := `public/css/site.css:2:14: stylesheet reference "../img/none.png": the site has no file img/none.png
public/empty.html:3:1: warning: the page's <title> is empty
public/index.html:1:1: warning: the page has no <title>`
	var got []string
	for _, e := range Output(fstest.MapFS{}, nil, out, "public").Items() {
		got = append(got, e.Error())
	}
	if strings.Join(got, "\n") != want {
		t.Errorf("Output() =\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}
