package cli

import (
	"fmt"
	"strings"
	"testing"
)

const reportCodebook = "question_id,type,max_choices,question_text,option_code,option_label,option_role\n" +
	"q1,MA,2,好きな果物,01,りんご,\nq1,,,,02,みかん,\n"

// responses returns a responses.csv with n rows whose q1 cell is cell.
func responses(n int, cell string) string {
	var b strings.Builder
	b.WriteString("respondent_id,q1\n")
	for i := range n {
		fmt.Fprintf(&b, "R%05d,%s\n", i+1, cell)
	}
	return b.String()
}

func TestRepeatedErrorsAreGroupedWithTrueTotals(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, map[string]string{
		"content/a.md":                 "---\ntitle: A\n---\n",
		"data/surveys/s/codebook.csv":  reportCodebook,
		"data/surveys/s/responses.csv": responses(10_000, "99"),
	})
	code, _, stderr := runMain(t, "build", "--source", dir)
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	const p = "data/surveys/s/responses.csv"
	hint := "\n  fix: write option codes or exact labels separated by \";\", or add the option to the codebook\n"
	want := p + ":2:8: \"99\" is not an option of q1 (allowed: 01=りんご, 02=みかん)" + hint +
		p + ":3:8: \"99\" is not an option of q1 (allowed: 01=りんご, 02=みかん)" + hint +
		p + ":4:8: \"99\" is not an option of q1 (allowed: 01=りんご, 02=みかん)" + hint +
		p + ":5:8: and 9,997 more rows like it (lines 5–10,001)\n" +
		"10,000 errors found; nothing was written.\n"
	if stderr != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
	}
}

func TestManyWarningsDoNotFailTheBuild(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, map[string]string{
		"content/a.md":                 "---\ntitle: A\n---\n",
		"data/surveys/s/codebook.csv":  reportCodebook,
		"data/surveys/s/responses.csv": responses(60, "01;01"),
	})
	for _, cmd := range []string{"build", "check"} {
		code, stdout, stderr := runMain(t, cmd, "--source", dir)
		if code != 0 {
			t.Errorf("%s: exit code %d, want 0; stderr:\n%s", cmd, code, stderr)
		}
		if !strings.Contains(stderr, ":5:8: warning: and ") || strings.Contains(stderr, "nothing was written") {
			t.Errorf("%s: the repeated warnings are not grouped:\n%s", cmd, stderr)
		}
		if !strings.Contains(stdout, " warnings above") {
			t.Errorf("%s: the summary does not count the warnings:\n%s", cmd, stdout)
		}
	}
}
