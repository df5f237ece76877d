package main

import (
	"strings"
	"testing"
)

const testPatch = `A description, which the applier skips.

--- a/x.go
+++ b/x.go
@@ -2,3 +2,4 @@
 b
 c
+c2
 d
@@ -8,2 +9,2 @@
 h
-i
+I
`

func TestPatchApplies(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"WhereItSays", "a\nb\nc\nd\ne\nf\ng\nh\ni\n", "a\nb\nc\nc2\nd\ne\nf\ng\nh\nI\n"},
		{"AfterLinesMoved", "new\nnew\na\nb\nc\nd\ne\nf\ng\nh\ni\n", "new\nnew\na\nb\nc\nc2\nd\ne\nf\ng\nh\nI\n"},
		{"BeforeLinesMoved", "b\nc\nd\ne\nh\ni\n", "b\nc\nc2\nd\ne\nh\nI\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string][]byte{"x.go": []byte(tc.in)}
			if err := applyPatch(files, testPatch); err != nil {
				t.Fatal(err)
			}
			if got := string(files["x.go"]); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestPatchFailsWhereGoChangedTheLines(t *testing.T) {
	files := map[string][]byte{"x.go": []byte("a\nb\nc\nd\ne\nf\ng\nh\nj\n")}
	err := applyPatch(files, testPatch)
	if err == nil || !strings.Contains(err.Error(), "x.go: hunk 2 (@@ -8,2 +9,2 @@) does not apply") {
		t.Fatalf("got error %v, want one naming x.go's hunk 2", err)
	}
}

func TestPatchKeepsAMissingFinalNewline(t *testing.T) {
	const p = "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"
	files := map[string][]byte{"x": []byte("a\nb")}
	if err := applyPatch(files, p); err != nil {
		t.Fatal(err)
	}
	if got, want := string(files["x"]), "a\nc"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestPatchRejectsNewFiles(t *testing.T) {
	const p = "--- /dev/null\n+++ b/x\n@@ -0,0 +1 @@\n+a\n"
	if err := applyPatch(map[string][]byte{}, p); err == nil {
		t.Fatal("a patch that adds a file was accepted")
	}
}
