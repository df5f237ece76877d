package main

import "testing"

// TestDeadlineRace: only a failure that says nothing but the coordinator's
// deadline is taken for go.dev/issue/75804; a failing input, a panic or a
// test's error is a failure.
func TestDeadlineRace(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		out  string
		want bool
	}{
		{"fuzz: elapsed: 20s, execs: 538739 (0/sec), new interesting: 3 (total: 40)\n--- FAIL: FuzzX (20.87s)\n    context deadline exceeded\nFAIL\nexit status 1\n", true},
		{"--- FAIL: FuzzX (3.92s)\n    --- FAIL: FuzzX (0.00s)\n        x_test.go:51: wrong\n    Failing input written to testdata/fuzz/FuzzX/35\n    context deadline exceeded\n", false},
		{"--- FAIL: FuzzX (1s)\n    fuzzing process hung or terminated unexpectedly: exit status 2\n    context deadline exceeded\n", false},
		{"panic: runtime error: index out of range\ncontext deadline exceeded\n", false},
		{"--- FAIL: FuzzX (1s)\n    x_test.go:9: wrong\nFAIL\n", false},
		{"--- FAIL: FuzzX (20s)\n    fuzzing process terminated by unexpected signal; no crash will be recorded: signal: killed\n    context deadline exceeded\nFAIL\n", false},
		{"--- FAIL: FuzzX (20s)\n    fuzzing process terminated without fuzzing: EOF\nFAIL\n", false},
		{"--- FAIL: FuzzX (20.1s)\n    context deadline exceeded\nFAIL\nexit status 1\nFAIL\tsurveysite/internal/x\t20.2s\n", true},
	} {
		if got := deadlineRace(c.out); got != c.want {
			t.Errorf("deadlineRace(%q) = %v, want %v", c.out, got, c.want)
		}
	}
	got := failure("fuzz: elapsed: 20s\n--- FAIL: FuzzX (20.87s)\n    context deadline exceeded\nFAIL\n")
	if len(got) != 2 || got[1] != "context deadline exceeded" {
		t.Errorf("failure kept %q, want the FAIL line and the deadline", got)
	}
}
