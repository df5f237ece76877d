package archtest

import (
	"encoding/json"
	"io"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// forbidden lists, for each package, the internal packages it must not
// import (directly or not).
var forbidden = map[string][]string{
	"diag":         {"*"},
	"parallel":     {"*"},
	"yamldoc":      {"content", "survey", "municipality", "chart", "site", "build", "check", "server", "cli"},
	"tabular":      {"content", "survey", "municipality", "chart", "site", "build", "check", "server", "cli"},
	"i18n":         {"content", "survey", "municipality", "chart", "site", "build", "check", "server", "cli", "tabular", "search", "importer"},
	"content":      {"survey", "municipality", "chart", "site", "build", "check", "server", "cli"},
	"survey":       {"content", "municipality", "chart", "site", "build", "check", "server", "cli"},
	"municipality": {"content", "survey", "chart", "site", "build", "check", "server", "cli"},
	"importer":     {"content", "municipality", "chart", "site", "build", "check", "server", "cli"},
	"search":       {"content", "survey", "municipality", "chart", "site", "build", "check", "server", "cli"},
	"chart":        {"content", "survey", "municipality", "site", "build", "check", "server", "cli"},
	"site":         {"build", "check", "server", "cli"},
	"build":        {"server", "cli"},
	"check":        {"build", "server", "cli"},
	"server":       {"cli"},
}

// direct lists, for each package, the internal packages it must not
// import directly, though it may depend on them through another: serve and
// tally go through the build's API (build.Preview, build.Tally), and
// content hands rendered HTML to site as a string, not as the template
// fork's type.
var direct = map[string][]string{
	"server":  {"content", "survey", "municipality", "tabular", "chart", "site", "check"},
	"cli":     {"content", "survey", "municipality", "tabular", "chart", "site", "check"},
	"content": {"template"},
}

func TestImportsPointDownThePipeline(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	cmd := exec.Command("go", "list", "-deps=false", "-json", "surveysite/internal/...")
	cmd.Dir = "../.."
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	seen := 0
	for {
		var p struct {
			ImportPath string
			Imports    []string
			Deps       []string
		}
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimPrefix(p.ImportPath, "surveysite/internal/")
		if name != "golden" && slices.Contains(p.Deps, "surveysite/internal/golden") {
			t.Errorf("%s imports internal/golden, which is for tests only", p.ImportPath)
		}
		for _, imp := range p.Imports {
			if matches(imp, direct[name]) {
				t.Errorf("%s imports %s directly; go through the package in between", p.ImportPath, imp)
			}
		}
		rules, ok := forbidden[name]
		if !ok {
			continue
		}
		seen++
		for _, dep := range p.Deps {
			if matches(dep, rules) {
				t.Errorf("%s imports %s, which is further up the pipeline", p.ImportPath, dep)
			}
		}
	}
	if seen < 8 {
		t.Errorf("checked only %d packages; did the layout change?", seen)
	}
}

// matches reports whether the import path names one of the internal
// packages listed (or a package below one); "*" stands for every one.
func matches(path string, list []string) bool {
	d, ok := strings.CutPrefix(path, "surveysite/internal/")
	if !ok {
		return false
	}
	for _, f := range list {
		if f == "*" || d == f || strings.HasPrefix(d, f+"/") {
			return true
		}
	}
	return false
}
