package survey

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"surveysite/internal/tabular"
)

// CSVHeader is the header row WriteCSV writes.
var CSVHeader = []string{"question_id", "segment", "n", "option_code", "option_label", "count", "percent", "rank", "ci_low", "ci_high"}

// WriteCSV writes res as one table: one row per question, segment and
// option, 無回答 and 無効 included, in UTF-8 with BOM and CRLF, with
// formula-like cells neutralised. percent, ci_low and ci_high are percentages
// with one decimal; rank is empty for unranked rows. They are empty as well
// where no percentage exists (n = 0, or the 無回答/無効 rows under base
// answered). A suppressed segment is one row with its n and every other
// number empty.
func WriteCSV(w io.Writer, res *Results) error {
	cw := tabular.NewWriter(w)
	if err := cw.Write(CSVHeader...); err != nil {
		return err
	}
	for _, q := range res.Questions {
		for _, seg := range q.segments() {
			n := strconv.Itoa(seg.N)
			if seg.Suppressed {
				if err := cw.Write(q.ID, seg.Label, n, "", "", "", "", "", "", ""); err != nil {
					return err
				}
				continue
			}
			for _, r := range seg.Rows {
				pct, lo, hi := "", "", ""
				if r.HasPercent(seg.N) {
					pct, lo, hi = r.Percent.String(), r.CILow.String(), r.CIHigh.String()
				}
				if err := cw.Write(q.ID, seg.Label, n, r.Code, r.Label, strconv.Itoa(r.Count), pct, rankString(r.Rank), lo, hi); err != nil {
					return err
				}
			}
		}
	}
	return cw.Flush()
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
		for _, seg := range q.segments() {
			if seg.Suppressed {
				fmt.Fprintf(bw, "\n%s (n=%d): 秘匿 (n が %d 未満のため非公表)\n", seg.Label, seg.N, res.MinCell)
				continue
			}
			fmt.Fprintf(bw, "\n%s (n=%d)\n", seg.Label, seg.N)
			fmt.Fprintf(bw, "%s  %s  %s  %6s  %s\n", padLeft("順位", 6), pad("選択肢", labelW), padLeft("件数", 8), "%", "95%信頼区間")
			for _, r := range seg.Rows {
				pct, ci := "-", ""
				if r.HasPercent(seg.N) {
					pct = r.Percent.String()
					ci = r.CILow.String() + "–" + r.CIHigh.String()
				}
				fmt.Fprintf(bw, "%6s  %s  %8d  %6s  %s\n", rankString(r.Rank), pad(r.Label, labelW), r.Count, pct, ci)
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
