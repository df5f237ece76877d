package content

import (
	"errors"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"

	"surveysite/internal/yamldoc"
)

// An anchor defined under one key may be used under another, as YAML
// allows and Hugo accepts: the front matter is decoded as one document.
func TestFrontMatterAliasesReachAcrossKeys(t *testing.T) {
	t.Parallel()
	src := "---\n" +
		"title: &name 人材育成の取り組み\n" +
		"description: *name\n" +
		"defaults: &d {color: blue, size: 2}\n" +
		"chart: *d\n" +
		"box:\n  <<: *d\n  size: 3\n" +
		"tags: &t [人材育成, 組織風土]\n" +
		"related: *t\n" +
		"when: &w 2026-04-01\n" +
		"date: *w\n" +
		"---\n本文\n"
	pages, err := Load(fstest.MapFS{"content/a.md": {Data: []byte(src)}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := pages[0]
	if p.Title != "人材育成の取り組み" || p.Description != p.Title {
		t.Errorf("title %q, description %q, want both 人材育成の取り組み", p.Title, p.Description)
	}
	if want := []string{"人材育成", "組織風土"}; !reflect.DeepEqual(p.Tags, want) {
		t.Errorf("tags = %q, want %q", p.Tags, want)
	}
	if want := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC); !p.Date.Equal(want) {
		t.Errorf("date = %v, want %v", p.Date, want)
	}
	for key, want := range map[string]any{
		"chart":   map[string]any{"color": "blue", "size": uint64(2)},
		"box":     map[string]any{"color": "blue", "size": uint64(3)},
		"related": []any{"人材育成", "組織風土"},
	} {
		if got := p.Params[key]; !reflect.DeepEqual(got, want) {
			t.Errorf("params[%s] = %#v, want %#v", key, got, want)
		}
	}
	if got := p.Lines["date"]; got != 12 {
		t.Errorf("date is on line %d, want 12", got)
	}
}

// The bound on alias expansion holds for aliases that reach across keys:
// each level under its own key, refusing at the alias that passes it. Not
// parallel: it measures the memory the load allocates, which bounds its
// work.
func TestFrontMatterAliasesAcrossKeysAreBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\ntitle: A\nl0: &l0 [" + strings.TrimSuffix(strings.Repeat("x, ", 9), ", ") + "]\n")
	for i := 1; i <= 8; i++ {
		b.WriteString("l" + string(rune('0'+i)) + ": &l" + string(rune('0'+i)) + " [" +
			strings.TrimSuffix(strings.Repeat("*l"+string(rune('0'+i-1))+", ", 9), ", ") + "]\n")
	}
	b.WriteString("---\n")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := Load(fstest.MapFS{"content/a.md": {Data: []byte(b.String())}}, Options{})
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 { // it takes 0.15 MB
		t.Errorf("Load allocated %d MB, want under 4 MB", alloc>>20)
	}
	if err == nil {
		t.Fatal("Load accepted aliases that expand to 387 million values")
	}
	// 9 + 9 + 1 nodes per line; the budget is yamldoc.AliasFloor.
	want := "content/a.md:7:"
	if got := err.Error(); !strings.HasPrefix(got, want) || !strings.Contains(got, "the aliases (*name) up to here expand to more than") {
		t.Errorf("error = %q, want %q… about the aliases", got, want)
	}
	if yamldoc.AliasFloor != 10_000 {
		t.Errorf("AliasFloor is %d; check the line of the want above", yamldoc.AliasFloor)
	}
}

// convertsAsGoccy reports, for the YAML value text, where the conversions
// of yamlvalue.go and goccy/go-yaml's own decoding into the type differ.
func convertsAsGoccy(t *testing.T, text string) {
	t.Helper()
	file, err := func() (f *ast.File, err error) {
		defer func() {
			if recover() != nil { // goccy's parser; parseFrontMatterYAML reports it
				f, err = nil, errors.New("panic")
			}
		}()
		return yamldoc.Parse([]byte("k: " + text + "\n"))
	}()
	if err != nil || len(file.Docs) == 0 {
		return
	}
	kv, ok := file.Docs[0].Body.(*ast.MappingValueNode)
	if !ok {
		return
	}
	v, err := newDocDecoder().value(kv.Value)
	if err != nil {
		return
	}
	check := func(what string, got any, gotOK bool, want any, wantErr error) {
		t.Helper()
		if gotOK != (wantErr == nil) || gotOK && !reflect.DeepEqual(got, want) {
			t.Errorf("%q as %s = %#v, %v; goccy: %#v, %v", text, what, got, gotOK, want, wantErr)
		}
	}
	var s string
	err = yaml.NodeToValue(kv.Value, &s)
	got, ok := yamlString(v)
	check("text", got, ok, s, err)
	var b bool
	err = yaml.NodeToValue(kv.Value, &b)
	gb, ok := yamlBool(v)
	check("bool", gb, ok, b, err)
	var n int
	err = yaml.NodeToValue(kv.Value, &n)
	gn, ok := yamlInt(v)
	check("int", gn, ok, n, err)
	var list []string
	err = yaml.NodeToValue(kv.Value, &list)
	gl, ok := yamlStrings(v)
	check("list", gl, ok, list, err)
}

var yamlValueSeeds = []string{"a", "1", "-1", "1.5", "-1.5", "1e3", `"1e3"`, `"-1e3"`, "~", "null", "", "true", "yes", "False",
	"[a, 1, ~]", "[a, [b]]", "[]", "{a: 1}", "2026-04-01", "2026-04-01T10:00:00Z", "18446744073709551615",
	"9223372036854775807", "9223372036854775808", "-9223372036854775808", ".inf", "-.inf", ".nan", "0x1F", "0o17", "017",
	`"x"`, "'1'", "1_000", "+1", "0.", "1e400", "[1.5, true]"}

// The standard keys take their types from the decoded values as goccy
// would decode the nodes into them: the front matter is decoded once, not
// key by key into its types.
func TestYAMLValuesConvertAsGoccyDecodes(t *testing.T) {
	t.Parallel()
	for _, s := range yamlValueSeeds {
		convertsAsGoccy(t, s)
	}
}

func FuzzYAMLValuesConvertAsGoccyDecodes(f *testing.F) {
	for _, s := range yamlValueSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if strings.ContainsAny(text, "\n\r") {
			return
		}
		convertsAsGoccy(t, text)
	})
}
