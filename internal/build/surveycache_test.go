package build

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestSurveyCacheReanalysesOnlyChangedSurveys(t *testing.T) {
	t.Parallel()
	src := t.TempDir()
	cb := "question_id,type,max_choices,question_text,option_code,option_label,option_role\nq1,SA,,好きな果物,1,りんご,\nq1,,,,2,みかん,\n"
	for _, id := range []string{"a", "b"} {
		writeFile(t, filepath.Join(src, "data/surveys", id, "codebook.csv"), []byte(cb))
		writeFile(t, filepath.Join(src, "data/surveys", id, "responses.csv"), []byte("respondent_id,q1\nr1,1\nr2,2\n"))
	}
	writeFile(t, filepath.Join(src, "content/a.md"), []byte("---\ntitle: A\n---\n"))
	cache := &SurveyCache{}
	load := func() map[string]any {
		t.Helper()
		s, _, err := Load(context.Background(), os.DirFS(src), Options{Source: src, SurveyCache: cache})
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]any{}
		for _, sv := range s.Surveys {
			out[sv.ID] = sv.N
		}
		for id, e := range cache.entries {
			out[id+" results"] = e.in.Results
		}
		return out
	}
	first := load()
	second := load()
	for _, id := range []string{"a", "b"} {
		if first[id+" results"] != second[id+" results"] {
			t.Errorf("survey %s was analysed again although nothing changed", id)
		}
	}
	later := time.Now().Add(time.Second)
	resp := filepath.Join(src, "data/surveys/b/responses.csv")
	writeFile(t, resp, []byte("respondent_id,q1\nr1,1\nr2,2\nr3,1\n"))
	os.Chtimes(resp, later, later)
	third := load()
	if third["a results"] != second["a results"] {
		t.Errorf("survey a was analysed again after a change to b")
	}
	if third["b results"] == second["b results"] || third["b"] != 3 {
		t.Errorf("survey b after its change: N = %v", third["b"])
	}

	// An edit that keeps the size and the time (a coarse file system clock)
	// is seen once the watcher names the file.
	info, _ := os.Stat(resp)
	writeFile(t, resp, []byte("respondent_id,q1\nr1,2\nr2,2\nr3,2\n"))
	os.Chtimes(resp, info.ModTime(), info.ModTime())
	cache.Forget("data/surveys/b/responses.csv")
	fourth := load()
	if fourth["b results"] == third["b results"] {
		t.Errorf("survey b was not analysed again after Forget")
	}
	if fourth["a results"] != third["a results"] {
		t.Errorf("Forget of b dropped a too")
	}
}
