package chart

import (
	"errors"
	"fmt"
	"math"

	"surveysite/internal/diag"
)

// BarRow is one option of a ranked bar chart.
type BarRow struct {
	// Label is the option's text; long labels wrap at phrase boundaries.
	Label string
	// Value is the share in percent of n, 0..100.
	Value float64
	// Text is the preformatted value written at the bar's end, e.g. "52.3%".
	Text string
	// CI, if not nil, is the 95% interval drawn as a whisker.
	CI *Interval
	// Unranked marks options outside the ranking (その他, 特にない, 無回答):
	// drawn in grey after a separator. They must come after all ranked rows.
	Unranked bool
}

// Interval is a confidence interval in percent, 0 <= Lo <= Hi <= 100.
type Interval struct {
	Lo, Hi float64
}

// BarOptions configure a Bar.
type BarOptions struct {
	// N is the question's base (n > 0); the axis title reads
	// "n=614に対する割合（%）".
	N int
	// Width is the natural width in CSS px (0 means 440). The SVG scales
	// down to its container; labels are laid out for this width.
	Width float64
}

// Bar is a ranked horizontal bar chart of one MA or SA question. Rows are
// drawn in the order given: the caller sorts them.
type Bar struct {
	described
	rows []BarRow
	opt  BarOptions
}

// NewBar validates the rows and returns a Bar. It rejects an invalid Meta,
// no rows, an empty label or value text, a value or interval bound that is
// NaN, infinite or outside 0..100, an interval that does not contain its
// value, a ranked row after an unranked one, and n <= 0.
func NewBar(meta Meta, rows []BarRow, opt BarOptions) (*Bar, error) {
	w, err := checkMeta(meta, opt.Width)
	if err != nil {
		return nil, err
	}
	opt.Width = w
	if opt.N <= 0 {
		return nil, fmt.Errorf("chart: chart %q: n is %d, want > 0", meta.ID, opt.N)
	}
	if err := checkBarRows(rows); err != nil {
		return nil, fmt.Errorf("chart %q: %w", meta.ID, err)
	}
	if shown := shownBars(rows); len(shown) < len(rows) {
		note := meta.words().T("chart.bars_shown", "shown", diag.Thousands(len(shown)), "all", diag.Thousands(len(rows)))
		if meta.Footnote != "" {
			note = meta.Footnote + " " + note
		}
		meta.Footnote, rows = note, shown
	}
	return &Bar{described: described{meta}, rows: append([]BarRow(nil), rows...), opt: opt}, nil
}

// MaxBars bounds the rows a bar chart draws: the first MaxBars, of which at
// most MaxUnrankedBars unranked, and a note says how many of how many are
// drawn; the page's table has them all. A question of the 1,741
// municipalities drew a PNG of 880 × 177,916 pixels. 50 keeps the 47
// prefectures.
const (
	MaxBars         = 50
	MaxUnrankedBars = 5
)

// shownBars returns the rows a Bar draws.
func shownBars(rows []BarRow) []BarRow {
	if len(rows) <= MaxBars {
		return rows
	}
	first := 0 // the first unranked row
	for first < len(rows) && !rows[first].Unranked {
		first++
	}
	unranked := min(len(rows)-first, MaxUnrankedBars)
	ranked := min(first, MaxBars-unranked)
	return append(append([]BarRow(nil), rows[:ranked]...), rows[first:first+unranked]...)
}

func checkBarRows(rows []BarRow) error {
	if len(rows) == 0 {
		return errors.New("chart: no rows")
	}
	unranked := false
	for i, r := range rows {
		if r.Label == "" {
			return fmt.Errorf("chart: row %d: label is empty", i+1)
		}
		if r.Text == "" {
			return fmt.Errorf("chart: row %d (%s): value text is empty", i+1, r.Label)
		}
		if err := checkPercent(fmt.Sprintf("row %d (%s): value", i+1, r.Label), r.Value); err != nil {
			return err
		}
		if r.CI != nil {
			if err := checkPercent(fmt.Sprintf("row %d (%s): interval low", i+1, r.Label), r.CI.Lo); err != nil {
				return err
			}
			if err := checkPercent(fmt.Sprintf("row %d (%s): interval high", i+1, r.Label), r.CI.Hi); err != nil {
				return err
			}
			if r.CI.Lo > r.Value || r.CI.Hi < r.Value {
				return fmt.Errorf("chart: row %d (%s): interval %v..%v does not contain the value %v", i+1, r.Label, r.CI.Lo, r.CI.Hi, r.Value)
			}
		}
		if r.Unranked {
			unranked = true
		} else if unranked {
			return fmt.Errorf("chart: row %d (%s): ranked row after an unranked one (その他 etc. go last)", i+1, r.Label)
		}
	}
	return nil
}

func (b *Bar) narrow() Chart {
	return narrowed(b.opt.Width, func() Chart { n := *b; n.opt.Width = NarrowWidth; return &n })
}

func (b *Bar) layout(f *Fonts) *scene {
	s := &scene{w: b.opt.Width}
	y := margin
	axis := newPercentAxis(barMax(b.rows))
	y = drawAxisTitle(s, f, b.meta.words().T("chart.axis_share", "n", b.opt.N), y)
	y = drawBarRows(s, f, b.rows, axis, y)
	y = footnote(s, f, b.meta, y)
	s.h = math.Ceil(y)
	return s
}

func barMax(rows []BarRow) float64 {
	m := 0.0
	for _, r := range rows {
		m = math.Max(m, r.Value)
		if r.CI != nil {
			m = math.Max(m, r.CI.Hi)
		}
	}
	return m
}

// percentAxis maps percentages to x.
type percentAxis struct {
	max, step float64
}

func newPercentAxis(max float64) percentAxis {
	for _, step := range []float64{5, 10, 20, 25} {
		top := math.Max(step, math.Ceil(max/step-1e-9)*step)
		if top/step <= 5 {
			return percentAxis{max: math.Min(top, 100), step: step}
		}
	}
	return percentAxis{max: 100, step: 20}
}

func drawAxisTitle(s *scene, f *Fonts, title string, y float64) float64 {
	for _, ln := range wrap(f, title, s.w-2*margin, smallSize, false) {
		s.text(margin, baseline(y, smallSize), ln, smallSize, false, anchorStart, colTextMuted)
		y += smallSize * lineGap
	}
	return y + 4
}

// Row geometry.
const (
	barHeight = 18.0
	barGap    = 12.0 // space after a bar before the next label
	textGap   = 5.0  // between a bar's end and its value text
)

// drawBarRows draws rows with labels above bars, gridlines and tick labels
// below; it returns the y below the tick labels.
func drawBarRows(s *scene, f *Fonts, rows []BarRow, axis percentAxis, y float64) float64 {
	x0 := margin
	valueW := 0.0
	for _, r := range rows {
		valueW = math.Max(valueW, f.Width(r.Text, fontSize, true))
	}
	plotW := s.w - 2*margin - valueW - textGap
	xOf := func(v float64) float64 { return x0 + plotW*v/axis.max }
	lh := fontSize * lineGap

	top := y
	// Gridlines first, so bars cover them; their extent is known only after
	// the rows are laid out, so record the index and fill it in after.
	gridAt := len(s.items)
	for v := 0.0; v <= axis.max+1e-9; v += axis.step {
		s.line(xOf(v), 0, xOf(v), 0, colGrid, 1)
	}
	for i, r := range rows {
		if r.Unranked && (i == 0 || !rows[i-1].Unranked) && i > 0 {
			s.line(margin, y+1, s.w-margin, y+1, colAxis, 1)
			y += 6
		}
		for _, ln := range wrap(f, r.Label, s.w-2*margin, fontSize, false) {
			s.text(margin, baseline(y, fontSize), ln, fontSize, false, anchorStart, colText)
			y += lh
		}
		fill := colBlue
		if r.Unranked {
			fill = colGrey
		}
		bw := xOf(r.Value) - x0
		if bw > 0 {
			s.rect(x0, y, bw, barHeight, fill, "", 0)
		}
		end := xOf(r.Value)
		if r.CI != nil {
			lo, hi := xOf(r.CI.Lo), xOf(r.CI.Hi)
			cy := y + barHeight/2
			s.line(lo, cy, hi, cy, colWhisker, 1.5)
			s.line(lo, cy-5, lo, cy+5, colWhisker, 1.5)
			s.line(hi, cy-5, hi, cy+5, colWhisker, 1.5)
			end = math.Max(end, hi)
		}
		s.text(end+textGap, baseline(y+barHeight/2-lh/2, fontSize), r.Text, fontSize, true, anchorStart, colText)
		y += barHeight + barGap
	}
	bottom := y - barGap + 4
	for i, v := gridAt, 0.0; v <= axis.max+1e-9; i, v = i+1, v+axis.step {
		s.items[i].y, s.items[i].y2 = top, bottom
		if v == 0 {
			s.items[i].stroke = colAxis
		}
	}
	// Tick labels.
	for v := 0.0; v <= axis.max+1e-9; v += axis.step {
		a := anchorMiddle
		if v == 0 {
			a = anchorStart
		}
		s.text(xOf(v), baseline(bottom+2, smallSize), fmt.Sprintf("%g", v), smallSize, false, a, colTextMuted)
	}
	return bottom + 2 + smallSize*lineGap
}
