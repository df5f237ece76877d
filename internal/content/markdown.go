package content

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode"

	"github.com/goccy/go-yaml"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"surveysite/internal/diag"
	"surveysite/internal/yamldoc"
)

// Ref is a reference from a page to survey data, written as a fenced code
// block with the info string "chart". It is resolved by the site.
type Ref struct {
	Pos  diag.Pos
	Args map[string]string // the block's "key: value" lines
}

// RefMarker returns the placeholder that stands in a page's HTML where ref i
// of the page is to be rendered.
func RefMarker(i int) string { return "<!--surveysite:ref " + strconv.Itoa(i) + "-->" }

// URLFunc returns the href to write, in the page at site path from, for the
// site path to (both start with "/"). It makes links relative or gives them
// the base URL's path.
type URLFunc func(from, to string) string

// docState is the per-document state the AST transformer fills in.
type docState struct {
	path    string
	url     string
	body    []byte     // the Markdown after the front matter
	line    int        // the file line body starts at
	lines   *lineIndex // made when a position is first needed: most pages need none
	link    func(from, dest string) (string, bool)
	refs    []Ref
	problem diag.List
	tooDeep bool // nesting beyond MaxNesting was reported
}

var stateKey = parser.NewContextKey()

// newMarkdown builds the one goldmark instance a build uses.
func newMarkdown(unsafe bool) goldmark.Markdown {
	var rendererOpts []renderer.Option
	if unsafe {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	}
	return goldmark.New(
		goldmark.WithParser(parser.NewParser(
			parser.WithBlockParsers(guardedBlockParsers()...),
			parser.WithInlineParsers(parser.DefaultInlineParsers()...),
			parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
		)),
		// The CJK extension only for its escaped space ("**「部会」**\ とは" has no
		// space); lineBreaks decides the line breaks.
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.NewCJK(extension.WithEscapedSpace())),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(transformer{}, 100),
				util.Prioritized(footnoteFix{}, 1000), // after the footnote extension's (999)
				util.Prioritized(lineBreaks{}, 1100)),
		),
		goldmark.WithRendererOptions(append(rendererOpts,
			renderer.WithNodeRenderers(util.Prioritized(codeRenderer{}, 100), util.Prioritized(newCellRenderer(), 100)))...),
	)
}

// MaxNesting is how deeply lists and blockquotes may nest in a page. The
// parser looks at every open block on every line, so nesting costs time
// with the square of its depth (100,000 levels took over a minute, and every line of a deep list is looked at once per open level); a
// deeper list or blockquote is an error at its line, and is parsed as
// text, so that the rest of the page still costs little.
const MaxNesting = 32

// guardedBlockParsers are goldmark's block parsers with the list and
// blockquote parsers behind nestGuard.
func guardedBlockParsers() []util.PrioritizedValue {
	list, quote := reflect.TypeOf(parser.NewListParser()), reflect.TypeOf(parser.NewBlockquoteParser())
	bps := parser.DefaultBlockParsers()
	for i, v := range bps {
		if t := reflect.TypeOf(v.Value); t == list || t == quote {
			bps[i].Value = nestGuard{v.Value.(parser.BlockParser)}
		}
	}
	return bps
}

// nestGuard opens a list or blockquote only if it nests at most
// MaxNesting deep.
type nestGuard struct{ parser.BlockParser }

func (g nestGuard) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if parent.Kind() == ast.KindList {
		return g.BlockParser.Open(parent, reader, pc) // an item of parent, not a new level
	}
	depth := 0
	for n := parent; n != nil && depth < MaxNesting; n = n.Parent() {
		if k := n.Kind(); k == ast.KindList || k == ast.KindBlockquote {
			depth++
		}
	}
	if depth < MaxNesting {
		return g.BlockParser.Open(parent, reader, pc)
	}
	if st, _ := pc.Get(stateKey).(*docState); st != nil && !st.tooDeep {
		st.tooDeep = true
		_, seg := reader.Position()
		st.problem.Add(diag.Errorf(st.pos(seg.Start), "lists and blockquotes are nested more than %d levels deep here", MaxNesting).
			WithHint("nest lists and blockquotes at most %d levels deep; check this line's indentation and its > and - marks", MaxNesting))
	}
	return nil, parser.NoChildren
}

// transformer records chart references and resolves links.
type transformer struct{}

func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(stateKey).(*docState)
	if st == nil {
		return
	}
	src := reader.Source()
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock:
			if string(unescapeMarkdown(n.Language(src))) == "chart" {
				st.addRef(n, src)
			}
		case *ast.Link:
			n.Destination = st.resolve(n, n.Destination, src)
		case *ast.Image:
			n.Destination = st.resolve(n, n.Destination, src)
		}
		return ast.WalkContinue, nil
	})
}

// footnoteFix removes what goldmark's footnote extension leaves pointing
// at nothing: a footnote referenced only from inside a footnote that
// nothing references keeps its number and a back link to a reference that
// is never written ("[^0]: [^1]", found by FuzzPagePipeline). It runs
// after the extension's transformer, which builds the list.
type footnoteFix struct{}

func (footnoteFix) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	list, _ := doc.LastChild().(*east.FootnoteList)
	if list == nil {
		return
	}
	for changed := true; changed; {
		changed = false
		refs := map[[2]int]bool{} // Index, RefIndex of every reference written
		linked := map[int]bool{}
		ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if l, ok := n.(*east.FootnoteLink); ok && entering {
				refs[[2]int{l.Index, l.RefIndex}] = true
				linked[l.Index] = true
			}
			return ast.WalkContinue, nil
		})
		for fn := list.FirstChild(); fn != nil; {
			next := fn.NextSibling()
			if f, ok := fn.(*east.Footnote); ok && !linked[f.Index] {
				list.RemoveChild(list, fn)
				list.Count--
				changed = true
			} else {
				var dangling []ast.Node
				ast.Walk(fn, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
					if b, ok := n.(*east.FootnoteBacklink); ok && entering && !refs[[2]int{b.Index, b.RefIndex}] {
						dangling = append(dangling, b)
					}
					return ast.WalkContinue, nil
				})
				for _, b := range dangling {
					b.Parent().RemoveChild(b.Parent(), b)
				}
			}
			fn = next
		}
	}
	if list.FirstChild() == nil {
		doc.RemoveChild(doc, list)
	}
}

func (st *docState) addRef(n *ast.FencedCodeBlock, src []byte) {
	var body bytes.Buffer
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		body.Write(seg.Value(src))
	}
	pos := st.pos(nodeOffset(n, src))
	if n.Info != nil {
		pos = st.pos(n.Info.Segment.Start)
		pos.Col = 1
	}
	args := map[string]string{}
	var raw map[string]any
	err := diag.Guard(pos, "the chart block", func() error {
		if _, err := yamldoc.Parse(body.Bytes()); err != nil {
			return err
		}
		return yaml.Unmarshal(body.Bytes(), &raw)
	})
	var bounded *yamldoc.Error
	var panicked *diag.Error
	switch {
	case errors.As(err, &bounded):
		// The block's settings start on the line after its opening fence.
		at := diag.Pos{Path: pos.Path, Line: pos.Line + bounded.Line, Col: bounded.Col}
		if n.Lines().Len() > 0 {
			at.Line = st.pos(n.Lines().At(0).Start).Line + bounded.Line - 1
		}
		st.problem.Add(diag.Errorf(at, "chart block: %s", bounded.Msg).WithHint("%s", bounded.Hint))
		return
	case errors.As(err, &panicked):
		st.problem.Add(panicked)
		return
	case err != nil:
		st.problem.Add(diag.Errorf(pos, "the chart block is not a list of \"key: value\" lines: %s", yamlMessage(err)).
			WithHint("write e.g. \"survey: sample-q46\" and \"question: q46\" on separate lines"))
		return
	}
	for k, v := range raw {
		args[k] = fmt.Sprint(v)
	}
	n.SetAttributeString("data-ref", []byte(strconv.Itoa(len(st.refs))))
	st.refs = append(st.refs, Ref{Pos: pos, Args: args})
}

// resolve returns the destination to store in link or image n for dest,
// the destination as written. Links are resolved from dest with its
// backslash escapes and character references resolved ("/bar\*" is
// "/bar*"); goldmark's renderer resolves them again in what it stores, so
// the result is escaped for it.
func (st *docState) resolve(n ast.Node, dest, src []byte) []byte {
	if st.link == nil {
		return dest
	}
	target := string(unescapeMarkdown(dest))
	out, ok := st.link(st.url, target)
	if !ok {
		st.problem.Add(diag.Errorf(st.pos(nodeOffset(n, src)), "link to %q: no such page or file", target).
			WithHint("check the path; links to pages may name their .md file (../program.md) or their URL (/program/)"))
	}
	return escapeMarkdown(out)
}

// escapeMarkdown returns s written so that unescapeMarkdown gives s back:
// backslashes doubled, "&" as "&amp;".
func escapeMarkdown(s string) []byte {
	if !strings.ContainsAny(s, "\\&") {
		return []byte(s)
	}
	return []byte(strings.NewReplacer("\\", "\\\\", "&", "&amp;").Replace(s))
}

// nodeOffset finds a byte offset in src for n or its nearest text.
func nodeOffset(n ast.Node, src []byte) int {
	for c := n; c != nil; c = c.Parent() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return c.Lines().At(0).Start
		}
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
		if fc := c.FirstChild(); fc != nil {
			if t, ok := fc.(*ast.Text); ok {
				return t.Segment.Start
			}
		}
	}
	return 0
}

func (st *docState) pos(off int) diag.Pos {
	if st.lines == nil {
		st.lines = newLineIndex(st.body, st.line)
	}
	line, col := st.lines.at(off)
	return diag.Pos{Path: st.path, Line: line, Col: col}
}

// cellRenderer writes a table cell as goldmark's table extension does
// (<td style="text-align:right">…</td>), without the extension's
// allocations: it formats the tag, builds the style and sets it as an
// attribute for every cell, which was 14% of the bytes a 10,000-page build
// allocated. A cell with attributes of its own is left to the extension.
// It writes what the extension writes with the options newMarkdown gives it
// (HTML, not XHTML; alignment as a style): with html.WithXHTML or another
// TableCellAlignMethod it would have to change too.
type cellRenderer struct{ ext renderer.NodeRendererFunc }

func newCellRenderer() cellRenderer {
	var g funcGrab
	extension.NewTableHTMLRenderer().RegisterFuncs(&g)
	return cellRenderer{g.cell}
}

// funcGrab keeps the table extension's renderer of cells.
type funcGrab struct{ cell renderer.NodeRendererFunc }

func (g *funcGrab) Register(k ast.NodeKind, f renderer.NodeRendererFunc) {
	if k == east.KindTableCell {
		g.cell = f
	}
}

func (c cellRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTableCell, c.render)
}

func (c cellRenderer) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*east.TableCell)
	if n.Attributes() != nil {
		return c.ext(w, src, node, entering)
	}
	th := n.Parent().Kind() == east.KindTableHeader
	switch {
	case !entering && th:
		w.WriteString("</th>\n")
	case !entering:
		w.WriteString("</td>\n")
	default:
		if th {
			w.WriteString("<th")
		} else {
			w.WriteString("<td")
		}
		switch n.Alignment {
		case east.AlignLeft:
			w.WriteString(` style="text-align:left"`)
		case east.AlignRight:
			w.WriteString(` style="text-align:right"`)
		case east.AlignCenter:
			w.WriteString(` style="text-align:center"`)
		}
		w.WriteByte('>')
	}
	return ast.WalkContinue, nil
}

// codeRenderer writes chart blocks as placeholders and other fenced code
// blocks as goldmark does.
type codeRenderer struct{}

func (codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, renderFenced)
}

func renderFenced(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.FencedCodeBlock)
	if ref, ok := n.AttributeString("data-ref"); ok {
		if entering {
			i, _ := strconv.Atoi(string(ref.([]byte)))
			w.WriteString(RefMarker(i))
			w.WriteByte('\n')
		}
		return ast.WalkSkipChildren, nil
	}
	if !entering {
		w.WriteString("</code></pre>\n")
		return ast.WalkContinue, nil
	}
	w.WriteString("<pre><code")
	if lang := n.Language(src); lang != nil {
		w.WriteString(` class="language-`)
		w.Write(util.EscapeHTML(unescapeMarkdown(lang))) // "foo\+bar" is foo+bar, "f&ouml;" fö
		w.WriteByte('"')
	}
	w.WriteByte('>')
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		w.Write(util.EscapeHTML(seg.Value(src)))
	}
	return ast.WalkContinue, nil
}

// headingIDs makes heading IDs that keep letters of every script, so
// Japanese headings get readable, unique anchors. A repeated heading gets
// the first of base-1, base-2, … not yet used; next remembers, for each
// base, the number it last got, below which every number is taken, so a
// page of 20,000 equal headings costs 20,000 lookups, not 200 million.
type headingIDs struct {
	used map[string]bool
	next map[string]int
}

func newHeadingIDs() *headingIDs {
	return &headingIDs{used: map[string]bool{}, next: map[string]int{}}
}

func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	var b strings.Builder
	dash := false
	for _, r := range string(value) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case r == '-' || r == '_':
			if b.Len() > 0 {
				b.WriteRune(r)
			}
			dash = false
		default:
			dash = true
		}
	}
	id := b.String()
	if id == "" {
		id = "section"
	}
	if h.used[id] {
		base := id
		for i := h.next[base] + 1; ; i++ {
			id = base + "-" + strconv.Itoa(i)
			if !h.used[id] {
				h.next[base] = i
				break
			}
		}
	}
	h.used[id] = true
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }

// lineIndex maps byte offsets of a body to lines and columns of its file.
type lineIndex struct {
	starts    []int // byte offsets of line starts in the body
	firstLine int   // file line of the body's first line
	src       []byte
}

func newLineIndex(src []byte, firstLine int) *lineIndex {
	li := &lineIndex{starts: []int{0}, firstLine: firstLine, src: src}
	for i, c := range src {
		if c == '\n' {
			li.starts = append(li.starts, i+1)
		}
	}
	return li
}

// at returns the file line and the 1-based column in characters of off.
func (li *lineIndex) at(off int) (line, col int) {
	lo, hi := 0, len(li.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if li.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	start := li.starts[lo]
	if off > len(li.src) {
		off = len(li.src)
	}
	return li.firstLine + lo, len([]rune(string(li.src[start:off]))) + 1
}
