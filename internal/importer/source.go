package importer

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"surveysite/internal/diag"
	"surveysite/internal/survey"
	"surveysite/internal/tabular"
)

// ColumnsFile maps the columns of a raw export to the names the codebook
// uses; it sits beside the export in data/surveys/<id>/.
const ColumnsFile = "columns.csv"

// Uses of a column in ColumnsFile.
const (
	UseID        = "id"        // the respondent ID
	UseAttribute = "attribute" // kept under its name; may be cross-tabulated by
	UseQuestion  = "question"  // a question's column (name: q7 or q7_<code>)
	UseSkip      = "skip"      // not read: timestamps, personal data, empty
)

// Settings say how to read a raw export: they are the survey page's
// export, header_rows and sheet.
type Settings struct {
	Export     string // file name inside data/surveys/<id>/
	HeaderRows int    // rows above the first answer; 0 means 1
	Sheet      string // .xlsx: the sheet; "" means the first
}

// Column is one row of ColumnsFile.
type Column struct {
	Index  int    // 1-based column of the export
	Header string // as the export names it (for people; not checked)
	Use    string
	Name   string
	Note   string
	Pos    diag.Pos // the row in ColumnsFile
}

// ReadColumns reads a ColumnsFile.
func ReadColumns(fsys fs.FS, p string) ([]Column, error) {
	t, err := tabular.ReadTable(fsys, p)
	if t == nil {
		return nil, err
	}
	for _, want := range []string{"column", "use", "name"} { // the header's problems first
		if t.Column(want) < 0 {
			return nil, diag.Errorf(diag.Pos{Path: p, Line: 1, Col: 1}, "%s has no column %q (header: %s)", p, want, strings.Join(t.Header, ",")).
				WithHint("the header must be column,header,use,name,note (surveysite import writes it)")
		}
	}
	if err != nil {
		return nil, err
	}
	var cols []Column
	var list diag.List
	names := map[string]int{}
	ids := 0
	for i, rec := range t.Rows {
		get := func(name string) string {
			if j := t.Column(name); j >= 0 {
				return strings.TrimSpace(rec[j])
			}
			return ""
		}
		at := func(name string) diag.Pos { return t.FieldPos(i, name) }
		col := Column{Header: get("header"), Use: strings.ToLower(get("use")), Name: get("name"), Note: get("note"),
			Pos: diag.Pos{Path: p, Line: t.Lines[i], Col: 1}}
		n, err := strconv.Atoi(get("column"))
		if err != nil || n < 1 {
			list.Add(diag.Errorf(at("column"), "column %q is not a column number of 1 or more", get("column")).
				WithHint("write the export's column as a number, 1 for the first"))
			continue
		}
		col.Index = n
		switch col.Use {
		case UseSkip:
		case UseID:
			ids++
			if ids > 1 {
				list.Add(diag.Errorf(at("use"), "a second column is the id").
					WithHint("mark one column as id, or none (then respondents are numbered by row)"))
			}
		case UseAttribute, UseQuestion:
			if col.Name == "" {
				list.Add(diag.Errorf(at("name"), "column %d has no name", n).
					WithHint("write the question ID (q7, or q7_01 for one option of a question in 0/1 columns) or the attribute's name"))
				continue
			}
			if line, dup := names[col.Name]; dup {
				list.Add(diag.Errorf(at("name"), "name %q is used twice (first on line %d)", col.Name, line).
					WithHint("give every column its own name"))
				continue
			}
			names[col.Name] = t.Lines[i]
		default:
			list.Add(diag.Errorf(at("use"), "unknown use %q (allowed: id, attribute, question, skip)", col.Use).
				WithHint("write question for answers, attribute for 年代 and the like, skip for columns not to read"))
			continue
		}
		cols = append(cols, col)
	}
	if err := list.Err(); err != nil {
		return nil, err
	}
	return cols, nil
}

// rows reads an export's raw rows with positions: a CSV through tabular,
// or one sheet of an .xlsx workbook.
type rows interface {
	Read() ([]string, error)
	FieldPos(i int) diag.Pos
	Line() int
	// Keep and KeptPos keep the positions of the row last read, so that a
	// survey is tallied while later rows are read (survey's keeper).
	Keep(k *tabular.Kept)
	KeptPos(k *tabular.Kept, i int) diag.Pos
}

// openRows opens an export file.
func openRows(fsys fs.FS, p, sheet string) (rows, io.Closer, error) {
	if strings.EqualFold(path.Ext(p), ".xlsx") {
		return openXLSX(fsys, p, sheet)
	}
	r, c, err := tabular.Open(fsys, p)
	if err != nil {
		return nil, nil, err
	}
	return &csvRows{r}, c, nil
}

// csvRows reads a CSV export; rows may differ in length (tabular's check
// of equal lengths is for files surveysite's users write).
type csvRows struct{ r *tabular.Reader }

func (c *csvRows) Read() ([]string, error) { return c.r.Read() }
func (c *csvRows) FieldPos(i int) diag.Pos { return c.r.FieldPos(i) }
func (c *csvRows) Line() int               { return c.r.Line() }
func (c *csvRows) Keep(k *tabular.Kept)    { c.r.Keep(k) }
func (c *csvRows) KeptPos(k *tabular.Kept, i int) diag.Pos {
	return c.r.KeptPos(k, i)
}

// xlsxRows streams one sheet of a workbook. Positions are row:column of
// the sheet.
type xlsxRows struct {
	path string
	f    *excelize.File
	rs   *excelize.Rows
	row  int
}

func openXLSX(fsys fs.FS, p, sheet string) (rows, io.Closer, error) {
	fh, err := fsys.Open(p)
	if err != nil {
		return nil, nil, err
	}
	defer fh.Close()
	var f *excelize.File
	err = diag.Guard(diag.Pos{Path: p, Line: 1}, "the workbook", func() error {
		var err error
		f, err = excelize.OpenReader(fh)
		return err
	})
	if err != nil {
		var de *diag.Error
		if errors.As(err, &de) {
			return nil, nil, err
		}
		return nil, nil, diag.Errorf(diag.Pos{Path: p}, "cannot read the workbook: %v", err).
			WithHint("save the file again from Excel as .xlsx, or export it as CSV")
	}
	sheets := f.GetSheetList()
	if sheet == "" && len(sheets) > 0 {
		sheet = sheets[0]
	}
	rs, err := f.Rows(sheet)
	if err != nil {
		f.Close()
		return nil, nil, diag.Errorf(diag.Pos{Path: p}, "the workbook has no sheet %q (sheets: %s)", sheet, strings.Join(sheets, ", ")).
			WithHint("name one of its sheets with --sheet, or sheet: in the survey's page")
	}
	x := &xlsxRows{path: p, f: f, rs: rs}
	return x, closerFunc(func() error { rs.Close(); return f.Close() }), nil
}

type closerFunc func() error

func (c closerFunc) Close() error { return c() }

func (x *xlsxRows) Read() (_ []string, err error) {
	// excelize parses each row's XML as it is read.
	defer diag.Catch(&err, diag.Pos{Path: x.path, Line: x.row + 1}, "the workbook's row")
	if !x.rs.Next() {
		if err := x.rs.Error(); err != nil {
			return nil, diag.Errorf(diag.Pos{Path: x.path, Line: x.row + 1}, "cannot read the row: %v", err).
				WithHint("save the file again from Excel as .xlsx, or export it as CSV")
		}
		return nil, io.EOF
	}
	x.row++
	cols, err := x.rs.Columns()
	if err != nil {
		return nil, diag.Errorf(diag.Pos{Path: x.path, Line: x.row}, "cannot read the row: %v", err).
			WithHint("save the file again from Excel as .xlsx, or export it as CSV")
	}
	return cols, nil
}

func (x *xlsxRows) FieldPos(i int) diag.Pos { return diag.Pos{Path: x.path, Line: x.row, Col: i + 1} }
func (x *xlsxRows) Line() int               { return x.row }
func (x *xlsxRows) Keep(k *tabular.Kept)    { k.KeepLine(x.path, x.row) }
func (x *xlsxRows) KeptPos(k *tabular.Kept, i int) diag.Pos {
	return diag.Pos{Path: x.path, Line: k.Line(), Col: i + 1}
}

// Source returns the responses of a raw export read through its columns:
// the header is respondent_id (the id column's values, or row numbers from
// 1 when none is the id) and then every attribute and question column by
// name. Positions are those of the export.
func Source(fsys fs.FS, dir string, s Settings, cols []Column) survey.Source {
	p := dir + "/" + s.Export
	return survey.Source{Path: p, Open: func() (survey.Records, io.Closer, error) {
		r, c, err := openRows(fsys, p, s.Sheet)
		if err != nil {
			return nil, nil, err
		}
		m := &mapped{r: r, skip: max(s.HeaderRows, 1), id: -1}
		m.head = []string{survey.IDColumn}
		for _, col := range cols {
			switch col.Use {
			case UseID:
				m.id = col.Index - 1
			case UseAttribute, UseQuestion:
				m.cols = append(m.cols, col.Index-1)
				m.head = append(m.head, col.Name)
			}
		}
		m.out = make([]string, len(m.head))
		return m, c, nil
	}}
}

// mapped reads an export's rows as survey.Records.
type mapped struct {
	r    rows
	skip int      // header rows
	id   int      // 0-based column of the ID; -1 for row numbers
	cols []int    // 0-based export column of each output column after the ID
	head []string // output header
	out  []string
	n    int // data rows read
}

func (m *mapped) Header() ([]string, error) {
	for k := range m.skip {
		rec, err := m.r.Read()
		if err == nil && k == m.skip-1 {
			for _, i := range append([]int{m.id}, m.cols...) {
				if i >= len(rec) && m.width(rec) {
					return nil, diag.Errorf(diag.Pos{Path: m.r.FieldPos(0).Path, Line: m.r.Line(), Col: 1},
						"%s names column %d, but the export has %d", ColumnsFile, i+1, len(rec)).
						WithHint("check the column numbers in %s against the export, or run surveysite import again with --force", ColumnsFile)
				}
			}
		}
		if err != nil {
			if err == io.EOF {
				return nil, diag.Errorf(diag.Pos{Path: m.r.FieldPos(0).Path, Line: 1}, "the export has fewer than %d header rows", m.skip).
					WithHint("check header_rows in the survey's page")
			}
			return nil, err
		}
	}
	return m.head, nil
}

// width reports whether rows of the export keep their width (CSV): an
// .xlsx row leaves out empty cells at its end.
func (m *mapped) width(rec []string) bool {
	_, ok := m.r.(*csvRows)
	return ok
}

func (m *mapped) Read() ([]string, error) {
	rec, err := m.r.Read()
	if err != nil {
		return nil, err
	}
	m.n++
	cell := func(i int) string {
		if i < len(rec) {
			return rec[i]
		}
		return ""
	}
	if m.id >= 0 {
		m.out[0] = cell(m.id)
	} else {
		m.out[0] = strconv.Itoa(m.n)
	}
	for j, i := range m.cols {
		m.out[j+1] = cell(i)
	}
	return m.out, nil
}

func (m *mapped) FieldPos(i int) diag.Pos { return m.pos(m.r.FieldPos, i) }

// Keep and KeptPos make m a survey's keeper of rows.
func (m *mapped) Keep(k *tabular.Kept) { m.r.Keep(k) }
func (m *mapped) KeptPos(k *tabular.Kept, i int) diag.Pos {
	return m.pos(func(j int) diag.Pos { return m.r.KeptPos(k, j) }, i)
}

// pos returns the position of field i of m's records from at, the
// positions of the export's fields.
func (m *mapped) pos(at func(int) diag.Pos, i int) diag.Pos {
	switch {
	case i == 0 && m.id < 0:
		p := at(0)
		p.Col = 1
		return p
	case i == 0:
		return at(m.id)
	}
	return at(m.cols[i-1])
}

func (m *mapped) Line() int { return m.r.Line() }

// String describes the source for messages.
func (s Settings) String() string {
	return fmt.Sprintf("%s (%d header rows)", s.Export, max(s.HeaderRows, 1))
}
