package yamldoc

import (
	"fmt"
	"math"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// AliasRatio and AliasFloor bound alias expansion: a document may expand,
// through its aliases, to at most AliasRatio times as many nodes as it is
// made of, or AliasFloor nodes, whichever is more. go-yaml v3 and
// serde-yaml bound aliases the same way (the Kubernetes fix, Hugo PR 13033).
const (
	AliasRatio = 10
	AliasFloor = 10_000
)

// Check walks a parsed document and reports the first YAML tag, the first
// collection nested deeper than MaxDepth, or the alias at which expansion
// exceeds its budget, or nil. Its line is the parser's (see FileLine).
// Anchors count across the whole document, so the bound holds however the
// document is decoded. The nesting is measured here exactly, as the parser
// read it; Depth, before parsing, only has to keep the parser's work
// bounded.
func Check(f *ast.File) *Error { return check(f, MaxDepth) }

// check is Check with another limit of nesting, for tests that reach it.
func check(f *ast.File, maxDepth int) *Error {
	if f == nil {
		return nil
	}
	c := checker{anchors: map[string]int{}, maxDepth: maxDepth}
	for _, d := range f.Docs {
		c.own += count(d)
	}
	c.budget = max(AliasFloor, AliasRatio*c.own)
	for _, d := range f.Docs {
		c.size(d)
		if c.err != nil {
			return c.err
		}
	}
	return nil
}

type checker struct {
	anchors  map[string]int // name -> nodes its value expands to
	own      int            // nodes the document is made of
	budget   int            // nodes its aliases may add
	expanded int            // nodes its aliases added so far
	level    int            // collections open around the node being walked
	maxDepth int            // how many may be
	err      *Error
}

// enter opens a collection, reporting false (and the error) when it is one
// level too many. The caller closes it with c.level--.
func (c *checker) enter(n ast.Node) bool {
	c.level++
	if c.level > c.maxDepth {
		c.err = at(n.GetToken(), &Error{
			Msg:  fmt.Sprintf("the value nests more than %d levels deep", c.maxDepth),
			Hint: fmt.Sprintf("write the settings with at most %d levels of lists and key: value groups inside each other", c.maxDepth),
		})
		return false
	}
	return true
}

// size returns the nodes n expands to, recording anchors and stopping at
// the first problem.
func (c *checker) size(n ast.Node) int {
	if n == nil || c.err != nil {
		return 0
	}
	switch n := n.(type) {
	case *ast.DocumentNode:
		return c.size(n.Body)
	case *ast.MappingNode:
		// One level for the mapping; its key: value pairs are not another.
		defer func() { c.level-- }()
		if !c.enter(n) {
			return 1
		}
		s := 1
		for _, v := range n.Values {
			s = add(s, c.pair(v))
		}
		return s
	case *ast.MappingValueNode:
		// A mapping of one pair, standing alone.
		defer func() { c.level-- }()
		if !c.enter(n) {
			return 1
		}
		return c.pair(n)
	case *ast.MappingKeyNode:
		return add(1, c.size(n.Value))
	case *ast.SequenceNode:
		defer func() { c.level-- }()
		if !c.enter(n) {
			return 1
		}
		return sizes(c, n.Values)
	case *ast.AnchorNode:
		s := c.size(n.Value)
		if n.Name != nil {
			c.anchors[n.Name.GetToken().Value] = s
		}
		return s
	case *ast.AliasNode:
		s := 1
		if n.Value != nil {
			if a, ok := c.anchors[n.Value.GetToken().Value]; ok {
				s = a
			}
		}
		c.expanded = add(c.expanded, s)
		if c.expanded > c.budget {
			c.err = at(n.GetToken(), &Error{
				Msg: fmt.Sprintf("the aliases (*name) up to here expand to more than %d values, the limit for settings of this size",
					c.budget),
				Hint: "repeat the values where they are needed, or refer to an anchor (&name) fewer times",
			})
		}
		return s
	case *ast.TagNode:
		tag := strings.TrimSpace(n.GetToken().Value)
		c.err = at(n.GetToken(), &Error{
			Msg:  fmt.Sprintf("%q is a YAML tag, which surveysite does not read", tag),
			Hint: fmt.Sprintf("remove %q; if the ! is part of the text, put the whole value in quotes", tag),
		})
		return 1
	}
	return 1 // scalars, comments, directives
}

// pair returns the nodes a key: value pair expands to, itself included.
func (c *checker) pair(v *ast.MappingValueNode) int {
	return add(add(1, c.size(v.Key)), c.size(v.Value))
}

// sizes returns the nodes a collection of nodes expands to, itself
// included.
func sizes[N ast.Node](c *checker, nodes []N) int {
	s := 1
	for _, v := range nodes {
		s = add(s, c.size(v))
	}
	return s
}

// counts returns the nodes a collection of nodes is made of, itself
// included.
func counts[N ast.Node](nodes []N) int {
	s := 1
	for _, v := range nodes {
		s += count(v)
	}
	return s
}

// count returns the nodes n is made of, aliases counted once.
func count(n ast.Node) int {
	switch n := n.(type) {
	case nil:
		return 0
	case *ast.DocumentNode:
		return count(n.Body)
	case *ast.MappingNode:
		return counts(n.Values)
	case *ast.MappingValueNode:
		return 1 + count(n.Key) + count(n.Value)
	case *ast.MappingKeyNode:
		return 1 + count(n.Value)
	case *ast.SequenceNode:
		return counts(n.Values)
	case *ast.AnchorNode:
		return count(n.Value)
	case *ast.TagNode:
		return 1 + count(n.Value)
	}
	return 1
}

// add adds without overflowing: nested anchors grow exponentially.
func add(a, b int) int {
	if a > math.MaxInt-b {
		return math.MaxInt
	}
	return a + b
}

func at(tk *token.Token, e *Error) *Error {
	if tk != nil && tk.Position != nil {
		e.Line, e.Col = tk.Position.Line, tk.Position.Column
	}
	return e
}
