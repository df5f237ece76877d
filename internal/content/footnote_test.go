package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestFootnoteReferencedOnlyFromAnUnusedFootnoteIsDropped: goldmark keeps
// such a footnote, with a back link to a reference it never writes, which
// the build's link check rejects (found by FuzzPagePipeline).
func TestFootnoteReferencedOnlyFromAnUnusedFootnoteIsDropped(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, body, want, not string }{
		{"unused", "本文\n\n[^0]: [^1]\n[^1]: 注\n", "<p>本文</p>\n", "footnote"},
		{"used", "本文[^0]\n\n[^0]: [^1]\n[^1]: 注\n", `href="#fnref:2"`, "\x00"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fsys := fstest.MapFS{"content/a.md": {Data: []byte("---\ntitle: A\n---\n" + tc.body)}}
			pages, err := Load(fsys, Options{})
			if err != nil {
				t.Fatal(err)
			}
			html := string(pages[0].Content)
			if !strings.Contains(html, tc.want) || strings.Contains(html, tc.not) {
				t.Errorf("HTML =\n%s\nwant %q and no %q", html, tc.want, tc.not)
			}
		})
	}
}
