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

}

func TestWarningsNeverFail(t *testing.T) {
	t.Parallel()
	var l List
	for i := range MaxPerFile + 1 {
		l.Add(Warnf(Pos{Path: "r.csv", Line: i + 2, Col: 3 + i%7}, "warning %d", i))
	}
	if l.HasErrors() || l.Err() != nil {
		t.Errorf("%d warnings and no error: HasErrors = %v, Err = %v", MaxPerFile+1, l.HasErrors(), l.Err())
	}
	if e, w := l.Counts(); e != 0 || w != MaxPerFile+1 {
		t.Errorf("Counts() = %d, %d; want 0, %d", e, w, MaxPerFile+1)
	}
	var outer List
	outer.Merge(&l)
	if outer.Err() != nil {
		t.Errorf("merged warnings fail: %v", outer.Err())
	}
}

func TestListGroupsRepeatedProblems(t *testing.T) {
	t.Parallel()
	var l List
	// Added out of order: the listed ones are still the first lines.
	for line := 10_001; line >= 2; line-- {
		l.Add(Errorf(Pos{Path: "r.csv", Line: line, Col: 4}, "unknown code %q in q1", fmt.Sprint(line%3)).WithHint("use a code of the codebook"))
	}
	l.Add(Warnf(Pos{Path: "r.csv", Line: 3, Col: 9}, "answer given twice"))
	l.Add(Errorf(Pos{Path: "a.md", Line: 1, Col: 1}, "other"))
	want := "a.md:1:1: other\n" +
		"r.csv:2:4: unknown code \"2\" in q1\n  fix: use a code of the codebook\n" +
		"r.csv:3:4: unknown code \"0\" in q1\n  fix: use a code of the codebook\n" +
		"r.csv:3:9: warning: answer given twice\n" +
		"r.csv:4:4: unknown code \"1\" in q1\n  fix: use a code of the codebook\n" +
		"r.csv:5:4: and 9,997 more rows like it (lines 5–10,001)"
	if got := l.Error(); got != want {
		t.Errorf("Error() =\n%s\nwant\n%s", got, want)
	}
	if e, w := l.Counts(); e != 10_001 || w != 1 {
		t.Errorf("Counts() = %d, %d; want 10001, 1", e, w)
	}

	// The listed problems, summary lines included, keep the totals when
	// they are added to another list, as the build passes warnings on.
	var again List
	for _, e := range l.Items() {
		again.Add(e)
	}
	if e, w := again.Counts(); e != 10_001 || w != 1 || again.Error() != want {
		t.Errorf("re-added: Counts() = %d, %d; Error() =\n%s", e, w, again.Error())
	}
	var merged List
	merged.Merge(&l)
	if e, w := merged.Counts(); e != 10_001 || w != 1 || merged.Error() != want {
		t.Errorf("merged: Counts() = %d, %d; Error() =\n%s", e, w, merged.Error())
	}
}

func TestListCapsDistinctProblemsPerFile(t *testing.T) {
	t.Parallel()
	var l List
	for i := range MaxPerFile + 5 {
		l.Add(Errorf(Pos{Path: "many.csv", Line: 2, Col: i + 1}, "bad column"))
	}
	for i := range 3 {
		l.Add(Warnf(Pos{Path: "many.csv", Line: 3, Col: i + 1}, "odd column"))
	}
	if l.Len() != MaxPerFile {
		t.Errorf("Len = %d, want %d", l.Len(), MaxPerFile)
	}
	if e, w := l.Counts(); e != MaxPerFile+5 || w != 3 {
		t.Errorf("Counts() = %d, %d; want %d, 3", e, w, MaxPerFile+5)
	}
	got := l.Error()
	for _, s := range []string{"many.csv: 5 more errors not shown (the first 50 problems of this file are listed)",
		"many.csv: warning: 3 more warnings not shown (the first 50 problems of this file are listed)"} {
		if !strings.Contains(got, s) {
			t.Errorf("no line %q in\n%s", s, got[len(got)-300:])
		}
	}
	var one List
	for i := range MaxPerFile + 1 {
		one.Add(Errorf(Pos{Path: "one.csv", Line: 1, Col: i + 1}, "column without a name"))
	}
	if got, want := one.Error(), "one.csv: 1 more error not shown"; !strings.Contains(got, want) {
		t.Errorf("no %q in\n%s", want, got[len(got)-200:])
	}
}

func TestSummary(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		e, w int
		want string
	}{
		{1, 0, "1 error"},
		{0, 1, "1 warning"},
		{10_001, 24_012, "10,001 errors and 24,012 warnings"},
		{0, 0, "no problems"},
	} {
		if got := Summary(tc.e, tc.w); got != tc.want {
			t.Errorf("Summary(%d, %d) = %q, want %q", tc.e, tc.w, got, tc.want)
		}
	}
}
