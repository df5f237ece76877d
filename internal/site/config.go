package site

import (
	"errors"
	"io/fs"
	"strings"

	"github.com/goccy/go-yaml"

	"surveysite/internal/diag"
)

// ConfigFile is the optional site configuration at the source root.
const ConfigFile = "surveysite.yaml"

// Config is the site configuration: surveysite.yaml, then command-line flags.
type Config struct {
	Title        string         `yaml:"title"`
	Description  string         `yaml:"description"`
	BaseURL      string         `yaml:"baseURL"`
	Organization string         `yaml:"organization"`
	UnsafeHTML   bool           `yaml:"unsafeHTML"`
	MinCell      int            `yaml:"minCell"` // smallest published cross-tab segment
	Menu         []MenuItem     `yaml:"menu"`
	FooterMenu   []MenuItem     `yaml:"footerMenu"` // links in the footer, e.g. the accessibility policy
	Params       map[string]any `yaml:"params"`
	Drafts       bool           `yaml:"-"`
}

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
	if err := yaml.UnmarshalWithOptions(src, &cfg, yaml.Strict()); err != nil {
		pos := diag.Pos{Path: ConfigFile, Line: 1}
		msg := err.Error()
		var ye yaml.Error
		if errors.As(err, &ye) {
			msg = ye.GetMessage()
			if tk := ye.GetToken(); tk != nil {
				pos.Line, pos.Col = tk.Position.Line, tk.Position.Column
			}
		}
		hint := "check this line: each setting is \"key: value\"; put text with a colon (:) or # in quotes"
		var dup *yaml.DuplicateKeyError
		var unknown *yaml.UnknownFieldError
		switch {
		case errors.As(err, &dup) || strings.Contains(msg, "already defined"): // the parser reports it as syntax
			hint = "the setting is written twice: remove one of the two"
		case errors.As(err, &unknown):
			hint = "known settings: title, description, baseURL, organization, unsafeHTML, minCell, menu, footerMenu, params"
		}
		return cfg, diag.Errorf(pos, "site configuration: %s", msg).WithHint("%s", hint)
	}
	if cfg.MinCell <= 0 {
		cfg.MinCell = 10
	}
	return cfg, nil
}
