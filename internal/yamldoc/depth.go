package yamldoc

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// MaxDepth is how deeply collections (mappings and sequences, in block or
// flow style) may nest in one document. Front matter and settings need a few
// levels.
const MaxDepth = 100

// RawMaxDepth bounds the nesting of "[" and "{" counted without regard to
// quotes or comments: a safety net should the quote tracking of Depth ever
// disagree with the parser's. No text a person writes opens 1,000 brackets.
const RawMaxDepth = 10 * MaxDepth

// Depth reports the first place at which src nests deeper than MaxDepth, or
// nil. It reads src as YAML is written: block collections by indentation
// (and "- " or "? " repeated on one line), flow collections by brackets
// outside quotes and comments, block scalars ("|", ">") as text. It keeps
// the parser's work bounded; on bytes no one writes the parser may nest a
// little deeper than it counts (at most twice the limit in the fuzz test),
// and Check measures the nesting exactly after parsing.
func Depth(src []byte) *Error { return depthWithin(src, MaxDepth, RawMaxDepth) }

// depthWithin is Depth with other limits, for tests that reach them.
func depthWithin(src []byte, maxDepth, rawMax int) *Error {
	var (
		indents     []int // indentation of the open block levels
		flow, raw   int   // open flow collections: outside quotes; anywhere
		quote       byte  // '"' or '\'' inside a quoted scalar
		blockScalar = -1  // indentation of the line that opened a block scalar
		extras      []int // levels each open indentation's lines left open (see below)
		open        int   // the sum of extras
		carry       int   // what the line before left open, for the next line
		carryAt     int   // the indentation of the line that left carry
	)
	for next := 1; len(src) > 0; {
		// Lines end at LF, CRLF or a lone CR, as the parser reads them; n
		// is the file's line (a lone CR does not start one).
		n := next
		var l []byte
		switch i := bytes.IndexAny(src, "\r\n"); {
		case i < 0:
			l, src = src, nil
		case src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n':
			l, src, next = src[:i], src[i+2:], next+1
		case src[i] == '\n':
			l, src, next = src[:i], src[i+1:], next+1
		default:
			l, src = src[:i], src[i+1:]
		}
		indent := 0 // YAML indents with spaces; a tab counts too, so the count stays high
		for indent < len(l) && (l[indent] == ' ' || l[indent] == '\t') {
			indent++
		}
		body := l[indent:]
		blank := len(bytes.Trim(body, " \t")) == 0
		compact := 0
		if quote == 0 && flow == 0 {
			if blockScalar >= 0 {
				if blank || indent > blockScalar {
					continue // text of the block scalar
				}
				blockScalar = -1
			}
			if blank || body[0] == '#' {
				continue
			}
			for len(indents) > 0 && indents[len(indents)-1] > indent {
				indents = indents[:len(indents)-1]
				open -= extras[len(extras)-1]
				extras = extras[:len(extras)-1]
			}
			if len(indents) == 0 || indents[len(indents)-1] < indent {
				indents = append(indents, indent)
				extras = append(extras, 0)
			}
			// "- - - x" and "? " open one level each on the same line,
			// also with a tag or an anchor between them ("- ! - &a - x").
			ends := false // the line ends in an empty entry or a tag or anchor
			for i := indent; i < len(l); {
				switch {
				case (l[i] == '-' || l[i] == '?') && (i+1 == len(l) || sep(l[i+1])):
					compact++
					ends = true
					if len(indents)+open+compact > maxDepth {
						return depthError(n, l, i, maxDepth)
					}
					i++
				case l[i] == '!' || l[i] == '&':
					// To the next space: goccy reads a tab as part of
					// the tag ("!\t0"), so a tab does not end it here.
					for i < len(l) && l[i] != ' ' {
						i++
					}
					ends = true
				case l[i] == '#':
					i = len(l) // a comment: the line ends where it starts
					continue
				default:
					// "- key: value": a mapping inside the entry, one
					// level more.
					if compact > 0 && (bytes.Contains(l[i:], []byte(": ")) || bytes.HasSuffix(bytes.TrimRight(l[i:], " \t"), []byte(":"))) {
						compact++
					}
					ends = false
					i = len(l)
					continue
				}
				for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
					i++
				}
			}
			// A safety net for what the parser may read as entries after
			// the first scalar (goccy has read "- ! -" and "!\t0 -" so):
			// every "-" or "?" standing alone on the line counts.
			alone := 0
			for i := indent; i < len(l); i++ {
				if (l[i] == '-' || l[i] == '?') && (i == 0 || sep(l[i-1])) && (i+1 == len(l) || sep(l[i+1])) {
					alone++
				}
			}
			compact = max(compact, alone) + open
			if carry > 0 && indent < carryAt {
				// The line before ended in an empty entry, a tag or an
				// anchor, deeper than this line: goccy still takes this
				// line for its value (" - - !\n- - -").
				compact += carry
			}
			carry = 0
			if len(indents)+compact > maxDepth {
				return depthError(n, l, indent, maxDepth)
			}
			// A line that ends in an empty entry, a tag or an anchor may
			// have the lines after it for its value, even at the same
			// indentation: goccy nests "0:\n-\n0:\n-" one level more at
			// each line, and "- - !\n- - x" so. Its levels stay open
			// until the indentation falls below it.
			if ends && compact-open > 0 {
				// The entry's levels, and one for the collection its
				// value opens.
				add := compact - open + 1
				extras[len(extras)-1] += add
				open += add
				carry, carryAt = add, indent
			}
		}
		block := len(indents) + compact
		if block > maxDepth {
			return depthError(n, l, indent, maxDepth)
		}
		end := len(l) // where the line's content ends, before a comment
		for i := 0; i < len(l); i++ {
			c := l[i]
			switch c {
			case '[', '{':
				raw++
				if raw > rawMax {
					return depthError(n, l, i, maxDepth)
				}
			case ']', '}':
				raw = max(raw-1, 0)
			}
			if quote != 0 {
				switch {
				case quote == '"' && c == '\\':
					i++
				case c == quote && quote == '\'' && i+1 < len(l) && l[i+1] == '\'':
					i++ // '' is a quote inside single quotes
				case c == quote:
					quote = 0
				}
				continue
			}
			switch c {
			case '#':
				if i == 0 || l[i-1] == ' ' || l[i-1] == '\t' {
					end = i
					i = len(l)
				}
			case '"', '\'':
				if opensQuote(l, i, indent, flow) {
					quote = c
				}
			case '[', '{':
				// In a block, a bracket opens a flow collection only where
				// a value starts; "0{:" is a plain scalar. (The raw count
				// above counts it anyway.)
				if flow == 0 && !opensFlow(l, i, indent) {
					continue
				}
				flow++
				if block+flow > maxDepth {
					return depthError(n, l, i, maxDepth)
				}
			case ']', '}':
				flow = max(flow-1, 0)
			}
		}
		if quote == 0 && flow == 0 && opensBlockScalar(l[:end]) {
			blockScalar = indent
		}
	}
	return nil
}

// opensQuote reports whether the quote at l[i] starts a quoted scalar: at
// the start of the line's content, after an indicator followed by a space
// (": ", "- ", "? "), or in a flow collection after "[", "{" or ",". A
// quote anywhere else is part of a plain scalar (it's, 5").
func opensQuote(l []byte, i, indent, flow int) bool {
	j := i - 1
	for j >= 0 && (l[j] == ' ' || l[j] == '\t') {
		j--
	}
	switch {
	case j < indent:
		return true
	case flow > 0 && (l[j] == '[' || l[j] == '{' || l[j] == ','):
		return true
	case j < i-1 && (l[j] == ':' || l[j] == '-' || l[j] == '?'):
		return true
	}
	return false
}

// opensFlow reports whether the bracket at l[i], in a block, starts a flow
// collection: where a value starts (the line's content, or after ": ",
// "- " or "? "), tags and anchors before it skipped ("a: !x [1]").
func opensFlow(l []byte, i, indent int) bool {
	if i > indent && l[i-1] != ' ' && l[i-1] != '\t' {
		return false // inside a word: a plain scalar, a tag ("![") or an anchor
	}
	j := i - 1
	for {
		for j >= 0 && (l[j] == ' ' || l[j] == '\t') {
			j--
		}
		if j < indent {
			return true
		}
		k := j // the start of the token ending at j
		for k > indent && l[k-1] != ' ' && l[k-1] != '\t' {
			k--
		}
		if (l[k] == '!' || l[k] == '&') && k < i {
			j = k - 1 // a tag or an anchor: what stands before it decides
			continue
		}
		return (l[j] == ':' || l[j] == '-' || l[j] == '?') && j+1 < len(l) && (l[j+1] == ' ' || l[j+1] == '\t')
	}
}

// opensBlockScalar reports whether the line, without its comment, ends
// with a block scalar's header ("|", ">-", "|2") that follows an indicator,
// a tag or an anchor, so that the lines indented further are its text.
func opensBlockScalar(l []byte) bool {
	f := bytes.Fields(l)
	if len(f) == 0 {
		return false
	}
	last := f[len(f)-1]
	if last[0] != '|' && last[0] != '>' || len(bytes.Trim(last[1:], "0123456789+-")) > 0 {
		return false
	}
	if len(f) == 1 {
		return true
	}
	prev := f[len(f)-2]
	switch {
	case prev[len(prev)-1] == ':' || string(prev) == "-" || string(prev) == "?":
		return true
	case prev[0] == '!' || prev[0] == '&':
		return true
	}
	return false
}

// sep reports whether c ends an indicator ("- ", "? "): a space, a tab, or
// any other control byte, which goccy's scanner also reads as a space
// ("-\x00" is an entry). Counting too many keeps the count high.
func sep(c byte) bool { return c <= ' ' || c == 0x7f }

func depthError(line int, l []byte, i, maxDepth int) *Error {
	return &Error{
		Line: line,
		Col:  utf8.RuneCount(l[:i]) + 1,
		Msg:  fmt.Sprintf("the value nests more than %d levels deep", maxDepth),
		Hint: fmt.Sprintf("write the settings with at most %d levels of lists and key: value groups inside each other", maxDepth),
	}
}
