package survey

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"surveysite/internal/diag"
)

// FuzzLoadCodebook feeds arbitrary codebooks of every type to the loader:
// it returns a codebook or diagnostics inside the file, never a panic; a
// codebook it accepts can be tallied against responses naming its questions.
func FuzzLoadCodebook(f *testing.F) {
	f.Add([]byte(testCodebook), "1")
	f.Add([]byte(typesHeader+"s,SCALE,,満足度,5,とても満足,,,,,\ns,,,,4,満足,,,,,\ns,,,,9,わからない,dontknow,,,,\n"), "5")
	f.Add([]byte(typesHeader+"d,NUM,,日数,,,,,日,,\"0,3,5\"\nn,NPS,,推奨,,,,,,,\nf,FA,,意見,,,,,,,\n"), "3日")
	f.Add([]byte(typesHeader+"r,RANK,2,順位,a,研修,,,,,\nr,,,,b,対話,,,,,\n"), "a;b")
	f.Add([]byte("question_id,type,max_choices,question_text,option_code,option_label,option_role,writein\nm,MA,,目的,a,温泉,,yes\nm,,,,x,その他,other,\n"), "釣り")
	f.Fuzz(func(t *testing.T, data []byte, cell string) {
		fsys := fstest.MapFS{"cb.csv": {Data: data}}
		cb, err := LoadCodebook(fsys, "cb.csv")
		lines := strings.Count(string(data), "\n") + 2
		if err != nil {
			var list *diag.List
			var de *diag.Error
			switch {
			case errors.As(err, &list):
				for _, e := range list.Items() {
					if e.Pos.Path != "cb.csv" || e.Pos.Line > lines {
						t.Fatalf("problem outside the file: %v", e)
					}
				}
			case errors.As(err, &de):
			default:
				t.Fatalf("error %v (%T) is not a diagnostic", err, err)
			}
			return
		}
		var head, row []string
		head = append(head, IDColumn)
		row = append(row, "1")
		for _, q := range cb.Questions {
			if _, ok := kinds[q.Type]; !ok {
				t.Fatalf("question %s has type %q", q.ID, q.Type)
			}
			if kindOf(q.Type).options() == optionsRequired && len(q.Options) == 0 {
				t.Fatalf("question %s of type %s has no options", q.ID, q.Type)
			}
			head = append(head, q.ID)
			row = append(row, strings.ReplaceAll(strings.ReplaceAll(cell, ",", ";"), "\"", ""))
		}
		if len(cb.Questions) > 30 || hasDuplicates(head) {
			return
		}
		resp := strings.Join(head, ",") + "\n" + strings.Join(row, ",") + "\n"
		fsys["r.csv"] = &fstest.MapFile{Data: []byte(resp)}
		if res, err := Analyse(fsys, "r.csv", cb, Config{}); err == nil {
			for _, q := range res.Questions {
				if q.Total.N != 1 {
					t.Fatalf("%s: n = %d, want 1", q.ID, q.Total.N)
				}
			}
		}
	})
}

func hasDuplicates(s []string) bool {
	seen := map[string]bool{}
	for _, x := range s {
		if seen[x] {
			return true
		}
		seen[x] = true
	}
	return false
}
