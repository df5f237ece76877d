package diag

import (
	"errors"
	"strings"
	"testing"
)

func TestGuardTurnsAPanicIntoAPositionedError(t *testing.T) {
	t.Parallel()
	pos := Pos{Path: "content/a.md", Line: 3, Col: 1}
	err := Guard(pos, "the front matter", func() error {
		var m map[string]int
		m["x"] = 1 // a nil-map write panics with a runtime.Error
		return nil
	})
	var de *Error
	if !errors.As(err, &de) {
		t.Fatalf("Guard = %T %v, want a *Error", err, err)
	}
	if de.Pos != pos || !strings.HasPrefix(de.Msg, "cannot read the front matter: ") || de.Hint == "" {
		t.Errorf("Guard = %q (hint %q), want %v: cannot read the front matter: … with a hint", de.Error(), de.Hint, pos)
	}
	if !strings.Contains(de.Msg, "TestGuardTurnsAPanicIntoAPositionedError") {
		t.Errorf("message %q does not name the function that panicked", de.Msg)
	}

	want := errors.New("plain")
	if got := Guard(pos, "x", func() error { return want }); got != want {
		t.Errorf("Guard without a panic = %v, want %v", got, want)
	}
	if got := Guard(pos, "x", func() error { panic("text") }); got == nil || !strings.Contains(got.Error(), "(text)") {
		t.Errorf("Guard(panic(\"text\")) = %v", got)
	}
}
