package i18n

import (
	"fmt"
	"io/fs"
	"reflect"
	"testing"
)

// TestBuiltinCataloguesAreSimple: the built-in catalogues are read without
// the YAML parser, and as it reads them.
func TestBuiltinCataloguesAreSimple(t *testing.T) {
	files, err := fs.Glob(builtinFS, "messages/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatal(files, err)
	}
	for _, f := range files {
		src, err := fs.ReadFile(builtinFS, f)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := parseSimple(f, src)
		if !ok {
			t.Fatalf("%s is not read by parseSimple", f)
		}
		want, err := parseYAML(f, src)
		if err != nil {
			t.Fatal(err)
		}
		sameMessages(t, f, got, want)
	}
}

func sameMessages(t *testing.T, name string, got, want map[string]*message) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d messages, the YAML parser %d", name, len(got), len(want))
	}
	for k, w := range want {
		g := got[k]
		if g == nil || !reflect.DeepEqual(g, w) {
			t.Fatalf("%s: %s is %s, the YAML parser's %s", name, k, dump(g), dump(w))
		}
	}
}

func dump(m *message) string {
	if m == nil {
		return "missing"
	}
	return fmt.Sprintf("%+v", *m)
}

// FuzzSimpleCatalogueAgrees: whatever parseSimple reads, it reads as the
// YAML parser does: the same messages, texts, forms and positions.
func FuzzSimpleCatalogueAgrees(f *testing.F) {
	for _, s := range []string{
		"a: b\n",
		"# c\nx:\n  a:\n    one: \"x {n}\"\n    other: y\n  b: 12\n  \"3\": true\n",
		"a:\n  ordinal:\n    one: \"{n}st\"\n    two: \"{n}nd\"\n    other: \"{n}th\"\n",
		"a: \"q \\\" \\\\ r\" # c\nb: plain text # c\nc: a#b\n",
		"a: null\nb: ~\nc: 0x1F\nd: 1e3\ne: yes\nf: 2001-01-01\ng: .inf\n",
		"  a: b\n  c: d\n",
		"a:\n  b: c\n d: e\n",
		"a: b\n  c: d\n",
		"a: {n} x\nb: x: y\nc: [x]\nd: -1\ne: 'x'\n",
		"a: b\na: c\n",
		"a:\nb: c\n",
		"a:b\n",
		"a: 日本語の「文」\nb: \"日本\"\n",
	} {
		f.Add([]byte(s))
	}
	for _, name := range []string{"messages/ja.yaml", "messages/en.yaml"} {
		if src, err := fs.ReadFile(builtinFS, name); err == nil {
			f.Add(src[:min(len(src), 2000)])
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		got, ok := parseSimple("f.yaml", src)
		if !ok {
			return
		}
		want, err := parseYAML("f.yaml", src)
		if err != nil {
			t.Fatalf("parseSimple read %q, the YAML parser: %v", src, err)
		}
		sameMessages(t, fmt.Sprintf("%q", src), got, want)
	})
}

// BenchmarkParseJapanese reads the built-in Japanese catalogue with and
// without the YAML parser.
func BenchmarkParseJapanese(b *testing.B) {
	src, err := fs.ReadFile(builtinFS, "messages/ja.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("simple", func(b *testing.B) {
		for b.Loop() {
			if _, ok := parseSimple("ja.yaml", src); !ok {
				b.Fatal("not simple")
			}
		}
	})
	b.Run("yaml", func(b *testing.B) {
		for b.Loop() {
			if _, err := parseYAML("ja.yaml", src); err != nil {
				b.Fatal(err)
			}
		}
	})
}
