package tabular

import (
	"io"
	"reflect"
	"testing"
	"testing/fstest"
)

func TestTableKeepsEveryCellsPosition(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{"d.csv": {Data: []byte("名前,メモ\n\"一\n行目\",あ\nい,\"う\"\n")}}
	tab, err := ReadTable(fsys, "d.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		row  int
		col  string
		want string
	}{
		// After a line break in a quoted cell, Reader.FieldPos counts the
		// column in bytes.
		{0, "名前", "d.csv:2:1"}, {0, "メモ", "d.csv:3:9"}, {1, "メモ", "d.csv:4:3"}, {1, "なし", "d.csv:4:1"},
	} {
		if got := tab.FieldPos(tc.row, tc.col).String(); got != tc.want {
			t.Errorf("FieldPos(%d, %s) = %s, want %s", tc.row, tc.col, got, tc.want)
		}
	}
	if got := tab.HeaderPos[1].String(); got != "d.csv:1:4" {
		t.Errorf("HeaderPos[1] = %s, want d.csv:1:4", got)
	}
	var got [][]string
	recs := tab.Records()
	for {
		rec, err := recs.Read()
		if err == io.EOF {
			break
		}
		got = append(got, rec)
	}
	if want := [][]string{{"名前", "メモ"}, {"一\n行目", "あ"}, {"い", "う"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("Records = %q, want %q", got, want)
	}
}

// A problem in a row comes back with the table read so far, so that a
// caller can report the header's problems first.
func TestReadTableReturnsTheHeaderWithARowsProblem(t *testing.T) {
	t.Parallel()
	tab, err := ReadTable(fstest.MapFS{"d.csv": {Data: []byte("a,b\n1,2\n3\n")}}, "d.csv")
	if err == nil {
		t.Fatal("ReadTable accepted a row with one cell too few")
	}
	if tab == nil || !reflect.DeepEqual(tab.Header, []string{"a", "b"}) || len(tab.Rows) != 1 {
		t.Errorf("ReadTable = %+v, want the header and the first row", tab)
	}
}
