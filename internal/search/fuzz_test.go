package search

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FuzzSearch indexes any title and text and checks that the index reads
// back and that every term of the page's own text finds the page. It also
// reads the text as HTML (HTMLText) and writes it as spacer.write does and
// as its first form did (writePieces).
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"人材マネジメント", "ﾏﾈｼﾞﾒﾝﾄ AI活用", "Wi-Fi と café", "東京都、京都府。", "…（ＡＩ）　！", "a市b", "\xff\x00ｶﾞ\u3099",
		"葛\U000E0100城 ①", strings.Repeat("x", 40) + "語", "<h2>見出し</h2><p>a  b\u00a0 c&amp;d</p><script>x</script>", " a \u200b b\t\u00a0"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, title, body string) {
		files := Build([]Doc{{Path: "/p/", Title: title, Headings: []string{body}, Body: []string{body, title}}}, Options{})
		ix, err := Read(files)
		if err != nil {
			t.Fatalf("Read: %v", err)
		}
		n := 0
		for _, run := range strings.FieldsFunc(Normalize(body), func(r rune) bool { return classOf(fold(r)) == sep }) {
			if n++; n > 20 || Normalize(run) != run || !utf8.ValidString(run) {
				continue // NFKC of a part of normalised text may differ from the part
			}
			if res := ix.Search(run); len(res) != 1 || res[0].Path != "/p/" {
				t.Errorf("Search(%q) = %v, want the page (body %q)", run, res, body)
			}
		}
		checkCollect(t, title)
		if got, ok := simpleNFKC(body); ok && got != norm.NFKC.String(body) {
			t.Errorf("simpleNFKC(%q) = %q, want %q", body, got, norm.NFKC.String(body))
		}
		var got, want spacer
		got.write(body)
		writePieces(&want, body)
		if got.String() != want.String() || got.space != want.space {
			t.Errorf("write(%q) gives %q (space %v), want %q (space %v)", body, got.String(), got.space, want.String(), want.space)
		}
		heads, text := HTMLText(body)
		for _, h := range append(heads, text) {
			if strings.HasPrefix(h, " ") || strings.HasSuffix(h, " ") || strings.Contains(h, "  ") || strings.ContainsAny(h, "\t\n\r\f") {
				t.Errorf("HTMLText(%q) gives %q: white space not folded", body, h)
			}
		}
		if c, st := scan(body); c != (Clean(body) == body) || c && st != stable(body) {
			t.Errorf("scan(%q) = %v, %v; Clean changes it: %v, stable: %v", body, c, st, Clean(body) != body, stable(body))
		}
	})
}
