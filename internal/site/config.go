package site

import (
	"errors"
	"io/fs"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"surveysite/internal/diag"
	"surveysite/internal/yamldoc"
)

// ConfigFile is the optional site configuration at the source root.
const ConfigFile = "surveysite.yaml"

// Config is the site configuration: surveysite.yaml, then command-line flags.
type Config struct {
	Title        string         `yaml:"title"`
	Language     string         `yaml:"language"` // ja (the default), en, or a catalogue of templates/i18n/
	Description  string         `yaml:"description"`
	BaseURL      string         `yaml:"baseURL"`
	Organization string         `yaml:"organization"`
	UnsafeHTML   bool           `yaml:"unsafeHTML"`
	MinCell      int            `yaml:"minCell"` // smallest published cross-tab segment
	Menu         []MenuItem     `yaml:"menu"`
	FooterMenu   []MenuItem     `yaml:"footerMenu"` // links in the footer, e.g. the accessibility policy
	Params       map[string]any `yaml:"params"`
	// Search false leaves out the search page, the header's search field
	// and the search index; unset is true.
	Search *bool `yaml:"search"`
	Drafts bool  `yaml:"-"`
	// languageLine is the line of surveysite.yaml that sets Language, for
	// an error about it.
	languageLine int
}

// SearchOn reports whether the site has search: a search page, a search
// field in the header and the search index.
func (c Config) SearchOn() bool { return c.Search == nil || *c.Search }

// MenuItem is one entry of the main navigation.
type MenuItem struct {
	Name string `yaml:"name"`
	URL  string `yaml:"url"`
}

// LoadConfig reads surveysite.yaml from fsys. A missing file gives defaults.
func LoadConfig(fsys fs.FS) (Config, error) {
	cfg := Config{Title: "surveysite", MinCell: 10}
	src, err := fs.ReadFile(fsys, ConfigFile)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil
	}
	if err != nil {
		return cfg, err
	}
	if err := checkConfig(src); err != nil {
		return cfg, err
	}
	if err := decodeConfig(src, &cfg); err != nil {
		line, col, msg := yamldoc.Where(src, err)
		pos := diag.Pos{Path: ConfigFile, Line: line, Col: col}
		hint := "check this line: each setting is \"key: value\"; put text with a colon (:) or # in quotes"
		var dup *yaml.DuplicateKeyError
		var unknown *yaml.UnknownFieldError
		switch {
		case errors.As(err, &dup) || strings.Contains(msg, "already defined"): // the parser reports it as syntax
			hint = "the setting is written twice: remove one of the two"
		case errors.As(err, &unknown):
			hint = "known settings: title, language, description, baseURL, organization, unsafeHTML, minCell, menu, footerMenu, params, search"
		}
		return cfg, diag.Errorf(pos, "site configuration: %s", msg).WithHint("%s", hint)
	}
	if cfg.MinCell <= 0 {
		cfg.MinCell = 10
	}
	cfg.languageLine = settingLine(src, "language")
	return cfg, nil
}

// settingLine returns the line of src on which the top-level setting key
// is written, or 0.
func settingLine(src []byte, key string) int {
	for i, ln := range strings.Split(string(src), "\n") {
		if rest, ok := strings.CutPrefix(ln, key); ok && strings.HasPrefix(strings.TrimLeft(rest, " \t"), ":") {
			return i + 1
		}
	}
	return 0
}

// checkConfig bounds the nesting and aliases of surveysite.yaml and refuses
// YAML tags (yamldoc) before it is decoded. A syntax error is left to the
// decoder, which words it.
func checkConfig(src []byte) (err error) {
	defer diag.Catch(&err, diag.Pos{Path: ConfigFile, Line: 1}, ConfigFile)
	if _, err := yamldoc.Parse(src); err != nil {
		var e *yamldoc.Error
		if errors.As(err, &e) {
			return diag.Errorf(diag.Pos{Path: ConfigFile, Line: e.Line, Col: e.Col}, "site configuration: %s", e.Msg).
				WithHint("%s", e.Hint)
		}
	}
	return nil
}

// decodeConfig decodes src into cfg. A panic inside the YAML library is
// reported at the first top-level setting whose value alone makes it panic.
func decodeConfig(src []byte, cfg *Config) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = diag.Panicked(panicLine(src), ConfigFile, p)
		}
	}()
	return yaml.UnmarshalWithOptions(src, cfg, yaml.Strict())
}

// panicLine finds the setting of surveysite.yaml whose value makes the YAML
// library panic when decoded on its own, or else the file's first line.
func panicLine(src []byte) (pos diag.Pos) {
	pos = diag.Pos{Path: ConfigFile, Line: 1}
	defer func() { _ = recover() }() // the parser itself: no line better than the first
	f, err := parser.ParseBytes(src, 0)
	if err != nil || len(f.Docs) == 0 {
		return pos
	}
	m, ok := f.Docs[0].Body.(*ast.MappingNode)
	if !ok {
		return pos
	}
	for _, kv := range m.Values {
		var panicked *diag.Error
		if errors.As(diag.Guard(pos, "", func() error { var v any; return yaml.NodeToValue(kv.Value, &v) }), &panicked) {
			if tk := kv.Key.GetToken(); tk != nil && tk.Position != nil {
				pos.Line, pos.Col = yamldoc.FileLine(src, tk.Position.Line), tk.Position.Column
			}
			return pos
		}
	}
	return pos
}
