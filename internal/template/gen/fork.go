package main

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"go/format"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// module is the import path of the fork.
const module = "surveysite/internal/template"

// source is a standard library package copied into the fork.
type source struct {
	from string                // import path, under GOROOT/src
	to   string                // folder under the fork
	name string                // package name
	skip func(rel string) bool // files (slash paths under from) left out
}

var sources = []source{
	{
		from: "text/template", to: "text", name: "template",
		// parse/ stays the standard library's (html/template's API uses its
		// types); link_test.go checks the standard library's linking.
		skip: func(rel string) bool {
			return rel == "link_test.go" || strings.HasPrefix(rel, "parse/")
		},
	},
	{from: "html/template", to: "html", name: "template"},
	{
		from: "internal/fmtsort", to: "fmtsort", name: "fmtsort",
		// Its tests test the standard library's internals.
		skip: func(rel string) bool { return strings.HasSuffix(rel, "_test.go") },
	},
}

// Files the fork writes besides the packages.
const (
	licenseFile = "LICENSE"   // Go's, copied
	versionFile = "GOVERSION" // the release the fork was made from
)

//go:embed patches/*.patch
var patchFS embed.FS

// generate returns the fork made from the Go tree at goroot (release
// version) with the first npatches patches, or all of them if npatches is
// negative: every file gen writes, by slash path under the fork's folder.
func generate(goroot, version string, npatches int) (map[string][]byte, error) {
	files := map[string][]byte{versionFile: []byte(version + "\n")}
	license, err := os.ReadFile(filepath.Join(goroot, "LICENSE"))
	if err != nil {
		return nil, fmt.Errorf("copy Go's licence: %w", err)
	}
	files[licenseFile] = license
	for _, s := range sources {
		if err := copyPackage(files, goroot, s); err != nil {
			return nil, err
		}
	}
	if err := formatGo(files); err != nil {
		return nil, err
	}
	names, err := fs.Glob(patchFS, "patches/*.patch")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	partial := npatches >= 0 && npatches < len(names)
	if partial {
		names = names[:npatches]
	}
	for _, name := range names {
		b, err := patchFS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		if err := applyPatch(files, string(b)); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	if err := formatGo(files); err != nil {
		return nil, err
	}
	if partial {
		return files, nil // the check is for the whole fork
	}
	return files, checkImports(files)
}

// copyPackage adds the files of the package s, its imports rewritten.
func copyPackage(files map[string][]byte, goroot string, s source) error {
	src := filepath.Join(goroot, "src", filepath.FromSlash(s.from))
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("copy %s: %w", s.from, err)
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if s.skip != nil && s.skip(rel) {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.HasSuffix(rel, ".go") {
			if b, err = rewriteImports(s.from+"/"+rel, b); err != nil {
				return err
			}
		}
		files[s.to+"/"+rel] = b
		return nil
	})
}

// rewriteImports points imports of the copied packages at the copies. The
// import names the package when the path's last element is not its name
// (template "surveysite/internal/template/text"). Only the import specs
// change, so comments and strings that mention the paths keep them.
func rewriteImports(name string, src []byte) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ImportsOnly)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	last := 0
	for _, spec := range f.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			return nil, err
		}
		i := slices.IndexFunc(sources, func(s source) bool { return s.from == p })
		if i < 0 {
			continue
		}
		s := sources[i]
		start, end := fset.Position(spec.Path.Pos()).Offset, fset.Position(spec.Path.End()).Offset
		importName := ""
		if spec.Name != nil {
			start = fset.Position(spec.Name.Pos()).Offset
			importName = spec.Name.Name
		} else if s.to != s.name {
			importName = s.name
		}
		out.Write(src[last:start])
		if importName != "" {
			out.WriteString(importName + " ")
		}
		out.WriteString(strconv.Quote(path.Join(module, s.to)))
		last = end
	}
	out.Write(src[last:])
	return out.Bytes(), nil
}

// formatGo formats every Go file as gofmt does, which also sorts imports.
func formatGo(files map[string][]byte) error {
	for name, b := range files {
		if !strings.HasSuffix(name, ".go") {
			continue
		}
		out, err := format.Source(b)
		if err != nil {
			return fmt.Errorf("gofmt %s: %w", name, err)
		}
		files[name] = out
	}
	return nil
}

// checkImports reports a standard library internal package that is still
// imported: only the standard library may import those, so a new one
// needs a patch, as internal/godebug has.
func checkImports(files map[string][]byte) error {
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if !strings.HasSuffix(name, ".go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, files[name], parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, spec := range f.Imports {
			p, _ := strconv.Unquote(spec.Path.Value)
			if strings.HasPrefix(p, "internal/") || strings.HasPrefix(p, "vendor/") {
				return fmt.Errorf("%s imports %s, which only the standard library may import: add a patch that replaces it", name, p)
			}
		}
	}
	return nil
}

// own reports whether the file at rel (a slash path under the fork) is
// surveysite's own rather than made by gen: gen neither writes nor removes
// it. Gen makes LICENSE, GOVERSION and the package folders' files but for
// fork_* files and fuzz corpora.
func own(rel string) bool {
	if rel == licenseFile || rel == versionFile {
		return false
	}
	dir, base := path.Split(rel)
	if !slices.ContainsFunc(sources, func(s source) bool { return strings.HasPrefix(dir, s.to+"/") }) {
		return true
	}
	return strings.HasPrefix(base, "fork_") || strings.Contains("/"+dir, "/testdata/fuzz/")
}

// treeFiles returns the files under dir that gen makes, by slash path.
func treeFiles(dir string) (map[string]bool, error) {
	have := map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if p == dir && errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			return nil
		}
		if !own(rel) {
			have[rel] = true
		}
		return nil
	})
	return have, err
}

// compareTree lists every difference between the fork at dir and files.
func compareTree(dir string, files map[string][]byte) ([]string, error) {
	have, err := treeFiles(dir)
	if err != nil {
		return nil, err
	}
	var diffs []string
	for _, name := range slices.Sorted(maps.Keys(files)) {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		switch {
		case err != nil && os.IsNotExist(err):
			diffs = append(diffs, name+": missing")
		case err != nil:
			return nil, err
		case !bytes.Equal(b, files[name]):
			diffs = append(diffs, name+": differs"+firstDifference(b, files[name]))
		}
	}
	for _, name := range slices.Sorted(maps.Keys(have)) {
		if _, ok := files[name]; !ok {
			diffs = append(diffs, name+": not made by gen (remove it, or name it fork_*)")
		}
	}
	return diffs, nil
}

// firstDifference describes the first line where have and want differ.
func firstDifference(have, want []byte) string {
	h, w := strings.SplitAfter(string(have), "\n"), strings.SplitAfter(string(want), "\n")
	for i := 0; i < len(h) || i < len(w); i++ {
		var hl, wl string
		if i < len(h) {
			hl = h[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if hl != wl {
			return fmt.Sprintf(" at line %d: have %q, gen makes %q", i+1, hl, wl)
		}
	}
	return ""
}

// writeTree writes files into the fork at dir and removes the files gen
// made before that it no longer makes.
func writeTree(dir string, files map[string][]byte) error {
	have, err := treeFiles(dir)
	if err != nil {
		return err
	}
	for name := range have {
		if _, ok := files[name]; !ok {
			if err := os.Remove(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
				return err
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, files[name]) {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}
