package content

import (
	"reflect"
	"strings"
	"testing"
)

// fullFrontMatter parses src with the YAML parser only.
func fullFrontMatter(t testing.TB, src []byte) (FrontMatter, error) {
	t.Helper()
	return parseFrontMatterYAML("a.md", src, 2)
}

var simpleSeeds = []string{
	"title: 部会について\nweight: 1\n",
	"title: \"業務の評価 1\"\ndate: 2025-12-10\ntags: [評価, 対話, 現場]\n",
	"title: a\r\ndescription: b c\r\ndraft: true\r\n",
	"title: yes\n", "title: 2025\n", "title: 'x'\n", "title: a # c\n", "title: \"a\\\"b\"\n",
	"title: a: b\n", "tags: [a, 'b']\n", "weight: 007\n", "weight: -3\n", "date: 2025-1-2\n",
	"title: ~\n", "title: a\ntitle: b\n", "slug: a/b\n", "other: x\n", "  title: x\n", "title: x\n  more\n",
	"tags: []\n", "tags: [a,b]\n", "title: -x\n", "title: x:\n", "draft: True\n", "title: .5\n",
	// The forms Hugo's archetypes and real sites write.
	"title: \"Network policy\"\ndate: 2019-01-01T13:38:24+09:00\ndraft: false\ntags: [\"network\", \"policy\"]\n",
	"title: 'a'\ndate: 2023-02-03T10:00:00Z\ntoc: true\nrating: 4.5\ncount: 3\nneg: -3\n",
	"title: a\ntags:\n  - x\n  - \"y z\"\nweight: 2\n", "tags:\n  - x\n   - y\n", "tags:\n  -\n", "tags:\n- x\n",
	"lastmod: 2024-01-02T09:00:00+09:00\nseries: [a, 'b']\n", "Title: x\n", "n: 007\n", "n: 1e3\n", "n: -0\n",
	"n: 0x1F\n", "n: 1.\n", "n: .5\n", "n: 99999999999999999999\n", "n: 1_000\n", "date: 2019-01-01T13:38:24.5+09:00\n",
	"date: 2019-01-01t13:38:24+09:00\n", "date: 2019-01-01T13:38:24\n", "k: 'it''s'\n", "k: 'a # b'\n", "k: [1, 2]\n",
	"k: null\n", "k: ~\n", "k: True\n", "a-b: x\n", "a_b: 2.50\n",
	// Folded and literal text, and grouped settings.
	"description: >-\n  a b\n  c\n", "description: >\n  a\n  b\nx: 1\n", "k: |\n  a\n  b\n", "k: |-\n  a\n",
	"description: >-\n  a\n\n  b\n", "description: >-\n  a\n   b\n", "description: >-\n", "title: |\n  x\n",
	"params:\n  author:\n    name: a\n    url: https://example.org/\n  series: [a, b]\ntags: [x]\n",
	"params:\n  a: 1\n  a: 2\n", "params:\n  a: 1\n b: 2\n", "params:\n  a:\n  b: 1\n", "p:\n  d: >-\n    a\n    b\n  e: 2\n",
	"params:\n  Title: x\n", "params:\n  a: 2019-01-01\n  b: -0.5\n  c: true\n", "p:\n  - a\n", "p:\n  a: b\nq: |\n  x\n",
	"tags: >\n  a\n", "layout: |\n  a\n", "slug: >-\n  a\n", "date:\n  a: 1\n", "tags:\n  a: 1\n", "title:\n  a: 1\n",
	"a: |\n 0", "a: >\n    0\n    0", "title: x" + strings.Repeat(" -", 100) + "\n", "a: x - 'y\nb: '- " + strings.Repeat("[", 100) + "'\n", "a: >\r\n  x\r\n  y\r\n", "p:\r\n  a: 1\r\n  b: x\r\n",
}

func TestSimpleFrontMatterAgreesWithYAML(t *testing.T) {
	t.Parallel()
	for _, s := range simpleSeeds {
		checkSimpleAgrees(t, []byte(s))
	}
	if _, ok := parseSimpleFrontMatter([]byte(simpleSeeds[1])); !ok {
		t.Errorf("the synthetic benchmark's front matter does not take the fast path")
	}
}

func FuzzSimpleFrontMatterAgrees(f *testing.F) {
	for _, s := range simpleSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) { checkSimpleAgrees(t, src) })
}

func checkSimpleAgrees(t *testing.T, src []byte) {
	got, ok := parseSimpleFrontMatter(src)
	if !ok {
		return
	}
	for k, l := range got.Lines {
		got.Lines[k] = l + 1 // fullFrontMatter's YAML starts on line 2
	}
	want, err := fullFrontMatter(t, src)
	if err != nil {
		t.Fatalf("fast path accepted %q, which YAML rejects: %v", src, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("fast path on %q = %+v, YAML gives %+v", src, got, want)
	}
}

// TestSimpleFrontMatterTakesCommonForms: the forms Hugo's archetypes and
// most real pages write need no YAML parser (issue 21); nested settings and
// folded text do.
func TestSimpleFrontMatterTakesCommonForms(t *testing.T) {
	t.Parallel()
	for _, src := range []string{
		"title: \"Network policy 12\"\ndate: 2019-01-01T13:38:24+09:00\ndraft: false\ntags: [\"network\", \"policy\"]\n",
		"title: 人材の育成 3\ndate: 2024-05-06\nweight: 3\ntags:\n  - 人材\n  - policy\n",
		"title: 'Open data'\ndate: 2023-02-03T10:00:00Z\ndescription: \"A survey.\"\ntoc: true\nrating: 4.5\nlastmod: 2024-01-02T09:00:00+09:00\ncategories: [news, 'report']\n",
		"title: 組織の風土 9\ndate: 2022-01-01\ntags: [風土]\n",
		"title: a\nparams:\n  author: b\n",
		"title: a\ndescription: >-\n  b\n  c\n",
		// The varied benchmark corpus's nested params and folded text.
		"title: '窓口の地域 9942'\ndate: 2021-02-06T03:22:00Z\ndescription: \"Just and right.\"\ntoc: true\nrating: 4.7\nparams:\n  author:\n    name: 研究\n    url: https://example.org/authors/6/\n  series: [survey, policy]\ntags: [実践]\n",
		"title: x\ndescription: >-\n  Out in both under policy even.\n  How there time long could.\ntags: [自治体, team]\n",
		"summary: |\n  line one\n  line two\nnote: >\n  a\n  b\n",
	} {
		if _, ok := parseSimpleFrontMatter([]byte(src)); !ok {
			t.Errorf("%q left the fast path", src)
		}
		checkSimpleAgrees(t, []byte(src))
	}
	for _, src := range []string{
		"title: a\ndescription: >-\n  b\n\n  c\n", // a blank line folds to a line feed
		"title: a\ndescription: >-\n  b\n    c\n", // a more indented line too
		"title: a\ndescription: >+\n  b\n",
		"params:\n  a:\n    b:\n      c:\n        d:\n          e: 1\n", // five levels
		"params:\n\tauthor: b\n",
		"params:\n  author: b\n   x: c\n",
	} {
		if _, ok := parseSimpleFrontMatter([]byte(src)); ok {
			t.Errorf("%q took the fast path", src)
		}
	}
}
