package check

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"

	"surveysite/internal/content"
	"surveysite/internal/diag"
)

// lineCol returns the 1-based line and column (in characters) of offset
// off in data.
func lineCol(data []byte, off int) (int, int) {
	off = min(off, len(data))
	line := bytes.Count(data[:off], []byte("\n")) + 1
	return line, utf8.RuneCount(data[bytes.LastIndexByte(data[:off], '\n')+1:off]) + 1
}

// place gives a problem found in output file name its position: the line
// of the Markdown source that wrote it when that can be found, or else the
// output file's line, naming the source page.
func (c *checker) place(name string, pr problem) *diag.Error {
	e := *pr.err
	data, _ := c.out.ReadFile(name) // read again: problems are few, files many
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
