package site

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"time"

	"surveysite/internal/content"
	"surveysite/internal/diag"
	"surveysite/internal/parallel"
)

// Writer receives the site's files. WriteFile must be safe for concurrent
// use; name is slash-separated and relative to the output root. The caller
// may reuse data once WriteFile returns: a writer that keeps it copies it.
type Writer interface {
	WriteFile(name string, data []byte) error
}

// Stats counts what Render wrote.
type Stats struct {
	Pages int
	Files int
}

// Render executes every page's layout and writes the pages, the theme's
// static files, sitemap.xml, robots.txt, the news feed and the search
// index to w.
func (s *Site) Render(w Writer) (Stats, error) {
	return s.RenderPages(w, s.Pages, true)
}

// RenderPages renders only the given pages of the site to w, and with
// extras also the static files, generated files, robots.txt, sitemap.xml
// and the feed. The search index is written with extras or when one of the
// pages is in it. serve uses it to update a build after an edit.
func (s *Site) RenderPages(w Writer, pages []*Page, extras bool) (Stats, error) {
	var st Stats
	var mu sync.Mutex
	var list diag.List
	// The search index holds the text of every searchable page: written
	// again whenever one of them was. It is built while the pages are
	// rendered, which on a large site leaves processors idle at the end: a
	// page that lists every post keeps one busy after the others are done.
	type written struct {
		n   int
		err error
	}
	var index chan written
	if s.Config.SearchOn() && (extras || slices.ContainsFunc(pages, searchable)) {
		index = make(chan written, 1)
		go func() {
			n, err := s.searchIndex(w)
			index <- written{n, err}
		}()
	}
	parallel.ForState(len(pages), func() *bytes.Buffer { return new(bytes.Buffer) }, func(buf *bytes.Buffer, i int) {
		p := pages[i]
		buf.Reset()
		err := s.renderPage(buf, p)
		if err == nil {
			err = w.WriteFile(content.OutputPath(p.URL), buf.Bytes())
		}
		if err != nil {
			mu.Lock()
			list.AddErr(diag.Pos{Path: pageSource(p)}, err)
			mu.Unlock()
		}
	})
	var idx written
	if index != nil {
		idx = <-index
	}
	if err := list.Err(); err != nil {
		return st, err
	}
	if idx.err != nil {
		return st, idx.err
	}
	st.Pages = len(pages)
	st.Files = st.Pages + idx.n
	if !extras {
		return st, nil
	}
	n, err := s.writeStatic(w)
	st.Files += n
	if err != nil {
		return st, err
	}
	for _, f := range s.files {
		if err := w.WriteFile(f.Path, f.Data); err != nil {
			return st, err
		}
		st.Files++
	}
	for name, gen := range map[string]func() ([]byte, error){
		"robots.txt":     s.robots,
		"sitemap.xml":    s.sitemap,
		"news/index.xml": s.feed,
	} {
		data, err := gen()
		if err != nil {
			return st, err
		}
		if data == nil {
			continue
		}
		if err := w.WriteFile(name, data); err != nil {
			return st, err
		}
		st.Files++
	}
	return st, nil
}

func pageSource(p *Page) string {
	if p.Source != nil {
		return p.Source.Path
	}
	return p.URL
}

// layoutNames returns the layouts to try for p, most specific first.
func layoutNames(p *Page) []string {
	names := []string{p.Layout, p.Kind}
	switch p.Kind {
	case "case":
		names = append(names, "page")
	case "cases", "tags", "tag", "themes", "theme":
		names = append(names, "list", "section")
	case "home":
		names = append(names, "page")
	}
	return append(names, "page")
}

func (s *Site) renderPage(buf *bytes.Buffer, p *Page) error {
	set, name, err := s.tmpl.lookup(p.lang, s.lang, layoutNames(p)...)
	if err != nil {
		return err
	}
	if set == nil {
		return diag.Errorf(diag.Pos{Path: pageSource(p)}, "no layout for this %s page", p.Kind).
			WithHint("add templates/layouts/%s.html or templates/layouts/page.html", p.Kind)
	}
	if p.Layout != "" && name != p.Layout && p.Source != nil {
		return diag.Errorf(diag.Pos{Path: p.Source.Path, Line: p.Source.Lines["layout"]}, "layout %q does not exist", p.Layout).
			WithHint("add templates/layouts/%s.html, or remove the layout line to use the default", p.Layout)
	}
	if err := set.ExecuteTemplate(buf, "layouts/base.html", p); err != nil {
		de := s.theme.templateError(err, pageSource(p))
		de.Msg += fmt.Sprintf(" (while rendering %s)", pageSource(p))
		return de
	}
	return nil
}

// writeStatic copies the theme's static/ files to the output root.
func (s *Site) writeStatic(w Writer) (int, error) {
	n := 0
	for _, name := range s.theme.names("static") {
		f := s.theme.files[name]
		data, err := fs.ReadFile(f.fsys, f.full)
		if err != nil {
			return n, err
		}
		if err := w.WriteFile(strings.TrimPrefix(name, "static/"), data); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

func (s *Site) robots() ([]byte, error) {
	var b strings.Builder
	b.WriteString("User-agent: *\nAllow: /\n")
	if s.urls.Absolute() {
		fmt.Fprintf(&b, "\nSitemap: %s\n", s.urls.Abs("/sitemap.xml"))
	}
	return []byte(b.String()), nil
}

// sitemap lists every page but 404 with absolute URLs. A sitemap must hold
// absolute URLs, so without a base URL there is none (and robots.txt names
// none).
func (s *Site) sitemap() ([]byte, error) {
	if !s.urls.Absolute() {
		return nil, nil
	}
	type entry struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod,omitempty"`
	}
	var doc struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		URLs    []entry  `xml:"url"`
	}
	doc.NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
	for _, p := range s.Pages {
		if p.Kind == "404" || p.Params["sitemap"] == false {
			continue
		}
		e := entry{Loc: s.urls.Abs(p.URL)}
		if !p.Date.IsZero() {
			e.LastMod = p.Date.Format("2006-01-02")
		}
		doc.URLs = append(doc.URLs, e)
	}
	return marshalXML(doc)
}

// feed writes an Atom feed of the news pages. Its id and dates come from the
// content, never from the clock, so builds are reproducible.
func (s *Site) feed() ([]byte, error) {
	if len(s.News) == 0 {
		return nil, nil
	}
	type link struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr,omitempty"`
	}
	type entry struct {
		Lang    string `xml:"xml:lang,attr,omitempty"` // a news page in another language than the site's
		Title   string `xml:"title"`
		Link    link   `xml:"link"`
		ID      string `xml:"id"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary,omitempty"`
	}
	var doc struct {
		XMLName xml.Name `xml:"feed"`
		NS      string   `xml:"xmlns,attr"`
		Lang    string   `xml:"xml:lang,attr"`
		Title   string   `xml:"title"`
		Links   []link   `xml:"link"`
		ID      string   `xml:"id"`
		Updated string   `xml:"updated"`
		Author  struct {
			Name string `xml:"name"`
		} `xml:"author"`
		Entries []entry `xml:"entry"`
	}
	doc.NS = "http://www.w3.org/2005/Atom"
	doc.Lang = s.lang.Code()
	doc.Title = s.lang.T("feed.title", "site", s.Config.Title)
	doc.Author.Name = s.Config.Organization
	if doc.Author.Name == "" {
		doc.Author.Name = s.Config.Title
	}
	href := func(u string) string {
		if a := s.urls.Abs(u); a != "" {
			return a
		}
		return s.urls.Href("/news/index.xml", u)
	}
	id := func(u string) string {
		if a := s.urls.Abs(u); a != "" {
			return a
		}
		return "urn:surveysite:" + strings.ReplaceAll(s.Config.Title, " ", "") + ":" + u
	}
	doc.Links = []link{{Href: href("/news/index.xml"), Rel: "self"}, {Href: href("/news/")}}
	doc.ID = id("/news/")
	var latest time.Time
	for _, p := range s.News {
		if p.Date.After(latest) {
			latest = p.Date
		}
		lang := ""
		if p.lang != s.lang {
			lang = p.lang.Code()
		}
		doc.Entries = append(doc.Entries, entry{
			Lang: lang, Title: p.Title, Link: link{Href: href(p.URL)}, ID: id(p.URL),
			Updated: atomTime(p.Date), Summary: p.Summary,
		})
	}
	doc.Updated = atomTime(latest)
	return marshalXML(doc)
}

func atomTime(t time.Time) string {
	if t.IsZero() {
		t = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t.Format(time.RFC3339)
}

func marshalXML(v any) ([]byte, error) {
	out, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), append(out, '\n')...), nil
}
