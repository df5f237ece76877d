package tabular

import (
	"encoding/csv"
	"io"
	"strings"
)

// Writer writes CSV that Japanese Excel opens correctly and that is safe to
// open: UTF-8 with a byte order mark, CRLF line ends, and cells that begin
// with = + - @ (or a tab or CR) prefixed with a single quote so a spreadsheet
// does not run them as formulas. Numbers written with WriteNumbers are
// left alone, so a negative number stays a number.
type Writer struct {
	w   *csv.Writer
	bom bool
	out io.Writer
	rec []string
}

// NewWriter returns a Writer to w. The byte order mark is written with the
// first record.
func NewWriter(w io.Writer) *Writer {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return &Writer{w: cw, out: w}
}

// Write writes one record of text cells, neutralising formula-like cells.
func (w *Writer) Write(rec ...string) error {
	w.rec = w.rec[:0]
	for _, c := range rec {
		w.rec = append(w.rec, Neutralise(c))
	}
	return w.write(w.rec)
}

// WriteRaw writes one record unchanged. Use it only for cells the program
// made itself (numbers, codes), never for text from input files.
func (w *Writer) WriteRaw(rec ...string) error { return w.write(rec) }

func (w *Writer) write(rec []string) error {
	if !w.bom {
		w.bom = true
		if _, err := io.WriteString(w.out, "\uFEFF"); err != nil {
			return err
		}
	}
	return w.w.Write(rec)
}

// Flush writes any buffered data and returns the first error.
func (w *Writer) Flush() error {
	w.w.Flush()
	return w.w.Error()
}

// Neutralise returns s with a leading single quote if a spreadsheet would
// read it as a formula (OWASP "CSV injection").
func Neutralise(s string) string {
	if s == "" {
		return s
	}
	if strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
