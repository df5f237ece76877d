package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"surveysite/internal/build"
	"surveysite/internal/content"
	"surveysite/internal/diag"
	"surveysite/internal/site"
)

// DefaultAddr is where serve listens unless told otherwise: loopback only.
const DefaultAddr = "127.0.0.1:1313"

// Options configure a Server.
type Options struct {
	Source   string        // project root; default "."
	Drafts   bool          // include pages with draft: true
	Log      io.Writer     // progress and problems; nil discards them
	Debounce time.Duration // quiet time after a change before rebuilding; default 30 ms
	// Addr is the host:port the site is served at. When surveysite.yaml
	// sets a baseURL, the preview replaces it with http://Addr/ so that
	// every link stays on the preview.
	Addr string
}

// Server serves the last good build from memory. The zero value is not
// usable; call New.
type Server struct {
	opts    Options
	buildMu sync.Mutex // one rebuild at a time

	// Kept between rebuilds, under buildMu: loaded pages, and the site of
	// the last good build, to render only what an edit changed.
	cache   content.Cache
	surveys build.SurveyCache
	last    *site.Site

	mu       sync.RWMutex
	files    *build.Memory // last good build; nil before the first
	problems []*diag.Error // of the last rebuild if it failed
	gen      uint64        // counts rebuilds, good or bad
	subs     map[chan uint64]struct{}
	closed   chan struct{}
	close    sync.Once
}

var _ http.Handler = (*Server)(nil)

// New returns a server for the project in opts.Source. It builds nothing
// until Rebuild is called.
func New(opts Options) *Server {
	if opts.Source == "" {
		opts.Source = "."
	}
	if opts.Debounce <= 0 {
		opts.Debounce = 30 * time.Millisecond
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	return &Server{opts: opts, subs: map[chan uint64]struct{}{}, closed: make(chan struct{})}
}

// Rebuild builds the site into memory. On success the new build replaces
// the old one; on failure the old one stays and HTML requests show the
// problems. Either way open tabs are told to reload. The error returned is
// the build's (a *diag.List or *diag.Error for problems in the input).
func (s *Server) Rebuild(ctx context.Context) error {
	return s.rebuild(ctx, nil)
}

// rebuild builds after changes to the files changed (paths relative to the
// source folder; nil: anything may have changed).
func (s *Server) rebuild(ctx context.Context, changed []string) error {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	start := time.Now()
	mem, st, err := s.build(ctx, changed)
	if errors.Is(err, context.Canceled) && ctx.Err() != nil {
		return err
	}
	s.mu.Lock()
	if err != nil {
		s.problems = problems(err)
	} else {
		s.files, s.problems = mem, nil
	}
	s.gen++
	gen := s.gen
	for ch := range s.subs {
		select {
		case ch <- gen:
		default: // a reload is already pending for this tab
		}
	}
	s.mu.Unlock()
	if err != nil {
		fmt.Fprintf(s.opts.Log, "build failed; still serving the last good build:\n%s\n", formatProblems(problems(err)))
		return err
	}
	fmt.Fprintf(s.opts.Log, "built %d pages, %d files in %d ms\n", st.Pages, st.Files, time.Since(start).Milliseconds())
	return nil
}

func (s *Server) build(ctx context.Context, changed []string) (*build.Memory, site.Stats, error) {
	fsys := build.DirFS(s.opts.Source)
	s.cache.Forget(changed...) // the watcher saw them change: read them again
	s.surveys.Forget(changed...)
	opts := build.Options{Source: s.opts.Source, Drafts: s.opts.Drafts, ContentCache: &s.cache, SurveyCache: &s.surveys}
	if cfg, err := site.LoadConfig(fsys); err == nil && cfg.BaseURL != "" && s.opts.Addr != "" {
		opts.BaseURL = "http://" + s.opts.Addr + "/"
	}
	st, _, err := build.Load(ctx, fsys, opts)
	if err != nil {
		return nil, site.Stats{}, err
	}
	s.mu.RLock()
	old := s.files
	s.mu.RUnlock()
	if pages, extras, ok := affected(s.last, st, changed); ok && old != nil {
		mem := old.Clone()
		stats, err := st.RenderPages(mem, pages, extras)
		if err != nil {
			return nil, stats, err
		}
		s.last = st
		return mem, stats, ctx.Err()
	}
	mem := build.NewMemory()
	stats, err := st.Render(mem)
	if err != nil {
		return nil, stats, err
	}
	s.last = st
	return mem, stats, ctx.Err()
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

// problems turns a build error into the list shown on the error page.
func problems(err error) []*diag.Error {
	var list *diag.List
	if errors.As(err, &list) {
		return list.Items()
	}
	var de *diag.Error
	if errors.As(err, &de) {
		return []*diag.Error{de}
	}
	return []*diag.Error{{Msg: err.Error(), Err: err}}
}

func formatProblems(ps []*diag.Error) string {
	var b bytes.Buffer
	for _, p := range ps {
		b.WriteString(p.Format())
		b.WriteByte('\n')
	}
	return b.String()
}

// Close ends the event streams of open tabs, so that an http.Server's
// Shutdown does not wait for them. It is safe to call more than once.
func (s *Server) Close() { s.close.Do(func() { close(s.closed) }) }

// generation returns the number of rebuilds so far.
func (s *Server) generation() uint64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.gen
}
