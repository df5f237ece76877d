package content

import (
	"bytes"
	"errors"
	"io/fs"
	"net/url"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"surveysite/internal/diag"
	"surveysite/internal/parallel"
)

// MaxPageSize is the largest content file Load reads, in bytes: a page's
// HTML and syntax tree take many times its size in memory.
const MaxPageSize = 4 << 20

// Options configure loading.
type Options struct {
	Drafts     bool    // keep pages with draft: true
	UnsafeHTML bool    // pass raw HTML in Markdown through
	URL        URLFunc // writes site paths as hrefs; nil leaves them as they are
	// Cache, if set, keeps pages between loads (serve). CacheKey must change
	// whenever URL writes different hrefs (another base URL).
	Cache    *Cache
	CacheKey string
}

// Load reads every content/**/*.md in fsys. Problems in all files are
// collected and returned together as a *diag.List.
func Load(fsys fs.FS, opts Options) ([]*Page, error) {
	var files []string
	var stamps []stamp
	err := fs.WalkDir(fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") && p != "content" {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && strings.HasSuffix(name, ".md") {
			files = append(files, p)
			var st stamp
			if opts.Cache != nil {
				if info, err := d.Info(); err == nil {
					st = stamp{size: info.Size(), mod: info.ModTime().UnixNano()}
				}
			}
			stamps = append(stamps, st)
		}
		return nil
	})
	if err != nil {
		if errorsIsNotExist(err) {
			return nil, nil
		}
		return nil, err
	}

	// Read and parse front matter in parallel; keep file order. A file the
	// cache holds with the same size and time is not read again.
	type loaded struct {
		page   *Page
		src    source
		errs   diag.List
		cached bool
	}
	prev := opts.Cache.lookup(opts.CacheKey)
	results := make([]loaded, len(files))
	parallel.For(len(files), func(i int) {
		f := files[i]
		r := &results[i]
		if e, ok := prev[f]; ok && e.stamp == stamps[i] && stamps[i] != (stamp{}) {
			r.page, r.src, r.cached = e.page, e.src, true
			return
		}
		src, err := fs.ReadFile(fsys, f)
		if err != nil {
			r.errs.AddErr(diag.Pos{Path: f}, err)
			return
		}
		if len(src) > MaxPageSize {
			r.errs.Add(diag.Errorf(diag.Pos{Path: f}, "the page is %.1f MB; a page may be at most %d MB", float64(len(src))/(1<<20), MaxPageSize>>20).
				WithHint("split it into several pages, or publish the text as a file under templates/static/"))
			return
		}
		if !utf8.Valid(src) {
			r.errs.Add(diag.Errorf(diag.Pos{Path: f, Line: firstInvalidLine(src)}, "the file is not UTF-8 text").
				WithHint("save it as UTF-8 (in Notepad: 名前を付けて保存 → 文字コード UTF-8)"))
			return
		}
		fmSrc, body, fmLine, bodyLine, err := splitFrontMatter(f, src)
		if err != nil {
			r.errs.AddErr(diag.Pos{Path: f}, err)
			return
		}
		fm, err := parseFrontMatter(f, fmSrc, fmLine)
		if err != nil {
			r.errs.AddErr(diag.Pos{Path: f}, err)
			return
		}
		if fm.Draft && !opts.Drafts {
			r.src = source{skipped: true}
			return
		}
		kind, section, u := pageURL(f, fm.Slug)
		checkName(&r.errs, f, &fm, u)
		p := &Page{Path: f, Kind: kind, Section: section, URL: u, FrontMatter: fm}
		if p.Title == "" && kind != KindHome {
			r.errs.Add(diag.Errorf(diag.Pos{Path: f, Line: max(fmLine, 1)}, "the page has no title").
				WithHint("add a line \"title: …\" to the front matter"))
		}
		r.page, r.src = p, source{body: body, bodyLine: bodyLine}
	})
	var list diag.List
	pages := make([]*Page, 0, len(files))
	sources := map[*Page]source{}
	cached := map[*Page]bool{}
	next := map[string]cacheEntry{}
	for i := range results {
		r := &results[i]
		list.Merge(&r.errs)
		if r.errs.Len() == 0 && stamps[i] != (stamp{}) {
			next[files[i]] = cacheEntry{stamp: stamps[i], page: r.page, src: r.src}
		}
		if p := r.page; p != nil {
			pages = append(pages, p)
			sources[p] = r.src
			cached[p] = r.cached
		}
	}
	byURL := map[string]*Page{}
	byFolded := map[string]*Page{} // by URL in lower case
	byPath := map[string]*Page{}
	for _, p := range pages {
		byPath[p.Path] = p
		if q, ok := byURL[p.URL]; ok {
			list.Add(diag.Errorf(diag.Pos{Path: p.Path, Line: 1}, "this page and %s both make %s", q.Path, p.URL).
				WithHint("rename one file or change its slug"))
			continue
		}
		folded := strings.ToLower(p.URL)
		if q, ok := byFolded[folded]; ok {
			pos := diag.Pos{Path: p.Path, Line: 1}
			if p.Slug != "" {
				pos = diag.Pos{Path: p.Path, Line: p.Lines["slug"], Col: 1}
			}
			list.Add(diag.Errorf(pos, "this page makes %s and %s makes %s: they differ only in letter case, and Windows and macOS take them for one folder", p.URL, q.Path, q.URL).
				WithHint("rename one file or change its slug"))
			continue
		}
		byURL[p.URL] = p
		byFolded[folded] = p
	}
	if err := list.Err(); err != nil {
		return nil, err
	}

	// Cached pages keep their HTML only while every page keeps its URL:
	// their links to other pages depend on them.
	urls := urlSet(pages)
	keep := opts.Cache.sameURLs(opts.CacheKey, urls)
	var convert []*Page
	for _, p := range pages {
		if !keep || !cached[p] {
			convert = append(convert, p)
		}
	}

	md := newMarkdown(opts.UnsafeHTML)
	link := func(p *Page) func(from, dest string) (string, bool) {
		return func(from, dest string) (string, bool) {
			return resolveLink(p, dest, byPath, opts.URL)
		}
	}
	problems := make([]diag.List, len(convert))
	fresh := make([]*Page, len(convert))
	// Each source is dropped once converted, so that the pages' text is not
	// held beside all their HTML (a third of the memory a build of many
	// pages peaks at, at the end of the load); the cache of serve keeps its
	// own.
	srcs := make([]source, len(convert))
	for i, p := range convert {
		srcs[i] = sources[p]
	}
	clear(sources)
	for i := range results {
		results[i].src = source{}
	}
	// Each goroutine renders into one buffer, reused; a page keeps an
	// exact copy of its HTML.
	parallel.ForState(len(convert), func() *unbuffered { return new(unbuffered) }, func(buf *unbuffered, i int) {
		old := convert[i]
		// Convert into a new Page: a cached one may still be in use by the
		// site of the previous load.
		cp := *old
		p := &cp
		fresh[i] = p
		s := srcs[i]
		srcs[i] = source{}
		st := &docState{path: p.Path, url: p.URL, body: s.body, line: s.bodyLine, link: link(p)}
		pc := parser.NewContext(parser.WithIDs(newHeadingIDs()))
		pc.Set(stateKey, st)
		buf.Reset()
		if off, msg, hint := markdownBounds(s.body); off >= 0 {
			st.problem.Add(diag.Errorf(st.pos(off), "%s", msg).WithHint("%s", hint))
			problems[i] = st.problem
			return // not parsed: it would take very long
		}
		err := diag.Guard(diag.Pos{Path: p.Path, Line: s.bodyLine}, "the Markdown text", func() error {
			doc := md.Parser().Parse(text.NewReader(s.body), parser.WithContext(pc))
			return md.Renderer().Render(buf, s.body, doc)
		})
		var panicked *diag.Error
		switch {
		case errors.As(err, &panicked):
			st.problem.Add(panicked)
		case err != nil:
			st.problem.Add(diag.Errorf(diag.Pos{Path: p.Path}, "convert markdown: %v", err))
		}
		p.Content = buf.String()
		p.Refs = st.refs
		problems[i] = st.problem
	})
	for i := range problems {
		list.Merge(&problems[i])
	}
	if err := list.Err(); err != nil {
		return nil, err
	}
	replaced := make(map[*Page]*Page, len(convert))
	for i, old := range convert {
		replaced[old] = fresh[i]
	}
	for i, p := range pages {
		if q, ok := replaced[p]; ok {
			pages[i] = q
		}
	}
	for f, e := range next {
		if q, ok := replaced[e.page]; ok {
			e.page = q
			next[f] = e
		}
	}
	opts.Cache.store(opts.CacheKey, next, urls)
	return pages, nil
}

// unbuffered is a bytes.Buffer that goldmark's renderer writes to directly:
// given a plain io.Writer, it wraps it in a new 4 KiB bufio.Writer for
// every page.
type unbuffered struct{ bytes.Buffer }

func (*unbuffered) Buffered() int { return 0 }
func (*unbuffered) Flush() error  { return nil }

var _ util.BufWriter = (*unbuffered)(nil)

// resolveLink turns a link written in page p into the href to write. Links
// to .md files become their page's URL; site paths go through toHref.
func resolveLink(p *Page, dest string, byPath map[string]*Page, toHref URLFunc) (string, bool) {
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(dest, "//") || u.Path == "" {
		return dest, true // external, mailto:, #fragment or unparsable: as written
	}
	target := u.Path
	if strings.HasSuffix(target, ".md") {
		file := target
		if strings.HasPrefix(file, "/") {
			file = path.Join("content", file)
		} else {
			file = path.Join(path.Dir(p.Path), file)
		}
		q, ok := byPath[file]
		if !ok {
			return dest, false
		}
		target = q.URL
	} else if !strings.HasPrefix(target, "/") {
		return dest, true // relative to the page: the writer's responsibility
	}
	href := target
	if toHref != nil {
		href = toHref(p.URL, target)
	}
	if u.RawQuery != "" {
		href += "?" + u.RawQuery
	}
	if u.Fragment != "" {
		href += "#" + u.EscapedFragment()
	}
	return href, true
}

func firstInvalidLine(src []byte) int {
	line := 1
	for len(src) > 0 {
		r, n := utf8.DecodeRune(src)
		if r == utf8.RuneError && n <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		src = src[n:]
	}
	return line
}
