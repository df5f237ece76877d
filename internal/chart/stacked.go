package chart

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// MaxCategories is the most categories a Stacked chart takes: each is
// marked with a circled number ①..⑳.
const MaxCategories = 20

// StackedOptions configure a Stacked chart.
type StackedOptions struct {
	// Width is the natural width in CSS px (0 means 440).
	Width float64
	// Colours, if set, colour the categories in order (see ScaleColours);
	// otherwise the CUD category colours are used.
	Colours []string
	// Partial allows a segment's values to add up to less than 100 (a
	// ranking: the share ranked at each place); the bar is drawn against
	// 100% and the rest left empty.
	Partial bool
	// AxisTitle replaces "各区分のnに対する割合（%）".
	AxisTitle string
}

// Stacked draws an SA distribution as one 100% stacked bar per segment.
// Each category has a circled number (①, ②, …) shown in the legend; a
// segment is labelled inside the bar with its name and value when they fit,
// else with its number and value, else it is listed under the bar, so no
// value is identified by colour alone.
type Stacked struct {
	described
	categories []string
	segments   []Segment
	opt        StackedOptions
}

// NewStacked validates and returns a Stacked chart of the categories (the
// SA choices, in scale order) by segment (use one segment for the whole
// sample). It rejects what NewCrosstab rejects, more than 20 categories, and
// a segment whose values do not add up to 100 ± 1.
func NewStacked(meta Meta, categories []string, segments []Segment, opt StackedOptions) (*Stacked, error) {
	w, err := checkMeta(meta, opt.Width)
	if err != nil {
		return nil, err
	}
	opt.Width = w
	if opt.Colours != nil && len(opt.Colours) < len(categories) {
		return nil, fmt.Errorf("chart: chart %q: %d colours for %d categories", meta.ID, len(opt.Colours), len(categories))
	}
	if len(categories) > MaxCategories {
		return nil, fmt.Errorf("chart: chart %q: %d categories, at most %d", meta.ID, len(categories), MaxCategories)
	}
	if err := checkCrosstab(categories, segments); err != nil {
		if len(categories) == 0 {
			err = errors.New("chart: no categories")
		}
		return nil, fmt.Errorf("chart %q: %w", meta.ID, err)
	}
	segs := make([]Segment, len(segments))
	for i, sg := range segments {
		if !sg.Suppressed {
			if t := sum(sg.Values); opt.Partial && t > 101 || !opt.Partial && math.Abs(t-100) > 1 {
				return nil, fmt.Errorf("chart: chart %q: segment %d (%s): values add up to %v, want 100", meta.ID, i+1, sg.Name, t)
			}
		}
		sg.Values = append([]float64(nil), sg.Values...)
		sg.Texts = append([]string(nil), sg.Texts...)
		segs[i] = sg
	}
	return &Stacked{described: described{meta}, categories: append([]string(nil), categories...), segments: segs, opt: opt}, nil
}

// colour returns the fill of category j.
func (c *Stacked) colour(j int) string {
	if c.opt.Colours != nil {
		return c.opt.Colours[j]
	}
	return categoryColours[j%len(categoryColours)]
}

func marker(i int) string { return string(rune('①' + i)) }

const stackHeight = 28.0

func (c *Stacked) narrow() Chart {
	return narrowed(c.opt.Width, func() Chart { n := *c; n.opt.Width = NarrowWidth; return &n })
}

func (c *Stacked) layout(f *Fonts) *scene {
	s := &scene{w: c.opt.Width}
	y := margin
	l := c.meta.words()
	axis := c.opt.AxisTitle
	if axis == "" {
		axis = l.T("chart.axis_segments")
	}
	y = drawAxisTitle(s, f, axis, y)
	y = c.legend(s, f, y) + 6
	x0, plotW := margin, s.w-2*margin
	for i, sg := range c.segments {
		if i > 0 {
			y += 10
		}
		var values bool
		if y, values = drawSegmentHead(s, f, l, sg, plotW, y); !values {
			continue
		}
		total := sum(sg.Values)
		if c.opt.Partial {
			total = 100
		}
		x := x0
		var listed []string
		for j, v := range sg.Values {
			w := plotW * v / total
			if w <= 0 {
				listed = append(listed, marker(j)+c.categories[j]+" "+sg.Texts[j])
				continue
			}
			fill := c.colour(j)
			s.rect(x, y, w, stackHeight, fill, colWhite, 1)
			room := w - 6
			full := c.categories[j] + " " + sg.Texts[j]
			short := marker(j) + sg.Texts[j]
			switch {
			case f.Width(full, smallSize, true) <= room:
				s.text(x+w/2, baseline(y+stackHeight/2-smallSize*lineGap/2, smallSize), full, smallSize, true, anchorMiddle, textOn(fill))
			case f.Width(short, smallSize, true) <= room:
				s.text(x+w/2, baseline(y+stackHeight/2-smallSize*lineGap/2, smallSize), short, smallSize, true, anchorMiddle, textOn(fill))
			default:
				listed = append(listed, marker(j)+c.categories[j]+" "+sg.Texts[j])
			}
			x += w
		}
		s.rect(x0, y, plotW, stackHeight, "", colOutline, 1)
		y += stackHeight + 2
		if len(listed) > 0 {
			for _, ln := range wrap(f, l.T("chart.outside", "items", strings.Join(listed, l.T("list.sep"))), plotW, smallSize, false) {
				s.text(margin, baseline(y, smallSize), ln, smallSize, false, anchorStart, colText)
				y += smallSize * lineGap
			}
		}
	}
	y = footnote(s, f, c.meta, y+4)
	s.h = math.Ceil(y)
	return s
}

// legend lays out "■①賛成" items left to right, wrapping, and returns the y
// below it.
func (c *Stacked) legend(s *scene, f *Fonts, y float64) float64 {
	const sw = 12.0
	lh := smallSize * lineGap
	x := margin
	for j, cat := range c.categories {
		label := marker(j) + cat
		iw := sw + 4 + f.Width(label, smallSize, false)
		if x > margin && x+iw > s.w-margin {
			x = margin
			y += lh + 2
		}
		s.rect(x, y+(lh-sw)/2, sw, sw, c.colour(j), colOutline, 0.75)
		for k, ln := range wrap(f, label, s.w-2*margin-sw-4, smallSize, false) {
			if k > 0 {
				y += lh
			}
			s.text(x+sw+4, baseline(y, smallSize), ln, smallSize, false, anchorStart, colText)
		}
		if iw > s.w-2*margin {
			x = s.w // a wrapped label ends its line
		} else {
			x += iw + 12
		}
	}
	return y + lh
}
