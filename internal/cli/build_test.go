package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBuildExitCodes(t *testing.T) {
	t.Parallel()
	good := t.TempDir()
	os.MkdirAll(filepath.Join(good, "content"), 0o755)
	os.WriteFile(filepath.Join(good, "content/a.md"), []byte("---\ntitle: A\n---\n"), 0o644)
	bad := t.TempDir()
	os.MkdirAll(filepath.Join(bad, "content"), 0o755)
	os.WriteFile(filepath.Join(bad, "content/a.md"), []byte("---\ntitle: A\nweight: x\n---\n"), 0o644)
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"ok", []string{"build", "--source", good}, 0, "built 3 pages, 7 files in", ""},
		{"input problem", []string{"build", "--source", bad}, 1, "", "content/a.md:3:9: weight must be a whole number, not x\n  fix: correct the value of \"weight\"\n"},
		{"unknown flag", []string{"build", "--nope"}, 2, "", "Try: surveysite build -h"},
		{"bad base URL", []string{"build", "--source", good, "--base-url", "example.org"}, 1, "", "must be an absolute http(s) URL"},
		{"unknown command", []string{"publish"}, 2, "", `unknown command "publish"`},
		{"no command", nil, 2, "", "Usage:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var out, errb bytes.Buffer
			code := Main(context.Background(), tc.args, &out, &errb)
			if code != tc.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, tc.code, errb.String())
			}
			if !strings.Contains(out.String(), tc.stdout) {
				t.Errorf("stdout %q does not contain %q", out.String(), tc.stdout)
			}
			if !strings.Contains(errb.String(), tc.stderr) {
				t.Errorf("stderr %q does not contain %q", errb.String(), tc.stderr)
			}
		})
	}
}
