package chart

import (
	"errors"
	"fmt"
	"math"

	"surveysite/internal/i18n"
)

// Meta is what every chart carries besides its data: the accessible name
// and description and the footnote. The caller builds the sentences.
type Meta struct {
	// ID prefixes the ids of the SVG's <title> and <desc> ("ID-title",
	// "ID-desc") so several charts on one page do not clash. It must start
	// with an ASCII letter and hold only ASCII letters, digits, '-' and '_'.
	ID string
	// Title is the accessible name, e.g. "問46 取り組みたいテーマ（複数回答）".
	Title string
	// Desc is the accessible description: a sentence stating the ranking
	// and the numbers.
	Desc string
	// Footnote, if not empty, is drawn as the chart's last line(s) so a
	// copied chart carries it, e.g. "※サンプルデータ（実際の回答ではありません）".
	Footnote string
	// Lang gives the words the chart draws itself: axis titles, a
	// segment's n, the note of a hidden segment, the legend of a tile map
	// (i18n keys chart.*). Nil: Japanese.
	Lang *i18n.Lang
}

// words returns the language of the chart's own words.
func (m Meta) words() *i18n.Lang {
	if m.Lang != nil {
		return m.Lang
	}
	return i18n.Japanese()
}

func (m Meta) validate() error {
	if m.ID == "" {
		return errors.New("chart: Meta.ID is empty")
	}
	for i, c := range m.ID {
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' ||
			i > 0 && (c >= '0' && c <= '9' || c == '-' || c == '_')
		if !ok {
			return fmt.Errorf("chart: Meta.ID %q: character %q at byte %d is not allowed (use ASCII letters, then letters, digits, '-' or '_')", m.ID, c, i)
		}
	}
	if m.Title == "" {
		return fmt.Errorf("chart: chart %q: Meta.Title is empty", m.ID)
	}
	if m.Desc == "" {
		return fmt.Errorf("chart: chart %q: Meta.Desc is empty", m.ID)
	}
	return nil
}

// Chart is a validated chart of any kind, ready to be laid out with the
// bundled font and written as SVG or PNG. It is implemented by *Bar,
// *Crosstab, *Stacked and *TileMap.
type Chart interface {
	// Meta returns the chart's title, description, ID and footnote.
	Meta() Meta
	layout(f *Fonts) *scene
	// narrow returns the chart laid out for a phone (NarrowWidth), or nil
	// when the chart is no wider than that.
	narrow() Chart
}

// described is embedded in every chart: what Meta returns.
type described struct{ meta Meta }

// Meta returns the chart's title, description, ID and footnote.
func (d *described) Meta() Meta { return d.meta }

// checkMeta checks what every chart has, its Meta and its natural width
// (0 for the default), and returns the width to lay it out at.
func checkMeta(meta Meta, width float64) (float64, error) {
	if err := meta.validate(); err != nil {
		return 0, err
	}
	w, err := checkWidth(width)
	if err != nil {
		return 0, fmt.Errorf("chart %q: %w", meta.ID, err)
	}
	return w, nil
}

// narrowed returns narrow(), a copy of a chart laid out at NarrowWidth, if
// the chart is wider than that (width), and otherwise nil.
func narrowed(width float64, narrow func() Chart) Chart {
	if width <= NarrowWidth {
		return nil
	}
	return narrow()
}

var (
	_ Chart = (*Bar)(nil)
	_ Chart = (*Crosstab)(nil)
	_ Chart = (*Stacked)(nil)
	_ Chart = (*TileMap)(nil)
)

// Sizes in user units (CSS px at the chart's natural width).
const (
	defaultWidth = 440.0
	minWidth     = 280.0
	maxWidth     = 1200.0
	margin       = 12.0
	fontSize     = 15.0
	smallSize    = 13.0
	lineGap      = 1.4 // line height as a multiple of font size
)

func checkWidth(w float64) (float64, error) {
	switch {
	case w == 0:
		return defaultWidth, nil
	case math.IsNaN(w) || math.IsInf(w, 0) || w < minWidth || w > maxWidth:
		return 0, fmt.Errorf("chart: width %v is outside %v..%v", w, minWidth, maxWidth)
	}
	return w, nil
}

// checkPercent reports an error naming what when v is NaN, infinite or
// outside 0..100.
func checkPercent(what string, v float64) error {
	switch {
	case math.IsNaN(v):
		return fmt.Errorf("chart: %s is NaN", what)
	case math.IsInf(v, 0):
		return fmt.Errorf("chart: %s is infinite", what)
	case v < 0:
		return fmt.Errorf("chart: %s is negative (%v)", what, v)
	case v > 100:
		return fmt.Errorf("chart: %s is %v, above 100%%", what, v)
	}
	return nil
}

// footnote draws m.Footnote wrapped to the width from y (the top of the
// line box) and returns the scene's final height.
func footnote(s *scene, f *Fonts, m Meta, y float64) float64 {
	if m.Footnote == "" {
		return y + margin
	}
	y += 6
	lh := smallSize * lineGap
	for _, ln := range wrap(f, m.Footnote, s.w-2*margin, smallSize, false) {
		y += lh
		s.text(margin, y-lh*0.28, ln, smallSize, false, anchorStart, colTextMuted)
	}
	return y + margin
}

// baseline returns the baseline y for a line box whose top is top and
// whose font size is size, centring the em box in the line.
func baseline(top, size float64) float64 {
	lh := size * lineGap
	return top + lh/2 + size*0.36
}
