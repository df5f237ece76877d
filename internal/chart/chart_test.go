package chart

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// testFonts parses the bundled fonts once for the whole test binary.
var testFonts = sync.OnceValues(LoadFonts)

func fonts(t testing.TB) *Fonts {
	t.Helper()
	f, err := testFonts()
	if err != nil {
		t.Fatalf("LoadFonts() = %v", err)
	}
	return f
}

// checkGolden compares got with testdata/<TestName>/<name>.golden.svg, or
// rewrites it under -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	test := strings.SplitN(t.Name(), "/", 2)[0]
	path := filepath.Join("testdata", test, name+".golden.svg")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run with -update to create): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden:\n%s", path, lineDiff(string(want), string(got)))
	}
}

// lineDiff reports the first differing lines.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	n := 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want %s\n  have %s\n", i+1, wl, gl)
			if n++; n == 5 {
				b.WriteString("  …\n")
				break
			}
		}
	}
	return b.String()
}

// renderSVG writes c inline and checks it is deterministic.
func renderSVG(t *testing.T, c Chart) []byte {
	t.Helper()
	f := fonts(t)
	var a, b bytes.Buffer
	if err := WriteSVG(&a, c, f); err != nil {
		t.Fatalf("WriteSVG() = %v", err)
	}
	if err := WriteSVG(&b, c, f); err != nil {
		t.Fatalf("WriteSVG() = %v", err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("WriteSVG is not deterministic: two renders differ")
	}
	return a.Bytes()
}

const sample = "※サンプルデータ（実際の回答ではありません）"

func meta(id string) Meta {
	return Meta{ID: id, Title: "問46 取り組みたいテーマ（複数回答）", Desc: "説明文", Footnote: sample}
}
