package site

import (
	"html/template"
	"strings"
	"time"

	"surveysite/internal/content"
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
	site        *Site
	summary     string // computed once in assemble: lists show it many times
}

// Term is a tag or theme with its page.
type Term struct {
	Name  string
	URL   string
	Pages []*Page
}

// Site returns the site the page belongs to.
func (p *Page) Site() *Site { return p.site }

// RelURL returns the href for site path to, written in this page.
func (p *Page) RelURL(to string) string { return p.site.urls.Href(p.URL, to) }

// Permalink returns the page's absolute URL, or "" without a base URL.
func (p *Page) Permalink() string { return p.site.urls.Abs(p.URL) }

// IsHome reports whether the page is the home page.
func (p *Page) IsHome() bool { return p.Kind == "home" }

// HasDate reports whether the page has a date.
func (p *Page) HasDate() bool { return !p.Date.IsZero() }

// Param returns a front matter value by key, or nil.
func (p *Page) Param(key string) any { return p.Params[key] }

// IsCurrent reports whether site path u is this page or one of its sections,
// for aria-current in menus.
func (p *Page) IsCurrent(u string) bool {
	if u == "/" {
		return p.URL == "/"
	}
	return strings.HasPrefix(p.URL, u)
}

// Summary returns the description, or the first characters of the text.
func (p *Page) Summary() string { return p.summary }

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
	s := stripTags(string(p.Content))
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) > 120 {
		return string(r[:120]) + "…"
	}
	return string(r)
}

func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// OGImage returns the absolute URL of the page's share image: its "image"
// parameter, else the theme's static/images/og.png if there is one. Without
// a base URL it returns "", since og:image must be absolute.
func (p *Page) OGImage() string {
	if img, ok := p.Params["image"].(string); ok && img != "" {
		return p.site.urls.Abs(img)
	}
	if _, ok := p.site.theme.files["static/images/og.png"]; ok {
		return p.site.urls.Abs("/images/og.png")
	}
	return ""
}
