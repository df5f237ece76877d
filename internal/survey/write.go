package survey

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"surveysite/internal/i18n"
	"surveysite/internal/tabular"
)

// CSVHeader returns the header row WriteCSV writes for unweighted results.
func CSVHeader() []string {
	return []string{"question_id", "segment", "n", "option_code", "option_label", "count", "percent", "rank", "ci_low", "ci_high"}
}

// csvHeader is CSVHeader, with weighted_count and n_eff for weighted
// results.
func csvHeader(res *Results) []string {
	if res.Weights == nil {
		return CSVHeader()
	}
	return append(CSVHeader(), "weighted_count", "n_eff")
}

// WriteCSV writes res as one table: one row per question, segment and
// option, 無回答 and 無効 included, in UTF-8 with BOM and CRLF, with
// formula-like cells neutralised. percent, ci_low and ci_high are percentages
// with one decimal; rank is empty for unranked rows. They are empty as well
// where no percentage exists (n = 0, or the 無回答/無効 rows under base
// answered). A suppressed segment is one row with its n and every other
// number empty.
func WriteCSV(w io.Writer, res *Results) error {
	cw := tabular.NewWriter(w)
	if err := cw.Write(csvHeader(res)...); err != nil {
		return err
	}
	weighted := res.Weights != nil
	for _, q := range res.Questions {
		for _, seg := range q.segments() {
			n := strconv.Itoa(seg.N)
			if seg.Suppressed {
				rec := []string{q.ID, seg.Label, n, "", "", "", "", "", "", ""}
				if weighted {
					rec = append(rec, "", "")
				}
				if err := cw.Write(rec...); err != nil {
					return err
				}
				continue
			}
			for _, r := range seg.Rows {
				pct, lo, hi := "", "", ""
				if r.HasPercent(seg.N) {
					pct, lo, hi = r.Percent.String(), r.CILow.String(), r.CIHigh.String()
				}
				rec := []string{q.ID, seg.Label, n, r.Code, r.Label, strconv.Itoa(r.Count), pct, rankString(r.Rank), lo, hi}
				if weighted {
					rec = append(rec, r.WeightedCount.String(), seg.NEff.String())
				}
				if err := cw.Write(rec...); err != nil {
					return err
				}
			}
		}
	}
	return cw.Flush()
}

// DownloadHeader returns the header row WriteDownloadCSV writes for
// unweighted results, in Japanese.
func DownloadHeader() []string { return downloadColumns(i18n.Japanese()) }

// downloadColumns is the header row of WriteDownloadCSV in l: 設問ID, 設問,
// 集計区分, 区分, 回答者数（人）, 選択肢コード, 選択肢, 件数（人）, 割合（%）, 順位,
// the interval's bounds and 備考.
func downloadColumns(l *i18n.Lang) []string {
	return words(l, "csv.question_id", "csv.question", "csv.by", "csv.segment", "csv.n", "csv.option_code", "csv.option", "csv.count",
		"csv.percent", "csv.rank", "csv.ci_low", "csv.ci_high", "csv.notes")
}

// words returns the messages of keys in l.
func words(l *i18n.Lang, keys ...string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = l.T(k)
	}
	return out
}

// downloadHeader is DownloadHeader in the results' language, with the
// weighted count and Kish's effective n before 備考 for weighted results.
func downloadHeader(res *Results) []string {
	l := res.words()
	h := downloadColumns(l)
	if res.Weights == nil {
		return h
	}
	return append(h[:len(h)-1:len(h)-1], l.T("csv.weighted_count"), l.T("csv.n_eff"), h[len(h)-1])
}

// WriteDownloadCSV writes res for publishing as open data, following the
// Japanese government's rules for machine-readable tables: one table, one
// value per cell, units in the header, Japanese column names, UTF-8 with BOM
// and CRLF, formula-like cells neutralised. 集計区分 is the cross-tab column
// (empty for 全体) and 区分 its value; a segment that is not published has
// one row with its n and 備考 saying why. notice, if set, is written into
// 備考 of every row (for example that the data are a sample).
func WriteDownloadCSV(w io.Writer, res *Results, notice string) error {
	cw := tabular.NewWriter(w)
	if err := cw.Write(downloadHeader(res)...); err != nil {
		return err
	}
	l := res.words()
	weighted := res.Weights != nil
	if weighted {
		notice = joinNotes(l, l.T("csv.weighted_note"), notice)
	}
	note := func(s string) string { return joinNotes(l, s, notice) }
	// write puts the weighted columns, when there are any, before 備考.
	write := func(rec []string, wc, neff string) error {
		if weighted {
			rec = append(rec[:len(rec)-1:len(rec)-1], wc, neff, rec[len(rec)-1])
		}
		return cw.Write(rec...)
	}
	for _, q := range res.Questions {
		for _, c := range q.columns() {
			n := strconv.Itoa(c.seg.N)
			if c.seg.Suppressed {
				why := suppressedWhy(l, c.seg, res.MinCell)
				if err := write([]string{q.ID, q.Text, c.by, c.seg.Value, n, "", "", "", "", "", "", "", note(why)}, "", ""); err != nil {
					return err
				}
				continue
			}
			for _, r := range c.seg.Rows {
				pct, lo, hi, why := "", "", "", ""
				if r.HasPercent(c.seg.N) {
					pct, lo, hi = r.Percent.String(), r.CILow.String(), r.CIHigh.String()
				} else if r.Excluded {
					why = l.T("csv.not_in_n")
				}
				if err := write([]string{q.ID, q.Text, c.by, c.seg.Value, n, r.Code, r.Label, strconv.Itoa(r.Count),
					pct, rankString(r.Rank), lo, hi, note(why)}, r.WeightedCount.String(), c.seg.NEff.String()); err != nil {
					return err
				}
			}
		}
	}
	return cw.Flush()
}

// column is a segment with the cross-tab column it belongs to ("" for 全体).
type column struct {
	by  string
	seg Segment
}

func (q *QuestionResult) columns() []column {
	out := []column{{"", q.Total}}
	for _, ct := range q.Crosstabs {
		for _, sg := range ct.Segments {
			out = append(out, column{ct.Column, sg})
		}
	}
	return out
}

// segments returns 全体 and then every cross-tab segment.
func (q *QuestionResult) segments() []Segment {
	out := []Segment{q.Total}
	for _, ct := range q.Crosstabs {
		out = append(out, ct.Segments...)
	}
	return out
}

func rankString(r int) string {
	if r == 0 {
		return ""
	}
	return strconv.Itoa(r)
}

// WriteJSON writes res as indented JSON. Percentages are numbers with one
// decimal; a suppressed segment has "suppressed": true and "rows": null.
func WriteJSON(w io.Writer, res *Results) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(res)
}

// WriteTable writes res for people to read in a terminal: per question and
// segment, n, then aligned columns of rank, option, count, percent and 95%
// interval. Japanese text counts as two columns wide.
func WriteTable(w io.Writer, res *Results) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "N=%d  base=%s  min-cell=%d\n", res.N, res.Base, res.MinCell)
	weighted := res.Weights != nil
	if weighted {
		fmt.Fprintf(bw, "weighted by %s to %s: %% and intervals are weighted, 件数 are respondents\n", strings.Join(res.Weights.Columns, "×"), res.Weights.Path)
	}
	for _, q := range res.Questions {
		limit := ""
		if q.MaxChoices > 0 && q.Type == MA {
			limit = fmt.Sprintf(", %dつまで", q.MaxChoices)
		}
		fmt.Fprintf(bw, "\n%s %s (%s%s)\n", q.ID, q.Text, q.Type, limit)
		labelW := displayWidth("選択肢")
		for _, o := range q.Options {
			labelW = max(labelW, displayWidth(o.Label))
		}
		for i, seg := range q.segments() {
			if seg.Suppressed {
				fmt.Fprintf(bw, "\n%s (n=%d): 秘匿 (n が %d 未満のため非公表)\n", seg.Label, seg.N, res.MinCell)
				continue
			}
			if weighted {
				fmt.Fprintf(bw, "\n%s (n=%d, n_eff=%s)\n", seg.Label, seg.N, seg.NEff)
				fmt.Fprintf(bw, "%s  %s  %s  %s  %6s  %s\n", padLeft("順位", 6), pad("選択肢", labelW), padLeft("件数", 8), padLeft("重み付き", 8), "%", "95%信頼区間")
			} else {
				fmt.Fprintf(bw, "\n%s (n=%d)\n", seg.Label, seg.N)
				fmt.Fprintf(bw, "%s  %s  %s  %6s  %s\n", padLeft("順位", 6), pad("選択肢", labelW), padLeft("件数", 8), "%", "95%信頼区間")
			}
			for _, r := range seg.Rows {
				pct, ci := "-", ""
				if r.HasPercent(seg.N) {
					pct = r.Percent.String()
					ci = r.CILow.String() + "–" + r.CIHigh.String()
				}
				if weighted {
					fmt.Fprintf(bw, "%6s  %s  %8d  %8s  %6s  %s\n", rankString(r.Rank), pad(r.Label, labelW), r.Count, r.WeightedCount, pct, ci)
					continue
				}
				fmt.Fprintf(bw, "%6s  %s  %8d  %6s  %s\n", rankString(r.Rank), pad(r.Label, labelW), r.Count, pct, ci)
			}
			writeSummaryLines(bw, &q.Question, seg)
			if i == 0 && q.Prev != nil { // under 全体
				writePrevLines(bw, q, labelW)
			}
		}
	}
	return bw.Flush()
}

// displayWidth is the width of s in a terminal: wide and full-width runes
// count two columns.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

func padLeft(s string, w int) string {
	return strings.Repeat(" ", max(0, w-displayWidth(s))) + s
}

func pad(s string, w int) string {
	return s + strings.Repeat(" ", max(0, w-displayWidth(s)))
}

// writeSummaryLines writes a segment's summary figures, and a ranking's
// counts by rank and scores, under its rows.
func writeSummaryLines(w io.Writer, q *Question, seg Segment) {
	if seg.Summary == nil {
		return
	}
	var parts []string
	for _, f := range summaryFigures(i18n.Japanese(), q, seg.Summary) { // the terminal table stays Japanese
		if f.value != "" {
			parts = append(parts, f.name+" "+f.value+f.unit)
		}
	}
	fmt.Fprintf(w, "  %s\n", strings.Join(parts, "  "))
	for _, r := range seg.Rows {
		if r.ByRank == nil {
			continue
		}
		var by []string
		for i, c := range r.ByRank {
			by = append(by, fmt.Sprintf("%d位 %d", i+1, c))
		}
		fmt.Fprintf(w, "  %s: %s  得点 %d\n", r.Label, strings.Join(by, "  "), *r.Score)
	}
}

// joinNotes joins the non-empty notes of a 備考 cell with "；".
func joinNotes(l *i18n.Lang, notes ...string) string {
	var out []string
	for _, n := range notes {
		if n != "" {
			out = append(out, n)
		}
	}
	return strings.Join(out, l.T("csv.note_sep"))
}

// suppressedWhy is the note of a segment that is not published.
func suppressedWhy(l *i18n.Lang, seg Segment, minCell int) string {
	if seg.Complement {
		return l.T("csv.complement")
	}
	return l.T("csv.suppressed", "min", minCell)
}

// writePrevLines writes the comparison with the previous wave under 全体.
func writePrevLines(w io.Writer, q QuestionResult, labelW int) {
	fmt.Fprintf(w, "\n前回 %s (n=%d) との比較\n", q.Prev.Survey, q.Prev.N)
	fmt.Fprintf(w, "%s  %6s  %6s  %7s  %s\n", pad("選択肢", labelW), "今回%", "前回%", "差", "95%信頼区間")
	for _, r := range q.Total.Rows {
		if r.Prev == nil {
			fmt.Fprintf(w, "%s  %6s  (new)\n", pad(r.Label, labelW), r.Percent)
			continue
		}
		fmt.Fprintf(w, "%s  %6s  %6s  %7s  %s–%s %s\n", pad(r.Label, labelW), r.Percent, r.Prev.Percent, r.Prev.Diff, r.Prev.Low, r.Prev.High, r.Prev.Change)
	}
	if len(q.Prev.Dropped) > 0 {
		fmt.Fprintf(w, "  only in the previous wave: %s\n", strings.Join(q.Prev.Dropped, ", "))
	}
	if q.Prev.MeanDiff != "" {
		fmt.Fprintf(w, "  平均 前回 %s  差 %s\n", q.Prev.PrevMean, q.Prev.MeanDiff)
	}
	if q.Prev.NPSDiff != nil {
		fmt.Fprintf(w, "  NPS 前回 %s  差 %s\n", q.Prev.PrevNPS, *q.Prev.NPSDiff)
	}
}

// WeightsHeader returns the header row WriteWeightsCSV writes after the
// weighting columns, in Japanese.
func WeightsHeader() []string { return weightsColumns(i18n.Japanese()) }

func weightsColumns(l *i18n.Lang) []string {
	return words(l, "csv.population", "csv.population_share", "csv.respondents", "csv.weight")
}

// WriteWeightsCSV writes the population table the results are weighted to,
// in the open-data form of WriteDownloadCSV: the weighting columns, then
// each cell's population as given, its share (four decimals), its
// respondents and the weight each of them got (four decimals).
func WriteWeightsCSV(w io.Writer, res *Results, notice string) error {
	cw := tabular.NewWriter(w)
	wt := res.Weights
	l := res.words()
	if wt.Raked() {
		// Only the margins are known: each combination found, its
		// respondents, its raked weight and the share it stands for.
		if err := cw.Write(append(slices.Clone(wt.Columns), words(l, "csv.respondents", "csv.weight", "csv.weighted_share", "csv.notes")...)...); err != nil {
			return err
		}
		notice = joinNotes(l, l.T("csv.raked_note"), notice)
		for _, c := range wt.Cells {
			if err := cw.Write(append(slices.Clone(c.Values), strconv.Itoa(c.N), c.Weight.String(), c.Share.String(), notice)...); err != nil {
				return err
			}
		}
		return cw.Flush()
	}
	if err := cw.Write(append(append(slices.Clone(wt.Columns), weightsColumns(l)...), l.T("csv.notes"))...); err != nil {
		return err
	}
	for _, c := range wt.Cells {
		rec := append(slices.Clone(c.Values), c.Population, c.Share.String(), strconv.Itoa(c.N), c.Weight.String(), notice)
		if err := cw.Write(rec...); err != nil {
			return err
		}
	}
	return cw.Flush()
}
