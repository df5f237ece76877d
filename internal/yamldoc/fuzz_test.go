package yamldoc

import (
	"bytes"
	"strings"
	"testing"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// FuzzDepthBoundsTheParser checks what Depth and Check promise together. A
// document Depth lets through parses into collections nested at most twice
// its limit, so the parser's work stays bounded (Depth reads YAML as people
// write it; the parser reads some bytes no one writes, a NUL or a lone "-"
// between keys, in its own ways). Check then measures the nesting exactly:
// it reports a document nested deeper than the limit, and only such a
// document. A problem either reports is on a line of the document. The
// limit is 4 here, so that random inputs reach it.
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
		deepest := 0
		for _, d := range file.Docs {
			deepest = max(deepest, depth(d.Body))
		}
		if deepest > 2*limit {
			t.Fatalf("Depth let through a document that nests %d levels:\n%s", deepest, src)
		}
		e := check(file, limit)
		if e != nil {
			e.Line = FileLine(src, e.Line)
		}
		if e != nil && strings.Contains(e.Msg, "nests more than") {
			if deepest <= limit {
				t.Fatalf("Check = %v for a document that nests %d levels:\n%s", e, deepest, src)
			}
			if e.Line < 1 || e.Line > lines || e.Col < 1 {
				t.Fatalf("Check = %v, the document has %d lines", e, lines)
			}
		} else if deepest > limit && e == nil {
			t.Fatalf("Check let through a document that nests %d levels:\n%s", deepest, src)
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
