package check

import (
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"surveysite/internal/content"
	"surveysite/internal/diag"
	"surveysite/internal/parallel"
	"surveysite/internal/site"
)

// Files reads back the files of a rendered site, to place the few problems
// found in them. os.DirFS, fstest.MapFS and the build's in-memory output
// have this method.
type Files interface {
	ReadFile(name string) ([]byte, error)
}

// Output checks a rendered site: every internal link, #fragment, image
// and asset reference in its HTML and CSS files must name a file of out
// (and an id in the target page); every <img> needs alt; ids are unique in
// a page; every page has a non-empty <title>. src is the project (to find
// the Markdown line of a link written in a page), s the site that was
// rendered into out, and dir the name of the output folder for positions in
// output files ("public").
//
// Broken links, fragments and references are errors; missing alt text,
// duplicate ids and missing titles are warnings (Warn is set), which build
// prints and check counts as problems.
func Output(src fs.FS, s *site.Site, out fs.FS, dir string) *diag.List {
	c := newChecker(src, s, readFS{out}, dir)
	var list diag.List
	var docs []string
	err := fs.WalkDir(out, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			c.files[p] = true
			if ext := strings.ToLower(path.Ext(p)); ext == ".html" || ext == ".htm" || ext == ".css" {
				docs = append(docs, p)
			}
		}
		return nil
	})
	if err != nil {
		list.AddErr(diag.Pos{Path: dir}, err)
		return &list
	}
	scans := make([]*scan, len(docs))
	parallel.For(len(docs), func(i int) {
		data, err := fs.ReadFile(out, docs[i])
		if err != nil {
			scans[i] = &scan{name: docs[i], problems: []problem{{tagOff: -1, firstOff: -1,
				err: &diag.Error{Msg: "read the output file: " + err.Error(), Err: err}}}}
			return
		}
		scans[i] = scanFile(docs[i], data)
	})
	return c.report(scans)
}

func newChecker(src fs.FS, s *site.Site, out Files, dir string) *checker {
	c := &checker{src: src, out: out, dir: dir, files: map[string]bool{}, pages: map[string]*site.Page{}, mdOut: map[string]string{}}
	if s != nil {
		if base := s.URLs().Base(); base != "" {
			c.base = base
			if i := strings.Index(base[strings.Index(base, "//")+2:], "/"); i >= 0 {
				c.basePath = base[strings.Index(base, "//")+2+i:]
			}
		}
		for _, p := range s.Pages {
			name := content.OutputPath(p.URL)
			c.pages[name] = p
			if p.Source != nil {
				c.mdOut[p.Source.Path] = name
			}
		}
	}
	return c
}

// report checks the references of every scanned file against the files and
// ids of the output, in file order.
func (c *checker) report(scans []*scan) *diag.List {
	slices.SortFunc(scans, func(a, b *scan) int { return strings.Compare(a.name, b.name) })
	var list diag.List
	c.ids = map[string]map[string]int{}
	for _, sc := range scans {
		c.ids[sc.name] = sc.ids
	}
	found := make([][]*diag.Error, len(scans))
	parallel.For(len(scans), func(i int) {
		sc := scans[i]
		for _, pr := range sc.problems {
			found[i] = append(found[i], c.place(sc.name, pr))
		}
		for _, l := range sc.links {
			if pr := c.checkLink(sc.name, l); pr != nil {
				found[i] = append(found[i], c.place(sc.name, *pr))
			}
		}
	})
	for _, errs := range found {
		for _, e := range errs {
			list.Add(e)
		}
	}
	return &list
}

// Writer scans HTML and CSS files as they are written, in the writer's
// goroutine, so a build checks its output without reading it back. It is
// safe for concurrent use.
type Writer struct {
	next  site.Writer
	mu    sync.Mutex
	files map[string]bool
	scans []*scan
}

var _ site.Writer = (*Writer)(nil)

// NewWriter returns a Writer that scans each file and then writes it to
// next.
func NewWriter(next site.Writer) *Writer {
	return &Writer{next: next, files: map[string]bool{}}
}

// WriteFile scans data if it is an HTML or CSS file and writes it to the
// next writer.
func (w *Writer) WriteFile(name string, data []byte) error {
	sc := scanFile(name, data)
	w.mu.Lock()
	w.files[name] = true
	if sc != nil {
		w.scans = append(w.scans, sc)
	}
	w.mu.Unlock()
	return w.next.WriteFile(name, data)
}

// Check checks the files written through w as Output checks a rendered
// site; out reads them back to place the problems found.
func (w *Writer) Check(src fs.FS, s *site.Site, out Files, dir string) *diag.List {
	w.mu.Lock()
	defer w.mu.Unlock()
	c := newChecker(src, s, out, dir)
	c.files = w.files
	return c.report(w.scans)
}

// readFS reads the files of an fs.FS.
type readFS struct{ fs.FS }

func (r readFS) ReadFile(name string) ([]byte, error) { return fs.ReadFile(r.FS, name) }

// checker holds what a check knows about the site.
type checker struct {
	src      fs.FS
	out      Files // the output, read again to place problems
	dir      string
	base     string // base URL with trailing slash, or ""
	basePath string // its path, "/bukai/"
	files    map[string]bool
	ids      map[string]map[string]int // output file -> id -> offset of its first tag
	pages    map[string]*site.Page     // output file -> page
	mdOut    map[string]string         // content file -> output file

	mu     sync.Mutex
	mdLink map[string][]mdLink // content file -> its Markdown links
}
