package check

import (
	"net/url"
	"path"
	"strconv"
	"strings"

	"surveysite/internal/diag"
)

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

func escapePct(s string) string { return strings.ReplaceAll(s, "%", "%%") }

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
