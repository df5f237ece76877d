package survey

import (
	"cmp"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// normLabel is how labels and answers are compared: Unicode NFKC (full-width
// letters and digits become ASCII, half-width katakana become full-width)
// with surrounding white space removed.
func normLabel(s string) string {
	return strings.TrimSpace(norm.NFKC.String(strings.TrimSpace(s)))
}

// matcher turns the text of one question's cell into option indexes.
type matcher struct {
	sep   string
	exact *codeTable // codes and labels as written in the codebook
	cands []cand     // NFKC codes and labels, longest first
	// fast is false when a code or label contains the separator; then every
	// cell takes the longest-first path.
	fast bool
	// other is the option that write-ins (answers that name no option)
	// count as, or -1 when they are errors.
	other int
}

type cand struct {
	text string
	idx  int
}

func newMatcher(q *Question, sep string) *matcher {
	m := &matcher{sep: sep, exact: newCodeTable(2 * len(q.Options)), fast: true, other: -1}
	if q.WriteIn {
		m.other = slices.IndexFunc(q.Options, func(o Option) bool { return o.Role == RoleOther })
	}
	for i, o := range q.Options {
		for _, s := range []string{o.Code, o.Label} {
			m.exact.add(s, i)
			if strings.Contains(s, sep) {
				m.fast = false
			}
			m.cands = append(m.cands, cand{normLabel(s), i})
		}
	}
	// Longest first; among equal lengths codebook order (codes before labels).
	slices.SortStableFunc(m.cands, func(a, b cand) int { return cmp.Compare(len(b.text), len(a.text)) })
	return m
}

// match appends to picks the option indexes named in cell. It returns the
// first piece of text that names no option, or "" if all matched. An empty
// or white-space-only cell appends nothing.
func (m *matcher) match(cell string, picks []int) ([]int, string) {
	s := trimSpace(cell)
	if s == "" {
		return picks, ""
	}
	if m.fast {
		n := len(picks)
		rest := s
		for {
			tok, after, more := cut(rest, m.sep)
			tok = trimSpace(tok)
			if tok != "" {
				i, ok := m.exact.get(tok)
				if !ok {
					picks = picks[:n]
					break // try the slow path
				}
				picks = append(picks, i)
			}
			if !more {
				return picks, ""
			}
			rest = after
		}
	}
	return m.matchLongest(norm.NFKC.String(s), picks)
}

// trimSpace is strings.TrimSpace, quicker for the short codes most cells
// hold: text that starts and ends with printable ASCII has nothing to trim.
func trimSpace(s string) string {
	if n := len(s); n > 0 && s[0] > ' ' && s[0] < 0x7f && s[n-1] > ' ' && s[n-1] < 0x7f {
		return s
	}
	return strings.TrimSpace(s)
}

// cut is strings.Cut, quicker for a separator of one byte in a short cell
// (a few codes), where looking at each byte costs less than calling
// IndexByte.
func cut(s, sep string) (before, after string, found bool) {
	if len(sep) != 1 || len(s) > 16 {
		return strings.Cut(s, sep)
	}
	c := sep[0]
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// matchLongest scans s, at each place taking the longest code or label that
// is followed by a separator or the end of the cell.
func (m *matcher) matchLongest(s string, picks []int) ([]int, string) {
	sep := strings.TrimSpace(m.sep)
	if sep == "" {
		sep = m.sep // a separator of white space only
	}
	for {
		s = strings.TrimSpace(s)
		for strings.HasPrefix(s, sep) {
			s = strings.TrimSpace(s[len(sep):])
		}
		if s == "" {
			return picks, ""
		}
		found := false
		for _, c := range m.cands {
			if c.text == "" || !strings.HasPrefix(s, c.text) {
				continue
			}
			rest := strings.TrimSpace(s[len(c.text):])
			if rest == "" || strings.HasPrefix(rest, sep) {
				picks = append(picks, c.idx)
				s = rest
				found = true
				break
			}
		}
		if !found {
			tok, rest, _ := strings.Cut(s, sep)
			if m.other < 0 {
				return picks, strings.TrimSpace(tok)
			}
			picks = append(picks, m.other) // a write-in
			s = rest
		}
	}
}

// wideValue reads one cell of the wide layout: 1, TRUE, ○ or Y (LimeSurvey)
// is picked; 0, FALSE, N or blank is not. ok is false for anything else.
func wideValue(cell string) (picked, ok bool) {
	s := strings.TrimSpace(cell)
	switch s {
	case "":
		return false, true
	case "1", "○":
		return true, true
	case "0":
		return false, true
	}
	s = normLabel(s)
	switch {
	case s == "1" || strings.EqualFold(s, "TRUE") || s == "○" || s == "◯" || s == "〇" || s == "Y":
		return true, true
	case s == "0" || strings.EqualFold(s, "FALSE") || s == "N":
		return false, true
	}
	return false, false
}
