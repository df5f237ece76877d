package yamldoc

import (
	"bytes"
	"testing"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// FuzzDepthBoundsTheParser checks what Depth promises: a document it lets
// through never parses into collections nested deeper than the limit, and
// a problem it reports is on a line of the document. The limit is 4 here,
// so that random inputs reach it.
func FuzzDepthBoundsTheParser(f *testing.F) {
	for _, s := range []string{
		"title: A\ntags: [a, b]\n",
		"a:\n  b:\n    - c\n    - {d: [e]}\n",
		"- - - x\n",
		"? a\n: b\n",
		"a: \"[[[\"\nb: '{{'\n",
		"a: |\n  [[[\n  {{{\nb: [1]\n",
		"a: >-\n    [\n  [\n",
		"a: it's [x]\n",
		"a: [\"]\", [1]]\n",
		"a: 'x''[' \n",
		"a: # [[[\n  - b\n",
		"a: !x [1]\n",
		"a: &x [1]\nb: *x\n",
		"a:\n\t- b\n",
		"[[\n[\n]]]\n",
		"{a: [b, {c: [d]}]}\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		lines := bytes.Count(src, []byte("\n")) + 1
		const limit = 4
		if e := depthWithin(src, limit, 10*limit); e != nil {
			if e.Line < 1 || e.Line > lines || e.Col < 1 {
				t.Fatalf("Depth = %v, the document has %d lines", e, lines)
			}
			return
		}
		file, ok := parse(src)
		if !ok {
			return
		}
		for _, d := range file.Docs {
			if n := depth(d.Body); n > limit {
				t.Fatalf("Depth let through a document that nests %d levels:\n%s", n, src)
			}
		}
	})
}

// parse parses src, reporting false for a syntax error or a panic (goccy's
// bugs are contained at the call sites, by diag.Catch).
func parse(src []byte) (f *ast.File, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	f, err := parser.ParseBytes(src, 0)
	return f, err == nil
}

// depth returns how deeply collections nest in n. A mapping of one key may
// be a bare MappingValueNode; one inside a MappingNode is not a level.
func depth(n ast.Node) int {
	switch n := n.(type) {
	case *ast.MappingNode:
		m := 0
		for _, v := range n.Values {
			m = max(m, depth(v.Key), depth(v.Value))
		}
		return 1 + m
	case *ast.MappingValueNode:
		return 1 + max(depth(n.Key), depth(n.Value))
	case *ast.MappingKeyNode:
		return depth(n.Value)
	case *ast.SequenceNode:
		m := 0
		for _, v := range n.Values {
			m = max(m, depth(v))
		}
		return 1 + m
	case *ast.AnchorNode:
		return depth(n.Value)
	case *ast.TagNode:
		return depth(n.Value)
	}
	return 0
}
