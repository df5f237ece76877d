package template

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// htmlReplacerSlow is the standard library's htmlReplacer, without
// surveysite's shortcut: the reference for it.
func htmlReplacerSlow(s string, replacementTable []string, badRunes bool) string {
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		repl := ""
		if int(r) < len(replacementTable) {
			repl = replacementTable[r]
		} else if !badRunes && (0xfdd0 <= r && r <= 0xfdef || 0xfff0 <= r && r <= 0xffff) {
			repl = fmt.Sprintf("&#x%x;", r)
		}
		if repl != "" {
			b.WriteString(s[written:i])
			b.WriteString(repl)
			written = i + w
		}
		i += w
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

var replacerInputs = []string{
	"", "plain", "地域経営部会 設問46", "a<b>&\"'+=`", "\x00", "nul\x00in", "\uFDD0", "\uFDEF", "\uFFF0", "\uFFFD", "\uFFFF",
	"\uEFFF", "ｱｲｳ", "bad \xff utf8", "\xef", "\xef\xbf", "trail\xe3\x81", "tab\tnl\nsp ", "emoji 🗾", "\u2028\u2029",
}

func FuzzHTMLReplacerShortcut(f *testing.F) {
	for _, s := range replacerInputs {
		f.Add(s)
	}
	tables := map[string][]string{"html": htmlReplacementTable, "norm": htmlNormReplacementTable,
		"nospace": htmlNospaceReplacementTable, "nospacenorm": htmlNospaceNormReplacementTable}
	f.Fuzz(func(t *testing.T, s string) {
		for name, table := range tables {
			for _, bad := range []bool{false, true} {
				if got, want := htmlReplacer(s, table, bad), htmlReplacerSlow(s, table, bad); got != want {
					t.Fatalf("htmlReplacer(%q, %s, %v) = %q, want %q", s, name, bad, got, want)
				}
			}
		}
	})
}
