package i18n

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/goccy/go-yaml"

	"surveysite/internal/diag"
)

// TestBuiltinCataloguesAreComplete keeps the shipped catalogues in step:
// every key of the reference language is in every other, none is only in
// another, and each has the same placeholders (over all its plural forms).
func TestBuiltinCataloguesAreComplete(t *testing.T) {
	t.Parallel()
	c, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Languages(); !slices.Contains(got, "en") || !slices.Contains(got, "ja") {
		t.Fatalf("Languages() = %v, want ja and en", got)
	}
	ref := c.Lang(Reference)
	for _, code := range c.Languages() {
		l := c.Lang(code)
		for _, k := range c.Keys() {
			if !l.Has(k) {
				t.Errorf("%s.yaml lacks %s", code, k)
				continue
			}
			if got, want := c.Placeholders(code, k), c.Placeholders(Reference, k); !slices.Equal(got, want) {
				t.Errorf("%s.yaml: %s has placeholders %v, %s.yaml %v", code, k, got, Reference, want)
			}
		}
		for k := range l.msgs {
			if !ref.Has(k) {
				t.Errorf("%s.yaml has %s, which %s.yaml lacks", code, k, Reference)
			}
		}
	}
}

func testCatalog(t *testing.T, files map[string]string) (*Catalog, error) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[Dir+"/"+name] = &fstest.MapFile{Data: []byte(data)}
	}
	return Load(fsys)
}

func TestPluralFormsFollowTheLanguage(t *testing.T) {
	t.Parallel()
	c, err := testCatalog(t, map[string]string{
		"en.yaml": "x:\n  answers:\n    one: \"{n} answer\"\n    other: \"{n} answers\"\n  place:\n    ordinal:\n      one: \"{n}st\"\n      two: \"{n}nd\"\n      few: \"{n}rd\"\n      other: \"{n}th\"\n",
		"ja.yaml": "x:\n  answers: \"{n}件\"\n  place: \"{n}位\"\n",
	})
	if err != nil {
		t.Fatal(err)
	}
	en, ja := c.Lang("en"), c.Lang("ja")
	for _, tc := range []struct {
		l    *Lang
		key  string
		n    any
		want string
	}{
		{en, "x.answers", 1, "1 answer"},
		{en, "x.answers", 0, "0 answers"},
		{en, "x.answers", 614, "614 answers"},
		{en, "x.answers", "1,234", "1,234 answers"},
		{en, "x.place", 1, "1st"},
		{en, "x.place", 2, "2nd"},
		{en, "x.place", 3, "3rd"},
		{en, "x.place", 11, "11th"},
		{en, "x.place", 22, "22nd"},
		{ja, "x.answers", 1, "1件"},
		{ja, "x.place", 2, "2位"},
	} {
		if got := tc.l.T(tc.key, "n", tc.n); got != tc.want {
			t.Errorf("%s T(%s, n=%v) = %q, want %q", tc.l.Code(), tc.key, tc.n, got, tc.want)
		}
	}
}

func TestDateIsWrittenAsTheLanguageWritesIt(t *testing.T) {
	t.Parallel()
	c, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	d := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	if got := c.Lang("ja").Date(d); got != "2026年4月1日" {
		t.Errorf("ja Date = %q", got)
	}
	if got := c.Lang("en").Date(d); got != "April 1, 2026" {
		t.Errorf("en Date = %q", got)
	}
	if got := c.Lang("en").Date(time.Time{}); got != "" {
		t.Errorf("Date(zero) = %q, want empty", got)
	}
}

func TestAProjectReplacesSingleMessages(t *testing.T) {
	t.Parallel()
	c, err := testCatalog(t, map[string]string{"en.yaml": "language:\n  name: British English\n"})
	if err != nil {
		t.Fatal(err)
	}
	en := c.Lang("en")
	if got := en.T("language.name"); got != "British English" {
		t.Errorf("replaced message = %q", got)
	}
	if got := en.T("month.4"); got != "April" {
		t.Errorf("kept message = %q, want April", got)
	}
	b, _ := Builtin()
	if got := b.Lang("en").T("language.name"); got != "English" {
		t.Errorf("the built-in catalogue changed: %q", got)
	}
	if en.Sum() == b.Lang("en").Sum() {
		t.Error("Sum is the same for different messages")
	}
}

func TestANewLanguageMustGiveEveryMessage(t *testing.T) {
	t.Parallel()
	_, err := testCatalog(t, map[string]string{"fr.yaml": "language:\n  name: Français\n"})
	b, _ := Builtin()
	if err == nil || !strings.HasPrefix(err.Error(), "templates/i18n/fr.yaml:1: the catalogue lacks") ||
		!strings.Contains(err.Error(), b.Keys()[0]) || strings.Contains(err.Error(), "language.name") {
		t.Errorf("err = %v, want the file and the keys it lacks", err)
	}
	tree := map[string]any{}
	for _, k := range b.Keys() {
		node := tree
		parts := strings.Split(k, ".")
		for _, p := range parts[:len(parts)-1] {
			if node[p] == nil {
				node[p] = map[string]any{}
			}
			node = node[p].(map[string]any)
		}
		node[parts[len(parts)-1]] = sourceOf(b.Lang("en").msgs[k])
	}
	tree["language"].(map[string]any)["name"] = "Français"
	src, err := yaml.Marshal(tree)
	if err != nil {
		t.Fatal(err)
	}
	c, err := testCatalog(t, map[string]string{"fr.yaml": string(src)})
	if err != nil {
		t.Fatalf("a complete catalogue: %v", err)
	}
	if got := c.Lang("fr").T("language.name"); got != "Français" {
		t.Errorf("fr language.name = %q", got)
	}
}

func TestAMessageMayUseOnlyItsKeysPlaceholders(t *testing.T) {
	t.Parallel()
	_, err := testCatalog(t, map[string]string{"en.yaml": "language:\n  name: English\ndate: \"{day} {month} {year}\"\n"})
	var de *diag.Error
	if !errors.As(firstError(err), &de) {
		t.Fatalf("err = %v, want a diag.Error", err)
	}
	if got := de.Pos.String(); got != "templates/i18n/en.yaml:3:7" || !strings.Contains(de.Msg, "{month}") {
		t.Errorf("err = %s, want line 3 and {month}", de.Format())
	}
}

func TestAPluralMessageNeedsEveryFormOfItsLanguage(t *testing.T) {
	t.Parallel()
	_, err := testCatalog(t, map[string]string{"en.yaml": "x:\n  other: a\ny:\n  n:\n    other: \"{n} things\"\n"})
	if err == nil || !strings.Contains(err.Error(), `y.n has no "one" form`) {
		t.Errorf("err = %v, want y.n's missing one form", err)
	}
}

func TestTextNamesTheMissingKeyAndLanguage(t *testing.T) {
	t.Parallel()
	c, _ := Builtin()
	_, err := c.Lang("en").Text("no.such.key")
	if err == nil || !strings.Contains(err.Error(), `"no.such.key"`) || !strings.Contains(err.Error(), "language en") {
		t.Errorf("err = %v, want the key and the language", err)
	}
	if _, err := c.Lang("ja").Text("date", "year", 2026); err == nil || !strings.Contains(err.Error(), "{day}") {
		t.Errorf("err = %v, want the placeholder without a value", err)
	}
	if _, err := c.Lang("ja").Text("date", "year"); err == nil {
		t.Error("odd arguments: no error")
	}
	if got := c.Lang("ja").T("no.such.key"); got != "[no.such.key]" {
		t.Errorf("T(missing) = %q", got)
	}
}

func TestCatalogueErrorsNameTheLine(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, src, want string }{
		{"empty", "language:\n  name:\n", "templates/i18n/en.yaml:2:9: message language.name is empty"},
		{"list", "language:\n  name: [a, b]\n", "templates/i18n/en.yaml:2:9: message language.name must be text"},
		{"twice", "a: x\na: y\n", "templates/i18n/en.yaml:2:1"},
		{"syntax", "a: x\n b: : :\n", "templates/i18n/en.yaml:2"},
		{"dot key", "a.b: x\n", "templates/i18n/en.yaml:1:1: \"a.b\" is not a message key"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := testCatalog(t, map[string]string{"en.yaml": tc.src})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
	if _, err := testCatalog(t, map[string]string{"English.yaml": "a: b\n"}); err == nil || !strings.Contains(err.Error(), "not a language code") {
		t.Errorf("English.yaml: err = %v", err)
	}
}

func TestJSONGivesTheFormsForScripts(t *testing.T) {
	t.Parallel()
	c, err := testCatalog(t, map[string]string{"en.yaml": "x:\n  one: \"{n} page\"\n  other: \"{n} pages\"\n"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.Lang("en").JSON("x", "language.name")
	if want := `{"language.name":{"other":"English"},"x":{"one":"{n} page","other":"{n} pages"}}`; err != nil || got != want {
		t.Errorf("JSON = %s, %v; want %s", got, err, want)
	}
}

// firstError returns the first problem of a diag.List, or err.
func firstError(err error) error {
	var l *diag.List
	if errors.As(err, &l) && len(l.Items()) > 0 {
		return l.Items()[0]
	}
	return err
}

// sourceOf writes a message back as a catalogue's value: its text, or its
// forms.
func sourceOf(m *message) any {
	text := func(parts []part) string {
		var b strings.Builder
		for _, p := range parts {
			if p.hole {
				b.WriteString("{" + p.text + "}")
			} else {
				b.WriteString(p.text)
			}
		}
		return b.String()
	}
	if !m.plural {
		return text(m.forms[0])
	}
	forms := map[string]any{}
	for f, parts := range m.forms {
		if parts != nil {
			forms[formNames[f]] = text(parts)
		}
	}
	if m.ordinal {
		return map[string]any{"ordinal": forms}
	}
	return forms
}
