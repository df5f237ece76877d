package site

import (
	"fmt"
	"strings"

	"surveysite/internal/search"
	template "surveysite/internal/template/html"
)

// searchURL is the search page: results with JavaScript, a list of every
// page without it.
const searchURL = "/search/"

// searchDir is the folder of the search index files.
const searchDir = "search/index/"

// SearchView is what the search page's template sees.
type SearchView struct {
	// Groups list every page, by the first folder of its path, for
	// readers without JavaScript.
	Groups []SearchGroup
	Count  int // pages listed
	// Script is the href of the search script from the search page.
	Script string
}

// SearchGroup is one folder of the site's pages on the search page.
type SearchGroup struct {
	Title string
	Items []SearchItem
}

// SearchItem is one page in the list of every page, its link made once:
// the list is as long as the site.
type SearchItem struct {
	Href, Title string
	Lang        string // the page's language where it is not the search page's, else ""
}

// SearchField is what the header's search field says, in the site's
// language, looked up once for every page.
type SearchField struct {
	Label, Placeholder, Button string
	// Controls is the field and its button, made once from the words
	// above by html/template (searchControls), as the default theme's
	// header writes them on every page.
	Controls template.HTML
}

// searchControls is the search field and its button: executed once, its
// output is what the same markup would write in the header, where each
// of the three actions would cost its escapers on every page.
var searchControls = template.Must(template.New("").Parse(
	`<input type="search" name="q" aria-label="{{.Label}}" placeholder="{{.Placeholder}}"><button>{{.Button}}</button>`))

// addSearch makes the search page: the content page at /search/, if there
// is one (its text stays above the search field), else a generated one.
func (s *Site) addSearch() {
	p := s.byURL[searchURL]
	if p == nil {
		p = &Page{URL: searchURL, Title: s.lang.T("search.title")}
		s.add(p)
	}
	p.Kind = "search"
	s.SearchField = newSearchField(s.lang.T("search.field_label"), s.lang.T("search.placeholder"), s.lang.T("search.button"))
}

// newSearchField returns the header's field with its words and Controls.
func newSearchField(label, placeholder, button string) SearchField {
	f := SearchField{Label: label, Placeholder: placeholder, Button: button}
	var b strings.Builder
	if err := searchControls.Execute(&b, f); err != nil {
		panic(err) // three strings into a fixed template: cannot fail
	}
	f.Controls = template.HTML(b.String())
	return f
}

// searchView lists the pages of the site for the search page, grouped by
// the first folder of their path, in path order (s.Pages is sorted by
// URL); a list page leads its folder's group. The pages must be finished
// (their languages known).
func (s *Site) searchView(p *Page) *SearchView {
	v := &SearchView{Script: p.RelURL("/js/search.js"), Groups: []SearchGroup{{Title: p.lang.T("search.top_level")}}}
	folder := func(u string) (seg string, nested bool) {
		seg, rest, _ := strings.Cut(strings.TrimPrefix(u, "/"), "/")
		return seg, rest != ""
	}
	hasPages := map[string]bool{}
	for _, q := range s.Pages {
		if seg, nested := folder(q.URL); nested {
			hasPages[seg] = true
		}
	}
	groups := map[string]int{"": 0}
	for _, q := range s.Pages {
		if q.Kind == "404" || q == p {
			continue
		}
		key := ""
		if seg, nested := folder(q.URL); nested || hasPages[seg] {
			key = seg
		}
		i, ok := groups[key]
		if !ok {
			title := key
			if sec := s.byURL["/"+key+"/"]; sec != nil {
				title = sec.Title
			}
			v.Groups = append(v.Groups, SearchGroup{Title: title})
			i = len(v.Groups) - 1
			groups[key] = i
		}
		v.Groups[i].Items = append(v.Groups[i].Items, SearchItem{Href: p.RelURL(q.URL), Title: q.Title, Lang: q.OtherLang(p.Lang)})
		v.Count++
	}
	if len(v.Groups[0].Items) == 0 {
		v.Groups = v.Groups[1:]
	}
	return v
}

// searchIndex writes the files of the search index of every page that is
// published and searchable to w, each as soon as it is made, and returns
// how many it wrote.
func (s *Site) searchIndex(w Writer) (int, error) {
	var pages []*Page
	for _, p := range s.Pages {
		if searchable(p) {
			pages = append(pages, p)
		}
	}
	// The text of a page's Markdown is taken out of its HTML when the index
	// reads it, and let go once its chunk is written. Chunks are cut by a
	// size known before: the page's other text (answers, options, names …)
	// and half its HTML (text is about half of a page's Markdown made
	// HTML, by the varied benchmark corpus).
	in := make([]search.Page, len(pages))
	for i, p := range pages {
		before, after := searchParts(p)
		size := len(p.Title) + len(p.Content)/2
		for _, t := range before {
			size += len(t) + 1
		}
		for _, t := range after {
			size += len(t) + 1
		}
		in[i] = search.Page{Path: p.URL, Size: size, Text: func() search.Doc { return searchDoc(p, before, after) }}
	}
	write := func(f search.File) error { return w.WriteFile(searchDir+f.Name, f.Data) }
	files, err := search.BuildPages(in, search.Options{FolderIndex: !s.urls.Absolute(), Write: write})
	return len(files), err
}

// searchable reports whether a page is in the search index: not the
// not-found page or the search page, no draft (even when drafts are
// built), and not a page whose front matter says search: false.
func searchable(p *Page) bool {
	switch {
	case p.Kind == "404" || p.Kind == "search":
		return false
	case p.Source != nil && p.Source.Draft:
		return false
	case p.Params["search"] == false:
		return false
	}
	return true
}

// searchDoc is the text of a page as the index reads it: its title, the
// headings and text of its Markdown, and the parts of searchParts before
// and after that text.
func searchDoc(p *Page, before, after []string) search.Doc {
	headings, text := search.HTMLText(string(p.Content))
	body := append(append(before[:len(before):len(before)], text), after...)
	return search.Doc{Path: p.URL, Title: p.Title, Headings: headings, Body: body}
}

// searchParts is the rest of a page's text, in the order the index reads
// it: before the text of its Markdown its description and what its kind
// shows (a case study's summary, municipality and figures, a survey's facts
// and questions, a question's text, options and published answers, the
// participating municipalities), after it the tags. Lists index only their
// own text, not the pages they list.
func searchParts(p *Page) (before, after []string) {
	var body []string
	add := func(parts ...string) { body = append(body, parts...) }
	add(p.Description)
	switch v := p.Data.(type) {
	case *CaseView:
		if v != nil && v.Municipality != nil {
			add(v.Municipality.Pref + " " + v.Municipality.Name)
		}
	case *SurveyView:
		for _, key := range []string{"period", "population", "method", "source"} {
			add(paramText(p.Params[key]))
		}
		for _, q := range v.Questions {
			add(q.Title)
		}
		for _, g := range v.Grids {
			add(g.Name)
		}
	case *QuestionView:
		add(v.Survey.Title, v.Text)
		for _, row := range v.Table.Rows {
			for _, c := range row {
				if c.Header {
					add(c.Text)
				}
			}
		}
		if v.Published {
			for _, a := range v.Answers {
				add(a.Text)
			}
		}
	case *ParticipantsView:
		for _, r := range v.Regions {
			for _, pg := range r.Prefectures {
				for _, m := range pg.Members {
					add(m.Name)
				}
			}
		}
	}
	if p.Kind == "case" {
		add(paramText(p.Params["summary"]))
		if figs, ok := p.Params["figures"].([]any); ok {
			for _, f := range figs {
				if m, ok := f.(map[string]any); ok {
					add(paramText(m["label"]), paramText(m["before"]), paramText(m["after"]))
				}
			}
		}
	}
	for _, t := range p.Tags {
		after = append(after, t.Name)
	}
	return body, after
}

// paramText is a front matter value as text: strings as they are, numbers
// and the like printed, lists and maps not at all.
func paramText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case []any, map[string]any:
		return ""
	}
	return fmt.Sprint(v)
}
