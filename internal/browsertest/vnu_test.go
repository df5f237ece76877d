package browsertest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// vnuReport is the JSON output of vnu.jar --format json.
type vnuReport struct {
	Messages []struct {
		Type, SubType, URL, Message, Extract string
		LastLine, FirstColumn, LastColumn    int
	}
}

// TestNuHTMLChecker validates every built HTML page with the Nu HTML Checker in one run of java.
func TestNuHTMLChecker(t *testing.T) {
	if testing.Short() {
		t.Skip("the Nu HTML Checker takes several seconds; run without -short")
	}
	java, err := exec.LookPath("java")
	if err != nil {
		missing(t, "java", "apt-get install -y openjdk-17-jre-headless")
	}
	jar := toolFile(t, "SURVEYSITE_VNU", ".ci/node_modules/vnu-jar/build/dist/vnu.jar", "vnu.jar",
		"npm install --prefix .ci --ignore-scripts vnu-jar")
	dir, pages := builtSite(t)
	args := []string{"-jar", jar, "--errors-only", "--format", "json"}
	for _, p := range pages {
		args = append(args, filepath.Join(dir, filepath.FromSlash(p)))
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(java, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run() // exits 1 when it reports errors; the report says which
	var rep vnuReport
	if err := json.Unmarshal(stderr.Bytes(), &rep); err != nil {
		t.Fatalf("vnu.jar: %v (run error %v)\nstdout: %s\nstderr: %s", err, runErr, stdout.Bytes(), stderr.Bytes())
	}
	perPage := map[string]int{}
	for _, m := range rep.Messages {
		if m.Type != "error" && m.Type != "non-document-error" {
			continue
		}
		page := strings.TrimPrefix(strings.TrimPrefix(m.URL, "file:"), filepath.ToSlash(dir)+"/")
		perPage[page]++
		t.Errorf("%s:%d:%d: %s\n  %q", page, m.LastLine, m.FirstColumn, m.Message, m.Extract)
	}
	if runErr != nil && !t.Failed() {
		t.Fatalf("vnu.jar failed without reporting an error: %v\n%s", runErr, stderr.Bytes())
	}
	var sum strings.Builder
	fmt.Fprintf(&sum, "Nu HTML Checker: %d pages, errors per page:\n", len(pages))
	for _, p := range pages {
		fmt.Fprintf(&sum, "  %-40s %d\n", p, perPage[p])
	}
	t.Log(sum.String())
	if *updateA11y && !t.Failed() {
		version, _ := exec.Command(java, "-jar", jar, "--version").Output()
		replaceBlock(t, "vnu-results", fmt.Sprintf("実施日: %s ／ ツール: Nu HTML Checker (vnu.jar) %s ／ 対象: %dページ ／ エラー: 0件\n",
			today(), strings.TrimSpace(string(version)), len(pages)))
	}
}
