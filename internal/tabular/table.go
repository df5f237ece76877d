package tabular

import (
	"io"
	"io/fs"
	"strings"

	"surveysite/internal/diag"
)

// Table is a whole CSV file: its header and rows, with the line each row
// starts on and the position of every cell.
type Table struct {
	Path      string
	Encoding  Encoding
	Header    []string
	Rows      [][]string
	Lines     []int        // Lines[i]: the line row i starts on
	HeaderPos []diag.Pos   // of each cell of the header row
	Pos       [][]diag.Pos // Pos[i][j]: cell j of row i
}

// ReadTable reads a whole CSV file from fsys. The header row's names must
// be given and differ (Reader.Header). Use it for small files (data tables
// for templates, codebooks, participant lists); stream large ones with
// Reader. After a problem in a row it returns the table as far as it was
// read, header and all, with the error, so that a caller can check the
// header's columns first, as a reader that streams would.
func ReadTable(fsys fs.FS, path string) (*Table, error) {
	return readTable(fsys, path, true)
}

// ReadRecords reads a whole CSV file as ReadTable does, but takes the
// header row as it is, only trimmed: the caller checks its names, in its
// own words.
func ReadRecords(fsys fs.FS, path string) (*Table, error) {
	return readTable(fsys, path, false)
}

func readTable(fsys fs.FS, path string, checkHeader bool) (*Table, error) {
	r, c, err := Open(fsys, path)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	t := &Table{Path: path, Encoding: r.Encoding}
	if checkHeader {
		t.Header, err = r.Header()
	} else {
		t.Header, err = r.Read()
		if err == io.EOF {
			return t, nil
		}
		t.Header = append([]string(nil), t.Header...)
		for i, h := range t.Header {
			t.Header[i] = strings.TrimSpace(h)
		}
	}
	if err != nil {
		return nil, err
	}
	t.HeaderPos = r.fieldPositions()
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return t, nil
		}
		if err != nil {
			return t, err
		}
		t.Rows = append(t.Rows, append([]string(nil), rec...))
		t.Lines = append(t.Lines, r.Line())
		t.Pos = append(t.Pos, r.fieldPositions())
	}
}

// fieldPositions returns the position of every field of the record last
// read.
func (r *Reader) fieldPositions() []diag.Pos {
	ps := make([]diag.Pos, len(r.last))
	for i := range ps {
		ps[i] = r.FieldPos(i)
	}
	return ps
}

// Column returns the index of the column called name, or -1.
func (t *Table) Column(name string) int {
	for i, h := range t.Header {
		if h == name {
			return i
		}
	}
	return -1
}

// FieldPos returns the position of the cell of row i under the column
// called col; the start of the row if there is no such column.
func (t *Table) FieldPos(i int, col string) diag.Pos {
	ps := t.Pos[i]
	if j := t.Column(col); j >= 0 && j < len(ps) {
		return ps[j]
	}
	return diag.Pos{Path: t.Path, Line: t.Lines[i], Col: 1}
}

// Records returns a reader of the table's header and then its rows, in the
// shape of gocsv's CSVReader. The records are the table's own: a caller
// must not change them.
func (t *Table) Records() *Records { return &Records{t: t, next: -1} }

// Records reads the header and rows of a Table again, one at a time.
type Records struct {
	t    *Table
	next int // the row Read returns next; -1: the header
}

// Read returns the next record, or io.EOF after the last row. A table with
// no header has no records.
func (r *Records) Read() ([]string, error) {
	if r.t.Header == nil || r.next >= len(r.t.Rows) {
		return nil, io.EOF
	}
	i := r.next
	r.next++
	if i < 0 {
		return r.t.Header, nil
	}
	return r.t.Rows[i], nil
}

// ReadAll returns the records not read yet.
func (r *Records) ReadAll() ([][]string, error) {
	var out [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		out = append(out, rec)
	}
}
