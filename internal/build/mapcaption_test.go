package build

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// The tile map's caption says its numbers are also in a table; away from
// /participants/, where the table is, it links there.
func TestMapCaptionLinksToTheTable(t *testing.T) {
	t.Parallel()
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := Run(context.Background(), Options{Source: repoRoot, Dest: dest}); err != nil {
		t.Fatal(err)
	}
	caption := regexp.MustCompile(`(?s)<figure class="chart map">.*?<figcaption>(.*?)</figcaption>`)
	for page, want := range map[string]string{
		"index.html":              `<a href="participants/index.html">参加自治体のページ</a>の「都道府県別の参加団体数」の表`,
		"participants/index.html": `このページの下の「都道府県別の参加団体数」の表`,
	} {
		data, err := os.ReadFile(filepath.Join(dest, page))
		if err != nil {
			t.Fatal(err)
		}
		m := caption.FindSubmatch(data)
		if m == nil {
			t.Errorf("%s has no tile map caption", page)
			continue
		}
		if !regexp.MustCompile(regexp.QuoteMeta(want)).Match(m[1]) {
			t.Errorf("%s: caption %q, want it to contain %q", page, m[1], want)
		}
	}
}
