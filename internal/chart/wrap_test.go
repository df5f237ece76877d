package chart

import (
	"strings"
	"testing"
)

// wrapEm wraps with every rune one unit wide (Latin half), max in units.
func wrapEm(s string, max float64) []string {
	rs := []rune(s)
	ws := make([]float64, len(rs))
	for i, r := range rs {
		ws[i] = 1
		if r < 0x80 {
			ws[i] = 0.5
		}
	}
	return wrapRunes(rs, ws, max)
}

func TestWrapBreaksAtPhrases(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		max  float64
		want []string
	}{
		{"短い", 10, []string{"短い"}},
		// after particles の / を / に
		{"地域課題の解決を行政に求める", 8, []string{"地域課題の解決を", "行政に求める"}},
		// never split "AI" or "2030"; break at the space
		{"SDGs 2030 アジェンダの推進", 8, []string{"SDGs 2030", "アジェンダの推進"}},
		// before an opening bracket, not after it
		{"DX推進（AI等）の活用", 5, []string{"DX推進", "（AI等）の", "活用"}},
		// punctuation stays at the line end (kinsoku)
		{"住民、職員。議会", 3, []string{"住民、", "職員。", "議会"}},
		// a long kanji compound with no phrase break falls back to characters
		{"地域経営推進センター", 5, []string{"地域経営推", "進センター"}},
		// one Latin word wider than the line is kept whole, not cut
		{"Transformation", 3, []string{"Transformation"}},
	}
	for _, tc := range tests {
		got := wrapEm(tc.in, tc.max)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("wrap(%q, %v) = %q, want %q", tc.in, tc.max, got, tc.want)
		}
		if strings.Join(got, "") != strings.ReplaceAll(tc.in, " ", "") && strings.Join(got, " ") != tc.in {
			t.Errorf("wrap(%q) lost characters: %q", tc.in, got)
		}
	}
}

func TestWrapNeverCutsWithFontMetrics(t *testing.T) {
	t.Parallel()
	f := fonts(t)
	for _, w := range []float64{60, 120, 200, 416} {
		lines := wrap(f, label40, w, fontSize, false)
		if got := strings.Join(lines, ""); got != label40 {
			t.Fatalf("wrap at %v lost text: %q", w, got)
		}
		for _, ln := range lines {
			if lw := f.Width(ln, fontSize, false); lw > w+0.01 {
				t.Errorf("wrap at %v: line %q is %v wide", w, ln, lw)
			}
		}
	}
}

// TestWrapBoundsLongText checks that a text of more than maxLines lines, or
// longer than wrapRuneCap, is drawn in maxLines lines, the last ending with
// "…" within the width, and that what is drawn is the text's beginning.
func TestWrapBoundsLongText(t *testing.T) {
	t.Parallel()
	f := fonts(t)
	const w = 416
	for _, tc := range []struct {
		name, s string
		lines   int
	}{
		{"label40 twelve times", strings.Repeat(label40, 12), maxLines},
		{"a free answer of 600 KB", strings.Repeat("地域の課題を解決したい。", 20_000), maxLines},
		{"one word past the cap", strings.Repeat("a", wrapRuneCap+1), 1},
	} {
		lines := wrap(f, tc.s, w, fontSize, false)
		if len(lines) != tc.lines {
			t.Errorf("%s: %d lines, want %d", tc.name, len(lines), tc.lines)
			continue
		}
		last := lines[len(lines)-1]
		if !strings.HasSuffix(last, "…") {
			t.Errorf("%s: last line %q does not end with …", tc.name, last)
		}
		if lw := f.Width(last, fontSize, false); lw > w+0.01 {
			t.Errorf("%s: last line is %v wide, want at most %v", tc.name, lw, w)
		}
		drawn := strings.TrimSuffix(strings.Join(lines, ""), "…")
		if !strings.HasPrefix(strings.ReplaceAll(tc.s, " ", ""), drawn) {
			t.Errorf("%s: drawn %q is not the text's beginning", tc.name, drawn)
		}
	}
	// A text of exactly maxLines lines is drawn whole.
	whole := wrap(f, strings.Repeat(label40, 12), w, fontSize, false)[:maxLines-1]
	s := strings.Join(whole, "")
	if got := wrap(f, s, w, fontSize, false); strings.Join(got, "") != s {
		t.Errorf("a text of %d lines lost characters: %q", maxLines-1, got)
	}
}
