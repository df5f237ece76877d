package chart

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"surveysite/internal/i18n"
)

// Segment is one group of respondents (a column of a cross-tab, e.g. 人口規模
// 5万人未満) with its shares of each option.
type Segment struct {
	// Name is the segment's name, e.g. "市（5万人未満）".
	Name string
	// N is the segment's base, n >= 0.
	N int
	// Values are the shares in percent of N, one per option, in the chart's
	// option order. Ignored when Suppressed.
	Values []float64
	// Texts are the preformatted values, e.g. "52.3%", one per option.
	// Ignored when Suppressed.
	Texts []string
	// Suppressed marks a segment too small to publish (秘匿): it is listed
	// with its n and "n=8のため非表示" (or SuppressedNote), and its values
	// are not drawn.
	Suppressed bool
	// SuppressedNote, if set, replaces "n=8のため非表示", e.g. for a segment
	// hidden so that another small one cannot be worked out by subtraction.
	SuppressedNote string
}

// CrosstabOptions configure a Crosstab.
type CrosstabOptions struct {
	// Width is the natural width in CSS px (0 means 440).
	Width float64
}

// Crosstab draws one panel of horizontal bars per segment (small
// multiples) on a shared percent axis, each headed by the segment's name and
// n. Suppressed segments are marked and not drawn.
type Crosstab struct {
	described
	options  []string
	segments []Segment
	opt      CrosstabOptions
	axisMax  float64 // a panel's: the whole chart's largest value, so that panels share one axis
}

// NewCrosstab validates and returns a Crosstab of the given options (row
// labels, in display order) by segment. It rejects an invalid Meta, no
// options or segments, an empty option or segment name, a negative n, and
// for a segment that is not suppressed: values or texts whose count differs
// from the options', a value that is NaN, infinite or outside 0..100, or an
// empty text.
func NewCrosstab(meta Meta, options []string, segments []Segment, opt CrosstabOptions) (*Crosstab, error) {
	w, err := checkMeta(meta, opt.Width)
	if err != nil {
		return nil, err
	}
	opt.Width = w
	if err := checkCrosstab(options, segments); err != nil {
		return nil, fmt.Errorf("chart %q: %w", meta.ID, err)
	}
	segs := make([]Segment, len(segments))
	for i, sg := range segments {
		sg.Values = append([]float64(nil), sg.Values...)
		sg.Texts = append([]string(nil), sg.Texts...)
		segs[i] = sg
	}
	return &Crosstab{described: described{meta}, options: append([]string(nil), options...), segments: segs, opt: opt}, nil
}

func checkCrosstab(options []string, segments []Segment) error {
	if len(options) == 0 {
		return errors.New("chart: no options")
	}
	for i, o := range options {
		if o == "" {
			return fmt.Errorf("chart: option %d: label is empty", i+1)
		}
	}
	if len(segments) == 0 {
		return errors.New("chart: no segments")
	}
	for i, sg := range segments {
		if sg.Name == "" {
			return fmt.Errorf("chart: segment %d: name is empty", i+1)
		}
		if sg.N < 0 {
			return fmt.Errorf("chart: segment %d (%s): n is negative (%d)", i+1, sg.Name, sg.N)
		}
		if sg.Suppressed {
			continue
		}
		if len(sg.Values) != len(options) {
			return fmt.Errorf("chart: segment %d (%s): %d values for %d options", i+1, sg.Name, len(sg.Values), len(options))
		}
		if len(sg.Texts) != len(options) {
			return fmt.Errorf("chart: segment %d (%s): %d value texts for %d options", i+1, sg.Name, len(sg.Texts), len(options))
		}
		for j, v := range sg.Values {
			if err := checkPercent(fmt.Sprintf("segment %d (%s), option %d (%s): value", i+1, sg.Name, j+1, options[j]), v); err != nil {
				return err
			}
			if sg.Texts[j] == "" {
				return fmt.Errorf("chart: segment %d (%s), option %d (%s): value text is empty", i+1, sg.Name, j+1, options[j])
			}
		}
	}
	return nil
}

func (c *Crosstab) narrow() Chart {
	return narrowed(c.opt.Width, func() Chart { n := *c; n.opt.Width = NarrowWidth; return &n })
}

func (c *Crosstab) layout(f *Fonts) *scene {
	s := &scene{w: c.opt.Width}
	axis := newPercentAxis(c.maxValue())
	y := margin
	l := c.meta.words()
	y = drawAxisTitle(s, f, l.T("chart.axis_segments"), y)
	for i, sg := range c.segments {
		if i > 0 {
			y += 6
			s.line(margin, y, s.w-margin, y, colGrid, 1)
			y += 8
		}
		var values bool
		if y, values = drawSegmentHead(s, f, l, sg, s.w-2*margin, y); !values {
			continue
		}
		rows := make([]BarRow, len(c.options))
		for j, o := range c.options {
			rows[j] = BarRow{Label: o, Value: sg.Values[j], Text: sg.Texts[j]}
		}
		y = drawBarRows(s, f, rows, axis, y)
	}
	y = footnote(s, f, c.meta, y)
	s.h = math.Ceil(y)
	return s
}

// drawSegmentHead writes a segment's name and n, wrapped to width, and the
// note of a suppressed segment. It returns the y below them and whether
// the segment's values are to be drawn.
func drawSegmentHead(s *scene, f *Fonts, l *i18n.Lang, sg Segment, width, y float64) (float64, bool) {
	head := l.T("chart.segment_head", "name", sg.Name, "n", sg.N)
	for _, ln := range wrap(f, head, width, fontSize, true) {
		s.text(margin, baseline(y, fontSize), ln, fontSize, true, anchorStart, colText)
		y += fontSize * lineGap
	}
	if sg.Suppressed {
		s.text(margin, baseline(y, fontSize), sg.suppressedNote(l), fontSize, false, anchorStart, colTextMuted)
		return y + fontSize*lineGap, false
	}
	return y + 2, true
}

// maxValue is the largest value drawn (of the whole chart, for a panel).
func (c *Crosstab) maxValue() float64 {
	max := c.axisMax
	for _, sg := range c.segments {
		if sg.Suppressed {
			continue
		}
		for _, v := range sg.Values {
			max = math.Max(max, v)
		}
	}
	return max
}

// suppressedNote is the text drawn for a suppressed segment.
func (sg Segment) suppressedNote(l *i18n.Lang) string {
	if sg.SuppressedNote != "" {
		return sg.SuppressedNote
	}
	return l.T("chart.hidden", "n", sg.N)
}

// Panels splits c for print into charts of consecutive segments, each at
// most maxHeight CSS px tall when laid out (a single segment taller than
// that is a panel of its own), so that a long cross-tab prints as several
// whole figures at a legible size rather than one shrunk to fit a page. It
// returns nil when c itself fits. Panel i of k has the ID "<ID>-p<i>", the
// title "<Title>（i/k）" and a description naming its segments; the
// footnote is kept on each.
func (c *Crosstab) Panels(maxHeight float64, f *Fonts) []*Crosstab {
	if c.layout(f).h <= maxHeight || len(c.segments) < 2 {
		return nil
	}
	whole := c.maxValue()
	part := func(segs []Segment) *Crosstab {
		p := *c
		p.segments, p.axisMax = segs, whole
		return &p
	}
	var groups [][]Segment
	start := 0
	for end := 1; end <= len(c.segments); end++ {
		if end-start > 1 && part(c.segments[start:end]).layout(f).h > maxHeight {
			groups = append(groups, c.segments[start:end-1])
			start = end - 1
		}
	}
	groups = append(groups, c.segments[start:])
	out := make([]*Crosstab, len(groups))
	l := c.meta.words()
	for i, g := range groups {
		p := part(g)
		names := make([]string, len(g))
		for j, sg := range g {
			names[j] = l.T("chart.segment_head", "name", sg.Name, "n", sg.N)
		}
		p.meta.ID = fmt.Sprintf("%s-p%d", c.meta.ID, i+1)
		p.meta.Title = l.T("chart.panel_title", "title", c.meta.Title, "i", i+1, "k", len(groups))
		p.meta.Desc = l.T("chart.panel_desc", "title", c.meta.Title, "i", i+1, "k", len(groups), "segments", strings.Join(names, l.T("list.sep")))
		out[i] = p
	}
	return out
}
