package site

import (
	"path"
	"strings"

	"surveysite/internal/content"
	"surveysite/internal/diag"
)

// checkOutputs reports every content page whose output would clash with
// another file of the site: its folder is a file that surveysite writes
// (404.html, sitemap.xml, news/index.xml, a static file, a download), or
// its index.html is one, compared without letter case as Windows and macOS
// compare names. The problem is at the slug's line, or at the file.
func (s *Site) checkOutputs() error {
	type owner struct {
		name string // as written
		what string
		page *Page
	}
	files := map[string]owner{} // by name in lower case
	addFile := func(name, what string, p *Page) {
		if _, ok := files[strings.ToLower(name)]; !ok {
			files[strings.ToLower(name)] = owner{name, what, p}
		}
	}
	for _, name := range s.theme.names("static") {
		name = strings.TrimPrefix(name, "static/")
		addFile(name, "a static file (templates/static/"+name+")", nil)
	}
	for _, f := range s.files {
		addFile(f.Path, "a file surveysite writes", nil)
	}
	for _, name := range []string{"robots.txt", "sitemap.xml", "news/index.xml"} {
		addFile(name, "a file surveysite writes", nil)
	}
	for _, p := range s.Pages {
		what := "a page surveysite writes"
		switch {
		case p.URL == "/404.html":
			what = "the not-found page"
		case p.Source != nil:
			what = "the page of " + p.Source.Path
		}
		addFile(content.OutputPath(p.URL), what, p)
	}
	var list diag.List
	for _, p := range s.Pages {
		cp := p.Source
		if cp == nil {
			continue
		}
		pos := diag.Pos{Path: cp.Path}
		if cp.Slug != "" {
			pos = diag.Pos{Path: cp.Path, Line: cp.Lines["slug"], Col: 1}
		}
		out := content.OutputPath(p.URL)
		if o, ok := files[strings.ToLower(out)]; ok && o.page != p {
			list.Add(diag.Errorf(pos, "this page is written to %s, which is also %s", out, o.what).
				WithHint("change the slug or rename the file"))
			continue
		}
		for dir := path.Dir(out); dir != "."; dir = path.Dir(dir) {
			if o, ok := files[strings.ToLower(dir)]; ok {
				list.Add(diag.Errorf(pos, "this page's URL %s needs a folder %s/, but %s is %s", p.URL, dir, o.name, o.what).
					WithHint("change the slug or rename the file"))
				break
			}
		}
	}
	return list.Err()
}
