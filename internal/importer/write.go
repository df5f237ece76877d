package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing/fstest"

	"surveysite/internal/diag"
	"surveysite/internal/tabular"
)

// Request says what to import.
type Request struct {
	Source     string // the project folder
	ID         string // the survey's ID: data/surveys/<ID>/
	Export     string // the export file, as the user named it
	HeaderRows int    // 0: detect
	Sheet      string // .xlsx: the sheet; "" for the first
	Force      bool   // replace files that exist
}

// Import reads an export, infers how to read it and its codebook, and
// writes data/surveys/<ID>/ (the export byte for byte, columns.csv,
// codebook.csv) and content/surveys/<ID>/_index.md. It writes nothing when
// it fails, and replaces no existing file unless Force.
func Import(req Request) (*Plan, error) {
	if !validID(req.ID) {
		return nil, fmt.Errorf("--id %q: use letters, digits, - and _ (for example kanko-2022)", req.ID)
	}
	raw, err := os.ReadFile(req.Export)
	if err != nil {
		return nil, err
	}
	name := filepath.Base(req.Export)
	dir := "data/surveys/" + req.ID
	// Read the rows as the build will: from the copy's place, so messages
	// name the file as it will be.
	fsys := fstest.MapFS{dir + "/" + name: {Data: raw}}
	r, c, err := openRows(fsys, dir+"/"+name, req.Sheet)
	if err != nil {
		return nil, renamePath(err, dir+"/"+name, req.Export)
	}
	var rows [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			c.Close()
			return nil, renamePath(err, dir+"/"+name, req.Export)
		}
		rows = append(rows, append([]string(nil), rec...))
	}
	c.Close()
	plan, err := Infer(rows, Options{HeaderRows: req.HeaderRows})
	if err != nil {
		return nil, diag.Errorf(diag.Pos{Path: req.Export}, "%v", err).WithHint("check that this is the export of the responses")
	}
	files := []struct {
		path string
		data []byte
	}{
		{dir + "/" + name, raw},
		{dir + "/" + ColumnsFile, columnsCSV(plan)},
		{dir + "/codebook.csv", codebookCSV(plan)},
		{"content/surveys/" + req.ID + "/_index.md", surveyPage(plan, req, name)},
	}
	var exist []string
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(req.Source, filepath.FromSlash(f.path))); err == nil {
			exist = append(exist, f.path)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	if len(exist) > 0 && !req.Force {
		return nil, fmt.Errorf("%s already exist; nothing was written (use --force to replace them, or another --id)", strings.Join(exist, ", "))
	}
	// Write every file beside its place, then rename them all.
	var tmps []string
	cleanup := func() {
		for _, t := range tmps {
			os.Remove(t)
		}
	}
	for _, f := range files {
		p := filepath.Join(req.Source, filepath.FromSlash(f.path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			cleanup()
			return nil, err
		}
		t, err := os.CreateTemp(filepath.Dir(p), ".import-*")
		if err != nil {
			cleanup()
			return nil, err
		}
		tmps = append(tmps, t.Name())
		_, err = t.Write(f.data)
		if cerr := t.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Chmod(t.Name(), 0o644)
		}
		if err != nil {
			cleanup()
			return nil, err
		}
	}
	for i, f := range files {
		if err := os.Rename(tmps[i], filepath.Join(req.Source, filepath.FromSlash(f.path))); err != nil {
			cleanup()
			return nil, err
		}
	}
	return plan, nil
}

// renamePath makes a message about the copy name the file the user gave.
func renamePath(err error, from, to string) error {
	var list *diag.List
	var de *diag.Error
	switch {
	case errors.As(err, &de):
		if de.Pos.Path == from {
			de.Pos.Path = to
		}
		return de
	case errors.As(err, &list):
		return err
	}
	return err
}

func validID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

func columnsCSV(p *Plan) []byte {
	var b bytes.Buffer
	w := tabular.NewWriter(&b)
	w.WriteRaw("column", "header", "use", "name", "note")
	for _, c := range p.Columns {
		w.WriteRaw(strconv.Itoa(c.Index), c.Header, c.Use, c.Name, c.Note)
	}
	w.Flush()
	return b.Bytes()
}

// codebookCSV writes the codebook. Labels are written exactly as the export
// has them (they must match its answers), so cells are not neutralised.
func codebookCSV(p *Plan) []byte {
	var b bytes.Buffer
	w := tabular.NewWriter(&b)
	w.WriteRaw("question_id", "type", "max_choices", "question_text", "option_code", "option_label", "option_role",
		"value", "group", "unit", "separator", "bins", "writein")
	for _, q := range p.Questions {
		max := ""
		if q.Max > 0 {
			max = strconv.Itoa(q.Max)
		}
		writein := ""
		if q.WriteIn {
			writein = "yes"
		}
		if len(q.Options) == 0 {
			w.WriteRaw(q.ID, q.Type, max, q.Text, "", "", "", "", q.Group, q.Unit, q.Separator, "", writein)
			continue
		}
		for i, o := range q.Options {
			if i == 0 {
				w.WriteRaw(q.ID, q.Type, max, q.Text, o.Code, o.Label, o.Role, "", q.Group, q.Unit, q.Separator, "", writein)
				continue
			}
			w.WriteRaw(q.ID, "", "", "", o.Code, o.Label, o.Role, "", "", "", "", "", "")
		}
	}
	w.Flush()
	return b.Bytes()
}

// surveyPage writes the survey's page: how to read the export, the
// suggested cross-tabs, the words for no answer, and short titles.
func surveyPage(p *Plan, req Request, name string) []byte {
	q := func(s string) string {
		b, _ := json.Marshal(s)
		return string(b)
	}
	list := func(xs []string) string {
		parts := make([]string, len(xs))
		for i, x := range xs {
			parts[i] = q(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s\n", q(req.ID))
	fmt.Fprintf(&b, "survey: %s\n", q(req.ID))
	if p.Language != "" {
		fmt.Fprintf(&b, "language: %s   # the survey's pages, charts and downloads are in this language\n", p.Language)
	}
	b.WriteString("# How to read the export, as surveysite import found it; data/surveys/" + req.ID + "/columns.csv maps its columns.\n")
	fmt.Fprintf(&b, "export: %s\n", q(name))
	fmt.Fprintf(&b, "header_rows: %d\n", p.HeaderRows)
	if req.Sheet != "" {
		fmt.Fprintf(&b, "sheet: %s\n", q(req.Sheet))
	}
	if len(p.Crosstab) > 0 {
		fmt.Fprintf(&b, "crosstab: %s\n", list(p.Crosstab))
	}
	if len(p.Missing) > 0 {
		fmt.Fprintf(&b, "missing: %s\n", list(p.Missing))
	}
	for _, qq := range p.Questions {
		if qq.Type == "FA" {
			fmt.Fprintf(&b, "# publish_free_text: [%s]   # FA questions whose answers may be published (masked)\n", qq.ID)
			break
		}
	}
	b.WriteString("questions:\n")
	for _, qq := range p.Questions {
		fmt.Fprintf(&b, "  %s: %s\n", qq.ID, q(p.Titles[qq.ID]))
	}
	b.WriteString("---\n")
	if p.Language == "en" {
		fmt.Fprintf(&b, "The results of %s (made by surveysite import from %s). Add the survey's facts (period, population, method, source) to the front matter above.\n", req.ID, name)
		return []byte(b.String())
	}
	fmt.Fprintf(&b, "%s の集計結果です（surveysite import で %s から作成）。調査の概要（調査期間 period、調査対象 population、調査方法 method、出典 source）をこのページの先頭に書き足してください。\n", req.ID, name)
	return []byte(b.String())
}
