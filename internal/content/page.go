package content

import (
	"html/template"
	"path"
	"strings"
)

// Kind says what a page is.
type Kind string

// The kinds of page a content file can be.
const (
	KindHome     Kind = "home"
	KindSection  Kind = "section"
	KindPage     Kind = "page"
	KindNotFound Kind = "404"
)

// Page is one content file, loaded and converted.
type Page struct {
	Path    string // source path, slash-separated: content/cases/a.md
	Kind    Kind
	Section string // first directory under content/, "" for top-level files
	URL     string // site path: "/", "/cases/a/", "/404.html"
	FrontMatter
	Content template.HTML // the body as HTML, with RefMarker placeholders
	Refs    []Ref
	Words   int // characters of text, for reading time and summaries
}

// HasDate reports whether the page sets a date.
func (p *Page) HasDate() bool { return !p.Date.IsZero() }

// OutputPath returns the file the page is written to, relative to the
// output root: "index.html", "cases/a/index.html", "404.html".
func (p *Page) OutputPath() string {
	if strings.HasSuffix(p.URL, ".html") {
		return strings.TrimPrefix(p.URL, "/")
	}
	return strings.TrimPrefix(p.URL, "/") + "index.html"
}

// Param returns a front matter value that is not one of the standard keys.
func (p *Page) Param(key string) any { return p.Params[key] }

// Year returns the page's date year, or 0.
func (p *Page) Year() int {
	if p.Date.IsZero() {
		return 0
	}
	return p.Date.Year()
}

// pageURL derives kind, section and URL from a content path ("content/…").
func pageURL(file, slug string) (Kind, string, string) {
	rel := strings.TrimPrefix(file, "content/")
	dir, base := path.Split(rel)
	dir = strings.TrimSuffix(dir, "/")
	name := strings.TrimSuffix(base, ".md")
	section := ""
	if dir != "" {
		section = strings.SplitN(dir, "/", 2)[0]
	}
	switch {
	case dir == "" && (name == "_index" || name == "index"):
		return KindHome, "", "/"
	case dir == "" && name == "404":
		return KindNotFound, "", "/404.html"
	case name == "_index":
		if slug != "" {
			dir = path.Join(path.Dir(dir), slug)
			dir = strings.TrimPrefix(dir, "./")
		}
		return KindSection, section, "/" + dir + "/"
	}
	if slug != "" {
		name = slug
	}
	return KindPage, section, "/" + path.Join(dir, name) + "/"
}
