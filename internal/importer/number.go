package importer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// How a column of numbers is read: a NUM question, with its unit.

// numeric reports whether every value is a number, allowing one unit that
// most of them end with; it returns the unit.
func numeric(vals []string) (string, bool) {
	suffix := map[string]int{}
	for _, v := range vals {
		s := norm.NFKC.String(v)
		i := strings.LastIndexAny(s, "0123456789")
		if i >= 0 && i < len(s)-1 {
			suffix[strings.TrimSpace(s[i+1:])]++
		}
	}
	unit := ""
	for u, n := range suffix {
		if u == "代" {
			return "", false // 20代, 30代: age groups, ordered bands rather than numbers
		}
		if u != "" && utf8.RuneCountInString(u) <= 3 && n*2 >= len(vals) {
			unit = u
		}
	}
	for _, v := range vals {
		if !isNumber(v, unit) {
			return "", false
		}
	}
	return unit, true
}

var plainNumberRE = regexp.MustCompile(`^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$`)

func isNumber(v, unit string) bool {
	s := strings.TrimSpace(norm.NFKC.String(v))
	if unit != "" {
		s = strings.TrimSpace(strings.TrimSuffix(s, unit))
	}
	return plainNumberRE.MatchString(strings.ReplaceAll(s, " ", ""))
}

func (in *inference) number(i int, vals []string, unit string) {
	c := in.cols[i]
	ints, lo, hi := true, 1<<62, -1<<62
	for _, v := range vals {
		n, err := strconv.Atoi(strings.TrimSpace(norm.NFKC.String(v)))
		if err != nil {
			ints = false
			break
		}
		lo, hi = min(lo, n), max(hi, n)
	}
	q := Question{ID: in.newID(), Text: questionText(c), Unit: unit}
	in.p.Titles[q.ID] = shortTitle(c.label)
	in.out[i].Use, in.out[i].Name = UseQuestion, q.ID
	c.done = true
	switch {
	case ints && lo >= 0 && hi <= 10 && npsHeaderRE.MatchString(c.name):
		q.Type, q.Unit = "NPS", ""
		in.review(i, fmt.Sprintf("%s NPS: whole numbers %d–%d and a word of recommending in the header", q.ID, lo, hi))
	default:
		q.Type = "NUM"
		what := "numbers"
		if unit != "" {
			what += " in " + unit
		}
		in.review(i, fmt.Sprintf("%s NUM: %s (%s to %s)", q.ID, what, strconv.Itoa(lo), strconv.Itoa(hi)))
		if !ints {
			in.p.Review[len(in.p.Review)-1] = fmt.Sprintf("%4d %s → %s NUM: %s", c.index+1, c.name, q.ID, what)
		}
		if ints && hi-lo <= 6 && hi <= 7 && lo >= 0 {
			in.check("%s (%s) holds whole numbers %d–%d: if they are points of a scale, change its type to SCALE and list the options in the codebook", q.ID, c.name, lo, hi)
		}
	}
	in.p.Questions = append(in.p.Questions, q)
}
