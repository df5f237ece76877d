package content

import (
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
	Content string // the body as HTML, with RefMarker placeholders
	Refs    []Ref
}

// OutputPath returns the file a page at site path u is written to,
// relative to the output root: "index.html", "cases/a/index.html",
// "404.html".
func OutputPath(u string) string {
	if strings.HasSuffix(u, ".html") {
		return strings.TrimPrefix(u, "/")
	}
	return strings.TrimPrefix(u, "/") + "index.html"
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
