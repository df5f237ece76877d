// Package tabular reads CSV files as Japanese offices write them: UTF-8,
// UTF-8 with a byte order mark, UTF-16 with a byte order mark, or
// Shift_JIS/CP932 (what Excel saves as "CSV"), detected automatically.
// Every record and field keeps its real position in the file, so problems are
// reported as path:line:col even after quoted cells with line breaks:
// Reader streams a large file, and a Table holds a small one whole with the
// position of every cell (and gives gocsv its records, Table.Records).
package tabular

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"surveysite/internal/diag"
)

// Encoding names the character encoding a file was read with.
type Encoding string

// The encodings Reader detects.
const (
	UTF8    Encoding = "UTF-8"
	UTF8BOM Encoding = "UTF-8 (BOM)"
	UTF16   Encoding = "UTF-16 (BOM)"
	CP932   Encoding = "Shift_JIS (CP932)"
)

// sniffSize is how much of a file decides its encoding.
const sniffSize = 64 << 10

// Reader reads CSV records and reports positions. It streams: memory does not
// grow with the number of records.
//
// Lines are split here while they are simple: cells between commas, each
// either without a double quote or wholly in double quotes with none inside
// (most exports, those that quote every cell too); from the first line that
// is not, such as one with "" or a line break in a cell, encoding/csv reads
// that line and the rest of the file. A simple line is a record of those
// cells to encoding/csv too, less the line break (LF, CR LF, or a CR at the
// end of the file), and an empty line is none: FuzzPlainLinesAsEncodingCSV
// holds the two equal.
type Reader struct {
	Path      string   // slash-separated, project-relative
	Encoding  Encoding // as detected
	src       *bufio.Reader
	lines     int      // lines split here
	line      int      // the line of plain
	recLine   int      // the line of the record last read; 0 before the first
	plain     []string // the record split here last, reused
	quoted    []int    // with a quoted cell in plain: each cell's byte column; else empty
	allQuoted bool     // every cell of plain was quoted
	checked   bool     // the line of plain was valid text as a whole
	csv       *csv.Reader
	csvLines  int      // lines before the first that csv reads
	fromCSV   bool     // csv has read a record, or failed to
	cols      int      // fields in the header; 0 before the first record
	last      []string // the record last read, to count columns in characters
	// reopen, if set, opens the file again: a syntax error's column, which
	// encoding/csv counts in bytes, is counted in characters from the line
	// read again. Errors are rare, so the file is not kept meanwhile.
	reopen func() (io.ReadCloser, error)
}

// NewReader detects the encoding of r and returns a Reader for it. path is
// used in positions only.
func NewReader(path string, r io.Reader) (*Reader, error) {
	enc, src, err := decode(path, r)
	if err != nil {
		return nil, err
	}
	br, ok := src.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(src, sniffSize)
	}
	return &Reader{Path: path, Encoding: enc, src: br}, nil
}

// toCSV hands line, the line just read from r.src, and the rest of the text
// to encoding/csv.
func (r *Reader) toCSV(line []byte) {
	rest := io.MultiReader(bytes.NewReader(bytes.Clone(line)), r.src)
	r.csv = csv.NewReader(bufio.NewReaderSize(rest, sniffSize))
	r.csv.FieldsPerRecord = -1 // checked here, to word the message
	r.csv.ReuseRecord = true
	r.csvLines = r.lines
}

// readPlain reads the next record while every line has been simple. At the
// first line that is not, or is longer than the buffer, it hands that line
// and the rest to encoding/csv and returns nil, nil.
func (r *Reader) readPlain() ([]string, error) {
	for {
		line, err := r.src.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			r.toCSV(line)
			return nil, nil
		}
		if err != nil && err != io.EOF {
			return nil, err
		}
		if len(line) == 0 {
			return nil, io.EOF
		}
		r.lines++
		// As encoding/csv: a CR before the end of the file is dropped, and
		// CR LF is a line break.
		n := len(line)
		if line[n-1] == '\r' && err == io.EOF {
			n--
		} else if line[n-1] == '\n' {
			n--
			if n > 0 && line[n-1] == '\r' {
				n--
			}
		}
		if n == 0 {
			continue // an empty line is no record
		}
		if bytes.IndexByte(line[:n], '"') >= 0 {
			if !r.splitQuoted(line[:n]) {
				r.lines--
				r.toCSV(line)
				return nil, nil
			}
		} else {
			r.split(string(line[:n]))
		}
		line = line[:n]
		if r.decoded() {
			r.checked = !bytes.Contains(line, []byte(string(utf8.RuneError)))
		} else {
			r.checked = utf8.Valid(line)
		}
		r.line = r.lines
		return r.plain, nil
	}
}

// split makes r.plain the cells of s, a line without double quotes.
func (r *Reader) split(s string) {
	rec := r.plain[:0]
	for {
		i := 0
		for i < len(s) && s[i] != ',' {
			i++
		}
		if i == len(s) {
			rec = append(rec, s)
			break
		}
		rec = append(rec, s[:i])
		s = s[i+1:]
	}
	r.plain, r.quoted = rec, r.quoted[:0]
}

// splitQuoted makes r.plain the cells of line, and r.quoted their columns,
// if each cell is either without a double quote or in double quotes with
// none inside; it reports false, changing neither, for any other line.
func (r *Reader) splitQuoted(line []byte) bool {
	// Check first, so that a line left to encoding/csv costs no string.
	for i := 0; ; i++ {
		if i < len(line) && line[i] == '"' {
			j := bytes.IndexByte(line[i+1:], '"')
			if j < 0 {
				return false // the cell goes on after the line break, or is not closed
			}
			i += 1 + j + 1 // after the closing quote
			if i < len(line) && line[i] != ',' {
				return false // "" inside, or text after the closing quote
			}
		} else {
			for i < len(line) && line[i] != ',' {
				if line[i] == '"' {
					return false
				}
				i++
			}
		}
		if i >= len(line) {
			break
		}
	}
	s := string(line)
	rec, cols := r.plain[:0], r.quoted[:0]
	r.allQuoted = true
	for i := 0; ; i++ {
		cols = append(cols, i+1)
		r.allQuoted = r.allQuoted && i < len(s) && s[i] == '"'
		if i < len(s) && s[i] == '"' {
			j := i + 1 + strings.IndexByte(s[i+1:], '"')
			rec = append(rec, s[i+1:j])
			i = j + 1
		} else {
			j := i
			for j < len(s) && s[j] != ',' {
				j++
			}
			rec = append(rec, s[i:j])
			i = j
		}
		if i >= len(s) {
			break
		}
	}
	r.plain, r.quoted = rec, cols
	return true
}

// fieldPos is the line and byte column of field i of the record last read
// (or being checked).
func (r *Reader) fieldPos(i int) (line, col int) {
	if r.fromCSV {
		line, col = r.csv.FieldPos(i)
		return r.csvLines + line, col
	}
	if len(r.quoted) > 0 {
		return r.line, r.quoted[i]
	}
	col = 1
	for _, f := range r.plain[:i] {
		col += len(f) + 1
	}
	return r.line, col
}

// decode detects the encoding of r and returns r as UTF-8 text.
func decode(path string, r io.Reader) (Encoding, io.Reader, error) {
	br := bufio.NewReaderSize(r, sniffSize)
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return "", nil, fmt.Errorf("read %s: %w", path, err)
	}
	enc, src := detect(head, br)
	return enc, src, nil
}

// Open opens path in fsys and returns a Reader and the file to close.
func Open(fsys fs.FS, path string) (*Reader, io.Closer, error) {
	f, err := fsys.Open(path)
	if err != nil {
		return nil, nil, err
	}
	r, err := NewReader(path, f)
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	r.reopen = func() (io.ReadCloser, error) { return fsys.Open(path) }
	return r, f, nil
}

func detect(head []byte, br *bufio.Reader) (Encoding, io.Reader) {
	switch {
	case len(head) >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF:
		br.Discard(3)
		return UTF8BOM, br
	case len(head) >= 2 && (head[0] == 0xFF && head[1] == 0xFE || head[0] == 0xFE && head[1] == 0xFF):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		return UTF16, transform.NewReader(br, dec)
	case validUTF8Prefix(head):
		return UTF8, br
	}
	return CP932, transform.NewReader(br, japanese.ShiftJIS.NewDecoder())
}

// validUTF8Prefix reports whether b is valid UTF-8, allowing a rune cut off at
// the end of the sniffed window.
func validUTF8Prefix(b []byte) bool {
	if utf8.Valid(b) {
		return true
	}
	if len(b) < sniffSize {
		return false // the whole file was sniffed: nothing was cut off
	}
	// A rune of up to 4 bytes may be cut off at the end of the window.
	for i := 1; i <= 3 && i < len(b); i++ {
		if utf8.Valid(b[:len(b)-i]) {
			return true
		}
	}
	return false
}

// Read returns the next record. The slice is reused by the next call. Errors
// are *diag.Error with the file's real line and column; io.EOF ends the file.
// Every record must have as many fields as the first.
func (r *Reader) Read() ([]string, error) {
	rec, err := r.read()
	if err != nil {
		if err == io.EOF {
			return nil, io.EOF
		}
		return nil, r.parseError(err)
	}
	if r.cols == 0 {
		r.cols = len(rec)
	} else if len(rec) != r.cols {
		line, _ := r.fieldPos(0)
		return nil, diag.Errorf(diag.Pos{Path: r.Path, Line: line, Col: 1},
			"this row has %d cells but the header has %d", len(rec), r.cols).
			WithHint("check for a missing or extra comma, or a cell with a comma or line break that is not in double quotes")
	}
	r.last = rec
	if !r.fromCSV && r.checked {
		return rec, nil
	}
	if r.decoded() {
		for i, f := range rec {
			if strings.ContainsRune(f, utf8.RuneError) {
				return nil, r.badText(i)
			}
		}
		return rec, nil
	}
	for i, f := range rec {
		if !utf8.ValidString(f) {
			return nil, r.badText(i)
		}
	}
	return rec, nil
}

// read reads the next record. The text decoders of golang.org/x/text run
// inside it, so a panic in one is reported at the line after the last
// record read, not as a crash.
func (r *Reader) read() (rec []string, err error) {
	defer func() {
		if p := recover(); p != nil {
			rec, err = nil, diag.Panicked(diag.Pos{Path: r.Path, Line: r.lineAfter()}, "the CSV file", p)
		}
	}()
	if r.csv == nil {
		if rec, err = r.readPlain(); rec != nil || err != nil {
			r.fromCSV = false
			if rec != nil {
				r.recLine = r.line
			}
			return rec, err
		}
	}
	rec, err = r.csv.Read()
	r.fromCSV = true // positions are csv's from its first record on, even one in error
	if err == nil {
		r.recLine, _ = r.fieldPos(0)
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		pe.StartLine += r.csvLines
		pe.Line += r.csvLines
	}
	return rec, err
}

// lineAfter is the line after the record last read, where a decoder's
// panic is reported: 1 before the first. (Not from Line: encoding/csv has
// no positions while it reads a record, and its FieldPos panics then.)
func (r *Reader) lineAfter() int { return r.recLine + 1 }

// decoded reports whether the file was decoded into UTF-8 (CP932, UTF-16),
// where a bad byte becomes U+FFFD, rather than read as UTF-8.
func (r *Reader) decoded() bool { return r.Encoding == CP932 || r.Encoding == UTF16 }

// badText is the error for field i of the record last read, whose text
// Read found invalid in the file's encoding.
func (r *Reader) badText(i int) error {
	if r.decoded() {
		return diag.Errorf(r.FieldPos(i), "this cell has bytes that are not valid %s", r.Encoding).
			WithHint("save the file again as \"CSV UTF-8\" (or \"CSV\" in Japanese Excel) and rebuild")
	}
	return diag.Errorf(r.FieldPos(i), "this cell is not valid UTF-8, although the start of the file is").
		WithHint("the file mixes encodings: save it again as \"CSV UTF-8\" and rebuild")
}

func (r *Reader) parseError(err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return fmt.Errorf("read %s: %w", r.Path, err)
	}
	pos := diag.Pos{Path: r.Path, Line: pe.Line, Col: r.lineCharCol(pe.Line, pe.Column)}
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return &diag.Error{Pos: pos, Err: err, Msg: `a double quote (") stands inside a cell that does not start with one`,
			Hint: `put the whole cell in double quotes and write each " inside it twice ("")`}
	case errors.Is(pe.Err, csv.ErrQuote):
		return &diag.Error{Pos: diag.Pos{Path: r.Path, Line: pe.StartLine, Col: 1}, Err: err,
			Msg:  fmt.Sprintf("the quoted cell that starts on this line is not closed properly (found on line %d)", pe.Line),
			Hint: `add the closing double quote, or write each " inside the cell twice ("")`}
	}
	return &diag.Error{Pos: pos, Msg: pe.Err.Error(), Err: err}
}

// lineCharCol turns byteCol, a 1-based byte column on line of the decoded
// text, into a character column by reading the file again up to that line.
// Without a way to reopen the file, it returns byteCol.
func (r *Reader) lineCharCol(line, byteCol int) int {
	if r.reopen == nil || line < 1 || byteCol < 1 {
		return byteCol
	}
	f, err := r.reopen()
	if err != nil {
		return byteCol
	}
	defer f.Close()
	_, src, err := decode(r.Path, f)
	if err != nil {
		return byteCol
	}
	br := bufio.NewReader(src)
	for n := 1; ; n++ {
		text, err := br.ReadString('\n')
		if n == line {
			text = text[:min(byteCol-1, len(text))]
			return utf8.RuneCountInString(text) + 1
		}
		if err != nil {
			return byteCol
		}
	}
}

// FieldPos returns the position of field i of the record last read. The
// column counts characters, as editors do, not bytes.
func (r *Reader) FieldPos(i int) diag.Pos {
	line, col := r.fieldPos(i)
	start, _ := r.fieldPos(0)
	return diag.Pos{Path: r.Path, Line: line, Col: charCol(r.last, i, start, line, col)}
}

// charCol turns the byte column of field i of rec, a record that starts on
// line start, into a character column, using the record's fields: the
// bytes before field i are the earlier fields, their commas and whatever
// quoting they had, and only the fields are not ASCII. Fields after a line
// break inside a quoted cell keep the byte column.
func charCol(rec []string, i, start, line, byteCol int) int {
	if rec == nil || i > len(rec) || line != start {
		return byteCol
	}
	extra := 0 // bytes that are more than one per character
	for _, f := range rec[:i] {
		if strings.IndexByte(f, '\n') >= 0 {
			return byteCol
		}
		extra += len(f) - utf8.RuneCountInString(f)
	}
	return byteCol - extra
}

// Kept holds the positions of one record after later ones are read: what
// Reader.Keep keeps, so that the record's cells can be reported while the
// file is read on.
type Kept struct {
	path        string
	rec         []string
	lines, cols []int
	// plain records, on one line and without quotes (most), keep only the
	// first cell's position: each later cell starts after the one before
	// and a comma of comma bytes.
	plain bool
	comma int
}

// Keep keeps the positions of the record last read in k, reusing its
// memory.
func (r *Reader) Keep(k *Kept) {
	k.path = r.Path
	k.rec = append(k.rec[:0], r.last...)
	k.lines, k.cols = k.lines[:0], k.cols[:0]
	k.plain = false
	if n := len(r.last); n > 0 {
		// A quoted cell, or one that lost a byte to reading (a line feed
		// for a CR LF), takes more bytes in the file than in the record,
		// so the last cell starts where the record's lengths say only if
		// no cell before it did.
		if !r.fromCSV {
			// A line split here: cells one comma apart, or each in quotes
			// and so a comma and two quotes apart.
			switch {
			case len(r.quoted) == 0:
				k.lines, k.cols = append(k.lines, r.line), append(k.cols, 1)
				k.plain, k.comma = true, 1
				return
			case r.allQuoted:
				k.lines, k.cols = append(k.lines, r.line), append(k.cols, 1)
				k.plain, k.comma = true, 3
				return
			}
			for _, col := range r.quoted {
				k.lines = append(k.lines, r.line)
				k.cols = append(k.cols, col)
			}
			return
		}
		line, col := r.fieldPos(0)
		lastLine, lastCol := r.fieldPos(n - 1)
		comma := utf8.RuneLen(r.csv.Comma)
		end := col
		for _, f := range r.last[:n-1] {
			end += len(f) + comma
		}
		if lastLine == line && lastCol == end {
			k.lines, k.cols = append(k.lines, line), append(k.cols, col)
			k.plain, k.comma = true, comma
			return
		}
	}
	for i := range r.last {
		line, col := r.fieldPos(i)
		k.lines = append(k.lines, line)
		k.cols = append(k.cols, col)
	}
}

// KeepLine keeps in k only the line of a record of path, for records
// whose fields' positions follow from it (a sheet's row).
func (k *Kept) KeepLine(path string, line int) {
	k.path, k.rec = path, k.rec[:0]
	k.lines, k.cols = append(k.lines[:0], line), k.cols[:0]
	k.plain = false
}

// KeptPos is k.FieldPos(i): with it a Reader is a survey's keeper of rows.
func (r *Reader) KeptPos(k *Kept, i int) diag.Pos { return k.FieldPos(i) }

// FieldPos is Reader.FieldPos for the record kept. After KeepLine it is
// the line alone.
func (k *Kept) FieldPos(i int) diag.Pos {
	if k.plain && i < len(k.rec) {
		col := k.cols[0]
		for _, f := range k.rec[:i] {
			col += len(f) + k.comma
		}
		return diag.Pos{Path: k.path, Line: k.lines[0], Col: charCol(k.rec, i, k.lines[0], k.lines[0], col)}
	}
	if k.plain || i >= len(k.cols) {
		return diag.Pos{Path: k.path, Line: k.Line()}
	}
	return diag.Pos{Path: k.path, Line: k.lines[i], Col: charCol(k.rec, i, k.lines[0], k.lines[i], k.cols[i])}
}

// Record returns the record kept; it is reused by the next Keep into k.
func (k *Kept) Record() []string { return k.rec }

// Line is Reader.Line for the record kept.
func (k *Kept) Line() int { return k.lines[0] }

// Line returns the line on which the record last read starts.
func (r *Reader) Line() int {
	line, _ := r.fieldPos(0)
	return line
}

// Header reads the first record as column names: trimmed, not empty and not
// repeated. It returns a copy the caller may keep.
func (r *Reader) Header() ([]string, error) {
	rec, err := r.Read()
	if err == io.EOF {
		return nil, diag.Errorf(diag.Pos{Path: r.Path}, "the file is empty; it needs a header row").
			WithHint("add a first row with the column names")
	}
	if err != nil {
		return nil, err
	}
	head := make([]string, len(rec))
	seen := map[string]int{}
	var list diag.List
	for i, f := range rec {
		head[i] = strings.TrimSpace(f)
		if head[i] == "" {
			list.Add(diag.Errorf(r.FieldPos(i), "column %d has no name in the header row", i+1).
				WithHint("give every column a name in the first row, or delete the empty column"))
			continue
		}
		if j, ok := seen[head[i]]; ok {
			list.Add(diag.Errorf(r.FieldPos(i), "column name %q is used twice (columns %d and %d)", head[i], j+1, i+1).
				WithHint("rename one of the two columns"))
			continue
		}
		seen[head[i]] = i
	}
	if err := list.Err(); err != nil {
		return nil, err
	}
	return head, nil
}
