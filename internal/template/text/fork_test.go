package template

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// Tests for surveysite's changes to the standard library's text/template:
// lookups remembered per type and direct calls (see ../README.md).

type forkA struct{ Name string }

func (forkA) Greet(s string) string { return "A:" + s }

type forkB struct {
	Greet string
	Name  int
}

// The same names on different types must not share a remembered lookup.
func TestForkLookupsArePerType(t *testing.T) {
	method := Must(New("m").Parse(`{{.Name}} {{.Greet "x"}}`))
	field := Must(New("f").Parse(`{{.Name}} {{.Greet}}`))
	for range 2 { // the second time from the remembered lookups
		for _, c := range []struct {
			tmpl *Template
			data any
			want string
		}{
			{method, forkA{"a"}, "a A:x"},
			{field, forkB{"field", 7}, "7 field"},
			{method, &forkA{"p"}, "p A:x"},
			{field, map[string]string{"Name": "n", "Greet": "g"}, "n g"},
		} {
			var b strings.Builder
			if err := c.tmpl.Execute(&b, c.data); err != nil {
				t.Fatal(err)
			}
			if b.String() != c.want {
				t.Fatalf("%T: got %q, want %q", c.data, b.String(), c.want)
			}
		}
	}
}

// Functions called directly keep their semantics: variadic arguments,
// pipelines, and panics turned into errors.
func TestForkDirectCalls(t *testing.T) {
	funcs := FuncMap{
		"join": func(a ...any) string {
			var parts []string
			for _, x := range a {
				parts = append(parts, fmt.Sprint(x))
			}
			return strings.Join(parts, "+")
		},
		"up":    strings.ToUpper,
		"year":  func(t time.Time) string { return fmt.Sprint(t.Year()) },
		"boom":  func(s string) string { panic("boom: " + s) },
		"boomv": func(a ...any) string { panic(fmt.Sprint("boomv: ", a[0])) },
	}
	tmpl := Must(New("x").Funcs(funcs).Parse(`{{join 1 "b" nil}}|{{"c" | up}}|{{join}}|{{.S | up | join "z"}}|{{year .T}}|{{.S | join}}|{{.Missing | join}}`))
	var b strings.Builder
	if err := tmpl.Execute(&b, map[string]any{"S": "s", "T": time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "1+b+<nil>|C||z+S|2026|s|<nil>"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	for src, want := range map[string]string{`{{boom "x"}}`: "boom: x", `{{"y" | boomv}}`: "boomv: y"} {
		err := Must(New("y").Funcs(funcs).Parse(src)).Execute(&b, nil)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("%s: panic in a directly called function: err = %v", src, err)
		}
	}
}
