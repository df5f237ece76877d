package content

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/text/width"
)

// lineBreaks decides how each line break inside a paragraph is written
// (issue 22).
//
// A soft line break (the end of a line that is not a hard break) is a
// newline, which a browser shows as a space, except between two East Asian
// characters, where Japanese and Chinese put no space: there it is
// dropped. The characters on either side are the ones a reader sees
// there, looking through emphasis, links, code spans and raw HTML tags;
// an image, a footnote reference or a check box on one side keeps the
// break, and so does being inside a <pre> element opened in raw HTML.
// This replaces the CJK extension's East Asian line breaks, which look
// only at a plain text right after the break and so drop the break before
// any inline element in every language: "see\n*this*" became
// "see<em>this</em>" (goldmark issue 582).
//
// Spaces and tabs at the end of a line go, as CommonMark says, also when
// the linkify extension split them off into a text of their own.
type lineBreaks struct{}

func (lineBreaks) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	pre := 0 // <pre> elements open in the raw HTML so far
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			for i := 0; i < n.Lines().Len(); i++ {
				line := n.Lines().At(i)
				pre = preDepth(pre, line.Value(src))
			}
			if n.HasClosure() {
				closure := n.ClosureLine
				pre = preDepth(pre, closure.Value(src))
			}
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				pre = preDepth(pre, seg.Value(src))
			}
		case *ast.CodeSpan:
			return ast.WalkSkipChildren, nil // its line ends are spaces
		case *ast.Text:
			if n.HardLineBreak() || n.SoftLineBreak() {
				trimLineEnd(n, src)
			}
			if n.SoftLineBreak() && !n.HardLineBreak() && pre == 0 {
				if before, ok := runeBefore(n, src); ok && eastAsian(before) {
					if after, ok := runeAfter(n, src); ok && eastAsian(after) {
						n.SetSoftLineBreak(false)
					}
				}
			}
		}
		return ast.WalkContinue, nil
	})
}

// eastAsian reports whether a line break next to r on both sides is
// dropped: CSS Text Level 3's rule for segment breaks, East Asian Width
// F, W or H (Unicode Standard Annex #11), except Hangul, since Korean puts
// spaces between words. That covers kanji, kana, Japanese punctuation
// (、。「」・) and full-width letters and digits (ＡＢＣ１２３), not
// characters of ambiguous width (※, ①, …).
func eastAsian(r rune) bool {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianHalfwidth:
		return !unicode.Is(unicode.Hangul, r)
	}
	return false
}

// runeBefore returns the last character shown before the soft line break
// at the end of t, in t's block, and false if there is none or an element
// without text (an image) comes first.
func runeBefore(t *ast.Text, src []byte) (rune, bool) {
	if r, found := lastRune(t, src); found {
		return r, r >= 0
	}
	for n := ast.Node(t); ; n = n.Parent() {
		for s := n.PreviousSibling(); s != nil; s = s.PreviousSibling() {
			if r, found := lastRune(s, src); found {
				return r, r >= 0
			}
		}
		if n.Parent() == nil || n.Parent().Type() != ast.TypeInline {
			return 0, false
		}
	}
}

// runeAfter returns the first character shown after the soft line break at
// the end of t, in t's block, as runeBefore does.
func runeAfter(t *ast.Text, src []byte) (rune, bool) {
	for n := ast.Node(t); ; n = n.Parent() {
		for s := n.NextSibling(); s != nil; s = s.NextSibling() {
			if r, found := firstRune(s, src); found {
				return r, r >= 0
			}
		}
		if n.Parent() == nil || n.Parent().Type() != ast.TypeInline {
			return 0, false
		}
	}
}

// firstRune returns the first character that inline node n shows, -1 for
// an element that shows something other than text, and found false if n
// shows nothing (an empty text, a raw HTML tag).
func firstRune(n ast.Node, src []byte) (r rune, found bool) {
	if v, ok := shownText(n, src); ok {
		if len(v) == 0 {
			return 0, false
		}
		r, _ := utf8.DecodeRune(v)
		return r, true
	}
	if _, ok := n.(*ast.RawHTML); ok {
		return 0, false
	}
	if !hasText(n) {
		return -1, true
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if r, found := firstRune(c, src); found {
			return r, true
		}
	}
	return 0, false
}

// lastRune is firstRune from the other end.
func lastRune(n ast.Node, src []byte) (r rune, found bool) {
	if v, ok := shownText(n, src); ok {
		if len(v) == 0 {
			return 0, false
		}
		r, _ := utf8.DecodeLastRune(v)
		return r, true
	}
	if _, ok := n.(*ast.RawHTML); ok {
		return 0, false
	}
	if !hasText(n) {
		return -1, true
	}
	for c := n.LastChild(); c != nil; c = c.PreviousSibling() {
		if r, found := lastRune(c, src); found {
			return r, true
		}
	}
	return 0, false
}

// shownText returns the text a text node shows, with backslash escapes and
// character references resolved, and false for any other node.
func shownText(n ast.Node, src []byte) ([]byte, bool) {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(src)
		if !n.IsRaw() {
			v = unescapeMarkdown(v)
		}
		return v, true
	case *ast.String:
		v := n.Value
		if !n.IsRaw() && !n.IsCode() {
			v = unescapeMarkdown(v)
		}
		return v, true
	case *ast.AutoLink:
		return n.Label(src), true
	}
	return nil, false
}

// hasText reports whether inline node n shows its children's text: every
// inline element with children does but an image, which shows a picture.
func hasText(n ast.Node) bool {
	return n.HasChildren() && n.Kind() != ast.KindImage
}

// trimLineEnd removes the spaces and tabs at the end of a line, before the
// line break at the end of t, that the linkify extension leaves in the
// texts before it.
func trimLineEnd(t *ast.Text, src []byte) {
	if t.Segment.Stop < len(src) && src[t.Segment.Stop] == '\\' {
		return // a backslash break: the spaces before it are text
	}
	for n := ast.Node(t); n != nil; n = n.PreviousSibling() {
		tx, ok := n.(*ast.Text)
		if !ok || tx.IsRaw() || n != t && (tx.SoftLineBreak() || tx.HardLineBreak()) {
			return
		}
		tx.Segment = tx.Segment.TrimRightSpace(src)
		if tx.Segment.Len() > 0 {
			return
		}
	}
}

// preDepth returns the number of <pre> elements open after html, given
// open before it.
func preDepth(open int, html []byte) int {
	for i := 0; i < len(html); i++ {
		if html[i] != '<' {
			continue
		}
		rest := html[i+1:]
		closing := len(rest) > 0 && rest[0] == '/'
		if closing {
			rest = rest[1:]
		}
		if len(rest) < 3 || !bytes.EqualFold(rest[:3], []byte("pre")) {
			continue
		}
		if len(rest) > 3 && !isTagEnd(rest[3]) {
			continue // <prefix>, <preview>
		}
		switch {
		case closing && open > 0:
			open--
		case !closing:
			open++
		}
	}
	return open
}

func isTagEnd(c byte) bool {
	return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// unescapeMarkdown resolves backslash escapes and character references in
// v, as goldmark does in text and link destinations.
func unescapeMarkdown(v []byte) []byte {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return v
	}
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
}
