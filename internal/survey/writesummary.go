package survey

import (
	"fmt"
	"io"
	"strconv"

	"surveysite/internal/tabular"
)

// SummaryHeader returns the header row WriteSummaryCSV writes.
func SummaryHeader() []string {
	return []string{"設問ID", "設問", "設問の種類", "集計区分", "区分", "回答者数（人）", "選択肢コード", "選択肢", "指標", "値", "単位", "備考"}
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
	if err := cw.Write(SummaryHeader()...); err != nil {
		return err
	}
	note := func(s string) string { return joinNotes(s, notice) }
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
				why := fmt.Sprintf("秘匿（回答者数が%d人未満）", res.MinCell)
				if c.seg.Complement {
					why = "秘匿（他の区分の数値が差し引きで分からないようにするため）"
				}
				if err := row("", "", "", "", "", why); err != nil {
					return err
				}
				continue
			}
			for _, f := range summaryFigures(&q.Question, c.seg.Summary) {
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
					if err := row(r.Code, r.Label, strconv.Itoa(i+1)+"位", strconv.Itoa(k), "人", ""); err != nil {
						return err
					}
				}
				if err := row(r.Code, r.Label, "得点", strconv.Itoa(*r.Score), "点", fmt.Sprintf("1位を%d点、%d位を1点とした合計", q.MaxChoices, q.MaxChoices)); err != nil {
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
func summaryFigures(q *Question, s *Summary) []figure {
	t := func(p *Tenths) string {
		if p == nil {
			return ""
		}
		return p.String()
	}
	unit := q.Unit
	if q.Type == SCALE {
		unit = "点"
	}
	return []figure{
		{"有効回答数", strconv.Itoa(s.NValid), "人", ""},
		{"M.T.", t(s.MT), "%", "選ばれた件数の合計÷回答者数"},
		{"上位2段階の計", t(s.Top2), "%", "件数の合計から算出"},
		{"下位2段階の計", t(s.Bottom2), "%", "件数の合計から算出"},
		{"平均", string(s.Mean), unit, "有効回答による"},
		{"標準偏差", string(s.SD), unit, "不偏分散（n−1）による"},
		{"最小", string(s.Min), unit, ""},
		{"第1四分位", string(s.Q1), unit, "線形補間（QUARTILE.INC）"},
		{"中央値", string(s.Median), unit, ""},
		{"第3四分位", string(s.Q3), unit, "線形補間（QUARTILE.INC）"},
		{"最大", string(s.Max), unit, ""},
		{"推奨者", t(s.Promoters), "%", "9〜10点、有効回答に対する割合"},
		{"中立者", t(s.Passives), "%", "7〜8点、有効回答に対する割合"},
		{"批判者", t(s.Detractors), "%", "0〜6点、有効回答に対する割合"},
		{"NPS", t(s.NPS), "ポイント", "推奨者の割合−批判者の割合（件数から算出）"},
		{"NPSの95%信頼区間下限", t(s.NPSLow), "ポイント", "Wald法"},
		{"NPSの95%信頼区間上限", t(s.NPSHigh), "ポイント", "Wald法"},
	}
}
