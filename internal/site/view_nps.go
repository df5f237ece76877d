package site

import (
	"fmt"

	"surveysite/internal/chart"
	"surveysite/internal/i18n"
	"surveysite/internal/survey"
)

// NPS: the score in large type, the three groups as one stacked bar, the
// eleven scores in a table; cross-tabs as the three groups by segment with
// each segment's score.

func init() { registerView(survey.NPS, npsView{}) }

type npsView struct{}

// npsGroups names the three groups of an NPS question.
func npsGroups(l *i18n.Lang) []string {
	return []string{l.T("nps.promoters"), l.T("nps.passives"), l.T("nps.detractors")}
}

func (npsView) describe(qb *questionBuild) {
	qr, qv, l := qb.qr, qb.qv, qb.l
	qv.TypeLabel = l.T("type.nps")
	qv.Table = shareTable(l, qr, l.T("table.score"))
	s := qr.Total.Summary
	if s.NPS != nil {
		groups := npsGroups(l)
		qv.Figures = []Figure{
			{Label: l.T("figure.nps"), Value: s.NPS.String(), Large: true},
			{Label: l.T("figure.ci"), Value: l.T("range", "lo", s.NPSLow, "hi", s.NPSHigh)},
			{Label: groups[0], Value: pct(s.Promoters)},
			{Label: groups[1], Value: pct(s.Passives)},
			{Label: groups[2], Value: pct(s.Detractors)},
			{Label: l.T("figure.valid"), Value: l.T("figure.people", "n", s.NValid)},
		}
		qv.Desc = l.T("desc.nps", "title", qv.Title, "type", qv.TypeLabel, "n", qv.N, "nps", s.NPS, "lo", s.NPSLow, "hi", s.NPSHigh,
			"promoters", pct(s.Promoters), "passives", pct(s.Passives), "detractors", pct(s.Detractors), "valid", s.NValid)
	} else {
		qv.Desc = l.T("desc.nps_none", "title", qv.Title, "type", qv.TypeLabel, "n", qv.N)
	}
	qb.notes = append(qb.notes, l.T("note.nps"), l.T("note.nps_ci"), l.T("note.nps_share"), l.T("note.dash"))
}

// groups returns the three groups' shares of a segment as chart values.
func npsSegment(name string, seg survey.Segment) chart.Segment {
	cs := chart.Segment{Name: name, N: seg.N, Suppressed: seg.Suppressed}
	if seg.Suppressed {
		return cs
	}
	s := seg.Summary
	cs.N = s.NValid
	for _, t := range []*survey.Tenths{s.Promoters, s.Passives, s.Detractors} {
		if t == nil {
			cs.Values, cs.Texts = append(cs.Values, 0), append(cs.Texts, "-")
			continue
		}
		cs.Values = append(cs.Values, float64(*t)/10)
		cs.Texts = append(cs.Texts, dashTenths(*t))
	}
	return cs
}

func dashTenths(t survey.Tenths) string {
	if t == 0 {
		return "-"
	}
	return t.String() + "%"
}

var npsColours = []string{"#005AFF", "#DDE1E5", "#FF4B00"}

func (npsView) chart(qb *questionBuild, meta chart.Meta) (chart.Chart, error) {
	s := qb.qr.Total.Summary
	if s.NValid == 0 {
		return shareBars(qb, meta) // nobody gave a score: the 無回答 and 無効 rows only
	}
	l := qb.l
	seg := npsSegment(l.T("chart.nps_total", "total", l.T("data.total"), "nps", s.NPS), qb.qr.Total)
	return chart.NewStacked(meta, npsGroups(l), []chart.Segment{seg}, chart.StackedOptions{
		Colours: npsColours, AxisTitle: l.T("chart.axis_valid", "n", s.NValid)})
}

func (npsView) top(*questionBuild, chart.Meta) (chart.Chart, error) { return nil, nil }

func (npsView) crosstab(qb *questionBuild, ct survey.Crosstab, meta chart.Meta, fonts *chart.Fonts, minCell int) (CrosstabView, error) {
	l := qb.l
	cv := CrosstabView{Column: ct.Column}
	var segs []chart.Segment
	for _, seg := range ct.Segments {
		cv.Segments = append(cv.Segments, SegmentView{Name: segmentName(l, seg), N: seg.N, Suppressed: seg.Suppressed, Complement: seg.Complement})
		cs := npsSegment(segmentName(l, seg), seg)
		if seg.Complement {
			cs.SuppressedNote = l.T("chart.hidden_complement")
			cv.Complement = true
		}
		if !seg.Suppressed && seg.Summary.NValid == 0 {
			cs.Suppressed, cs.SuppressedNote = true, l.T("chart.no_valid")
		}
		segs = append(segs, cs)
	}
	groups := npsGroups(l)
	pctOf := func(name string) string { return l.T("table.percent_of", "name", name) }
	addSummaryRows(l, &cv, ct, []string{"NPS", pctOf(groups[0]), pctOf(groups[1]), pctOf(groups[2]), l.T("figure.valid")}, func(s *survey.Summary, i int) string {
		if s.NValid == 0 {
			return "-"
		}
		switch i {
		case 0:
			return s.NPS.String()
		case 1:
			return s.Promoters.String()
		case 2:
			return s.Passives.String()
		case 3:
			return s.Detractors.String()
		}
		return fmt.Sprint(s.NValid)
	})
	meta.Desc = l.T("desc.nps_crosstab", "column", ct.Column, "min", minCell)
	c, err := chart.NewStacked(meta, groups, segs, chart.StackedOptions{Colours: npsColours, AxisTitle: l.T("chart.axis_valid_segments")})
	if err != nil {
		return cv, err
	}
	return cv, writeChart(&cv, c, fonts)
}
