package chart

import (
	"bytes"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"surveysite/internal/golden"
)

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
	golden.Check(t, filepath.Join("testdata", test, name+".golden.svg"), got)
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
