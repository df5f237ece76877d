package build

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"surveysite/internal/diag"
)

// writeSite writes the files of a txtar archive under a new temporary
// folder and returns it.
func writeSite(t *testing.T, archive string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		full := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const brokenSite = `
-- surveysite.yaml --
title: テスト
unsafeHTML: true
-- content/_index.md --
---
title: ホーム
---
[参加方法](join.md#申込み)
-- content/join.md --
---
title: 参加方法
---
## 申し込み

本文 [壊れたリンク](/nosuch/) と ![](missing.png)。

[ある見出し](#申し込み) と [ない見出し](#ない)

<img src="../favicon.svg">
-- content/special.md --
---
title: 特別
layout: special
---
本文
-- templates/layouts/special.html --
{{define "main"}}
<p><a href="{{.RelURL "/gone/"}}">消えたページ</a></p>
{{end}}
`

func TestCheckFindsBrokenLinksFragmentsAndAltText(t *testing.T) {
	t.Parallel()
	src := writeSite(t, brokenSite)
	_, err := Check(context.Background(), CheckOptions{Source: src})
	var list *diag.List
	if !errors.As(err, &list) {
		t.Fatalf("Check() = %v, want a *diag.List", err)
	}
	var got []string
	var tmpl *diag.Error
	for _, e := range list.Items() {
		if e.Pos.Path == "public/special/index.html" {
			tmpl = e
			continue
		}
		got = append(got, e.Error())
	}
	want := []string{
		`content/_index.md:4:1: link "join.md#申込み": join/index.html has no element with id "申込み"`,
		`content/join.md:6:4: link "/nosuch/": the site has no file nosuch/index.html`,
		`content/join.md:6:25: image "missing.png": the site has no file join/missing.png`,
		`content/join.md:8:18: link "#ない": join/index.html has no element with id "ない"`,
		`content/join.md:10:1: <img src="../favicon.svg"> has no alt text`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A link written by a template is reported in the output file, naming
	// the page it was made for.
	if tmpl == nil {
		t.Fatal("no problem reported for the template's link to /gone/")
	}
	if want := `link "../gone/index.html": the site has no file gone/index.html (in the page made from content/special.md)`; tmpl.Msg != want {
		t.Errorf("template link: %q, want %q", tmpl.Msg, want)
	}
	if tmpl.Pos.Line < 2 || tmpl.Pos.Col < 1 {
		t.Errorf("template link at %v, want a line and column", tmpl.Pos)
	}
	for _, e := range list.Items() {
		if e.Warn || e.Hint == "" {
			t.Errorf("%s: want an error with a hint", e)
		}
	}
	if _, err := os.Stat(filepath.Join(src, "public")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("check wrote public/: %v", err)
	}
}

func TestCheckPassesAGoodSite(t *testing.T) {
	t.Parallel()
	src := writeSite(t, `
-- content/_index.md --
---
title: ホーム
---
[参加方法](join.md#申し込み) [外部](https://example.com/x#y)
-- content/join.md --
---
title: 参加方法
---
## 申し込み

[戻る](/) [上へ](#申し込み) [ホーム](../)
`)
	res, err := Check(context.Background(), CheckOptions{Source: src})
	if err != nil {
		t.Fatalf("Check() = %v", err)
	}
	if res.Pages < 2 {
		t.Errorf("Pages = %d, want at least 2", res.Pages)
	}
}
