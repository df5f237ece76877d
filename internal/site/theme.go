package site

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"surveysite/internal/diag"
	"surveysite/internal/i18n"
	template "surveysite/internal/template/html"
)

//go:embed all:theme
var defaultTheme embed.FS

// themeFile is one file of the theme: from the source's templates/ folder,
// or from the default theme built into the binary.
type themeFile struct {
	name string // path inside the theme: layouts/page.html
	path string // path shown to users: templates/layouts/page.html or theme:layouts/page.html
	fsys fs.FS
	full string // path inside fsys
}

// theme is the source's templates/ laid over the default theme, file by
// file: a file in templates/ replaces the default file of the same name.
type theme struct {
	files map[string]themeFile
}

func loadTheme(src fs.FS) (*theme, error) {
	t := &theme{files: map[string]themeFile{}}
	def, _ := fs.Sub(defaultTheme, "theme")
	if err := t.add(def, ".", "theme:"); err != nil {
		return nil, err
	}
	if src != nil {
		if err := t.add(src, "templates", "templates/"); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return t, nil
}

func (t *theme) add(fsys fs.FS, root, shown string) error {
	return fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		name := strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
		t.files[name] = themeFile{name: name, path: shown + name, fsys: fsys, full: p}
		return nil
	})
}

// names returns the theme's file names under dir, sorted.
func (t *theme) names(dir string) []string {
	var out []string
	for n := range t.files {
		if strings.HasPrefix(n, dir+"/") {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

// templates holds the base layout and partials parsed, each layout's
// source, and the sets made from them for the layouts pages use, bound to
// languages.
type templates struct {
	root    *template.Template // base and partials; never executed, only copied
	layouts map[string]layout  // by name, checked when the theme is loaded
	theme   *theme
	mu      sync.Mutex
	// bound holds, by the languages' codes and sums and then by layout
	// name, the copies of root with the layout parsed in and the languages'
	// functions: made when a page first uses them, so that a site copies
	// (and html/template escapes) only the layouts its pages use.
	bound map[string]map[string]*template.Template
}

// layout is a layout file and its source.
type layout struct {
	file themeFile
	src  string
}

// parseTemplates parses layouts/base.html and partials/*.html, and checks
// every layouts/*.html. Templates are named by their file path, so
// html/template errors name the file.
func parseTemplates(t *theme, funcs template.FuncMap) (*templates, error) {
	var list diag.List
	root := template.New("root").Option("missingkey=error").Funcs(funcs)
	base, ok := t.files["layouts/base.html"]
	if !ok {
		return nil, diag.Errorf(diag.Pos{Path: "templates/layouts/base.html"}, "the base layout is missing").
			WithHint("add templates/layouts/base.html, or delete templates/ to use the default theme")
	}
	read := func(f themeFile) (string, bool) {
		src, err := fs.ReadFile(f.fsys, f.full)
		if err != nil {
			list.AddErr(diag.Pos{Path: f.path}, err)
			return "", false
		}
		return string(src), true
	}
	parse := func(tmpl *template.Template, f themeFile) bool {
		src, ok := read(f)
		if !ok {
			return false
		}
		if _, err := tmpl.New(f.name).Parse(src); err != nil {
			list.Add(t.templateError(err, f.path))
			return false
		}
		return true
	}
	parse(root, base)
	for _, n := range t.names("partials") {
		parse(root, t.files[n])
	}
	if err := list.Err(); err != nil {
		return nil, err
	}
	ts := &templates{root: root, layouts: map[string]layout{}, theme: t}
	for _, n := range t.names("layouts") {
		if n == "layouts/base.html" || !strings.HasSuffix(n, ".html") {
			continue
		}
		f := t.files[n]
		src, ok := read(f)
		if !ok {
			continue
		}
		// Parsed on its own to check it: the same parser and functions as
		// in a copy of root, without copying root.
		check := template.New("check").Option("missingkey=error").Funcs(funcs)
		if _, err := check.New(f.name).Parse(src); err != nil {
			list.Add(t.templateError(err, f.path))
			continue // "main" may be what failed to parse
		}
		if check.Lookup("main") == nil && root.Lookup("main") == nil {
			list.Add(diag.Errorf(diag.Pos{Path: f.path, Line: 1}, "the layout does not define \"main\"").
				WithHint(`wrap the layout's content in {{define "main"}} … {{end}}`))
			continue
		}
		name := strings.TrimSuffix(strings.TrimPrefix(n, "layouts/"), ".html")
		ts.layouts[name] = layout{f, src}
	}
	if err := list.Err(); err != nil {
		return nil, err
	}
	return ts, nil
}

// lookup returns the set for the first layout of names that exists, bound
// to the page's language and the site's (langFuncs).
func (ts *templates) lookup(page, site *i18n.Lang, names ...string) (*template.Template, string, error) {
	for _, n := range names {
		if n == "" {
			continue
		}
		if _, ok := ts.layouts[n]; ok {
			s, err := ts.bind(n, page, site)
			return s, n, err
		}
	}
	return nil, "", nil
}

// bind returns layout name's set bound to two languages: a copy of root
// with the layout parsed into it, made the first time. The copies are kept:
// a theme is reused by the builds of serve, whose pages are mostly of the
// same languages, and html/template escapes each copy once, when it is
// first executed.
func (ts *templates) bind(name string, page, site *i18n.Lang) (*template.Template, error) {
	key := page.Code() + " " + page.Sum() + " " + site.Code() + " " + site.Sum()
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if set, ok := ts.bound[key][name]; ok {
		return set, nil
	}
	set, err := ts.root.Clone()
	if err != nil {
		return nil, err
	}
	l := ts.layouts[name]
	if _, err := set.New(l.file.name).Parse(l.src); err != nil {
		return nil, ts.theme.templateError(err, l.file.path) // parsed when the theme was loaded: cannot fail
	}
	set = set.Funcs(langFuncs(page, site))
	if ts.bound == nil {
		ts.bound = map[string]map[string]*template.Template{}
	}
	if ts.bound[key] == nil {
		ts.bound[key] = map[string]*template.Template{}
	}
	ts.bound[key][name] = set
	return set, nil
}

// templatePosRE matches "template: NAME:LINE:COL: msg" and "template: NAME:LINE: msg".
var templatePosRE = regexp.MustCompile(`^(?:html/)?template: (?:html/template:)?([^:]+):(\d+):(?:(\d+):)? ?(.*)$`)

// templateError turns an html/template error into a *diag.Error at the
// template file's line. This is the one place where a position is read from
// an error's text: html/template keeps it nowhere else. Templates are named
// by their path inside the theme ("partials/head.html"), so a file in
// templates/ replaces the default of the same name; the error names the
// file that was used.
func (t *theme) templateError(err error, fallback string) *diag.Error {
	msg := err.Error()
	pos := diag.Pos{Path: fallback}
	if m := templatePosRE.FindStringSubmatch(msg); m != nil {
		pos.Path = m[1]
		if f, ok := t.files[m[1]]; ok {
			pos.Path = f.path
		}
		pos.Line, _ = strconv.Atoi(m[2])
		if m[3] != "" {
			pos.Col, _ = strconv.Atoi(m[3])
		}
		msg = m[4]
		// Execution errors repeat the position: "executing \"x\" at <.Y>: ..."
		msg = strings.TrimPrefix(msg, " ")
	}
	hint := "correct the template at this line"
	switch {
	case strings.Contains(msg, "map has no entry for key") || strings.Contains(msg, "can't evaluate field"):
		hint = "the template uses a name the page does not have: check the spelling, or guard it with {{with}}"
	case strings.Contains(msg, "error calling t: no message") || strings.Contains(msg, "error calling siteT: no message"):
		hint = "check the key's spelling, or add the message to the catalogue of that language (" + i18n.Dir + "/<language>.yaml)"
	}
	return &diag.Error{Pos: pos, Msg: fmt.Sprintf("template: %s", msg), Hint: hint, Err: err}
}
