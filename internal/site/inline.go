package site

import (
	"encoding/base64"
	"io/fs"

	template "surveysite/internal/template/html"
)

// The 404 page is served for any missing address, also a nested one such
// as /surveys/no-such/page/, where its relative links point under the
// missing path. So it carries its stylesheet and favicon in itself.

// InlineStylesheet returns the theme's static/css/site.css (the project's,
// if templates/static/css/site.css replaces it) for a <style> element.
func (s *Site) InlineStylesheet() (template.CSS, error) {
	b, err := s.themeStatic("static/css/site.css")
	return template.CSS(b), err
}

// InlineFavicon returns the theme's static/favicon.svg as a data: URL, or ""
// if the theme has none.
func (s *Site) InlineFavicon() (template.URL, error) {
	if _, ok := s.theme.files["static/favicon.svg"]; !ok {
		return "", nil
	}
	b, err := s.themeStatic("static/favicon.svg")
	return template.URL("data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString(b)), err
}

func (s *Site) themeStatic(name string) ([]byte, error) {
	f, ok := s.theme.files[name]
	if !ok {
		return nil, nil
	}
	return fs.ReadFile(f.fsys, f.full)
}
