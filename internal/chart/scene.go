package chart

// A scene is a chart laid out in user units (1 unit = 1 CSS px at the
// chart's natural width), origin top left, y down. Both the SVG and the PNG
// writers draw the same scene, so the two never disagree.
type scene struct {
	w, h  float64
	items []item
}

type itemKind uint8

const (
	kindRect itemKind = iota
	kindLine
	kindText
)

// anchor is a text anchor, as SVG's text-anchor.
type anchor uint8

const (
	anchorStart anchor = iota
	anchorMiddle
	anchorEnd
)

// item is one drawing primitive.
type item struct {
	kind   itemKind
	x, y   float64 // rect: top left; line: start; text: anchor point on the baseline
	w, h   float64 // rect size
	x2, y2 float64 // line end
	fill   string  // rect fill, text colour; "" for none
	stroke string  // rect outline or line colour; "" for none
	sw     float64 // stroke width
	text   string
	size   float64
	bold   bool
	anchor anchor
}

func (s *scene) rect(x, y, w, h float64, fill, stroke string, sw float64) {
	s.items = append(s.items, item{kind: kindRect, x: x, y: y, w: w, h: h, fill: fill, stroke: stroke, sw: sw})
}

func (s *scene) line(x1, y1, x2, y2 float64, stroke string, sw float64) {
	s.items = append(s.items, item{kind: kindLine, x: x1, y: y1, x2: x2, y2: y2, stroke: stroke, sw: sw})
}

func (s *scene) text(x, y float64, txt string, size float64, bold bool, a anchor, fill string) {
	if txt == "" {
		return
	}
	s.items = append(s.items, item{kind: kindText, x: x, y: y, text: txt, size: size, bold: bold, anchor: a, fill: fill})
}

// texts returns every text string in the scene, in drawing order.
func (s *scene) texts() []string {
	var out []string
	for _, it := range s.items {
		if it.kind == kindText {
			out = append(out, it.text)
		}
	}
	return out
}
