package build

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"surveysite/internal/diag"
)

func TestBuildFailsOnBrokenLinkAndKeepsOutput(t *testing.T) {
	t.Parallel()
	src := t.TempDir()
	writeFile(t, filepath.Join(src, "content", "_index.md"), []byte("---\ntitle: ホーム\n---\n[参加方法](/join/#申し込み) と [なし](/nosuch/)\n"))
	writeFile(t, filepath.Join(src, "content", "join.md"), []byte("---\ntitle: 参加方法\n---\n## 申込み\n"))
	dest := filepath.Join(src, "public")
	writeFile(t, filepath.Join(dest, "old.html"), []byte("previous build"))
	writeFile(t, filepath.Join(dest, markerName), []byte(markerText))
	_, err := Run(context.Background(), Options{Source: src})
	var list *diag.List
	if !errors.As(err, &list) {
		t.Fatalf("Run() = %v, want a *diag.List", err)
	}
	want := `content/_index.md:4:1: link "/join/#申し込み": join/index.html has no element with id "申し込み"
  fix: use an id that the page has; a heading's id is its text (## 参加方法 gives #参加方法)
content/_index.md:4:23: link "/nosuch/": the site has no file nosuch/index.html
  fix: check the path; links to pages may name their .md file (../program.md) or their URL (/program/); files under templates/static/ are copied to the site root`
	if got := list.Error(); got != want {
		t.Errorf("Run() problems:\n%s\nwant:\n%s", got, want)
	}
	files := listFiles(t, dest)
	if strings.Join(files, ",") != "old.html" {
		t.Errorf("public/ holds %v after a failed build, want only old.html", files)
	}
	entries, _ := os.ReadDir(src)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public-tmp-") {
			t.Errorf("temporary folder %s left behind", e.Name())
		}
	}
}
