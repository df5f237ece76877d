package build

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// japaneseText matches kana, kanji and the Japanese forms of punctuation and
// letters (「」、。（）, full-width forms, ※).
var japaneseText = regexp.MustCompile(`[\p{Han}\p{Hiragana}\p{Katakana}\x{3000}-\x{303F}\x{FF00}-\x{FFEF}※]`)

// TestEnglishSiteWritesNoJapanese builds the English site of
// testdata/sites/language-en.txtar (issue 20) and the English example, and
// reads everything they write for people and programs: every HTML page has
// lang="en", and no HTML, SVG, CSV, JSON or XML file, nor the search index,
// holds a Japanese character.
func TestEnglishSiteWritesNoJapanese(t *testing.T) {
	t.Parallel()
	ar, err := txtar.ParseFile("testdata/sites/language-en.txtar")
	if err != nil {
		t.Fatal(err)
	}
	src := t.TempDir()
	opts := Options{Source: src}
	for _, f := range ar.Files {
		switch {
		case f.Name == "args":
			opts.BaseURL = strings.Fields(string(f.Data))[1]
		case f.Name == "files" || strings.HasPrefix(f.Name, "public/"):
		default:
			writeFile(t, filepath.Join(src, f.Name), f.Data)
		}
	}
	for name, opts := range map[string]Options{
		"txtar":   opts,
		"example": {Source: filepath.Join(repoRoot, "examples", "english"), Dest: filepath.Join(t.TempDir(), "public")},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			res, err := Run(context.Background(), opts)
			if err != nil {
				t.Fatalf("build: %v", err)
			}
			checked := 0
			err = filepath.WalkDir(res.Dest, func(p string, d os.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				rel := filepath.ToSlash(strings.TrimPrefix(p, res.Dest+string(filepath.Separator)))
				switch filepath.Ext(p) {
				case ".html", ".svg", ".csv", ".json", ".xml":
				case ".js":
					if !strings.HasPrefix(rel, "search/index/") {
						return nil // the theme's scripts: code, not text for readers
					}
				default:
					return nil
				}
				data, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				checked++
				if loc := japaneseText.FindIndex(data); loc != nil {
					t.Errorf("%s holds Japanese: …%s…", rel, data[max(0, loc[0]-60):min(len(data), loc[1]+30)])
				}
				if filepath.Ext(p) == ".html" && !strings.Contains(string(data), `<html lang="en">`) {
					t.Errorf("%s has no <html lang=\"en\">", rel)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if checked < 20 {
				t.Errorf("checked only %d files", checked)
			}
		})
	}
}
