package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// forkDir is the fork's folder, from the test's working directory.
const forkDir = ".."

// forkVersion is the Go release internal/template was made from.
func forkVersion(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(forkDir, versionFile))
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(b))
}

// A security fix in a Go release reaches the fork only when it is
// regenerated, so a Go other than the fork's fails here.
func TestForkIsMadeFromTheGoThatBuildsIt(t *testing.T) {
	if got, want := runtime.Version(), forkVersion(t); got != want {
		t.Fatalf("internal/template was made from %s but this is %s: regenerate it with\n"+
			"\tgo run ./internal/template/gen\n"+
			"from the module root, then run go test ./internal/template/... and review the diff "+
			"(internal/template/README.md says what to do when a patch does not apply)", want, got)
	}
}

func TestRegeneratingGivesTheCommittedTree(t *testing.T) {
	want := forkVersion(t)
	out, err := exec.Command("go", "env", "GOROOT", "GOVERSION").Output()
	if err != nil {
		t.Skipf("no go command to find GOROOT: %v", err)
	}
	f := strings.Fields(string(out))
	if len(f) != 2 {
		t.Fatalf("go env GOROOT GOVERSION printed %q", out)
	}
	goroot, version := f[0], f[1]
	if version != want {
		t.Skipf("the fork is made from %s and the go command is %s: see TestForkIsMadeFromTheGoThatBuildsIt", want, version)
	}
	if _, err := os.Stat(filepath.Join(goroot, "src", "html", "template", "escape.go")); err != nil {
		t.Skipf("the Go sources are not in GOROOT (%s), so the fork cannot be regenerated here: %v", goroot, err)
	}
	files, err := generate(goroot, version, -1)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := writeTree(dir, files); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{forkDir, dir} {
		diffs, err := compareTree(d, files)
		if err != nil {
			t.Fatal(err)
		}
		for _, diff := range diffs {
			t.Errorf("internal/template/%s", diff)
		}
	}
	if t.Failed() {
		t.Log("the committed fork is not what gen makes: change the patches in internal/template/gen/patches, not the files, then run go run ./internal/template/gen")
	}
}

func TestGenRefusesAFolderThatIsNotTheFork(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := checkDir(dir); err == nil {
		t.Fatal("checkDir accepted a folder with other files, which gen would remove")
	}
	if err := checkDir(filepath.Join(dir, "new")); err != nil {
		t.Fatalf("checkDir refused a new folder: %v", err)
	}
}

func TestOwnFilesAreLeftAlone(t *testing.T) {
	for rel, want := range map[string]bool{
		"README.md":                    true,
		"gen/main.go":                  true,
		"text/fork_test.go":            true,
		"html/testdata/fuzz/FuzzX/abc": true,
		"bench/x.go":                   true,
		"LICENSE":                      false,
		"GOVERSION":                    false,
		"html/escape.go":               false,
		"html/testdata/fs.zip":         false,
	} {
		if got := own(rel); got != want {
			t.Errorf("own(%q) = %v, want %v", rel, got, want)
		}
	}
}
