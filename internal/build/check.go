package build

import (
	"bytes"
	"fmt"
	"html"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing/fstest"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"surveysite/internal/content"
	"surveysite/internal/diag"
	"surveysite/internal/parallel"
	"surveysite/internal/site"
)

// Memory is a site.Writer that keeps the files in memory, for check and
// serve. It is safe for concurrent use.
type Memory struct {
	mu    sync.RWMutex
	files map[string][]byte
}

var _ site.Writer = (*Memory)(nil)

// NewMemory returns an empty Memory.
func NewMemory() *Memory { return &Memory{files: map[string][]byte{}} }

// WriteFile keeps data under name, which must be a clean relative path.
func (m *Memory) WriteFile(name string, data []byte) error {
	if !fs.ValidPath(name) || name == "." {
		return &fs.PathError{Op: "write", Path: name, Err: fs.ErrInvalid}
	}
	data = bytes.Clone(data) // the caller may reuse data after WriteFile returns
	m.mu.Lock()
	m.files[name] = data
	m.mu.Unlock()
	return nil
}

// Clone returns a copy of m that shares the files' bytes, which are never
// changed in place: serve updates a copy and swaps it in.
func (m *Memory) Clone() *Memory {
	m.mu.RLock()
	defer m.mu.RUnlock()
	c := &Memory{files: make(map[string][]byte, len(m.files))}
	for k, v := range m.files {
		c.files[k] = v
	}
	return c
}

// File returns the file called name and whether it exists.
func (m *Memory) File(name string) ([]byte, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	data, ok := m.files[name]
	return data, ok
}

// Len returns the number of files.
func (m *Memory) Len() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return len(m.files)
}

// FS returns a read-only snapshot of the files.
func (m *Memory) FS() fs.FS {
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := make(fstest.MapFS, len(m.files))
	for name, data := range m.files {
		out[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return out
}

// CheckOutput checks a rendered site: every internal link, #fragment, image
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
func CheckOutput(src fs.FS, s *site.Site, out fs.FS, dir string) *diag.List {
	c := newChecker(src, s, out, dir)
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
	var wg sync.WaitGroup
	work := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				data, err := fs.ReadFile(out, docs[i])
				if err != nil {
					sc := &scan{name: docs[i]}
					sc.problems = append(sc.problems, problem{tagOff: -1, firstOff: -1, err: &diag.Error{Msg: "read the output file: " + err.Error(), Err: err}})
					scans[i] = sc
					continue
				}
				scans[i] = scanFile(docs[i], data)
			}
		}()
	}
	for i := range docs {
		work <- i
	}
	close(work)
	wg.Wait()
	return c.report(scans)
}

func newChecker(src fs.FS, s *site.Site, out fs.FS, dir string) *checker {
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

// scanWriter scans HTML and CSS files as they are written, in the writer's
// goroutine, so a build checks its output without reading it back.
type scanWriter struct {
	next  site.Writer
	mu    sync.Mutex
	files map[string]bool
	scans []*scan
}

var _ site.Writer = (*scanWriter)(nil)

func newScanWriter(next site.Writer) *scanWriter {
	return &scanWriter{next: next, files: map[string]bool{}}
}

func (w *scanWriter) WriteFile(name string, data []byte) error {
	sc := scanFile(name, data)
	w.mu.Lock()
	w.files[name] = true
	if sc != nil {
		w.scans = append(w.scans, sc)
	}
	w.mu.Unlock()
	return w.next.WriteFile(name, data)
}

// checker holds what CheckOutput knows about the site.
type checker struct {
	src      fs.FS
	out      fs.FS // the output, read again to place problems
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

// link is a reference found in an output file. Positions are byte offsets
// into the file; lines and columns are worked out only for problems, so a
// scan keeps nothing of the file itself.
type link struct {
	off, rawLen int    // the attribute's offset; the tag's extent starts at tagOff
	tagOff      int    // offset of the tag, to find it in a Markdown source
	what        string // "link", "image", "stylesheet", …
	ref         string
}

// problem is a finding at a position in an output file, before it is
// placed in the project.
type problem struct {
	off       int
	tagOff    int         // -1: no tag to look for in the Markdown source
	rawLen    int         // length of the tag at tagOff
	firstOff  int         // for a duplicate id: offset of its first use; else -1
	err       *diag.Error // Pos unset
	target    string      // for links: the resolved output file#fragment
	what, ref string      // for links: Msg is a format for what and ref
}

// scan is what one output file holds: its ids, references and problems.
type scan struct {
	name     string
	ids      map[string]int // id (and <a name>) -> offset of the tag that has it
	links    []link
	problems []problem
}

// lineCol returns the 1-based line and column (in characters) of offset
// off in data.
func lineCol(data []byte, off int) (int, int) {
	off = min(off, len(data))
	line := bytes.Count(data[:off], []byte("\n")) + 1
	return line, utf8.RuneCount(data[bytes.LastIndexByte(data[:off], '\n')+1:off]) + 1
}

// refAttrs returns the attributes of element name that hold a URL.
func refAttrs(name string) []string {
	switch name {
	case "a", "area", "link":
		return hrefAttr
	case "img", "source":
		return srcAttrs
	case "script", "iframe", "embed", "audio", "track":
		return srcAttr
	case "video":
		return videoAttrs
	case "object":
		return dataAttr
	case "use", "image":
		return svgHrefAttrs
	}
	return nil
}

var (
	hrefAttr     = []string{"href"}
	srcAttr      = []string{"src"}
	srcAttrs     = []string{"src", "srcset"}
	videoAttrs   = []string{"src", "poster"}
	dataAttr     = []string{"data"}
	svgHrefAttrs = []string{"href", "xlink:href"}
)

// scanFile scans one output file: HTML and CSS files are read, others only
// named.
func scanFile(name string, data []byte) *scan {
	sc := &scan{name: name, ids: map[string]int{}}
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm":
		sc.scanHTML(data)
	case ".css":
		sc.scanCSS(data)
	default:
		return nil
	}
	return sc
}

// tagAttrs holds the attributes of one tag that the checks read.
type tagAttrs struct {
	keys, vals []string
	offs       []int // offset of each key in the raw tag
}

func (a *tagAttrs) get(key string) (string, bool) {
	if i := a.index(key); i >= 0 {
		return a.vals[i], true
	}
	return "", false
}

func (a *tagAttrs) index(key string) int {
	for i, k := range a.keys {
		if k == key {
			return i
		}
	}
	return -1
}

// tag is a start or end tag found in an HTML file.
type tag struct {
	off         int    // offset of '<'
	raw         []byte // the whole tag, '<' to '>'
	name        string // the lower-case name, if the checks look at the element (tagName)
	nameEnd     int    // start tags: where the name ends in raw
	end         bool
	selfClosing bool
	text        []byte // for <title>: the text up to </title>
}

// tags yields the tags of an HTML document in order. It skips comments,
// doctypes, CDATA sections and the raw text of script, style, textarea and
// title elements, and finds a tag's end outside quoted attribute values.
// It is much faster than a full tokenizer, and enough for the link check:
// it needs tag names, a few attributes and offsets.
func tags(data []byte) func(yield func(tag) bool) {
	return func(yield func(tag) bool) {
		i := 0
		for i < len(data) {
			j := bytes.IndexByte(data[i:], '<')
			if j < 0 {
				return
			}
			j += i
			rest := data[j:]
			switch {
			case len(rest) > 1 && isASCIILetter(rest[1]): // a start tag, the most common: read below
			case len(rest) > 2 && rest[1] == '/' && isASCIILetter(rest[2]):
				k := bytes.IndexByte(rest, '>')
				if k < 0 {
					return
				}
				n := 2
				for n < k && !isTagSpace(rest[n]) && rest[n] != '/' {
					n++
				}
				if !yield(tag{off: j, raw: rest[:k+1], name: tagName(rest[2:n]), end: true}) {
					return
				}
				i = j + k + 1
				continue
			case bytes.HasPrefix(rest, []byte("<!--")):
				i = j + commentEnd(rest)
				if i <= j {
					return
				}
				continue
			case bytes.HasPrefix(rest, []byte("<![CDATA[")):
				k := bytes.Index(rest, []byte("]]>"))
				if k < 0 {
					return
				}
				i = j + k + 3
				continue
			case bytes.HasPrefix(rest, []byte("<!")) || bytes.HasPrefix(rest, []byte("<?")):
				k := bytes.IndexByte(rest, '>')
				if k < 0 {
					return
				}
				i = j + k + 1
				continue
			default:
				i = j + 1 // a '<' in text
				continue
			}
			end := tagEnd(rest)
			if end < 0 {
				return
			}
			raw := rest[:end+1]
			t := tag{off: j, raw: raw, selfClosing: end > 0 && raw[end-1] == '/'}
			i = j + end + 1
			n := tagNameEnd(raw)
			t.name, t.nameEnd = tagName(raw[1:n]), n
			switch name := t.name; name {
			case "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes":
				if t.selfClosing {
					break
				}
				closing := []byte("</" + name)
				k := indexEndTag(data[i:], closing)
				if k < 0 {
					k = len(data) - i
				}
				if name == "title" {
					t.text = data[i : i+k]
				}
				i += k
			}
			if !yield(t) {
				return
			}
		}
	}
}

// tagEnd returns the index of the '>' that ends the tag starting at b[0],
// outside quoted attribute values, or -1.
func tagEnd(b []byte) int {
	var prev byte
	for k := 1; k < len(b); k++ {
		c := b[k]
		switch {
		case c == '>':
			return k
		case (c == '"' || c == '\'') && prev == '=':
			// Jump to the closing quote: values (URLs) are most of a tag.
			j := bytes.IndexByte(b[k+1:], c)
			if j < 0 {
				return -1
			}
			k += j + 1
		}
		if !isTagSpace(c) {
			prev = c
		}
	}
	return -1
}

// indexEndTag finds the end tag sep ("</script", lower case) in b, ignoring
// ASCII case, where the name ends there (whitespace, "/" or ">" follows):
// "</scripts>" does not end a script.
func indexEndTag(b, sep []byte) int {
	for i := 0; i+len(sep) <= len(b); i++ {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return -1
		}
		i += j
		if i+len(sep) > len(b) || !bytes.EqualFold(b[i:i+len(sep)], sep) {
			continue
		}
		if k := i + len(sep); k == len(b) || isTagSpace(b[k]) || b[k] == '/' || b[k] == '>' {
			return i
		}
	}
	return -1
}

// commentEnd returns the length of the comment at the start of b
// ("<!--…"), ending as browsers end it: "<!-->" and "<!--->" are whole
// comments, and "--!>" closes one as "-->" does. It returns 0 if the
// comment is not closed.
func commentEnd(b []byte) int {
	switch {
	case bytes.HasPrefix(b, []byte("<!-->")):
		return 5
	case bytes.HasPrefix(b, []byte("<!--->")):
		return 6
	}
	body := b[4:]
	end, n := bytes.Index(body, []byte("-->")), 3
	if k := bytes.Index(body, []byte("--!>")); k >= 0 && (end < 0 || k < end) {
		end, n = k, 4
	}
	if end < 0 {
		return 0
	}
	return 4 + end + n
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// tagNameEnd returns where the name of the raw start tag ends.
func tagNameEnd(raw []byte) int {
	i := 1 // after '<'
	for i < len(raw) && !isTagSpace(raw[i]) && raw[i] != '>' && raw[i] != '/' {
		i++
	}
	return i
}

// parseAttrs reads the wanted attributes of the raw start tag, whose name
// ends at i, into attrs.
func parseAttrs(raw []byte, i int, attrs *tagAttrs) {
	attrs.keys, attrs.vals, attrs.offs = attrs.keys[:0], attrs.vals[:0], attrs.offs[:0]
	for i < len(raw) {
		for i < len(raw) && (isTagSpace(raw[i]) || raw[i] == '/') {
			i++
		}
		if i >= len(raw) || raw[i] == '>' {
			break
		}
		k := i
		for i < len(raw) && !isTagSpace(raw[i]) && raw[i] != '=' && raw[i] != '>' && raw[i] != '/' {
			i++
		}
		key := raw[k:i]
		for i < len(raw) && isTagSpace(raw[i]) {
			i++
		}
		var val []byte
		if i < len(raw) && raw[i] == '=' {
			i++
			for i < len(raw) && isTagSpace(raw[i]) {
				i++
			}
			if i < len(raw) && (raw[i] == '"' || raw[i] == '\'') {
				q := raw[i]
				i++
				v := i
				if j := bytes.IndexByte(raw[i:], q); j >= 0 {
					i += j
				} else {
					i = len(raw)
				}
				val = raw[v:i]
				i++
			} else {
				v := i
				for i < len(raw) && !isTagSpace(raw[i]) && raw[i] != '>' {
					i++
				}
				val = raw[v:i]
			}
		}
		lk, ok := wantedKey(key)
		if !ok {
			continue
		}
		if _, dup := attrs.get(lk); dup {
			continue
		}
		v := string(val)
		if bytes.IndexByte(val, '&') >= 0 {
			v = html.UnescapeString(v)
		}
		attrs.keys = append(attrs.keys, lk)
		attrs.vals = append(attrs.vals, v)
		attrs.offs = append(attrs.offs, k)
	}
}

// tagName returns, in lower case, the name of an element the checks look
// at, and "" for any other element: names are matched without allocating
// or hashing, for every tag of every page.
func tagName(b []byte) string {
	var buf [8]byte // the longest name below has 8 letters
	if len(b) > len(buf) {
		return ""
	}
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	// Each case returns its constant: returning the converted bytes would
	// allocate.
	switch string(buf[:len(b)]) {
	case "a":
		return "a"
	case "area":
		return "area"
	case "audio":
		return "audio"
	case "embed":
		return "embed"
	case "iframe":
		return "iframe"
	case "image":
		return "image"
	case "img":
		return "img"
	case "link":
		return "link"
	case "meta":
		return "meta"
	case "noembed":
		return "noembed"
	case "noframes":
		return "noframes"
	case "object":
		return "object"
	case "script":
		return "script"
	case "source":
		return "source"
	case "style":
		return "style"
	case "svg":
		return "svg"
	case "textarea":
		return "textarea"
	case "title":
		return "title"
	case "track":
		return "track"
	case "use":
		return "use"
	case "video":
		return "video"
	case "xmp":
		return "xmp"
	}
	return ""
}

func isTagSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' }

// wantedKey returns the attribute name key, lower case, if the checks read
// it; others are skipped unread. The common all-lower-case key costs no
// allocation.
func wantedKey(key []byte) (string, bool) {
	if k, ok := wantedName(string(key)); ok {
		return k, true
	}
	for _, c := range key { // only ASCII capitals can lower to a wanted name
		if 'A' <= c && c <= 'Z' {
			return wantedName(strings.ToLower(string(key)))
		}
	}
	return "", false
}

func wantedName(k string) (string, bool) {
	switch k {
	case "id":
		return "id", true
	case "name":
		return "name", true
	case "alt":
		return "alt", true
	case "src":
		return "src", true
	case "srcset":
		return "srcset", true
	case "href":
		return "href", true
	case "xlink:href":
		return "xlink:href", true
	case "poster":
		return "poster", true
	case "data":
		return "data", true
	case "property":
		return "property", true
	case "content":
		return "content", true
	case "rel":
		return "rel", true
	}
	return "", false
}

// linkScratch holds the slices scans collect links in, so that each scan
// keeps only an exact-size copy: a build holds every page's links until
// the check.
var linkScratch = sync.Pool{New: func() any { return new([]link) }}

func (sc *scan) scanHTML(data []byte) {
	scratch := linkScratch.Get().(*[]link)
	sc.links = (*scratch)[:0]
	defer func() {
		*scratch = sc.links[:0]
		sc.links = slices.Clone(sc.links)
		linkScratch.Put(scratch)
	}()
	svg := 0
	title, titleText := -1, ""
	var attrs tagAttrs
	for t := range tags(data) {
		if t.end {
			if t.name == "svg" {
				svg = max(svg-1, 0)
			}
			continue
		}
		raw, start, name := t.raw, t.off, t.name
		parseAttrs(raw, t.nameEnd, &attrs)
		if name == "svg" && !t.selfClosing {
			svg++
		}
		if name == "title" && svg == 0 && title < 0 {
			title, titleText = start, html.UnescapeString(string(t.text))
		}
		attrOff := func(key string) int {
			if i := attrs.index(key); i >= 0 {
				return start + attrs.offs[i]
			}
			return start
		}
		for _, key := range []string{"id", "name"} {
			v, ok := attrs.get(key)
			if !ok || (key == "name" && name != "a") {
				continue
			}
			if first, dup := sc.ids[v]; dup && key == "id" {
				sc.problems = append(sc.problems, problem{off: attrOff(key), tagOff: start, rawLen: len(raw), firstOff: first,
					err: &diag.Error{Warn: true,
						Msg:  `id "` + v + `" is used more than once in this page`,
						Hint: "ids must be unique in a page: rename one (a heading's id comes from its text)"}})
				continue
			}
			sc.ids[v] = start
		}
		if name == "img" {
			if _, ok := attrs.get("alt"); !ok {
				src, _ := attrs.get("src")
				sc.problems = append(sc.problems, problem{off: start, tagOff: start, rawLen: len(raw), firstOff: -1,
					err: &diag.Error{Warn: true,
						Msg:  `<img src="` + src + `"> has no alt text`,
						Hint: `add alt="…" saying what the image shows, or alt="" if it is only decoration`}})
			}
		}
		if name == "meta" {
			prop, _ := attrs.get("property")
			nm, _ := attrs.get("name")
			if prop == "og:image" || nm == "twitter:image" {
				content, _ := attrs.get("content")
				sc.links = append(sc.links, link{off: attrOff("content"), tagOff: start, rawLen: len(raw), what: "image", ref: content})
			}
		}
		for _, key := range refAttrs(name) {
			v, ok := attrs.get(key)
			if !ok {
				continue
			}
			what := "link"
			rel, _ := attrs.get("rel")
			switch {
			case name == "img" || name == "image" || key == "poster":
				what = "image"
			case name == "link" && strings.Contains(rel, "stylesheet"):
				what = "stylesheet"
			case name != "a" && name != "area" && name != "link":
				what = name + " source"
			}
			at := attrOff(key)
			if key != "srcset" {
				sc.links = append(sc.links, link{off: at, tagOff: start, rawLen: len(raw), what: what, ref: v})
				continue
			}
			for _, u := range srcsetURLs(v) {
				sc.links = append(sc.links, link{off: at, tagOff: start, rawLen: len(raw), what: what, ref: u})
			}
		}
	}
	if title < 0 {
		sc.problems = append(sc.problems, problem{off: 0, tagOff: -1, firstOff: -1, err: &diag.Error{Warn: true,
			Msg: "the page has no <title>", Hint: "give the page a title: in its front matter, or add <title> to the layout"}})
	} else if strings.TrimSpace(titleText) == "" {
		sc.problems = append(sc.problems, problem{off: title, tagOff: -1, firstOff: -1, err: &diag.Error{Warn: true,
			Msg: "the page's <title> is empty", Hint: "give the page a title: in its front matter"}})
	}
}

var cssURL = regexp.MustCompile(`url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)`)

func (sc *scan) scanCSS(data []byte) {
	for _, m := range cssURL.FindAllSubmatchIndex(data, -1) {
		for g := 1; g <= 3; g++ {
			if m[2*g] >= 0 {
				sc.links = append(sc.links, link{off: m[0], tagOff: -1, what: "stylesheet reference", ref: string(data[m[2*g]:m[2*g+1]])})
				break
			}
		}
	}
}

// resolve returns the output file and fragment that ref, written in output
// file from, names. internal is false for references outside the site.
// bad is set when ref leaves the site root.
func (c *checker) resolve(from, ref string) (file, frag string, internal, bad bool) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return "", "", false, false
	}
	if c.base != "" && strings.HasPrefix(ref, c.base) {
		ref = "/" + strings.TrimPrefix(ref, c.base)
	} else if c.base != "" && c.basePath != "/" && strings.HasPrefix(ref, c.basePath) {
		ref = "/" + strings.TrimPrefix(ref, c.basePath)
	}
	u, err := parseRef(ref)
	if err != nil || u.scheme || strings.HasPrefix(ref, "//") {
		return "", "", false, false
	}
	p := u.path
	switch {
	case p == "":
		return from, u.frag, true, false
	case strings.HasPrefix(p, "/"):
	default:
		p = path.Dir("/"+from) + "/" + p
	}
	dirLike := strings.HasSuffix(p, "/") || strings.HasSuffix(p, "/.") || strings.HasSuffix(p, "/..")
	if escapes(p) {
		return p, u.frag, true, true
	}
	clean := strings.TrimPrefix(path.Clean(p), "/")
	if clean == "" || dirLike {
		clean = path.Join(clean, "index.html")
	} else if !c.files[clean] && c.files[clean+"/index.html"] {
		clean += "/index.html"
	}
	return clean, u.frag, true, false
}

// escapes reports whether the slash path p climbs above its root.
func escapes(p string) bool {
	depth := 0
	for p != "" {
		seg, rest, _ := strings.Cut(p, "/")
		p = rest
		switch seg {
		case "", ".":
		case "..":
			depth--
			if depth < 0 {
				return true
			}
		default:
			depth++
		}
	}
	return false
}

func hasID(ids map[string]int, id string) bool {
	_, ok := ids[id]
	return ok
}

func (c *checker) checkLink(from string, l link) *problem {
	file, frag, internal, bad := c.resolve(from, l.ref)
	if !internal {
		return nil
	}
	var err *diag.Error
	switch {
	case bad:
		err = &diag.Error{Msg: "%s %q points above the root of the site", Hint: "remove a ../ from the path"}
	case !c.files[file]:
		err = &diag.Error{Msg: "%s %q: the site has no file " + escapePct(file),
			Hint: "check the path; links to pages may name their .md file (../program.md) or their URL (/program/); files under templates/static/ are copied to the site root"}
	case frag != "" && c.ids[file] != nil && !hasID(c.ids[file], frag) && frag != "top":
		err = &diag.Error{Msg: "%s %q: " + escapePct(file) + " has no element with id " + escapePct(strconv.Quote(frag)),
			Hint: "use an id that the page has; a heading's id is its text (## 参加方法 gives #参加方法)"}
	default:
		return nil
	}
	return &problem{off: l.off, tagOff: l.tagOff, rawLen: l.rawLen, firstOff: -1, target: file + "#" + frag, what: l.what, ref: l.ref, err: err}
}

// place gives a problem found in output file name its position: the line
// of the Markdown source that wrote it when that can be found, or else the
// output file's line, naming the source page.
func (c *checker) place(name string, pr problem) *diag.Error {
	e := *pr.err
	data, _ := fs.ReadFile(c.out, name) // read again: problems are few, files many
	line, col := lineCol(data, pr.off)
	e.Pos = diag.Pos{Path: path.Join(c.dir, name), Line: line, Col: col}
	if pr.firstOff >= 0 {
		fl, _ := lineCol(data, pr.firstOff)
		e.Msg += " (first on line " + strconv.Itoa(fl) + ")"
	}
	var raw []byte
	if pr.tagOff >= 0 && pr.tagOff+pr.rawLen <= len(data) {
		raw = data[pr.tagOff : pr.tagOff+pr.rawLen]
	}
	msg := func(ref string) string {
		if pr.what == "" {
			return e.Msg
		}
		return fmt.Sprintf(e.Msg, pr.what, ref)
	}
	p := c.pages[name]
	if p == nil || p.Source == nil {
		e.Msg = msg(pr.ref)
		return &e
	}
	srcPath := p.Source.Path
	if pr.target != "" {
		for _, ml := range c.markdownLinks(srcPath) {
			file, frag, internal, _ := c.resolveMarkdown(srcPath, p.URL, ml.dest)
			if internal && file+"#"+frag == pr.target {
				e.Pos, e.Msg = ml.pos, msg(ml.dest)
				return &e
			}
		}
	}
	e.Msg = msg(pr.ref)
	if len(raw) > 0 {
		if src, err := fs.ReadFile(c.src, srcPath); err == nil && bytes.Count(src, raw) == 1 {
			e.Pos = offsetPos(srcPath, src, bytes.Index(src, raw))
			return &e
		}
	}
	e.Msg += " (in the page made from " + srcPath + ")"
	return &e
}

func escapePct(s string) string { return strings.ReplaceAll(s, "%", "%%") }

// offsetPos returns the position of byte offset off of file name.
func offsetPos(name string, src []byte, off int) diag.Pos {
	line := bytes.Count(src[:off], []byte("\n")) + 1
	col := utf8.RuneCount(src[bytes.LastIndexByte(src[:off], '\n')+1:off]) + 1
	return diag.Pos{Path: name, Line: line, Col: col}
}

// resolveMarkdown resolves a link destination as written in the Markdown
// file srcPath, whose page is at site path pageURL.
func (c *checker) resolveMarkdown(srcPath, pageURL, dest string) (file, frag string, internal, bad bool) {
	from := content.OutputPath(pageURL)
	// The page's HTML holds the destination as goldmark's renderer writes
	// it: "%0X" becomes "%250X", non-ASCII text is percent-encoded.
	written := string(util.URLEscape([]byte(dest), true))
	u, err := parseRef(dest)
	if _, uerr := url.Parse(dest); err != nil || uerr != nil {
		return c.resolve(from, written) // the loader too leaves it as written
	}
	if u.scheme || strings.HasPrefix(dest, "//") {
		return "", "", false, false
	}
	if strings.HasSuffix(u.path, ".md") {
		md := u.path
		if strings.HasPrefix(md, "/") {
			md = path.Join("content", md)
		} else {
			md = path.Join(path.Dir(srcPath), md)
		}
		out, ok := c.mdOut[md]
		if !ok {
			return "", "", false, false
		}
		return out, u.frag, true, false
	}
	return c.resolve(from, written)
}

// mdLink is a link or image destination in a Markdown file.
type mdLink struct {
	pos  diag.Pos
	dest string
}

// markdownLinks parses Markdown file name (front matter and all; it holds
// no links) and returns its links and images with their positions.
func (c *checker) markdownLinks(name string) []mdLink {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.mdLink == nil {
		c.mdLink = map[string][]mdLink{}
	}
	if links, ok := c.mdLink[name]; ok {
		return links
	}
	src, err := fs.ReadFile(c.src, name)
	var links []mdLink
	if err == nil {
		md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
		var doc ast.Node
		// A panic in goldmark was reported when the page was loaded;
		// here it only means no positions for its links.
		if diag.Guard(diag.Pos{Path: name}, "the Markdown text", func() error {
			doc = md.Parser().Parse(text.NewReader(src))
			return nil
		}) != nil {
			doc = ast.NewDocument()
		}
		ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			var dest []byte
			switch n := n.(type) {
			case *ast.Link:
				dest = n.Destination
			case *ast.Image:
				dest = n.Destination
			default:
				return ast.WalkContinue, nil
			}
			off := markdownOffset(n, dest, src)
			links = append(links, mdLink{pos: offsetPos(name, src, off), dest: string(dest)})
			return ast.WalkContinue, nil
		})
	}
	c.mdLink[name] = links
	return links
}

// markdownOffset returns the offset of a link's "[" (or an image's "!").
func markdownOffset(n ast.Node, dest, src []byte) int {
	off := -1
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if off < 0 { // no text: find "](dest" after the start of the block
		block := 0
		for p := n.Parent(); p != nil; p = p.Parent() {
			if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
				block = p.Lines().At(0).Start
				break
			}
		}
		i := bytes.Index(src[block:], append([]byte("]("), dest...))
		if i < 0 {
			return block
		}
		off = block + i
	}
	if off > 0 && src[off-1] == '[' {
		off--
	} else if off < len(src) && src[off] == ']' && off > 0 && src[off-1] == '[' {
		off--
	}
	if off > 0 && src[off] == '[' && src[off-1] == '!' {
		off--
	}
	return off
}

// ref is a parsed reference: a scheme (or not), a path and a fragment,
// both unescaped.
type ref struct {
	scheme bool
	path   string
	frag   string
}

// hasScheme reports whether s starts with a URL scheme and its colon
// (RFC 3986: a letter, then letters, digits, "+", "-" or ".").
func hasScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isASCIILetter(c):
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return true
		default:
			return false
		}
	}
	return false
}

func parseRef(s string) (ref, error) {
	if hasScheme(s) {
		return ref{scheme: true}, nil
	}
	p, frag, _ := strings.Cut(s, "#")
	p, _, _ = strings.Cut(p, "?")
	up, err := unescape(p)
	if err != nil {
		return ref{}, err
	}
	uf, err := unescape(frag)
	if err != nil {
		uf = frag
	}
	return ref{path: up, frag: uf}, nil
}

func unescape(s string) (string, error) {
	if !strings.Contains(s, "%") {
		return s, nil
	}
	return url.PathUnescape(s)
}

// checkBuilt runs CheckOutput on the files written to tmp: errors fail the
// build and warnings join res.Warnings.
func checkBuilt(src fs.FS, s *site.Site, tmp string, sw *scanWriter, opts Options, res *Result) error {
	name := filepath.ToSlash(opts.Dest)
	if rel, err := filepath.Rel(opts.Source, opts.Dest); err == nil && filepath.IsLocal(rel) {
		name = filepath.ToSlash(rel)
	}
	c := newChecker(src, s, os.DirFS(tmp), name)
	c.files = sw.files
	list := c.report(sw.scans)
	var errs diag.List
	for _, e := range list.Items() {
		if e.Warn {
			res.Warnings = append(res.Warnings, e)
		} else {
			errs.Add(e)
		}
	}
	return errs.Err()
}

// srcsetURLs returns the URLs of a srcset attribute as HTML parses it: a URL
// runs to the next white space (so it may hold commas, as data: URLs do);
// trailing commas end a candidate; descriptors run to the next comma.
func srcsetURLs(v string) []string {
	var out []string
	for i := 0; i < len(v); {
		for i < len(v) && (isTagSpace(v[i]) || v[i] == ',') {
			i++
		}
		start := i
		for i < len(v) && !isTagSpace(v[i]) {
			i++
		}
		u := v[start:i]
		trimmed := strings.TrimRight(u, ",")
		if trimmed != "" {
			out = append(out, trimmed)
		}
		if len(trimmed) < len(u) {
			continue // the commas ended this candidate
		}
		for i < len(v) && v[i] != ',' { // descriptors
			i++
		}
	}
	return out
}
