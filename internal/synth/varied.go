package synth

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// The varied corpus (Options.Varied) is written to look like the sites
// people have, not like this package's uniform pages:
//
//   - sections three levels deep (docs/guide/advanced), two (news/2024)
//     and one (posts), each with an _index.md;
//   - front matter in the forms Hugo's archetypes and real sites write:
//     RFC 3339 date-times with offsets or Z, plain dates, quoted and
//     unquoted flow lists, block lists, booleans, integers and floats,
//     single- and double-quoted strings, nested params, folded text;
//   - page sizes from 0.3 to 30 KB on a long-tailed (log-normal)
//     distribution with a median near 1.6 KB;
//   - Japanese and English prose, headings, nested lists, tables, fenced
//     code, block quotes, footnotes, images and links.
//
// The images it links are written to templates/static/images/ (where
// surveysite takes static files) and, for Hugo, to static/images/.

// variedSections are the folders pages are spread over, with their titles.
var variedSections = []struct{ dir, title string }{
	{"posts", "投稿"},
	{"news", "お知らせ"},
	{"news/2024", "2024年のお知らせ"},
	{"docs", "Documentation"},
	{"docs/guide", "利用ガイド"},
	{"docs/guide/advanced", "Advanced topics"},
}

var english = strings.Fields(`the of and to in a is that for it as with was on be by this are from at or
an have not which but all were when we there can more if no out so said what up its about into than them
only other new some could time these two may then do first any my now such like our over man me even most
made after also did many before must through back years where much your way well down should because each
just those people how too little state good very make world still own see men work long get here between
both life being under never day same another know while last might us great old year off come since against
go came right used take three municipal survey data report council budget service resident policy network`)

var codeLangs = []struct{ lang, body string }{
	{"go", "func main() {\n\tfmt.Println(\"hello, 世界\")\n\tfor i := 0; i < 3; i++ {\n\t\tfmt.Println(i)\n\t}\n}"},
	{"sh", "surveysite build --base-url https://example.org/\nsurveysite serve --port 8080"},
	{"yaml", "title: 地域経営部会\nmenu:\n  - {name: 部会について, url: /about/}"},
	{"", "plain text block\n  with indentation\n    and more"},
}

// writeVaried writes o.Pages pages over variedSections.
func writeVaried(dir string, r *rand.Rand, o Options, tags []string) error {
	for _, s := range variedSections {
		d := filepath.Join(dir, "content", filepath.FromSlash(s.dir))
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
		fm := fmt.Sprintf("---\ntitle: %q\ndescription: %s の一覧です。\n---\n%s\n", s.title, s.title, englishSentence(r, 12))
		if err := os.WriteFile(filepath.Join(d, "_index.md"), []byte(fm), 0o644); err != nil {
			return err
		}
	}
	for _, img := range []string{filepath.Join(dir, "templates", "static", "images"), filepath.Join(dir, "static", "images")} {
		if err := os.MkdirAll(img, 0o755); err != nil {
			return err
		}
		for i := range 4 {
			if err := os.WriteFile(filepath.Join(img, fmt.Sprintf("photo-%d.png", i)), tinyPNG, 0o644); err != nil {
				return err
			}
		}
	}
	var b strings.Builder
	for i := range o.Pages {
		b.Reset()
		s := variedSections[r.IntN(len(variedSections))]
		variedPage(&b, r, i, tags)
		name := filepath.Join(dir, "content", filepath.FromSlash(s.dir), fmt.Sprintf("v%05d.md", i))
		if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// tinyPNG is a 1×1 grey PNG.
var tinyPNG = func() []byte {
	var b bytes.Buffer
	img := image.NewGray(image.Rect(0, 0, 1, 1))
	img.Pix[0] = 0x80
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}()

// pageSize draws a body size in bytes: log-normal, median 1,600, clipped
// to 300 … 30,000.
func pageSize(r *rand.Rand) int {
	s := math.Exp(math.Log(1600) + 0.9*r.NormFloat64())
	return int(min(30000, max(300, s)))
}

func englishSentence(r *rand.Rand, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = english[r.IntN(len(english))]
	}
	w[0] = strings.ToUpper(w[0][:1]) + w[0][1:]
	return strings.Join(w, " ") + "."
}

// variedFrontMatter writes one of the front-matter forms real sites use.
func variedFrontMatter(b *strings.Builder, r *rand.Rand, i int, tags []string) {
	title := words[r.IntN(len(words))] + "の" + words[r.IntN(len(words))]
	if r.IntN(3) == 0 {
		title = englishSentence(r, 3+r.IntN(4))
		title = title[:len(title)-1]
	}
	year, month, day := 2018+r.IntN(8), 1+r.IntN(12), 1+r.IntN(28)
	t1, t2 := tags[r.IntN(len(tags))], ascii[r.IntN(len(ascii))]
	b.WriteString("---\n")
	switch r.IntN(5) {
	case 0: // Hugo's default archetype
		fmt.Fprintf(b, "title: %q\ndate: %04d-%02d-%02dT%02d:%02d:%02d+09:00\ndraft: false\ntags: [%q, %q]\n",
			fmt.Sprintf("%s %d", title, i), year, month, day, r.IntN(24), r.IntN(60), r.IntN(60), t1, t2)
	case 1: // block list, weight
		fmt.Fprintf(b, "title: %s %d\ndate: %04d-%02d-%02d\nweight: %d\ntags:\n  - %s\n  - %s\n", title, i, year, month, day, 1+r.IntN(50), t1, t2)
	case 2: // single quotes, UTC, nested params, numbers and booleans
		fmt.Fprintf(b, "title: '%s %d'\ndate: %04d-%02d-%02dT%02d:%02d:00Z\ndescription: \"%s\"\ntoc: true\nrating: %d.%d\nparams:\n  author:\n    name: %s\n    url: https://example.org/authors/%d/\n  series: [%s, %s]\ntags: [%s]\n",
			title, i, year, month, day, r.IntN(24), r.IntN(60), englishSentence(r, 8), 1+r.IntN(4), r.IntN(10), words[r.IntN(len(words))], r.IntN(40), ascii[r.IntN(len(ascii))], ascii[r.IntN(len(ascii))], t1)
	case 3: // folded description, lastmod, unquoted list
		fmt.Fprintf(b, "title: \"%s %d\"\ndate: %04d-%02d-%02d\nlastmod: %04d-%02d-%02dT09:00:00+09:00\ndescription: >-\n  %s\n  %s\ntags: [%s, %s]\n",
			title, i, year, month, day, year, month, day, englishSentence(r, 6), englishSentence(r, 5), t1, t2)
	default: // the simplest
		fmt.Fprintf(b, "title: %s %d\ndate: %04d-%02d-%02d\ntags: [%s]\n", title, i, year, month, day, t1)
	}
	b.WriteString("---\n")
}

// variedPage writes a page whose body grows block by block to its drawn
// size.
func variedPage(b *strings.Builder, r *rand.Rand, i int, tags []string) {
	variedFrontMatter(b, r, i, tags)
	start := b.Len()
	size := pageSize(r)
	notes := 0
	for b.Len()-start < size {
		switch k := r.IntN(20); {
		case k < 6: // Japanese paragraph
			for range 1 + r.IntN(3) {
				b.WriteString(sentence(r, 8+r.IntN(12)))
			}
			if r.IntN(4) == 0 {
				notes++
				fmt.Fprintf(b, "[^%d]", notes)
			}
			b.WriteString("\n\n")
		case k < 10: // English paragraph, wrapped
			for range 2 + r.IntN(3) {
				b.WriteString(englishSentence(r, 6+r.IntN(14)))
				b.WriteString("\n")
			}
			if r.IntN(3) == 0 {
				fmt.Fprintf(b, "See *%s* and **%s**, or `%s` in [the guide](https://example.org/%s/).\n", english[r.IntN(len(english))], english[r.IntN(len(english))], ascii[r.IntN(len(ascii))], ascii[r.IntN(len(ascii))])
			}
			b.WriteString("\n")
		case k < 12:
			fmt.Fprintf(b, "%s %s\n\n", strings.Repeat("#", 2+r.IntN(2)), words[r.IntN(len(words))]+"と"+english[r.IntN(len(english))])
		case k < 14: // lists, one level nested
			ordered := r.IntN(2) == 0
			for j := range 2 + r.IntN(5) {
				if ordered {
					fmt.Fprintf(b, "%d. %s\n", j+1, sentence(r, 3+r.IntN(5)))
				} else {
					fmt.Fprintf(b, "- %s\n", englishSentence(r, 3+r.IntN(6)))
				}
				if r.IntN(4) == 0 {
					fmt.Fprintf(b, "   - %s\n", sentence(r, 3))
				}
			}
			b.WriteString("\n")
		case k < 16: // table
			cols := 3 + r.IntN(4)
			b.WriteString("|")
			for c := range cols {
				fmt.Fprintf(b, " %s%d |", words[r.IntN(len(words))], c)
			}
			b.WriteString("\n|")
			for c := range cols {
				b.WriteString([]string{"---|", ":--|", "--:|", ":-:|"}[c%4])
			}
			b.WriteString("\n")
			for range 3 + r.IntN(8) {
				b.WriteString("|")
				for c := range cols {
					if c == 0 {
						fmt.Fprintf(b, " %s |", english[r.IntN(len(english))])
					} else {
						fmt.Fprintf(b, " %d |", r.IntN(100000))
					}
				}
				b.WriteString("\n")
			}
			b.WriteString("\n")
		case k < 17:
			c := codeLangs[r.IntN(len(codeLangs))]
			fmt.Fprintf(b, "```%s\n%s\n```\n\n", c.lang, c.body)
		case k < 18:
			fmt.Fprintf(b, "> %s\n> %s\n\n", sentence(r, 10), englishSentence(r, 8))
		default:
			fmt.Fprintf(b, "![%s](/images/photo-%d.png)\n\n", words[r.IntN(len(words))]+"の写真", r.IntN(4))
		}
	}
	for n := 1; n <= notes; n++ {
		fmt.Fprintf(b, "[^%d]: %s\n", n, sentence(r, 6))
	}
}
