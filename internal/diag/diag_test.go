package diag

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestListSortsFormatsAndCaps(t *testing.T) {
	t.Parallel()
	var l List
	l.Add(Errorf(Pos{Path: "b.csv", Line: 2, Col: 3}, "second file").WithHint("fix b"))
	l.Add(Errorf(Pos{Path: "a.md", Line: 10, Col: 1}, "later line"))
	l.Add(Warnf(Pos{Path: "a.md", Line: 2}, "a warning"))
	l.AddErr(Pos{Path: "c.txt"}, errors.New("plain error"))
	want := "a.md:2: warning: a warning\n" +
		"a.md:10:1: later line\n" +
		"b.csv:2:3: second file\n  fix: fix b\n" +
		"c.txt: plain error"
	if got := l.Error(); got != want {
		t.Errorf("Error() =\n%s\nwant\n%s", got, want)
	}
	if !l.HasErrors() || len(l.Warnings()) != 1 {
		t.Errorf("HasErrors = %v, warnings = %d", l.HasErrors(), len(l.Warnings()))
	}

	var only List
	only.Add(Warnf(Pos{Path: "x"}, "w"))
	if only.Err() != nil {
		t.Errorf("a list of warnings only is an error: %v", only.Err())
	}

	var big List
	for i := range MaxPerFile + 5 {
		big.Add(Errorf(Pos{Path: "many.csv", Line: i + 1}, "bad %d", i))
	}
	if big.Len() != MaxPerFile {
		t.Errorf("Len = %d, want %d", big.Len(), MaxPerFile)
	}
	if !strings.HasSuffix(big.Error(), "many.csv: 5 more problems not shown (first 50 listed)") {
		t.Errorf("no summary of the dropped problems:\n%s", big.Error()[len(big.Error())-120:])
	}

	var outer List
	outer.AddErr(Pos{}, fmt.Errorf("load: %w", &big))
	if outer.Len() != MaxPerFile {
		t.Errorf("a wrapped List was not merged: Len = %d", outer.Len())
	}
}
