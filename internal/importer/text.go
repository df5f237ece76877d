package importer

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// How a column of text is read: a scale, single or multiple choices (and
// the separator between them), amount bands, or free text.

// text decides among SCALE, MA, FA and SA for a column of text.
func (in *inference) text(i int, vals []string) {
	c := in.cols[i]
	counts := map[string]int{}
	var order []string
	for _, v := range vals {
		if counts[v] == 0 {
			order = append(order, v)
		}
		counts[v]++
	}
	q := Question{ID: in.newID(), Text: questionText(c)}
	in.p.Titles[q.ID] = shortTitle(c.label)
	in.out[i].Use, in.out[i].Name = UseQuestion, q.ID
	c.done = true
	defer func() {
		in.p.Questions = append(in.p.Questions, q)
		if crossRE.MatchString(c.label) && (q.Type == "SA" || q.Type == "SCALE") && len(q.Options) <= 12 {
			in.p.Crosstab = append(in.p.Crosstab, q.ID)
		}
	}()
	scale, extras, ok := matchScale(order)
	which := "the known scale"
	if !ok {
		scale, extras, ok = symmetricScale(order)
		which = "a scale read from its labels,"
	}
	if ok {
		q.Type = "SCALE"
		for k, l := range scale {
			q.Options = append(q.Options, Option{Code: strconv.Itoa(len(scale) - k), Label: labelAsWritten(l, order)})
		}
		for k, v := range order {
			if r, ok := extras[v]; ok {
				q.Options = append(q.Options, Option{Code: "9" + strconv.Itoa(k), Label: v, Role: r})
			}
		}
		in.review(i, fmt.Sprintf("%s SCALE: %s %s … %s (%d points)", q.ID, which, scale[0], scale[len(scale)-1], len(scale)))
		if len(order)-len(extras) < len(scale) {
			in.check("%s (%s) uses %d of the %d labels of the scale %s … %s: check that the questionnaire printed this scale", q.ID, c.name, len(order)-len(extras), len(scale), scale[0], scale[len(scale)-1])
		}
		return
	}
	if bands, ok := bandOrder(order); ok {
		q.Type, q.Unit = "SCALE", "band"
		for k, b := range bands {
			q.Options = append(q.Options, Option{Code: strconv.Itoa(k + 1), Label: b.label, Role: b.role})
		}
		in.review(i, fmt.Sprintf("%s SCALE: %d ordered bands (amounts, counts, ages), in order of their numbers; no mean", q.ID, len(bands)))
		return
	}
	if sep, opts, writeIns, ok := multiple(vals); ok {
		q.Type, q.Separator = "MA", sep
		in.options(&q, opts, writeIns)
		name := map[string]string{"\n": "line feeds", ", ": `", "`, ",": `","`, ";": `";"`, "、": `"、"`}[sep]
		if sep == "\n" {
			q.Separator = "LF"
		}
		line := fmt.Sprintf("%s MA: answers separated by %s, %d options", q.ID, name, len(opts))
		if writeIns > 0 {
			line += fmt.Sprintf("; %d write-ins count as その他", writeIns)
		}
		in.review(i, line)
		return
	}
	long := 0
	for _, v := range order {
		if utf8.RuneCountInString(v) >= 15 {
			long++
		}
	}
	ratio := float64(len(order)) / float64(len(vals))
	// A header that asks for free text is enough: such answers, even when
	// few repeat, must not become option labels, which are published.
	if len(order) > 60 || faHeaderRE.MatchString(c.label) && !allNone(order) ||
		len(order) >= 5 && ratio > 0.5 && (long*3 >= len(order) || len(order) > 20) {
		q.Type = "FA"
		in.review(i, fmt.Sprintf("%s FA: %d distinct answers of %d; not published (list it under publish_free_text to publish it masked)", q.ID, len(order), len(vals)))
		return
	}
	q.Type = "SA"
	var opts []token
	writeIns := 0
	rare := max(2, len(vals)/100)
	hasOther := slices.ContainsFunc(order, func(v string) bool { return roleOf(v) == "other" })
	for _, v := range order {
		if hasOther && counts[v] < rare && len(vals) >= 20 && len(order) > 5 {
			writeIns += counts[v]
			continue
		}
		opts = append(opts, token{v, counts[v]})
	}
	if writeIns*5 > len(vals) || len(opts) < 2 {
		opts, writeIns = nil, 0 // not write-ins but options
		for _, v := range order {
			opts = append(opts, token{v, counts[v]})
		}
	}
	in.options(&q, opts, writeIns)
	line := fmt.Sprintf("%s SA: %d options", q.ID, len(opts))
	if writeIns > 0 {
		line += fmt.Sprintf("; %d answers given once (write-ins) count as その他", writeIns)
	}
	in.review(i, line)
}

// options fills q's options from tokens in order of first appearance, roles
// by their labels, and an その他 option for write-ins.
func (in *inference) options(q *Question, toks []token, writeIns int) {
	hasOther := false
	for k, t := range toks {
		r := roleOf(t.text)
		hasOther = hasOther || r == "other"
		q.Options = append(q.Options, Option{Code: strconv.Itoa(k + 1), Label: t.text, Role: r})
	}
	if writeIns > 0 {
		q.WriteIn = true
		if !hasOther {
			q.Options = append(q.Options, Option{Code: "other", Label: "その他", Role: "other"})
		}
	}
}

func roleOf(label string) string {
	switch {
	case otherRE.MatchString(label):
		return "other"
	case noneRE.MatchString(label):
		return "none"
	case dontknowRE.MatchString(label):
		return "dontknow"
	}
	return ""
}

// allNone reports whether every answer is a word for nothing (特になし).
func allNone(vals []string) bool {
	for _, v := range vals {
		if roleOf(v) != "none" {
			return false
		}
	}
	return true
}

type token struct {
	text  string
	count int
}

// multiple finds the separator of a multiple-answer column: the first of
// line feed, ", ", ",", ";" and "、" that at least a tenth of the cells hold
// and whose pieces recur far more than whole cells do. A whole cell that
// recurs and holds the separator, but whose pieces are not answers
// elsewhere, is one answer ("No, but I used to"). Pieces given by fewer than
// 2 respondents (and under 1% of them) are write-ins.
func multiple(vals []string) (sep string, opts []token, writeIns int, ok bool) {
	whole := map[string]int{}
	for _, v := range vals {
		whole[v]++
	}
	for _, s := range []string{"\n", ", ", ",", ";", "、"} {
		with := 0
		for _, v := range vals {
			if strings.Contains(v, s) {
				with++
			}
		}
		if with*10 < len(vals) {
			continue
		}
		// Pieces, keeping recurring whole answers that hold the separator.
		pieceCount := map[string]int{}
		for _, v := range vals {
			for _, t := range strings.Split(v, s) {
				if t = strings.TrimSpace(t); t != "" {
					pieceCount[t]++
				}
			}
		}
		atomic := map[string]bool{}
		for w, n := range whole {
			if n < 2 || !strings.Contains(w, s) {
				continue
			}
			// w is one answer when one of its pieces occurs only inside it
			// (in cells alone or joined with other answers).
			inside := 0
			for _, v := range vals {
				if strings.Contains(v, w) {
					inside++
				}
			}
			alone := false
			for _, t := range strings.Split(w, s) {
				if pieceCount[strings.TrimSpace(t)] <= inside {
					alone = true
				}
			}
			if alone {
				atomic[w] = true
			}
		}
		count := map[string]int{}
		var order []string
		for _, v := range vals {
			for _, t := range splitKeeping(v, s, atomic) {
				if count[t] == 0 {
					order = append(order, t)
				}
				count[t]++
			}
		}
		multi := 0
		for _, v := range vals {
			if len(splitKeeping(v, s, atomic)) > 1 {
				multi++
			}
		}
		if multi*10 < len(vals) || len(order)*3 > len(whole)*2 && len(whole) > 3 {
			continue // few cells hold two answers, or the pieces are hardly fewer than the cells
		}
		rare := max(2, len(vals)/100)
		for _, t := range order {
			if count[t] < rare && len(order) > 2 {
				writeIns += count[t]
				continue
			}
			opts = append(opts, token{t, count[t]})
		}
		if len(opts) < 2 {
			continue
		}
		return s, opts, writeIns, true
	}
	return "", nil, 0, false
}

// splitKeeping splits v by sep, keeping the atomic answers whole.
func splitKeeping(v, sep string, atomic map[string]bool) []string {
	if atomic[v] {
		return []string{v}
	}
	for a := range atomic {
		if strings.Contains(v, a) {
			rest := strings.Replace(v, a, "\x00", 1)
			var out []string
			for _, t := range splitKeeping(rest, sep, atomic) {
				out = append(out, strings.ReplaceAll(t, "\x00", a))
			}
			return out
		}
	}
	var out []string
	for _, t := range strings.Split(v, sep) {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

type band struct {
	label string
	low   float64
	role  string
}

// bandOrder orders amount bands by amount; labels that are not bands
// (使わない) go last with role none. ok is false unless most labels are bands.
func bandOrder(labels []string) ([]band, bool) {
	var bands, others []band
	for _, l := range labels {
		if v, ok := bandLow(l); ok {
			bands = append(bands, band{label: l, low: v})
		} else {
			r := roleOf(l)
			if r == "" {
				r = "none"
			}
			others = append(others, band{label: l, role: r})
		}
	}
	if len(bands) < 3 || len(others) > 2 || len(others)*2 >= len(bands) {
		return nil, false
	}
	ranged := false
	for _, b := range bands {
		ranged = ranged || rangeWord(b.label)
	}
	if !ranged {
		return nil, false // numbered names (第1会場 …), not amounts
	}
	slices.SortStableFunc(bands, func(a, b band) int { return cmp.Compare(a.low, b.low) })
	return append(bands, others...), true
}
