package i18n

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Calls of built-in messages: Lang.T("key" in Go, and t "key", siteT "key"
// and tjson "key" … in the default theme's templates.
var (
	goCall       = regexp.MustCompile(`\.T\("([^"]+)"`)
	templateCall = regexp.MustCompile(`\b(?:t|siteT|tjson) ((?:"[^"]+" ?)+)`)
	quoted       = regexp.MustCompile(`"([^"]+)"`)
)

// TestEveryKeyUsedIsInTheCatalogue reads surveysite's Go code and default
// theme for the messages they ask for, so that no call names a key the
// built-in catalogues lack (Lang.T would write "[key]").
func TestEveryKeyUsedIsInTheCatalogue(t *testing.T) {
	t.Parallel()
	c, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ref := c.Lang(Reference)
	seen := 0
	err = filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if filepath.Base(path) == "i18n" || filepath.Base(path) == "testdata" {
				return filepath.SkipDir // this package's own examples
			}
			return nil
		}
		isGo := strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go")
		isTemplate := strings.Contains(filepath.ToSlash(path), "site/theme/") && strings.HasSuffix(path, ".html")
		if !isGo && !isTemplate {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var keys []string
		if isGo {
			for _, m := range goCall.FindAllStringSubmatch(string(src), -1) {
				keys = append(keys, m[1])
			}
		} else {
			for _, m := range templateCall.FindAllStringSubmatch(string(src), -1) {
				args := quoted.FindAllStringSubmatch(m[1], -1)
				if strings.Contains(m[0], "tjson") {
					for _, a := range args {
						keys = append(keys, a[1])
					}
				} else if len(args) > 0 {
					keys = append(keys, args[0][1])
				}
			}
		}
		for _, k := range keys {
			seen++
			if strings.HasSuffix(k, ".") { // a key made in the code: its prefix
				if !slices.ContainsFunc(c.Keys(), func(x string) bool { return strings.HasPrefix(x, k) }) {
					t.Errorf("%s asks for messages %q…, which %s.yaml lacks", path, k, Reference)
				}
				continue
			}
			if !ref.Has(k) {
				t.Errorf("%s asks for message %q, which %s.yaml lacks", path, k, Reference)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d calls checked", seen)
}
