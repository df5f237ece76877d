package site

import (
	"strings"
	"testing"

	template "surveysite/internal/template/html"
)

// TestSearchControlsAsInTheHeader: the field and button made once give the
// bytes the three actions they replace would write in the header, for
// words that need escaping in an attribute and in text.
func TestSearchControlsAsInTheHeader(t *testing.T) {
	t.Parallel()
	old := template.Must(template.New("").Parse(`<search class="site-search"><form action="{{.Href}}">` +
		`<input type="search" name="q" aria-label="{{.F.Label}}" placeholder="{{.F.Placeholder}}"><button>{{.F.Button}}</button></form></search>`))
	now := template.Must(template.New("").Parse(`<search class="site-search"><form action="{{.Href}}">{{.F.Controls}}</form></search>`))
	for _, w := range [][3]string{
		{"サイト内検索", "言葉を入力", "検索"},
		{`"A&B" <c> 'd'`, "1+1=2 ` =x", "</button><script>alert(1)</script>"},
		{"", "\x00\u00a0\u2028", "&amp;"},
	} {
		f := newSearchField(w[0], w[1], w[2])
		data := struct {
			Href string
			F    SearchField
		}{"../search/", f}
		var want, got strings.Builder
		if err := old.Execute(&want, data); err != nil {
			t.Fatal(err)
		}
		if err := now.Execute(&got, data); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("words %q:\n got %s\nwant %s", w, got.String(), want.String())
		}
	}
}
