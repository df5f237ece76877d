package survey

import (
	"io"
	"strconv"

	"surveysite/internal/i18n"
	"surveysite/internal/tabular"
)

// SummaryHeader returns the header row WriteSummaryCSV writes, in Japanese.
func SummaryHeader() []string { return summaryColumns(i18n.Japanese()) }

func summaryColumns(l *i18n.Lang) []string {
	return words(l, "csv.question_id", "csv.question", "csv.type", "csv.by", "csv.segment", "csv.n", "csv.option_code", "csv.option",
		"csv.figure", "csv.value", "csv.unit", "csv.notes")
}

// HasSummary reports whether any question of res has summary figures, so
// that WriteSummaryCSV writes more than its header.
func HasSummary(res *Results) bool {
	for _, q := range res.Questions {
		if q.Total.Summary != nil {
			return true
		}
	}
	return false
}

// WriteSummaryCSV writes the summary figures of every question that has
// them (M.T., top-2, mean, quartiles, NPS, and a ranking's counts by rank
// and scores) as one long table: one figure per row, its unit in a column
// of its own, in UTF-8 with BOM and CRLF, under the same open-data rules as
// WriteDownloadCSV. A suppressed segment is one row with 備考 saying why.
func WriteSummaryCSV(w io.Writer, res *Results, notice string) error {
	cw := tabular.NewWriter(w)
	l := res.words()
	if err := cw.Write(summaryColumns(l)...); err != nil {
		return err
	}
	note := func(s string) string { return joinNotes(l, s, notice) }
	for _, q := range res.Questions {
		if q.Total.Summary == nil {
			continue
		}
		for _, c := range q.columns() {
			n := strconv.Itoa(c.seg.N)
			// The value is a number this package made (it may be negative,
			// such as an NPS of -16.4): it is written as it is; every other
			// cell is neutralised.
			row := func(code, label, figure, value, unit, why string) error {
				nt := tabular.Neutralise
				return cw.WriteRaw(nt(q.ID), nt(q.Text), string(q.Type), nt(c.by), nt(c.seg.Value), n, nt(code), nt(label), figure, value, unit, nt(note(why)))
			}
			if c.seg.Suppressed {
				if err := row("", "", "", "", "", suppressedWhy(l, c.seg, res.MinCell)); err != nil {
					return err
				}
				continue
			}
			for _, f := range summaryFigures(l, &q.Question, c.seg.Summary) {
				if f.value == "" {
					continue
				}
				if err := row("", "", f.name, f.value, f.unit, f.note); err != nil {
					return err
				}
			}
			if q.Type != RANK {
				continue
			}
			for _, r := range c.seg.Rows {
				if r.ByRank == nil {
					continue
				}
				for i, k := range r.ByRank {
					if err := row(r.Code, r.Label, l.T("rank.nth", "n", i+1), strconv.Itoa(k), l.T("csv.unit_people"), ""); err != nil {
						return err
					}
				}
				if err := row(r.Code, r.Label, l.T("csv.score"), strconv.Itoa(*r.Score), l.T("csv.unit_points"), l.T("csv.score_note", "k", q.MaxChoices)); err != nil {
					return err
				}
			}
		}
	}
	return cw.Flush()
}

type figure struct{ name, value, unit, note string }

// summaryFigures lists a summary's figures in the order the docs give them,
// with their units; a figure that is not set has an empty value.
func summaryFigures(l *i18n.Lang, q *Question, s *Summary) []figure {
	t := func(p *Tenths) string {
		if p == nil {
			return ""
		}
		return p.String()
	}
	unit := q.Unit
	if q.Type == SCALE {
		unit = l.T("csv.unit_points")
	}
	fig := func(key, value, unit, note string) figure {
		if note != "" {
			note = l.T("csv.figure_note." + note)
		}
		return figure{l.T("csv.figure_name." + key), value, unit, note}
	}
	people, pct, points := l.T("csv.unit_people"), "%", l.T("csv.unit_nps")
	return []figure{
		fig("valid", strconv.Itoa(s.NValid), people, ""),
		fig("mt", t(s.MT), pct, "mt"),
		fig("top2", t(s.Top2), pct, "sum"),
		fig("bottom2", t(s.Bottom2), pct, "sum"),
		fig("mean", string(s.Mean), unit, "valid"),
		fig("sd", string(s.SD), unit, "sd"),
		fig("min", string(s.Min), unit, ""),
		fig("q1", string(s.Q1), unit, "quartile"),
		fig("median", string(s.Median), unit, ""),
		fig("q3", string(s.Q3), unit, "quartile"),
		fig("max", string(s.Max), unit, ""),
		fig("promoters", t(s.Promoters), pct, "promoters"),
		fig("passives", t(s.Passives), pct, "passives"),
		fig("detractors", t(s.Detractors), pct, "detractors"),
		fig("nps", t(s.NPS), points, "nps"),
		fig("nps_low", t(s.NPSLow), points, "wald"),
		fig("nps_high", t(s.NPSHigh), points, "wald"),
	}
}
