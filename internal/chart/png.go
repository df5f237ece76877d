package chart

import (
	"fmt"
	"image"
	"image/draw"
	"io"
	"math"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"
)

// WritePNG writes c as a PNG drawn with the bundled font, scale pixels per
// user unit (2 gives a sharp image for high-density screens). scale must be
// in 0.5..4.
func WritePNG(w io.Writer, c Chart, f *Fonts, scale float64) error {
	if !(scale >= 0.5 && scale <= 4) {
		return fmt.Errorf("chart: PNG scale %v is outside 0.5..4", scale)
	}
	s := c.layout(f)
	cv := newPNGCanvas(s.w*scale, s.h*scale)
	drawScene(cv, f, s, 0, 0, scale)
	return encodePNG(w, cv.c.Image())
}

// pngCanvas wraps a gonum vgimg canvas at 72 dpi, so 1 vg point is 1 pixel.
type pngCanvas struct {
	c *vgimg.Canvas
	h float64
}

func newPNGCanvas(w, h float64) pngCanvas {
	c := vgimg.NewWith(vgimg.UseWH(vg.Length(w), vg.Length(h)), vgimg.UseDPI(72))
	return pngCanvas{c: c, h: h}
}

// drawScene draws s onto cv with its origin at (ox, oy) pixels, scaled.
// Text is drawn straight onto the image with x/image/font (vgimg would
// resample every glyph through its y-flipping transform, most of the time
// of a share image).
func drawScene(cv pngCanvas, f *Fonts, s *scene, ox, oy, scale float64) {
	pt := func(x, y float64) vg.Point {
		return vg.Point{X: vg.Length(ox + x*scale), Y: vg.Length(cv.h - (oy + y*scale))}
	}
	dst, _ := cv.c.Image().(draw.Image)
	type faceKey struct {
		bold bool
		size float64
	}
	faces := map[faceKey]xfont.Face{}
	for _, it := range s.items {
		switch it.kind {
		case kindRect:
			var p vg.Path
			p.Move(pt(it.x, it.y))
			p.Line(pt(it.x+it.w, it.y))
			p.Line(pt(it.x+it.w, it.y+it.h))
			p.Line(pt(it.x, it.y+it.h))
			p.Close()
			if it.fill != "" {
				cv.c.SetColor(parseHex(it.fill))
				cv.c.Fill(p)
			}
			if it.stroke != "" {
				cv.c.SetColor(parseHex(it.stroke))
				cv.c.SetLineWidth(vg.Length(it.sw * scale))
				cv.c.Stroke(p)
			}
		case kindLine:
			var p vg.Path
			p.Move(pt(it.x, it.y))
			p.Line(pt(it.x2, it.y2))
			cv.c.SetColor(parseHex(it.stroke))
			cv.c.SetLineWidth(vg.Length(it.sw * scale))
			cv.c.Stroke(p)
		case kindText:
			size := it.size * scale
			x := ox + it.x*scale
			switch it.anchor {
			case anchorMiddle:
				x -= f.Width(it.text, size, it.bold) / 2
			case anchorEnd:
				x -= f.Width(it.text, size, it.bold)
			}
			k := faceKey{it.bold, size}
			face := faces[k]
			if face == nil {
				var err error
				// 72 dpi: a point is a pixel. No hinting, as gonum/plot sets.
				face, err = opentype.NewFace(f.face(it.bold), &opentype.FaceOptions{Size: size, DPI: 72, Hinting: xfont.HintingNone})
				if err != nil {
					panic(err) // a parsed font and a positive size: cannot fail
				}
				faces[k] = face
			}
			d := xfont.Drawer{Dst: dst, Src: image.NewUniform(parseHex(it.fill)), Face: face,
				Dot: fixed.Point26_6{X: fixed.Int26_6(math.Round(x * 64)), Y: fixed.Int26_6(math.Round((oy + it.y*scale) * 64))}}
			d.DrawString(it.text)
		}
	}
}

func weight(bold bool) xfont.Weight {
	if bold {
		return xfont.WeightBold
	}
	return xfont.WeightNormal
}
