package site

import (
	"fmt"
	"net/url"
	"path"
	"strings"
)

// URLs writes site paths ("/cases/a/") as hrefs. With a base URL every href
// is the base's path plus the site path ("/bukai/cases/a/") and absolute
// URLs can be made; without one, hrefs are relative to the page that holds
// them and name index.html, so the output works from any sub-path and from
// file://.
type URLs struct {
	base *url.URL // nil: relative mode
}

// NewURLs parses base ("" for relative mode). The base must be absolute
// (scheme and host); a missing trailing slash is added.
func NewURLs(base string) (URLs, error) {
	if base == "" {
		return URLs{}, nil
	}
	u, err := url.Parse(base)
	if err != nil || u.Scheme == "" || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return URLs{}, fmt.Errorf("base URL %q must be an absolute http(s) URL such as https://example.org/bukai/", base)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return URLs{}, fmt.Errorf("base URL %q may not have a query or fragment", base)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	u.RawPath = ""
	return URLs{base: u}, nil
}

// Absolute reports whether a base URL is set.
func (u URLs) Absolute() bool { return u.base != nil }

// Base returns the base URL with its trailing slash, or "".
func (u URLs) Base() string {
	if u.base == nil {
		return ""
	}
	return u.base.String()
}

// Href returns the href for site path to, written in the page at site path
// from. Anything that is not a site path (a full URL, "#x", "mailto:") is
// returned unchanged.
func (u URLs) Href(from, to string) string {
	if !strings.HasPrefix(to, "/") || strings.HasPrefix(to, "//") {
		return to
	}
	p, frag, _ := strings.Cut(to, "#")
	if frag != "" {
		frag = "#" + frag
	}
	if u.base != nil {
		return escapePath(u.base.Path+strings.TrimPrefix(p, "/")) + frag
	}
	if strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	fromDir := from
	if !strings.HasSuffix(fromDir, "/") {
		fromDir = path.Dir(fromDir) + "/"
	}
	return escapePath(relPath(fromDir, p)) + frag
}

// escapePath percent-encodes the bytes of p that RFC 3986 does not allow
// in a path: what (&url.URL{Path: p}).EscapedPath() does, except that
// "!'()*" stay as they are, as in the links goldmark writes
// ("[a](/bar\*)" links to /bar*, issue 22). It allocates only when
// something needs escaping (most hrefs need nothing).
func escapePath(p string) string {
	n := 0
	for i := 0; i < len(p); i++ {
		if !pathSafe(p[i]) {
			n++
		}
	}
	if n == 0 {
		return p
	}
	const hex = "0123456789ABCDEF"
	b := make([]byte, 0, len(p)+2*n)
	for i := 0; i < len(p); i++ {
		if c := p[i]; pathSafe(c) {
			b = append(b, c)
		} else {
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return string(b)
}

// pathSafe reports whether c may stand unescaped in a path: an unreserved
// character, a sub-delimiter, ":", "@" or "/" (RFC 3986, 3.3).
func pathSafe(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-_.~!$&'()*+,;=:@/", c) >= 0
}

// Abs returns the absolute URL of site path to, or "" in relative mode.
func (u URLs) Abs(to string) string {
	if u.base == nil {
		return ""
	}
	if !strings.HasPrefix(to, "/") {
		return to
	}
	v := *u.base
	v.Path = u.base.Path + strings.TrimPrefix(to, "/")
	return v.String()
}

// relPath returns the path of file target relative to directory dir; both
// are site paths and dir ends with "/".
func relPath(dir, target string) string {
	d := strings.TrimLeft(dir, "/")      // "a/b/" or ""
	t := strings.TrimPrefix(target, "/") // "a/c/index.html"
	// Skip the folders dir and target share, whole segments only.
	for {
		i := strings.IndexByte(d, '/')
		if i < 0 || i == 0 {
			break
		}
		j := strings.IndexByte(t, '/')
		if j != i || d[:i] != t[:j] {
			break
		}
		d, t = d[i+1:], t[j+1:]
	}
	up := strings.Count(d, "/")
	if up == 0 {
		if t == "" {
			return "./"
		}
		return t
	}
	var b strings.Builder
	b.Grow(3*up + len(t))
	for range up {
		b.WriteString("../")
	}
	b.WriteString(t)
	return b.String()
}
