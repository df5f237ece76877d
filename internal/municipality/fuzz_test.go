package municipality

import (
	"bytes"
	"errors"
	"testing"

	"golang.org/x/text/encoding/japanese"

	"surveysite/internal/diag"
)

// FuzzLoadParticipants checks that any participants file loads without a
// panic, that every problem is a *diag.Error on a line of the file (or the
// line after its last), and that a file that loads gives each local
// government once, with the line of its row.
func FuzzLoadParticipants(f *testing.F) {
	tab, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	seeds := []string{
		"name\n弘前市\n",
		"name,prefecture,code,note\n弘前市,青森県,022021,\n伊達市,北海道,,\n岩手県,,,県\n",
		"名称,都道府県,団体コード,備考\n豊島区,東京都,131164,\n",
		"prefecture,name\n青森県,鯵ヶ沢町\n,竜ケ崎市\n",
		"name\n伊達市\n伊達市\n",
		"name,code\n弘前市,022020\n",
		"name,name\n",
		"note\n",
		"name\n\"弘前\n市\"\n",
		"name\n,\n",
		"",
		"\uFEFFname\r\n府中市\r\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	if sjis, err := japanese.ShiftJIS.NewEncoder().String(seeds[1]); err == nil {
		f.Add([]byte(sjis))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte("\n")) + 1
		got, err := loadBytes(t, tab, data)
		if err != nil {
			var items []*diag.Error
			var list *diag.List
			var de *diag.Error
			switch {
			case errors.As(err, &list):
				items = list.Items()
			case errors.As(err, &de):
				items = []*diag.Error{de}
			default:
				t.Fatalf("error %T %v is not positioned", err, err)
			}
			for _, e := range items {
				if e.Pos.Line == 0 && empty(data) {
					continue // "the file is empty": no line to name
				}
				if e.More > 0 && e.Pos.Line == 0 {
					continue // "N more errors not shown": a line about the file, not a place in it
				}
				if e.Pos.Path != "data/participants.csv" || e.Pos.Line < 1 || e.Pos.Line > lines+1 {
					t.Fatalf("problem at %v, the file has %d lines: %s", e.Pos, lines, e.Format())
				}
			}
			return
		}
		seen := map[string]bool{}
		last := 1
		for _, p := range got {
			if seen[p.Code] {
				t.Fatalf("%s (%s) is listed twice", p.Name, p.Code)
			}
			seen[p.Code] = true
			if _, ok := tab.Lookup(p.Code); !ok {
				t.Fatalf("participant %+v has a code not in the table", p)
			}
			if p.Line <= last || p.Line > lines {
				t.Fatalf("participant %s on line %d after line %d, the file has %d lines", p.Name, p.Line, last, lines)
			}
			last = p.Line
		}
	})
}

// empty reports whether data holds no text: nothing but byte order marks,
// line breaks, spaces and NULs (UTF-16's high bytes).
func empty(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	for _, c := range data {
		switch c {
		case 0, ' ', '\t', '\r', '\n', 0xFF, 0xFE:
		default:
			return false
		}
	}
	return true
}
