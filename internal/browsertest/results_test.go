package browsertest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The accessibility policy page holds generated blocks between these
// markers; -update-a11y (TestBrowser) and -update-a11y (TestNuHTMLChecker)
// rewrite what is between them.
const policyPage = "content/accessibility.md"

func writeA11yResults(t *testing.T, res *results, product string) {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "実施日: %s ／ ツール: axe-core %s、%s ／ 対象ルール: wcag2a, wcag2aa, wcag21a, wcag21aa ／ 画面幅: 375px・1280px\n\n",
		today(), res.axe, product)
	b.WriteString("| ページ | 画面幅 | 違反 | 要確認 |\n|---|---:|---:|---:|\n")
	for _, r := range res.rows {
		fmt.Fprintf(&b, "| `%s` | %dpx | %d | %d |\n", r.Page, r.Width, r.Violations, r.Incomplete)
	}
	replaceBlock(t, "axe-results", b.String())
}

func today() string {
	return time.Now().In(time.FixedZone("JST", 9*60*60)).Format("2006-01-02")
}

// replaceBlock replaces the text between <!-- name:start --> and <!-- name:end --> in the policy page.
func replaceBlock(t *testing.T, name, body string) {
	t.Helper()
	path := filepath.Join(repoRoot(t), policyPage)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	src := string(b)
	start, end := "<!-- "+name+":start -->", "<!-- "+name+":end -->"
	i, j := strings.Index(src, start), strings.Index(src, end)
	if i < 0 || j < i {
		t.Fatalf("%s: markers %s … %s not found", path, start, end)
	}
	out := src[:i+len(start)] + "\n" + body + src[j:]
	if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%s)", path, name)
}
