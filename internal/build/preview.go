package build

import (
	"context"
	"reflect"
	"slices"
	"strings"

	"surveysite/internal/content"
	"surveysite/internal/site"
)

// ConfigFile is the project's configuration file, relative to its root.
const ConfigFile = site.ConfigFile

// PreviewOptions say what a Preview builds.
type PreviewOptions struct {
	Source string // project root; default "."
	Drafts bool   // include pages with draft: true
	// Addr, if set, is the host:port the preview is served at. When
	// surveysite.yaml sets a baseURL, the preview replaces it with
	// http://Addr/ so that every link stays on the preview.
	Addr string
}

// Stats counts what a build rendered.
type Stats = site.Stats

// Preview builds a project into memory, again after every change (serve).
// It keeps the loaded pages and analysed surveys between builds and, after
// an edit of Markdown pages alone, renders only what the edit changed:
// the pages, and the lists only when something they show changed. It is
// not safe for concurrent use.
type Preview struct {
	opts    PreviewOptions
	cache   content.Cache
	surveys SurveyCache
	last    *site.Site // of the last good build
	files   *Memory    // of the last good build; nil before the first
}

// NewPreview returns a Preview of the project opts describe. It builds
// nothing until Build is called.
func NewPreview(opts PreviewOptions) *Preview {
	if opts.Source == "" {
		opts.Source = "."
	}
	return &Preview{opts: opts}
}

// Build builds the site after changes to the files changed (slash paths
// relative to the project root; nil: anything may have changed) and
// returns its files, which are never changed afterwards. After a failure
// the last good build stays the one the next Build starts from. The error
// is the build's (a *diag.List or *diag.Error for problems in the input).
func (p *Preview) Build(ctx context.Context, changed []string) (*Memory, Stats, error) {
	fsys := DirFS(p.opts.Source)
	p.cache.Forget(changed...) // the watcher saw them change: read them again
	p.surveys.Forget(changed...)
	opts := Options{Source: p.opts.Source, Drafts: p.opts.Drafts, ContentCache: &p.cache, SurveyCache: &p.surveys}
	if cfg, err := site.LoadConfig(fsys); err == nil && cfg.BaseURL != "" && p.opts.Addr != "" {
		opts.BaseURL = "http://" + p.opts.Addr + "/"
	}
	st, _, err := Load(ctx, fsys, opts)
	if err != nil {
		return nil, Stats{}, err
	}
	mem := NewMemory()
	var stats Stats
	if pages, extras, ok := affected(p.last, st, changed); ok && p.files != nil {
		mem = p.files.Clone()
		stats, err = st.RenderPages(mem, pages, extras)
	} else {
		stats, err = st.Render(mem)
	}
	if err != nil {
		return nil, stats, err
	}
	if err := ctx.Err(); err != nil {
		return nil, stats, err
	}
	p.last, p.files = st, mem
	return mem, stats, nil
}

// affected returns the pages of the new site that an edit of Markdown
// files changed, and whether the lists, sitemap and feed must be written
// again. ok is false when the whole site must be rendered: the change was
// not only to Markdown pages, or pages were added, removed or moved.
func affected(old, cur *site.Site, changed []string) (pages []*site.Page, extras, ok bool) {
	if old == nil || len(changed) == 0 || len(old.Pages) != len(cur.Pages) {
		return nil, false, false
	}
	for _, c := range changed {
		if !strings.HasPrefix(c, "content/") || !strings.HasSuffix(c, ".md") {
			return nil, false, false
		}
	}
	lists := false
	for i, p := range cur.Pages {
		q := old.Pages[i] // both sorted by URL
		if p.URL != q.URL || p.Kind != q.Kind {
			return nil, false, false
		}
		if p.Source == q.Source {
			continue // the same loaded page: unchanged
		}
		if p.Source == nil || q.Source == nil || p.Kind != "page" && p.Kind != "case" {
			return nil, false, false // a list, home or report page: render all
		}
		pages = append(pages, p)
		lists = lists || !sameInLists(p, q)
	}
	if lists {
		// A term is named as the first page wrote it, so an edit can rename
		// it on every page that shows it.
		renamed := renamedTerms(old, cur)
		for _, p := range cur.Pages {
			switch {
			case p.Kind != "page" && p.Kind != "case" && p.Kind != "question":
				pages = append(pages, p)
			case !slices.Contains(pages, p) && slices.ContainsFunc(p.Tags, func(t site.Term) bool { return renamed[t.URL] }):
				pages = append(pages, p)
			}
		}
	}
	return pages, lists, true
}

// renamedTerms returns the URLs of the tags and themes whose name differs
// between the two sites.
func renamedTerms(old, cur *site.Site) map[string]bool {
	names := map[string]string{}
	for _, t := range slices.Concat(old.Tags, old.Themes) {
		names[t.URL] = t.Name
	}
	out := map[string]bool{}
	for _, t := range slices.Concat(cur.Tags, cur.Themes) {
		if n, ok := names[t.URL]; ok && n != t.Name {
			out[t.URL] = true
		}
	}
	return out
}

// sameInLists reports whether what other pages show of a page (title,
// date, summary, weight, tags, parameters) is the same in both versions.
func sameInLists(a, b *site.Page) bool {
	if a.Title != b.Title || !a.Date.Equal(b.Date) || a.Summary != b.Summary || a.Weight != b.Weight ||
		a.Description != b.Description || len(a.Tags) != len(b.Tags) || !reflect.DeepEqual(a.Params, b.Params) {
		return false
	}
	for i := range a.Tags {
		if a.Tags[i].Name != b.Tags[i].Name {
			return false
		}
	}
	return true
}
