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

// Issue 24: at a 320 px screen (288 px of content) the narrow layout's
// text is at least 12 px, and every text stays inside the chart.
func TestNarrowLayoutTextAtLeast12pxAt320(t *testing.T) {
	t.Parallel()
	f := fonts(t)
	const content = 288.0
	for _, c := range allCharts(t) {
		n := c.narrow()
		if n == nil {
			t.Errorf("%s: no narrow layout", c.Meta().ID)
			continue
		}
		s := n.layout(f)
		if s.w != NarrowWidth {
			t.Errorf("%s: narrow layout is %v wide, want %v", c.Meta().ID, s.w, NarrowWidth)
		}
		scale := content / s.w
		for _, it := range s.items {
			if it.kind != kindText {
				continue
			}
			if px := it.size * scale; px < 12 {
				t.Errorf("%s: text %q drawn at %.1f px at 320 px, want >= 12", c.Meta().ID, it.text, px)
			}
			w := f.Width(it.text, it.size, it.bold)
			x0 := it.x
			switch it.anchor {
			case anchorMiddle:
				x0 -= w / 2
			case anchorEnd:
				x0 -= w
			}
			if x0 < -0.5 || x0+w > s.w+0.5 {
				t.Errorf("%s: text %q spans x %.1f..%.1f, outside 0..%v", c.Meta().ID, it.text, x0, x0+w, s.w)
			}
		}
	}
}

// Issue 24: an inline chart is named by its title alone, described by its
// desc, and its drawing is hidden from assistive technology; the download
// keeps its text.
func TestInlineSVGNamesOnceAndHidesDrawing(t *testing.T) {
	t.Parallel()
	f := fonts(t)
	for _, c := range allCharts(t) {
		id := c.Meta().ID
		got := string(renderSVG(t, c))
		for _, v := range []string{id, id + "-n"} {
			for _, want := range []string{`aria-labelledby="` + v + `-title"`, `aria-describedby="` + v + `-desc"`} {
				if !strings.Contains(got, want) {
					t.Errorf("%s: inline SVG lacks %s", id, want)
				}
			}
		}
		if n := strings.Count(got, `<g aria-hidden="true">`); n != 2 {
			t.Errorf("%s: %d hidden drawings, want 2 (wide and narrow)", id, n)
		}
		for _, svg := range strings.SplitAfter(got, "</svg>\n") {
			if i, j := strings.Index(svg, "<text"), strings.Index(svg, `<g aria-hidden="true">`); i >= 0 && i < j {
				t.Errorf("%s: text before the hidden group", id)
			}
		}
		var b bytes.Buffer
		if err := WriteStandaloneSVG(&b, c, f); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), "aria-hidden") {
			t.Errorf("%s: the standalone SVG hides its text", id)
		}
	}
}
