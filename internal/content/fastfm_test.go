package content

import (
	"reflect"
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
