package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"surveysite/internal/golden"
)

func runMain(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

const (
	sampleCodebook  = "../../data/surveys/sample-q46/codebook.csv"
	sampleResponses = "../../data/surveys/sample-q46/responses.csv"
)

func TestTallySampleCSVGolden(t *testing.T) {
	t.Parallel()
	code, out, errs := runMain(t, "tally", "--codebook", sampleCodebook, "--responses", sampleResponses,
		"--by", "団体区分", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, errs)
	}
	golden.Check(t, filepath.Join("testdata", "tally_sample.golden.csv"), []byte(out))
	for _, line := range []string{
		"\uFEFFquestion_id,segment,n,option_code,option_label,count,percent,rank,ci_low,ci_high\r\n",
		"q46,全体,614,01,次を担う中堅・若手の退職増加,",
		",1,", // rank 1 exists
		"q46,団体区分=特別区,7,,,,,,,\r\n",
	} {
		if !strings.Contains(out, line) {
			t.Errorf("output lacks %q", line)
		}
	}
}

func TestTallyExitCodes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bad := filepath.Join(dir, "responses.csv")
	src := "respondent_id,団体区分,職位,q46\r\nR1,町村,係長級,\"01;\r\n02\"\r\nR2,町村,係長級,99\r\n"
	if err := os.WriteFile(bad, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		code     int
		inStderr string
	}{
		{"table", []string{"--question", "q46"}, 0, ""},
		{"json", []string{"--format", "json", "--base", "answered"}, 0, ""},
		{"no codebook", []string{"--codebook", ""}, 2, "--codebook is required"},
		{"bad format", []string{"--format", "xml"}, 2, "--format must be table, csv or json"},
		{"bad base", []string{"--base", "some"}, 2, "--base must be all or answered"},
		{"bad min-cell", []string{"--min-cell", "0"}, 2, "--min-cell must be 1 or more"},
		{"unknown question", []string{"--question", "q99"}, 2, `question "q99" is not in`},
		{"unknown flag", []string{"--nope"}, 2, "Try: surveysite tally -h"},
		{"bad input", []string{"--responses", bad}, 1, bad + `:4:11: "99" is not an option of q46`},
		{"missing file", []string{"--responses", filepath.Join(dir, "none.csv")}, 1, "no such file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			args := append([]string{"tally", "--codebook", sampleCodebook, "--responses", sampleResponses}, tc.args...)
			code, out, errs := runMain(t, args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tc.code, errs)
			}
			if !strings.Contains(errs, tc.inStderr) {
				t.Errorf("stderr = %q, want it to contain %q", errs, tc.inStderr)
			}
			if tc.code == 0 && out == "" {
				t.Error("no output")
			}
		})
	}
}
