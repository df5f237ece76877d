package chart

import (
	"errors"
	"fmt"
	"io"
	"math"
)

// OGImage is a 1200×630 share image (og:image): a title, a chart and the
// site name.
type OGImage struct {
	title, site string
	chart       Chart
}

// Share image size in pixels.
const (
	OGWidth  = 1200
	OGHeight = 630
)

// NewOGImage returns an OGImage. It rejects an empty title or site name and
// a nil chart.
func NewOGImage(title, site string, c Chart) (*OGImage, error) {
	switch {
	case title == "":
		return nil, errors.New("chart: og image: title is empty")
	case site == "":
		return nil, errors.New("chart: og image: site name is empty")
	case c == nil:
		return nil, errors.New("chart: og image: chart is nil")
	}
	return &OGImage{title: title, site: site, chart: c}, nil
}

// WritePNG writes the share image as a 1200×630 PNG drawn with the bundled
// font.
func (o *OGImage) WritePNG(w io.Writer, f *Fonts) error {
	s := o.scene(f)
	cv := newPNGCanvas(OGWidth, OGHeight)
	drawScene(cv, f, s, 0, 0, 1)
	cs := o.chart.layout(f)
	// Fit the chart into the area under the title and above the site name;
	// a tall chart is scaled down, its bottom cut by nothing.
	top := s.h
	areaW, areaH := float64(OGWidth-2*ogPad), float64(OGHeight)-top-ogFooter
	scale := math.Min(areaW/cs.w, areaH/cs.h)
	scale = math.Min(scale, 2)
	ox := (OGWidth - cs.w*scale) / 2
	drawScene(cv, f, cs, ox, top, scale)
	if err := encodePNG(w, cv.c.Image()); err != nil {
		return fmt.Errorf("chart: write og image: %w", err)
	}
	return nil
}

const (
	ogPad    = 48.0
	ogFooter = 72.0
)

// scene lays out the title band and the site-name footer; s.h is the y
// where the chart starts.
func (o *OGImage) scene(f *Fonts) *scene {
	s := &scene{w: OGWidth}
	// The title gets the largest size at which it fits in two lines.
	size := 44.0
	lines := wrap(f, o.title, OGWidth-2*ogPad, size, true)
	for len(lines) > 2 && size > 24 {
		size -= 4
		lines = wrap(f, o.title, OGWidth-2*ogPad, size, true)
	}
	y := ogPad - 8
	for _, ln := range lines {
		s.text(ogPad, baseline(y, size), ln, size, true, anchorStart, colText)
		y += size * 1.3
	}
	s.rect(0, OGHeight-ogFooter, OGWidth, ogFooter, colBlue, "", 0)
	s.text(ogPad, OGHeight-ogFooter/2+26*0.36, o.site, 26, true, anchorStart, colWhite)
	s.h = y + 8
	return s
}

// texts returns the share image's own texts (not the chart's).
func (o *OGImage) texts(f *Fonts) []string { return o.scene(f).texts() }
