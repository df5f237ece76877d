package check

import (
	"html"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"

	"surveysite/internal/diag"
)

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
	title, titleText := -1, ""
	for t := range tags(data) {
		if t.end {
			continue
		}
		raw, start, name, attrs := t.raw, t.off, t.name, t.attrs
		if name == "title" && !t.inSVG && title < 0 {
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
