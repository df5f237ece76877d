package tabular

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"

	"surveysite/internal/diag"
)

// FuzzReader checks that reading any bytes never panics and that every
// error is a diag.Error positioned on a line of the file (or the line after
// its last, where an unclosed quote is found at the end).
func FuzzReader(f *testing.F) {
	seeds := []string{
		"",
		"a",
		"a,b\n1,2\n",
		sample,
		"\uFEFF" + sample,
		string(utf16le(sample)),
		"\xfe\xff\x00a\x00,\x00b\x00\n",
		"\xff\xfe\x00\xd8\n\x00",
		"a,b\n\"x\ny\",1\n2\n",
		"a,b\n1,x\"y\n",
		"a,b\n1,\"xy\n2,3\n",
		"a,b,a\n",
		"a,,c\n",
		"a,b\n\x82\xa0,\x82\n",
		"a,b\r\n\"\r\n\"\"\",\r\r\n",
		"\"",
		"\n\n\n",
		"a,b,c\n1,\"2\",3\n\"x\"\"y\",,z\n日本,語,\"改\n行\"\n",
	}
	if sjis, err := japanese.ShiftJIS.NewEncoder().String(sample); err == nil {
		seeds = append(seeds, sjis)
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewReader("d.csv", bytes.NewReader(data))
		if err != nil {
			t.Fatalf("NewReader on an in-memory file: %v", err)
		}
		lines := strings.Count(decoded(t, r.Encoding, data), "\n") + 1
		check := func(err error) {
			t.Helper()
			var items []*diag.Error
			var list *diag.List
			var de *diag.Error
			switch {
			case errors.As(err, &list):
				items = list.Items()
			case errors.As(err, &de):
				items = []*diag.Error{de}
			default:
				t.Fatalf("error %T %v is neither a *diag.Error nor a *diag.List", err, err)
			}
			for _, e := range items {
				if e.More > 0 && e.Pos.Path == "d.csv" && e.Pos.Line == 0 {
					continue // "N more errors not shown": a line about the file, not a place in it
				}
				if e.Pos.Path != "d.csv" || e.Pos.Line < 1 || e.Pos.Line > lines+1 {
					t.Fatalf("problem at %v, file has %d lines: %s", e.Pos, lines, e.Msg)
				}
			}
		}
		_, err = r.Header()
		if err != nil {
			var de *diag.Error
			if errors.As(err, &de) && de.Pos.Line == 0 && strings.HasPrefix(de.Msg, "the file is empty") {
				return // the one problem of the whole file, which has no line
			}
			check(err)
		}
		var k Kept
		for range 10000 { // a bound, in case Read stopped making progress
			rec, err := r.Read()
			if err == io.EOF {
				return
			}
			if err != nil {
				check(err)
				continue
			}
			// The positions kept are those the reader gives.
			r.Keep(&k)
			for i := range rec {
				if got, want := k.FieldPos(i), r.FieldPos(i); got != want {
					t.Fatalf("kept position of cell %d of %q is %v, want %v", i, rec, got, want)
				}
			}
			if got := k.FieldPos(len(rec)); k.Line() != r.Line() || got != (diag.Pos{Path: "d.csv", Line: r.Line()}) {
				t.Fatalf("kept line %d and position past the cells %v, want line %d", k.Line(), got, r.Line())
			}
		}
		t.Fatalf("no io.EOF after 10000 reads of %d bytes", len(data))
	})
}

// decoded returns data as text in enc, to count its lines as encoding/csv
// does.
func decoded(t *testing.T, enc Encoding, data []byte) string {
	t.Helper()
	var s []byte
	var err error
	switch enc {
	case UTF8BOM:
		s = data[3:]
	case UTF16:
		s, err = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
	case CP932:
		s, err = japanese.ShiftJIS.NewDecoder().Bytes(data)
	default:
		s = data
	}
	if err != nil {
		t.Fatalf("decode as %s: %v", enc, err)
	}
	return string(s)
}

// FuzzPlainLinesAsEncodingCSV checks that the lines Reader splits itself
// read as encoding/csv reads them: the same records, errors and positions
// as a Reader that gives every line to encoding/csv.
func FuzzPlainLinesAsEncodingCSV(f *testing.F) {
	seeds := []string{
		"",
		"a,b\n1,2\n",
		"a,b\r\n1,2\r\n",
		"a,b\n1,2",
		"a,b\n1,2\r",
		"a,b\n1,2\r\r",
		"a\rb,c\r\r\n,\n",
		"\n\r\n\na,b\n\n1,2\n\r",
		"a,b\n1,2,3\n4\n",
		"a,b\n1,\"2\"\n3,4\n",
		"a,b\n1,x\"y\n3,4\n",
		"a,b\n1,\"x\ny\"\n3\n4,5\n",
		"\"a\",b\n1,2\n",
		"\"a\",\"b\"\r\n\"1\",\"\"\r\n\"\",2\r\n\"x,y\",\"日本\"\r\n",
		"a,b\n\"1\"2,3\n",
		"a,b\n\"1\" ,3\n",
		"a,b\n \"1\",3\n",
		"a,b\n\"1\"\"2\",3\n4,5\n",
		"a,b\n\"1,\n2\",3\n4,5\n",
		"a,b\n1,\"2\n",
		"a,b\n1,\"2\"\r",
		"a,b\n\"1\",\n,\"\"\n",
		"a,b\n\xff,2\n日本,語\n",
		"a,b\n" + strings.Repeat("x", 70000) + ",1\n2,3\n",
		sample,
		"\uFEFF" + sample,
		string(utf16le(sample)),
	}
	if sjis, err := japanese.ShiftJIS.NewEncoder().String(sample + "\x82\n"); err == nil {
		seeds = append(seeds, sjis)
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := NewReader("d.csv", bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		want, err := NewReader("d.csv", bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		want.toCSV(nil)
		for n := 0; ; n++ {
			if n > 10000 {
				t.Fatalf("no io.EOF after 10000 reads of %d bytes", len(data))
			}
			grec, gerr := got.Read()
			wrec, werr := want.Read()
			if fmt.Sprint(gerr) != fmt.Sprint(werr) {
				t.Fatalf("read %d: error %v, encoding/csv's %v", n, gerr, werr)
			}
			// (Before a first record encoding/csv's FieldPos panics; the
			// lines split here give 0.)
			if g, w := lineOrPanic(got), lineOrPanic(want); g != w && !strings.HasPrefix(w, "panic: ") {
				t.Fatalf("read %d (error %v): line %s, encoding/csv's %s", n, gerr, g, w)
			}
			if gerr == io.EOF {
				return
			}
			if !slices.Equal(grec, wrec) {
				t.Fatalf("read %d: %q, encoding/csv's %q", n, grec, wrec)
			}
			if gerr != nil {
				continue
			}
			if got.Line() != want.Line() {
				t.Fatalf("read %d: line %d, encoding/csv's %d", n, got.Line(), want.Line())
			}
			for i := range grec {
				if g, w := got.FieldPos(i), want.FieldPos(i); g != w {
					t.Fatalf("read %d: cell %d of %q at %v, encoding/csv's %v", n, i, grec, g, w)
				}
			}
		}
	})
}

// lineOrPanic is r.Line(), or what it panics with (encoding/csv's FieldPos
// has no position before a first record).
func lineOrPanic(r *Reader) (s string) {
	defer func() {
		if p := recover(); p != nil {
			s = fmt.Sprint("panic: ", p)
		}
	}()
	return fmt.Sprint(r.Line())
}
