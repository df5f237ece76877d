package check

import (
	"bytes"
	"io/fs"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"surveysite/internal/content"
	"surveysite/internal/diag"
)

// mdLink is a link or image destination in a Markdown file.
type mdLink struct {
	pos  diag.Pos
	dest string
}

// markdownLinks parses Markdown file name (front matter and all; it holds
// no links) and returns its links and images with their positions.
func (c *checker) markdownLinks(name string) []mdLink {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.mdLink == nil {
		c.mdLink = map[string][]mdLink{}
	}
	if links, ok := c.mdLink[name]; ok {
		return links
	}
	src, err := fs.ReadFile(c.src, name)
	var links []mdLink
	if err == nil {
		md := content.Parser()
		var doc ast.Node
		// A panic in goldmark was reported when the page was loaded;
		// here it only means no positions for its links.
		if diag.Guard(diag.Pos{Path: name}, "the Markdown text", func() error {
			doc = md.Parse(text.NewReader(src))
			return nil
		}) != nil {
			doc = ast.NewDocument()
		}
		ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			var dest []byte
			switch n := n.(type) {
			case *ast.Link:
				dest = n.Destination
			case *ast.Image:
				dest = n.Destination
			default:
				return ast.WalkContinue, nil
			}
			off := markdownOffset(n, dest, src)
			links = append(links, mdLink{pos: offsetPos(name, src, off), dest: string(dest)})
			return ast.WalkContinue, nil
		})
	}
	c.mdLink[name] = links
	return links
}

// markdownOffset returns the offset of a link's "[" (or an image's "!").
func markdownOffset(n ast.Node, dest, src []byte) int {
	off := -1
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if off < 0 { // no text: find "](dest" after the start of the block
		block := 0
		for p := n.Parent(); p != nil; p = p.Parent() {
			if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
				block = p.Lines().At(0).Start
				break
			}
		}
		i := bytes.Index(src[block:], append([]byte("]("), dest...))
		if i < 0 {
			return block
		}
		off = block + i
	}
	if off > 0 && src[off-1] == '[' {
		off--
	} else if off < len(src) && src[off] == ']' && off > 0 && src[off-1] == '[' {
		off--
	}
	if off > 0 && src[off] == '[' && src[off-1] == '!' {
		off--
	}
	return off
}
