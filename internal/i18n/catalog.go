package i18n

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"surveysite/internal/diag"
)

//go:embed messages/*.yaml
var builtinFS embed.FS

// Dir is the folder of a project's own catalogues, one file per language:
// templates/i18n/en.yaml.
const Dir = "templates/i18n"

// Reference is the language of the complete catalogue that every other is
// checked against, and the default language of a site.
const Reference = "ja"

// Catalog is the messages of every language a site can be written in.
type Catalog struct {
	langs map[string]*Lang
	// lazy holds the built-in languages other than the reference, parsed
	// when first asked for: a site or a tally in one language does not
	// parse the others.
	lazy map[string]func() *Lang
}

// Lang returns the messages of a language by its code ("ja", "en"), or
// nil when the catalogue has no such language.
func (c *Catalog) Lang(code string) *Lang {
	if l := c.langs[code]; l != nil {
		return l
	}
	if f := c.lazy[code]; f != nil {
		return f()
	}
	return nil
}

// Languages returns the codes of the catalogue's languages, sorted.
func (c *Catalog) Languages() []string {
	out := make([]string, 0, len(c.langs)+len(c.lazy))
	for k := range c.langs {
		out = append(out, k)
	}
	for k := range c.lazy {
		if c.langs[k] == nil {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// Keys returns every key of the reference language, sorted.
func (c *Catalog) Keys() []string {
	ref := c.langs[Reference]
	out := make([]string, 0, len(ref.msgs))
	for k := range ref.msgs {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Placeholders returns the placeholders of a language's message for key,
// sorted, or nil when it has none or no such message.
func (c *Catalog) Placeholders(code, key string) []string {
	if l := c.Lang(code); l != nil {
		if m := l.msgs[key]; m != nil {
			return m.holes
		}
	}
	return nil
}

// builtin parses the embedded catalogue of the reference language once,
// and each other when first asked for (Catalog.lazy): they are part of the
// binary and never change, and every Lang is immutable.
var builtin = sync.OnceValues(func() (*Catalog, error) {
	c := &Catalog{langs: map[string]*Lang{}, lazy: map[string]func() *Lang{}}
	files, err := fs.Glob(builtinFS, "messages/*.yaml")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		code := strings.TrimSuffix(path.Base(f), ".yaml")
		if code != Reference {
			c.lazy[code] = sync.OnceValue(func() *Lang {
				l, err := builtinLang(f, code)
				if err != nil { // TestBuiltinCataloguesAreComplete parses every one
					panic("i18n: the built-in catalogue of " + code + " does not parse: " + err.Error())
				}
				return l
			})
			continue
		}
		l, err := builtinLang(f, code)
		if err != nil {
			return nil, err
		}
		c.langs[code] = l
	}
	if c.langs[Reference] == nil {
		return nil, fmt.Errorf("i18n: no built-in catalogue of %s", Reference)
	}
	return c, nil
})

// builtinLang parses the built-in catalogue file of code.
func builtinLang(file, code string) (*Lang, error) {
	src, err := fs.ReadFile(builtinFS, file)
	if err != nil {
		return nil, err
	}
	name := "theme:i18n/" + code + ".yaml"
	msgs, err := parse(name, src)
	if err != nil {
		var list diag.List
		list.AddErr(diag.Pos{Path: name}, err)
		return nil, list.Err()
	}
	return newLang(code, msgs)
}

// Builtin returns the catalogues built into the binary.
func Builtin() (*Catalog, error) { return builtin() }

// Japanese returns the built-in Japanese messages: the words of packages
// whose caller gave no language.
func Japanese() *Lang {
	c, err := builtin()
	if err != nil {
		panic("i18n: the built-in catalogue does not parse: " + err.Error()) // a test parses it
	}
	return c.langs[Reference]
}

// Load returns the built-in catalogues with the project's
// templates/i18n/<language>.yaml files of fsys laid over them: a file of a
// built-in language replaces the messages it gives, a file of another
// language adds it and must give every key of the reference language. A
// message may use only the placeholders its key has in the reference
// language. Problems are *diag.Errors at their file's line; nil fsys gives
// the built-in catalogues.
func Load(fsys fs.FS) (*Catalog, error) {
	base, err := builtin()
	if err != nil {
		return nil, err
	}
	if fsys == nil {
		return base, nil
	}
	entries, err := fs.ReadDir(fsys, Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return base, nil
	}
	if err != nil {
		return nil, err
	}
	c := &Catalog{langs: map[string]*Lang{}, lazy: base.lazy}
	for k, v := range base.langs {
		c.langs[k] = v
	}
	ref := base.langs[Reference]
	var list diag.List
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		file := Dir + "/" + name
		code, ok := strings.CutSuffix(name, ".yaml")
		if !ok {
			list.Add(diag.Errorf(diag.Pos{Path: file}, "a catalogue must be named <language>.yaml").
				WithHint("rename it to the language's code and .yaml, such as en.yaml, or move it out of %s/", Dir))
			continue
		}
		if _, err := language.Parse(code); err != nil || code != strings.ToLower(code) {
			list.Add(diag.Errorf(diag.Pos{Path: file}, "%q is not a language code", code).
				WithHint("name the file by the language's code in lower case, as <html lang> writes it: en.yaml, fr.yaml, zh-hant.yaml"))
			continue
		}
		src, err := fs.ReadFile(fsys, file)
		if err != nil {
			list.AddErr(diag.Pos{Path: file}, err)
			continue
		}
		msgs, err := parse(file, src)
		if err != nil {
			list.AddErr(diag.Pos{Path: file}, err)
			continue
		}
		if err := checkAgainst(file, msgs, ref); err != nil {
			list.AddErr(diag.Pos{Path: file}, err)
			continue
		}
		own := c.Lang(code)
		if own == nil {
			if err := complete(file, msgs, ref); err != nil {
				list.AddErr(diag.Pos{Path: file}, err)
				continue
			}
		} else {
			merged := make(map[string]*message, len(own.msgs)+len(msgs))
			for k, m := range own.msgs {
				merged[k] = m
			}
			for k, m := range msgs {
				merged[k] = m
			}
			msgs = merged
		}
		l, err := newLang(code, msgs)
		if err != nil {
			list.AddErr(diag.Pos{Path: file}, err)
			continue
		}
		c.langs[code] = l
	}
	if err := list.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

// checkAgainst reports a project message that uses a placeholder its key
// does not have in the reference language: no caller would fill it in.
func checkAgainst(file string, msgs map[string]*message, ref *Lang) error {
	var list diag.List
	for _, k := range sortedKeys(msgs) {
		m := msgs[k]
		want, builtIn := ref.msgs[k]
		if !builtIn {
			continue // a key of the project's own templates
		}
		for _, h := range m.holes {
			if !slices.Contains(want.holes, h) {
				given := "no placeholders"
				if len(want.holes) > 0 {
					given = "{" + strings.Join(want.holes, "}, {") + "}"
				}
				list.Add(diag.Errorf(m.pos, "message %s uses {%s}, which surveysite does not fill in here", k, h).
					WithHint("use only %s, as i18n/%s.yaml does", given, Reference))
			}
		}
	}
	return list.Err()
}

// complete reports the keys of the reference language that a new
// language lacks.
func complete(file string, msgs map[string]*message, ref *Lang) error {
	var missing []string
	for _, k := range sortedKeys(ref.msgs) {
		if _, ok := msgs[k]; !ok {
			missing = append(missing, k)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	shown := missing
	more := ""
	if len(shown) > 10 {
		shown, more = shown[:10], fmt.Sprintf(" and %d more", len(missing)-10)
	}
	return diag.Errorf(diag.Pos{Path: file, Line: 1}, "the catalogue lacks %d of the %d messages: %s%s",
		len(missing), len(ref.msgs), strings.Join(shown, ", "), more).
		WithHint("copy a built-in catalogue (internal/i18n/messages/en.yaml in surveysite's source) and translate every message")
}

func sortedKeys(m map[string]*message) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// newLang makes the Lang of code from its messages, checking that each
// plural message has every form the language's rules choose.
func newLang(code string, msgs map[string]*message) (*Lang, error) {
	tag, err := language.Parse(code)
	if err != nil {
		return nil, fmt.Errorf("i18n: %q is not a language code: %w", code, err)
	}
	l := &Lang{code: code, tag: tag, msgs: msgs}
	var list diag.List
	h := sha256.New()
	for _, k := range sortedKeys(msgs) {
		m := msgs[k]
		io.WriteString(h, k)
		h.Write([]byte{0})
		io.WriteString(h, m.src)
		h.Write([]byte{0})
		if !m.plural {
			continue
		}
		rules := plural.Cardinal
		if m.ordinal {
			rules = plural.Ordinal
		}
		for n := 0; n <= 200; n++ {
			f := rules.MatchPlural(tag, n, 0, 0, 0, 0)
			if m.forms[f] == nil {
				list.Add(diag.Errorf(m.pos, "message %s has no %q form, which %s uses for %d",
					k, formNames[f], code, n).WithHint("add %s: with the text for a count such as %d", formNames[f], n))
				break
			}
		}
	}
	if err := list.Err(); err != nil {
		return nil, err
	}
	l.sum = hex.EncodeToString(h.Sum(nil))[:16]
	return l, nil
}

// formNames are the CLDR names of the plural forms, by plural.Form.
var formNames = [...]string{plural.Other: "other", plural.Zero: "zero", plural.One: "one", plural.Two: "two", plural.Few: "few", plural.Many: "many"}
