package yamldoc

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// laughs returns front matter whose key x nests levels anchors of width
// aliases each (issue 18: nine levels of nine run for more than 30 s).
func laughs(levels, width int) string {
	var b strings.Builder
	b.WriteString("title: A\nx:\n")
	fmt.Fprintf(&b, "  a0: &a0 [%s]\n", strings.TrimSuffix(strings.Repeat("lol,", width), ","))
	for i := 1; i < levels; i++ {
		refs := strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d,", i-1), width), ",")
		fmt.Fprintf(&b, "  a%d: &a%d [%s]\n", i, i, refs)
	}
	return b.String()
}

// TestParseRejects is not parallel: it measures the memory each parse
// allocates, which bounds its work (nine levels of nine laughs, parsed to
// the end, would be 387 million values).
func TestParseRejects(t *testing.T) {
	deepFlow := "title: A\nx: " + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "\n"
	var deepBlock strings.Builder
	deepBlock.WriteString("title: A\n")
	for i := range MaxDepth + 1 {
		fmt.Fprintf(&deepBlock, "%sk%d:\n", strings.Repeat(" ", i), i)
	}
	for _, tc := range []struct {
		name, src string
		line, col int
		msg       string
	}{
		{"TagOnEmptyValue", "title: A\ntags: !x\n", 2, 7, `"!x" is a YAML tag`},
		{"TagOnMenu", "title: A\nmenu: !x\n  - {name: a, url: /}\n", 2, 7, `"!x"`},
		{"StandardTag", "title: !!str 2025\n", 1, 8, `"!!str"`},
		{"LoneBang", "a:\n  - !\n", 2, 5, `"!"`},
		{"BillionLaughs", laughs(9, 9), 7, 12, "expand to more than 10000 values"},
		{"DeepFlow", deepFlow, 2, 3 + MaxDepth, "more than 100 levels"},
		{"DeepFlowAcrossLines", "a:\n b: [\n" + strings.Repeat("[\n", MaxDepth) + "]\n", MaxDepth, 1, "more than 100 levels"},
		{"DeepBlock", deepBlock.String(), MaxDepth + 2, MaxDepth + 1, "more than 100 levels"},
		{"DeepBlockIndentedWithTabs", tabbed(MaxDepth + 1), MaxDepth + 1, MaxDepth + 1, "more than 100 levels"},
		{"DeepCompact", "a:\n" + strings.Repeat("- ", MaxDepth) + "x\n", 2, 2*MaxDepth - 1, "more than 100 levels"},
		{"DeepFlowAfterQuoteInPlainText", "a: it's\nb: " + strings.Repeat("[", MaxDepth) + "\n", 2, 3 + MaxDepth, "more than 100 levels"},
		{"BracketsInQuotesBeyondTheSafetyNet", `a: "` + strings.Repeat("[", RawMaxDepth+1) + `"`, 1, 5 + RawMaxDepth, "more than 100 levels"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			alloc := allocated(func() { _, err = Parse([]byte(tc.src)) })
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse = %v, want an *Error at %d:%d", err, tc.line, tc.col)
			}
			if e.Line != tc.line || e.Col != tc.col || !strings.Contains(e.Msg, tc.msg) || e.Hint == "" {
				t.Errorf("Parse = %v (hint %q), want %d:%d: …%s…", e, e.Hint, tc.line, tc.col, tc.msg)
			}
			if alloc > 4<<20 { // each takes under 0.25 MB
				t.Errorf("Parse allocated %d MB, want under 4 MB", alloc>>20)
			}
		})
	}
}

// allocated returns the bytes f allocates. No other test may run meanwhile.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func TestParseAccepts(t *testing.T) {
	t.Parallel()
	var nested strings.Builder
	for i := range MaxDepth {
		fmt.Fprintf(&nested, "%sk%d:\n", strings.Repeat(" ", i), i)
	}
	for _, tc := range []struct{ name, src string }{
		{"Plain", "title: 部会について\ntags: [人材育成, 組織風土]\n"},
		{"SomeAliases", "a: &a {x: 1, y: [1, 2, 3]}\nb: *a\nc: *a\nd:\n  <<: *a\n  z: 2\n"},
		{"SmallLaughs", laughs(3, 9)},
		{"DeepestAllowedFlow", "x: " + strings.Repeat("[", MaxDepth-1) + strings.Repeat("]", MaxDepth-1)},
		{"DeepestAllowedBlock", nested.String()},
		{"BracketsInQuotes", `title: "` + strings.Repeat("[", 2*MaxDepth) + `"` + "\nb: '[[' \nc: x # [[[[\n"},
		{"BracketsInBlockScalar", "description: |\n  " + strings.Repeat("[", 2*MaxDepth) + "\nnext: 1\n"},
		{"IndentedBlockScalar", "description: >-\n" + indentedLines(2*MaxDepth) + "next: 1\n"},
		{"BangInText", "title: Hello!\ndescription: a !b\n"},
		{"QuotedBang", "tags: \"!x\"\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if _, err := Parse([]byte(tc.src)); err != nil {
				t.Errorf("Parse(%.60q…) = %v", tc.src, err)
			}
		})
	}
}

func indentedLines(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%sline %d\n", strings.Repeat(" ", i+1), i)
	}
	return b.String()
}

// tabbed returns n keys, each indented by one more tab: not YAML (it
// indents with spaces), but goccy's parser takes seconds over thousands.
func tabbed(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%sk:\n", strings.Repeat("\t", i))
	}
	return b.String()
}

func TestFileLineCountsOnlyLineFeeds(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		src       string
		yaml, ret int
	}{
		{"a: 1\nb: 2\n", 2, 2},
		{"a: 1\r\nb: 2\r\n", 2, 2},
		{" \r\r000", 3, 1},         // FuzzLoadConfig: the parser's line 3 is the file's line 1
		{"a: 1\rb: 2\nc: [", 3, 2}, // a lone CR ends a line for the parser only
		{"a: 1\n", 5, 1},
		{"", 1, 1},
	} {
		if got := FileLine([]byte(tc.src), tc.yaml); got != tc.ret {
			t.Errorf("FileLine(%q, %d) = %d, want %d", tc.src, tc.yaml, got, tc.ret)
		}
	}
}

// TestDepthCountsSameIndentNesting: goccy nests "0:\n-\n" repeated one level
// deeper at each line although the indentation never grows (5,000 of them
// parsed to 10,000 levels), so Depth must refuse it, and keep accepting the
// same shapes in settings people write.
func TestDepthCountsSameIndentNesting(t *testing.T) {
	if e := Depth([]byte(strings.Repeat("0:\n-\n", 5000))); e == nil || e.Line > 2*MaxDepth {
		t.Errorf("Depth = %v, want the nesting refused within its first %d lines", e, 2*MaxDepth)
	}
	legit := "title: A\ntags:\n- a\n- b\nmenu:\n- {name: x, url: /}\n- name: y\n  url: /y/\nparams:\n  a:\n  - 1\n  -\n  b: 2\n"
	if e := Depth([]byte(legit)); e != nil {
		t.Errorf("Depth(%q) = %v", legit, e)
	}
}
