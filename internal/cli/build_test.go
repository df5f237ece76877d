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
		{"ok", []string{"build", "--source", good}, 0, "built 4 pages, 12 files in", ""},
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

// TestBuildProfile: --profile writes a CPU and a heap profile that pprof
// can read (both start with gzip's magic bytes).
func TestBuildProfile(t *testing.T) {
	t.Parallel()
	src := t.TempDir()
	os.MkdirAll(filepath.Join(src, "content"), 0o755)
	os.WriteFile(filepath.Join(src, "content/a.md"), []byte("---\ntitle: A\n---\n"), 0o644)
	prof := filepath.Join(t.TempDir(), "prof")
	var out, errb bytes.Buffer
	if code := Main(context.Background(), []string{"build", "--source", src, "--profile", prof}, &out, &errb); code != 0 {
		t.Fatalf("exit code %d: %s", code, errb.String())
	}
	for _, f := range []string{"cpu.pprof", "heap.pprof"} {
		b, err := os.ReadFile(filepath.Join(prof, f))
		if err != nil || len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
			t.Errorf("%s: %v, %d bytes, want a gzipped profile", f, err, len(b))
		}
	}
	if !strings.Contains(out.String(), "profiles: ") {
		t.Errorf("stdout = %q, want it to name the profiles", out.String())
	}
}
