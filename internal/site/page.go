package site

import (
	"html"
	"strings"
	"time"

	"surveysite/internal/content"
	"surveysite/internal/i18n"
	template "surveysite/internal/template/html"
)

// Page is what a template sees as its dot: a content page or a page the
// site generates (tag lists, survey reports, the participant list).
type Page struct {
	Kind        string // home, page, section, case, cases, tags, tag, 404, survey, question, participants
	URL         string // site path: "/", "/program/", "/404.html"
	Title       string
	Description string
	Date        time.Time
	Content     template.HTML
	Section     string
	Tags        []Term
	Params      map[string]any
	Weight      int
	Layout      string  // front matter layout, if any
	Pages       []*Page // for lists: the pages listed
	Parent      *Page   // the section page, if any
	Data        any     // kind-specific values (a survey report, a tag, …)
	Source      *content.Page
	// Lang is the code of the page's language ("ja", "en"): its front
	// matter language, its survey's, or the site's.
	Lang string
	// HeaderLang is the site's language when the page's is another, for
	// the lang of the header, menus and footer; else "".
	HeaderLang string
	lang       *i18n.Lang

	// Computed once when the site is assembled: templates read fields far
	// faster than they call methods, and lists show a page many times.
	Site       *Site      // the site the page belongs to
	IsHome     bool       // the page is the home page
	HasDate    bool       // the page has a date
	Summary    string     // the description, or the first characters of the text
	Permalink  string     // the absolute URL, or "" without a base URL
	OGImage    string     // the absolute URL of the share image, or ""
	Menu       []MenuLink // the main menu as seen from this page
	FooterMenu []MenuLink // the footer menu as seen from this page
	SearchHref string     // the search page's href from this page, for the header's field; "" on it and without search
}

// MenuLink is a menu entry with its href from one page.
type MenuLink struct {
	Name    string
	Href    string
	Current string // aria-current value: "page", "true" (a section of it) or ""
}

// Term is a tag or theme with its page.
type Term struct {
	Name  string
	URL   string
	Pages []*Page
}

// RelURL returns the href for site path to, written in this page.
func (p *Page) RelURL(to string) string { return p.Site.urls.Href(p.URL, to) }

// OtherLang returns the page's language if it is not lang (that of the
// page a link to it is on), else "": {{with .OtherLang $.Lang}}
// lang="{{.}}"{{end}} marks a link to a page in another language.
func (p *Page) OtherLang(lang string) string {
	if p.Lang == lang {
		return ""
	}
	return p.Lang
}

// Param returns a front matter value by key, or nil.
func (p *Page) Param(key string) any { return p.Params[key] }

// Head returns the first n pages of the page's list.
func (p *Page) Head(n int) []*Page {
	if len(p.Pages) <= n {
		return p.Pages
	}
	return p.Pages[:n]
}

func (p *Page) makeSummary() string {
	if p.Description != "" {
		return p.Description
	}
	return summarize(string(p.Content), 120)
}

// summarize returns the first n characters of the text of an HTML
// fragment, white space folded and entities decoded, with "…" when cut. It
// reads only as far as it needs.
func summarize(h string, n int) string {
	var b strings.Builder
	b.Grow(min(len(h), 4*(n+9))) // n+9 characters of up to 4 bytes
	in, space, count := false, false, 0
	for i := 0; i < len(h); i++ {
		c := h[i]
		switch {
		case c == '<':
			in = true
			continue
		case c == '>' && in:
			in = false
			continue
		case in:
			continue
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteByte(c)
		if c < 0x80 || c >= 0xC0 {
			count++
		}
		if count > n+8 { // room for entities such as &amp;, decoded below
			break
		}
	}
	text := b.String()
	if strings.IndexByte(text, '&') >= 0 {
		text = html.UnescapeString(text)
	}
	chars := 0
	for i := range text { // i: where each character starts
		if chars == n {
			return text[:i] + "…"
		}
		chars++
	}
	return text
}

// finish computes the fields templates read, once all pages exist.
func (p *Page) finish(s *Site) {
	p.Site = s
	p.Lang = p.lang.Code()
	if p.lang != s.lang {
		p.HeaderLang = s.lang.Code()
	}
	p.IsHome = p.Kind == "home"
	p.HasDate = !p.Date.IsZero()
	p.Summary = p.makeSummary()
	p.Permalink = s.urls.Abs(p.URL)
	p.OGImage = p.ogImage()
	p.Menu = p.menu(s.Config.Menu)
	p.FooterMenu = p.menu(s.Config.FooterMenu)
	if s.Config.SearchOn() && p.Kind != "search" {
		p.SearchHref = p.RelURL(searchURL)
	}
}

func (p *Page) menu(items []MenuItem) []MenuLink {
	out := make([]MenuLink, len(items))
	for i, m := range items {
		out[i] = MenuLink{Name: m.Name, Href: p.RelURL(m.URL)}
		switch {
		case m.URL == p.URL:
			out[i].Current = "page"
		case m.URL != "/" && strings.HasPrefix(p.URL, m.URL):
			out[i].Current = "true"
		}
	}
	return out
}

// ogImage returns the absolute URL of the page's share image: its "image"
// parameter, else the theme's static/images/og.png if there is one. Without
// a base URL it returns "", since og:image must be absolute.
func (p *Page) ogImage() string {
	if img, ok := p.Params["image"].(string); ok && img != "" {
		return p.Site.urls.Abs(img)
	}
	if _, ok := p.Site.theme.files["static/images/og.png"]; ok {
		return p.Site.urls.Abs("/images/og.png")
	}
	return ""
}
