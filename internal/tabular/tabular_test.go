package tabular

import (
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/transform"

	"surveysite/internal/diag"
)

const sample = "名称,都道府県\r\n弘前市,青森県\r\n\"伊達市\r\n(改行)\",福島県\r\n①～,x\r\n"

func encodings(t *testing.T) map[string][]byte {
	t.Helper()
	sjis, err := japanese.ShiftJIS.NewEncoder().String(sample)
	if err != nil {
		t.Fatal(err)
	}
	return map[string][]byte{
		"UTF-8":   []byte(sample),
		"BOM":     append([]byte{0xEF, 0xBB, 0xBF}, sample...),
		"CP932":   []byte(sjis),
		"UTF-16":  utf16le(sample),
		"LF only": []byte(strings.ReplaceAll(sample, "\r\n", "\n")),
	}
}

func utf16le(s string) []byte {
	b := []byte{0xFF, 0xFE}
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8)) // all runes here are in the BMP
	}
	return b
}

func TestReadTableSameResultInEveryEncoding(t *testing.T) {
	t.Parallel()
	want := [][]string{{"弘前市", "青森県"}, {"伊達市\n(改行)", "福島県"}, {"①～", "x"}}
	wantLines := []int{2, 3, 5}
	wantEnc := map[string]Encoding{"UTF-8": UTF8, "BOM": UTF8BOM, "CP932": CP932, "UTF-16": UTF16, "LF only": UTF8}
	for name, data := range encodings(t) {
		t.Run(name, func(t *testing.T) {
			fsys := fstest.MapFS{"d.csv": {Data: data}}
			tab, err := ReadTable(fsys, "d.csv")
			if err != nil {
				t.Fatal(err)
			}
			if got := tab.Header; !reflect.DeepEqual(got, []string{"名称", "都道府県"}) {
				t.Errorf("Header = %q", got)
			}
			if !reflect.DeepEqual(tab.Rows, want) {
				t.Errorf("Rows = %q, want %q", tab.Rows, want)
			}
			if !reflect.DeepEqual(tab.Lines, wantLines) {
				t.Errorf("Lines = %v, want %v", tab.Lines, wantLines)
			}
			if tab.Encoding != wantEnc[name] {
				t.Errorf("Encoding = %v, want %v", tab.Encoding, wantEnc[name])
			}
		})
	}
}

func TestReadErrorsCarryRealLines(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, data, want string
	}{
		{"field count after multi-line cell", "a,b\n\"x\ny\",1\n2\n", "d.csv:4:1: this row has 1 cells but the header has 2"},
		{"bare quote", "a,b\n1,x\"y\n", "d.csv:2:4: a double quote (\") stands inside a cell that does not start with one"},
		{"bare quote after Japanese, in characters", "設問,回答\n人材,育成\"不足\n", "d.csv:2:6: a double quote"},
		{"bare quote in Shift_JIS, in characters", sjis(t, "設問,回答\n人材,育成\"不足\n"), "d.csv:2:6: a double quote"},
		{"unclosed quote", "a,b\n1,\"xy\n2,3\n", "d.csv:2:1: the quoted cell that starts on this line is not closed properly (found on line 3)"},
		{"duplicate header", "a,b,a\n", "d.csv:1:5: column name \"a\" is used twice (columns 1 and 3)"},
		{"empty header", "a,,c\n", "d.csv:1:3: column 2 has no name in the header row"},
		{"empty file", "", "d.csv: the file is empty; it needs a header row"},
		{"mixed encoding", "a,b\n" + strings.Repeat("x,y\n", sniffSize/4+10) + "1,\xff\n", "d.csv:16396:3: this cell is not valid UTF-8, although the start of the file is"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := ReadTable(fstest.MapFS{"d.csv": {Data: []byte(tc.data)}}, "d.csv")
			if err == nil {
				t.Fatal("ReadTable succeeded, want an error")
			}
			var de *diag.Error
			var dl *diag.List
			if !errors.As(err, &de) && !errors.As(err, &dl) {
				t.Errorf("error %T is not a diag.Error", err)
			}
			if got := err.Error(); !strings.HasPrefix(got, tc.want) {
				t.Errorf("error = %q, want prefix %q", got, tc.want)
			}
		})
	}
}

func TestInvalidShiftJISIsReported(t *testing.T) {
	t.Parallel()
	data := []byte("a,b\n\x82\xa0,\x82\n") // not valid UTF-8; 0x82 at the end is a cut-off SJIS lead byte
	r, err := NewReader("d.csv", strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	if r.Encoding != CP932 {
		t.Fatalf("Encoding = %v, want CP932", r.Encoding)
	}
	if _, err := r.Header(); err != nil {
		t.Fatal(err)
	}
	_, err = r.Read()
	if err == nil || !strings.Contains(err.Error(), "d.csv:2:") {
		t.Errorf("Read error = %v, want a position on line 2", err)
	}
	if _, err := r.Read(); err != io.EOF {
		t.Errorf("after the bad row: %v, want EOF", err)
	}
}

// A multi-byte character cut off by the end of the sniffed window must not
// make a UTF-8 file look like Shift_JIS (found with a 38 MB survey file).
func TestDetectUTF8WhenTheWindowCutsACharacter(t *testing.T) {
	t.Parallel()
	for pad := 0; pad < 3; pad++ {
		var b strings.Builder
		b.WriteString("a,b\n")
		for b.Len() < sniffSize+100 {
			b.WriteString(strings.Repeat("x", pad) + ",団体区分\n")
		}
		r, err := NewReader("d.csv", strings.NewReader(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		if r.Encoding != UTF8 {
			t.Errorf("pad %d: Encoding = %v, want UTF-8", pad, r.Encoding)
		}
	}
}

// Columns count characters as an editor does, also after quoted cells and
// in Shift_JIS files; after a line break inside a quoted cell they fall back
// to bytes of the decoded line.
func TestFieldPosCountsCharacters(t *testing.T) {
	t.Parallel()
	src := "名称,都道府県,x\n\"弘前市\",青森県,z\n"
	sjis, _ := japanese.ShiftJIS.NewEncoder().String(src)
	for name, data := range map[string]string{"UTF-8": src, "CP932": sjis} {
		r, err := NewReader("d.csv", strings.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := r.Header(); err != nil {
			t.Fatal(err)
		}
		if _, err := r.Read(); err != nil {
			t.Fatal(err)
		}
		for i, want := range []int{1, 7, 11} { // "弘前市", → 6 characters; 青森県, → 4 more
			if got := r.FieldPos(i); got.Line != 2 || got.Col != want {
				t.Errorf("%s: FieldPos(%d) = %v, want 2:%d", name, i, got, want)
			}
		}
	}
}

func sjis(t *testing.T, s string) string {
	out, _, err := transform.String(japanese.ShiftJIS.NewEncoder(), s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// panicky serves data, then panics, as a text decoder with a bug may.
type panicky struct{ data []byte }

func (p *panicky) Read(b []byte) (int, error) {
	if len(p.data) == 0 {
		panic("decoder bug")
	}
	n := copy(b, p.data)
	p.data = p.data[n:]
	return n, nil
}

// TestPanicInsideAQuotedCellIsReported: a panic while encoding/csv reads a
// quoted cell over several lines, which leaves it no positions, is an
// error at the line after the last record, not a second panic.
func TestPanicInsideAQuotedCellIsReported(t *testing.T) {
	var b strings.Builder
	b.WriteString("a,b\n")
	lines := 1
	for b.Len() < 60000 {
		b.WriteString("1,2\n")
		lines++
	}
	// A record encoding/csv reads, then one whose first cell is never closed.
	b.WriteString("\"a\"\"b\",1\n\"x\n" + strings.Repeat("y\n", 10000))
	lines++
	r, err := NewReader("d.csv", &panicky{[]byte(b.String())})
	if err != nil {
		t.Fatal(err)
	}
	for {
		_, err := r.Read()
		if err == nil {
			continue
		}
		var de *diag.Error
		if !errors.As(err, &de) || de.Pos.Line != lines+1 || !strings.Contains(de.Error(), "decoder bug") {
			t.Fatalf("err = %v, want the panic at d.csv:%d", err, lines+1)
		}
		return
	}
}
