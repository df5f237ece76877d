package chart

import (
	"errors"
	"fmt"
	"math"
	"strconv"
)

// PrefValue is the value of one prefecture on a TileMap.
type PrefValue struct {
	// Code is the JIS X 0401 prefecture code, 1 (北海道) .. 47 (沖縄県).
	Code int
	// Value colours the tile; it must be finite and >= 0.
	Value float64
	// Text is the preformatted number written in the tile, e.g. "12".
	Text string
}

// TileMapOptions configure a TileMap.
type TileMapOptions struct {
	// Legend is the legend's title, e.g. "参加団体数".
	Legend string
	// Width is the natural width in CSS px (0 means 520).
	Width float64
}

const defaultTileMapWidth = 520.0

// TileMap draws Japan's 47 prefectures as a tile grid, each tile coloured
// on a five-step sequential blue scale and carrying its short name and its
// number. Prefectures without a value are drawn pale grey without a number
// and named "データなし" in the legend.
type TileMap struct {
	described
	values [47]*PrefValue
	opt    TileMapOptions
	// byRegion lays the tiles out in rows by region instead of as a map:
	// the narrow layout, where a map's tiles would be too small to read.
	byRegion bool
}

// NewTileMap validates and returns a TileMap. It rejects an invalid Meta,
// no values, a code outside 1..47, a code given twice, a value that is NaN,
// infinite or negative, and an empty text.
func NewTileMap(meta Meta, values []PrefValue, opt TileMapOptions) (*TileMap, error) {
	if err := meta.validate(); err != nil {
		return nil, err
	}
	if opt.Width == 0 {
		opt.Width = defaultTileMapWidth
	}
	w, err := checkWidth(opt.Width)
	if err != nil {
		return nil, fmt.Errorf("chart %q: %w", meta.ID, err)
	}
	opt.Width = w
	if len(values) == 0 {
		return nil, fmt.Errorf("chart %q: %w", meta.ID, errors.New("chart: no values"))
	}
	t := &TileMap{described: described{meta}, opt: opt}
	for i, v := range values {
		switch {
		case v.Code < 1 || v.Code > 47:
			return nil, fmt.Errorf("chart: chart %q: value %d: prefecture code %d is outside 1..47", meta.ID, i+1, v.Code)
		case t.values[v.Code-1] != nil:
			return nil, fmt.Errorf("chart: chart %q: value %d: prefecture %d (%s) given twice", meta.ID, i+1, v.Code, PrefectureName(v.Code))
		case math.IsNaN(v.Value) || math.IsInf(v.Value, 0):
			return nil, fmt.Errorf("chart: chart %q: value %d: %s is not a finite number", meta.ID, i+1, PrefectureName(v.Code))
		case v.Value < 0:
			return nil, fmt.Errorf("chart: chart %q: value %d: %s is negative (%v)", meta.ID, i+1, PrefectureName(v.Code), v.Value)
		case v.Text == "":
			return nil, fmt.Errorf("chart: chart %q: value %d: %s: text is empty", meta.ID, i+1, PrefectureName(v.Code))
		}
		v := v
		t.values[v.Code-1] = &v
	}
	return t, nil
}

const colNoData = "#F2F2F2"

// niceStep returns the smallest of 1, 2, 2.5, 5 × 10^k that is >= x.
func niceStep(x float64) float64 {
	if x <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= x-1e-9 {
			return m * p
		}
	}
	return 10 * p
}

// narrow returns the tiles in rows by region at NarrowWidth: a map of 13
// columns at phone width would draw its names at about 6 px.
func (t *TileMap) narrow() Chart {
	n := *t
	n.opt.Width = NarrowWidth
	n.byRegion = true
	return &n
}

// regions are the eight regions of Japan, with 北海道 in 東北 and 中国 with
// 四国 so that each fills two rows of tiles; as ranges of JIS codes.
var regions = []struct {
	name     string
	from, to int
}{
	{"北海道・東北", 1, 7}, {"関東", 8, 14}, {"中部", 15, 23}, {"近畿", 24, 30},
	{"中国・四国", 31, 39}, {"九州・沖縄", 40, 47},
}

// tileScale is the tile map's colour scale: the bin of each value, and the
// legend's labels and fills.
type tileScale struct {
	bin    func(v float64) int
	labels []string
	fills  []string
}

func (t *TileMap) scale() tileScale {
	max := 0.0
	hasMissing, allInts := false, true
	for _, v := range t.values {
		if v == nil {
			hasMissing = true
			continue
		}
		max = math.Max(max, v.Value)
		allInts = allInts && v.Value == math.Trunc(v.Value)
	}
	n := len(sequentialBlues)
	step := niceStep(max / float64(n))
	if allInts && step < 1 || allInts && step == 2.5 {
		step = math.Ceil(step) // counts get whole-number bins: 0〜1, not 0〜0.5
	}
	sc := tileScale{bin: func(v float64) int { return min(int(v/step), n-1) }}
	l := t.meta.words()
	for i := range n {
		lo := step * float64(i)
		// Bins are [lo, lo+step): whole-number bins name their last
		// member, so no boundary value belongs to two labels.
		label := l.T("chart.bin_range", "lo", fmtNum(lo), "hi", fmtNum(lo+step))
		if allInts && step == math.Trunc(step) {
			label = l.T("chart.bin_span", "lo", fmtNum(lo), "hi", fmtNum(lo+step-1))
			if step == 1 {
				label = fmtNum(lo)
			}
		}
		if i == n-1 {
			label = l.T("chart.bin_from", "lo", fmtNum(lo))
		}
		sc.labels = append(sc.labels, label)
		sc.fills = append(sc.fills, sequentialBlues[i])
	}
	if hasMissing {
		sc.labels = append(sc.labels, l.T("chart.no_data"))
		sc.fills = append(sc.fills, colNoData)
	}
	return sc
}

func (t *TileMap) layout(f *Fonts) *scene {
	if t.byRegion {
		return t.layoutByRegion(f)
	}
	s := &scene{w: t.opt.Width}
	sc := t.scale()
	tile := math.Floor((s.w - 2*margin) / tileCols)
	gap := 2.0
	x0 := (s.w - tile*tileCols) / 2
	y0 := margin

	for _, p := range prefectures {
		x, y := x0+float64(p.col)*tile, y0+float64(p.row)*tile
		v := t.values[p.code-1]
		fill, stroke := colNoData, colOutline
		if v != nil {
			fill = sequentialBlues[sc.bin(v.Value)]
		}
		s.rect(x+gap/2, y+gap/2, tile-gap, tile-gap, fill, stroke, 0.75)
		tc := textOn(fill)
		nameSize := math.Min(11, (tile-gap-4)/float64(len([]rune(p.short))))
		cx := x + tile/2
		if v == nil {
			s.text(cx, y+tile/2+nameSize*0.36, p.short, nameSize, false, anchorMiddle, tc)
			continue
		}
		s.text(cx, y+gap/2+2+nameSize, p.short, nameSize, false, anchorMiddle, tc)
		vs := math.Min(13, (tile-gap-2)/math.Max(1, f.Width(v.Text, 1, true)))
		s.text(cx, y+tile-gap/2-4, v.Text, vs, true, anchorMiddle, tc)
	}

	// Legend in the empty north-west corner of the grid.
	lx, ly := x0, y0
	lh := smallSize * lineGap
	if t.opt.Legend != "" {
		for _, ln := range wrap(f, t.opt.Legend, tile*9, smallSize, true) {
			s.text(lx, baseline(ly, smallSize), ln, smallSize, true, anchorStart, colText)
			ly += lh
		}
	}
	const sw = 14.0
	items, fills := sc.labels, sc.fills
	// Two columns of legend items.
	colW := tile * 4
	for i, label := range items {
		x := lx + float64(i%2)*colW
		y := ly + float64(i/2)*(lh+2)
		s.rect(x, y+(lh-sw)/2, sw, sw, fills[i], colOutline, 0.75)
		s.text(x+sw+5, baseline(y, smallSize), label, smallSize, false, anchorStart, colText)
	}
	y := y0 + tile*tileRows
	y = footnote(s, f, t.meta, y)
	s.h = math.Ceil(y)
	return s
}

// layoutByRegion draws the legend, then each region's name and its
// prefectures as tiles of six to a row, each with its full short name and
// its number at 13 units.
func (t *TileMap) layoutByRegion(f *Fonts) *scene {
	s := &scene{w: t.opt.Width}
	sc := t.scale()
	const (
		perRow = 6
		gap    = 2.0
		size   = 13.0
		sw     = 14.0
	)
	lh := smallSize * lineGap
	y := margin
	if t.opt.Legend != "" {
		for _, ln := range wrap(f, t.opt.Legend, s.w-2*margin, smallSize, true) {
			s.text(margin, baseline(y, smallSize), ln, smallSize, true, anchorStart, colText)
			y += lh
		}
	}
	colW := (s.w - 2*margin) / 2
	for i, label := range sc.labels {
		x := margin + float64(i%2)*colW
		ly := y + float64(i/2)*(lh+2)
		s.rect(x, ly+(lh-sw)/2, sw, sw, sc.fills[i], colOutline, 0.75)
		s.text(x+sw+5, baseline(ly, smallSize), label, smallSize, false, anchorStart, colText)
	}
	y += float64((len(sc.labels)+1)/2)*(lh+2) + 6
	tw := math.Floor((s.w - 2*margin) / perRow)
	th := 2*size*1.3 + 8
	for _, r := range regions {
		y += 6
		s.text(margin, baseline(y, fontSize), r.name, fontSize, true, anchorStart, colText)
		y += fontSize * lineGap
		for i, code := 0, r.from; code <= r.to; i, code = i+1, code+1 {
			if i > 0 && i%perRow == 0 {
				y += th
			}
			p := prefectures[code-1]
			x := margin + float64(i%perRow)*tw
			v := t.values[code-1]
			fill := colNoData
			if v != nil {
				fill = sequentialBlues[sc.bin(v.Value)]
			}
			s.rect(x+gap/2, y+gap/2, tw-gap, th-gap, fill, colOutline, 0.75)
			tc := textOn(fill)
			cx := x + tw/2
			if v == nil {
				s.text(cx, y+th/2+size*0.36, p.short, size, false, anchorMiddle, tc)
				continue
			}
			s.text(cx, y+gap/2+4+size, p.short, size, false, anchorMiddle, tc)
			s.text(cx, y+th-gap/2-5, v.Text, size, true, anchorMiddle, tc)
		}
		y += th
	}
	y = footnote(s, f, t.meta, y)
	s.h = math.Ceil(y)
	return s
}

// fmtNum formats a legend bound without trailing zeros.
func fmtNum(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}
