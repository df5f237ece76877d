// Gen regenerates internal/template from the Go standard library: it copies
// text/template, html/template and internal/fmtsort from GOROOT, points their
// imports at the copies, applies surveysite's changes (the patches in
// patches/, in the order of their names) and formats the result with gofmt.
//
// Usage:
//
//	go run ./internal/template/gen [-check] [-dir internal/template] [-goroot dir] [-patches n]
//
// Run it from the module root. With -check it writes nothing and reports
// every file that would change, exiting 1 if any would. -dir writes the
// fork elsewhere (an empty or new folder) and -patches applies only the
// first n patches: internal/template/README.md says how to change a patch. Files of the fork
// that are not copied from Go (README.md, gen/, fork_*.go and testdata/fuzz/
// in the package folders) are left alone.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	flags := flag.NewFlagSet("gen", flag.ContinueOnError)
	dir := flags.String("dir", filepath.FromSlash("internal/template"), "the fork's folder")
	goroot := flags.String("goroot", "", "the Go tree to copy from (default: go env GOROOT)")
	check := flags.Bool("check", false, "report what would change instead of writing")
	npatches := flags.Int("patches", -1, "apply only the first `n` patches (to make or update one)")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if err := checkDir(*dir); err != nil {
		return err
	}
	root, version, err := goSource(*goroot)
	if err != nil {
		return err
	}
	files, err := generate(root, version, *npatches)
	if err != nil {
		return err
	}
	if *check {
		diffs, err := compareTree(*dir, files)
		if err != nil {
			return err
		}
		for _, d := range diffs {
			fmt.Println(d)
		}
		if len(diffs) > 0 {
			return fmt.Errorf("%d files differ from what %s gives", len(diffs), version)
		}
		return nil
	}
	return writeTree(*dir, files)
}

// checkDir refuses to write into a folder that is neither the fork (it has
// README.md), nor empty, nor missing, since gen removes the files it did not
// make.
func checkDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) || err == nil && len(entries) == 0 {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(dir, "README.md")); err != nil {
		return fmt.Errorf("%s is not the fork (no README.md): run gen from the module root or pass -dir", dir)
	}
	return nil
}

// goSource returns the Go tree to copy from and its release. With root
// empty it asks the go command, so the copy comes from the Go that builds
// the module.
func goSource(root string) (string, string, error) {
	if root == "" {
		out, err := exec.Command("go", "env", "GOROOT", "GOVERSION").Output()
		if err != nil {
			return "", "", fmt.Errorf("go env: %w", err)
		}
		f := strings.Fields(string(out))
		if len(f) != 2 {
			return "", "", fmt.Errorf("go env GOROOT GOVERSION printed %q", out)
		}
		return f[0], f[1], nil
	}
	b, err := os.ReadFile(filepath.Join(root, "VERSION"))
	if err != nil {
		return "", "", fmt.Errorf("which Go release is %s: %w", root, err)
	}
	version, _, _ := bytes.Cut(b, []byte("\n"))
	if len(version) == 0 {
		return "", "", errors.New(root + "/VERSION is empty")
	}
	return root, string(version), nil
}
