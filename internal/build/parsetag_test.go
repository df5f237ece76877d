package build

import (
	"reflect"
	"testing"
)

func TestParseTagReadsWantedAttributes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		raw        string
		name       string
		keys, vals []string
	}{
		{`<a href="x/index.html" class="c">`, "a", []string{"href"}, []string{"x/index.html"}},
		{`<IMG SRC='a.png' ALT>`, "img", []string{"src", "alt"}, []string{"a.png", ""}},
		{`<a href=plain>`, "a", []string{"href"}, []string{"plain"}},
		{`<a href="?a=1&amp;b=2" id="x" id="y">`, "a", []string{"href", "id"}, []string{"?a=1&b=2", "x"}},
		{`<use xlink:href="#s"/>`, "use", []string{"xlink:href"}, []string{"#s"}},
		{"<h2\n  id=\"見出し\"\n>", "h2", []string{"id"}, []string{"見出し"}},
		{`<br/>`, "br", nil, nil},
		{`<a href="unclosed`, "a", []string{"href"}, []string{"unclosed"}},
	}
	for _, tc := range tests {
		var a tagAttrs
		if got := parseTag([]byte(tc.raw), &a); got != tc.name {
			t.Errorf("parseTag(%q) name = %q, want %q", tc.raw, got, tc.name)
		}
		if len(a.keys) == 0 && len(tc.keys) == 0 {
			continue
		}
		if !reflect.DeepEqual(a.keys, tc.keys) || !reflect.DeepEqual(a.vals, tc.vals) {
			t.Errorf("parseTag(%q) = %q %q, want %q %q", tc.raw, a.keys, a.vals, tc.keys, tc.vals)
		}
	}
}
