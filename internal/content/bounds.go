package content

import (
	"bytes"
	"fmt"
)

// Bounds on what goldmark's parser costs. goldmark takes time with the
// square of some inputs that no page needs: a run of link destinations
// that are never closed ("[a](" repeated on one line: 20,000 of them took
// 11 s), and asterisks and underscores mixed in one paragraph so that none
// of them pair (goldmark issue 555: 168 KB took 6.6 s), and brackets in a
// paragraph of many lines (for each "]" goldmark reads the label by
// walking back over the paragraph's lines: "[a]: b" on 10,000 and 20,000
// lines took 0.15 and 0.49 s). Very many list
// items or table rows are linear but heavy (250,000 items: 1.5 s and
// 270 MB). A page is measured before it is parsed (markdownBounds) and
// refused, at the line where it crosses a bound, rather than parsed.
const (
	// MaxLinkScan bounds the characters goldmark reads for link
	// destinations in one page: for every "](" the characters up to where
	// the destination ends (a space, the end of the line, or a ")" that
	// closes it), as goldmark scans them. Closed links cost their length.
	MaxLinkScan = 20_000_000
	// MaxEmphasisPairs bounds, summed over the paragraphs of a page, the
	// runs of "*" times the runs of "_" in each paragraph: goldmark
	// matches each closing run against the open runs of the other kind.
	MaxEmphasisPairs = 20_000_000
	// MaxLabelWalk bounds, summed over the paragraphs of a page, the steps
	// goldmark walks back over a paragraph's lines to read link labels:
	// for every "]" (two reads, three when a "(" or "[" follows it), the
	// lines of its paragraph after its own. A paragraph here is a run of
	// lines that are not blank, cut where a list item, a heading or a
	// footnote's definition starts; a table's rows are read one by one
	// and cost nothing.
	MaxLabelWalk = 50_000_000
	// MaxListItems, MaxTableRows and MaxHeadings bound the list items,
	// table rows and headings of a page. goldmark allocates about 1 KB
	// for a heading: 200,000 of them, "# a" on each line of 800 KB, took
	// 224 MB.
	MaxListItems = 50_000
	MaxTableRows = 30_000
	MaxHeadings  = 20_000
)

// markdownBounds returns the offset in body of the first place that
// crosses one of the bounds above, and what to say; -1 if none does. Its
// own time is linear in body and the bounds.
func markdownBounds(body []byte) (off int, msg, hint string) {
	var (
		linkScan, pairs  int
		items, rows      int
		headings         int
		stars, unders    int  // runs in the current paragraph
		para             = -1 // offset of the current paragraph's first line
		fence            []byte
		lineOff, nextOff int
		// The current run of lines for MaxLabelWalk: where it starts, its
		// lines, the reads of its brackets and those reads times the
		// line each is on (counted from 0), and whether it is a table.
		run                         = -1
		runLines, reads, readsLines int
		table                       bool
		walk                        int
	)
	endRun := func() (int, bool) {
		if !table {
			walk += reads*(runLines-1) - readsLines
		}
		start := run
		run, runLines, reads, readsLines, table = -1, 0, 0, 0, false
		return start, walk > MaxLabelWalk
	}
	const labelMsg, labelHint = "this paragraph has so many [ and ] over so many lines that reading its links would take very long",
		`put blank lines between paragraphs, or write a bracket that is not a link as \[ or \]`
	endParagraph := func() (int, bool) {
		pairs += stars * unders
		start := para
		stars, unders, para = 0, 0, -1
		return start, pairs > MaxEmphasisPairs
	}
	for lineOff = 0; lineOff < len(body); lineOff = nextOff {
		line := body[lineOff:]
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line, nextOff = line[:i], lineOff+i+1
		} else {
			nextOff = len(body)
		}
		trimmed := bytes.TrimLeft(line, " \t")
		if fence != nil {
			if bytes.HasPrefix(trimmed, fence) {
				fence = nil
			}
			continue
		}
		if bytes.HasPrefix(trimmed, []byte("```")) || bytes.HasPrefix(trimmed, []byte("~~~")) {
			n := 0
			for n < len(trimmed) && trimmed[n] == trimmed[0] {
				n++
			}
			fence = trimmed[:n]
			if start, over := endRun(); over {
				return start, labelMsg, labelHint
			}
			if start, over := endParagraph(); over {
				return start, "the paragraphs here mix so many * and _ that reading their emphasis would take very long",
					`write * or _ for emphasis in pairs, and a literal one as \* or \_`
			}
			continue
		}
		if len(bytes.TrimRight(trimmed, " \t\r")) == 0 {
			if start, over := endRun(); over {
				return start, labelMsg, labelHint
			}
			if start, over := endParagraph(); over {
				return start, "the paragraphs here mix so many * and _ that reading their emphasis would take very long",
					`write * or _ for emphasis in pairs, and a literal one as \* or \_`
			}
			continue
		}
		if para < 0 {
			para = lineOff
		}
		switch {
		case len(trimmed) > 0 && trimmed[0] == '|':
			rows++
			if rows > MaxTableRows {
				return lineOff, fmt.Sprintf("the page has more than %d table rows", MaxTableRows),
					"split the table over several pages, or publish it as a CSV file and link to it"
			}
		case listItem(trimmed):
			items++
			if items > MaxListItems {
				return lineOff, fmt.Sprintf("the page has more than %d list items", MaxListItems),
					"split the list over several pages, or publish it as a CSV file and link to it"
			}
		}
		heading := atxHeading(trimmed) || para != lineOff && setextUnderline(trimmed)
		if heading {
			headings++
			if headings > MaxHeadings {
				return lineOff, fmt.Sprintf("the page has more than %d headings", MaxHeadings),
					"split the page into several pages"
			}
		}
		if heading || listItem(trimmed) || bytes.HasPrefix(trimmed, []byte("[^")) {
			// A list item, a heading or a footnote's definition is a
			// block of its own.
			if start, over := endRun(); over {
				return start, labelMsg, labelHint
			}
		}
		if run < 0 {
			run = lineOff
		}
		if runLines == 1 && delimiterRow(trimmed) {
			table = true
		}
		k := runLines
		runLines++
		for i := 0; i < len(line); i++ {
			switch c := line[i]; c {
			case '\\':
				i++
			case '*', '_':
				j := i
				for j+1 < len(line) && line[j+1] == c {
					j++
				}
				if c == '*' {
					stars++
				} else {
					unders++
				}
				i = j
			case ']':
				n := 2
				if i+1 < len(line) && (line[i+1] == '(' || line[i+1] == '[') {
					n = 3
				}
				reads += n
				readsLines += n * k
				if i+1 >= len(line) || line[i+1] != '(' || i+2 < len(line) && line[i+2] == '<' {
					continue
				}
				linkScan += destinationScan(line[i+2:], MaxLinkScan-linkScan+1)
				if linkScan > MaxLinkScan {
					return lineOff + i, "this line has so many link destinations that are not closed, ](… without its ), that reading them would take very long",
						`close each link as [text](address), or write a bracket that is not a link as \[ or \]`
				}
			}
		}
	}
	if start, over := endRun(); over {
		return start, labelMsg, labelHint
	}
	if start, over := endParagraph(); over {
		return start, "the paragraphs here mix so many * and _ that reading their emphasis would take very long",
			`write * or _ for emphasis in pairs, and a literal one as \* or \_`
	}
	return -1, "", ""
}

// atxHeading reports whether a line (without its indentation) is a
// heading written with #: one to six of them, then a space or the end.
func atxHeading(l []byte) bool {
	n := 0
	for n < len(l) && n < 7 && l[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(l) || l[n] == ' ' || l[n] == '\t' || l[n] == '\r')
}

// setextUnderline reports whether a line (without its indentation) is
// only = or only -, which under a paragraph's line makes it a heading.
func setextUnderline(l []byte) bool {
	l = bytes.TrimRight(l, " \t\r")
	if len(l) == 0 || l[0] != '=' && l[0] != '-' {
		return false
	}
	for _, c := range l {
		if c != l[0] {
			return false
		}
	}
	return true
}

// delimiterRow reports whether a line (without its indentation) is a
// table's delimiter row, such as |---|:-:|: pipes, hyphens, colons and
// spaces, with a hyphen and a pipe.
func delimiterRow(l []byte) bool {
	hyphen, pipe := false, false
	for _, c := range l {
		switch c {
		case '-':
			hyphen = true
		case '|':
			pipe = true
		case ':', ' ', '\t', '\r':
		default:
			return false
		}
	}
	return hyphen && pipe
}

// destinationScan returns how many characters of s goldmark reads as a
// link destination: up to a space, a control character, the end of the
// line or the ")" that closes the parentheses opened in it; at most limit.
func destinationScan(s []byte, limit int) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		if i >= limit {
			return limit
		}
		switch c := s[i]; {
		case c <= ' ':
			return i
		case c == '\\':
			i++
		case c == '(':
			depth++
		case c == ')':
			if depth == 0 {
				return i
			}
			depth--
		}
	}
	return len(s)
}

// listItem reports whether a line (without its indentation) starts with a
// list marker: -, * or +, or 1. / 1), followed by a space or the end.
func listItem(l []byte) bool {
	if len(l) == 0 {
		return false
	}
	i := 0
	switch {
	case l[0] == '-' || l[0] == '*' || l[0] == '+':
		i = 1
	default:
		for i < len(l) && i < 10 && l[i] >= '0' && l[i] <= '9' {
			i++
		}
		if i == 0 || i >= len(l) || l[i] != '.' && l[i] != ')' {
			return false
		}
		i++
	}
	return i == len(l) || l[i] == ' ' || l[i] == '\t' || l[i] == '\r'
}
