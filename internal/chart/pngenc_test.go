package chart

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
)

// TestPNGHoldsThePixels: the PNG of every golden chart, drawn at two
// scales, decodes with image/png to the pixels drawn; so does an image
// with transparency, which image/png writes.
func TestPNGHoldsThePixels(t *testing.T) {
	t.Parallel()
	f := fonts(t)
	for _, ch := range allCharts(t) {
		for _, scale := range []float64{1, 2} {
			s := ch.layout(f)
			cv := newPNGCanvas(s.w*scale, s.h*scale)
			drawScene(cv, f, s, 0, 0, scale)
			samePixels(t, ch.Meta().ID, cv.c.Image())
		}
	}
	clear := image.NewRGBA(image.Rect(0, 0, 5, 3))
	clear.Set(1, 1, color.RGBA{0xff, 0xff, 0xff, 0xff}) // the rest is transparent
	samePixels(t, "transparent", clear)
	odd := image.NewRGBA(image.Rect(2, 3, 9, 7)) // not at the origin
	for i := range odd.Pix {
		odd.Pix[i] = byte(i * 37)
		if i%4 == 3 {
			odd.Pix[i] = 0xff
		}
	}
	samePixels(t, "offset", odd)
}

func samePixels(t *testing.T, name string, m image.Image) {
	t.Helper()
	var buf bytes.Buffer
	if err := encodePNG(&buf, m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	got, err := png.Decode(&buf)
	if err != nil {
		t.Fatalf("%s: decode: %v", name, err)
	}
	b := m.Bounds()
	if got.Bounds().Dx() != b.Dx() || got.Bounds().Dy() != b.Dy() {
		t.Fatalf("%s: %v, want %v", name, got.Bounds(), b)
	}
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			r1, g1, b1, a1 := got.At(got.Bounds().Min.X+x, got.Bounds().Min.Y+y).RGBA()
			r2, g2, b2, a2 := m.At(b.Min.X+x, b.Min.Y+y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				t.Fatalf("%s: pixel (%d, %d) is %x %x %x %x, want %x %x %x %x", name, x, y, r1, g1, b1, a1, r2, g2, b2, a2)
			}
		}
	}
}
