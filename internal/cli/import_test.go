package cli

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestImportBuildCheckTally runs what the README's survey section tells a
// new user to run, as commands: import a raw export (a Google Forms CSV),
// build, check, and tally --survey. The site passes check, and tally gives
// the same numbers as the site's downloads, question by question; the
// counts are the ones counted by hand in the comments.
func TestImportBuildCheckTally(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	export := filepath.Join(t.TempDir(), "form.csv")
	data := "タイムスタンプ,メールアドレス,年代,満足度,利用した施設（複数選択可）,ご意見\n" +
		"2024/05/01 10:00:00,a@example.jp,20代,満足,\"図書館, 体育館\",駐車場が狭いので広げてほしいです。\n" +
		"2024/05/01 10:05:00,b@example.jp,30代,やや満足,図書館,\n" +
		"2024/05/01 10:10:00,c@example.jp,20代,満足,\"体育館, 公民館\",職員の方の対応がとても丁寧でした。\n" +
		"2024/05/01 10:15:00,d@example.jp,40代,どちらともいえない,\"図書館, 公民館\",トイレをもっときれいにしてほしい。\n" +
		"2024/05/01 10:20:00,e@example.jp,30代,不満,公民館,開館時間を延ばしてほしいと思います。\n" +
		"2024/05/01 10:25:00,f@example.jp,40代,やや不満,\"図書館, 公民館, 体育館\",\n" +
		"2024/05/01 10:30:00,g@example.jp,20代,満足,図書館,予約の方法がわかりにくかったです。\n"
	if err := os.WriteFile(export, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"import", "--source", dir, "--id", "s", export},
		{"build", "--quiet", "--source", dir},
		{"check", "--source", dir},
	} {
		if code, _, errs := runMain(t, args...); code != 0 {
			t.Fatalf("surveysite %s: exit %d\n%s", strings.Join(args, " "), code, errs)
		}
	}
	code, out, errs := runMain(t, "tally", "--survey", filepath.Join(dir, "data", "surveys", "s"), "--format", "csv")
	if code != 0 {
		t.Fatalf("tally: exit %d\n%s", code, errs)
	}
	// tally's rows of 全体: question, option label -> "n count percent".
	tally := map[string]string{}
	for _, r := range readCSV(t, strings.NewReader(out))[1:] {
		if r[1] == "全体" {
			tally[r[0]+" "+r[4]] = r[2] + " " + r[5] + " " + r[6]
		}
	}
	// The downloads of each question page: 設問ID, …, 回答者数 (4), 選択肢 (6), 件数 (7), 割合 (8).
	pages, _ := filepath.Glob(filepath.Join(dir, "public", "surveys", "s", "q*", "s_q*[0-9].csv"))
	if len(pages) < 3 {
		t.Fatalf("only %d question downloads: %v", len(pages), pages)
	}
	compared := 0
	for _, p := range pages {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		rows := readCSV(t, f)
		f.Close()
		for _, r := range rows[1:] {
			if r[2] != "" { // a cross-tab segment
				continue
			}
			key, want := r[0]+" "+r[6], r[4]+" "+r[7]+" "+r[8]
			if got := tally[key]; got != want {
				t.Errorf("%s: tally gives %q, the download %q", key, got, want)
			}
			compared++
		}
	}
	if compared < 10 {
		t.Fatalf("compared only %d rows", compared)
	}
	// By hand: 満足 3 of 7 (42.9%); 図書館 5 of 7 (71.4%), 公民館 4 (57.1%), 体育館 3 (42.9%).
	for key, want := range map[string]string{
		"q2 満足": "7 3 42.9", "q3 図書館": "7 5 71.4", "q3 公民館": "7 4 57.1", "q3 体育館": "7 3 42.9",
	} {
		if got := tally[key]; got != want {
			t.Errorf("%s = %q, want %q (by hand)", key, got, want)
		}
	}
	// The free text is counted, never printed.
	if strings.Contains(out, "駐車場") {
		t.Error("tally printed an unpublished free-text answer")
	}
	code, out, errs = runMain(t, "tally", "--survey", filepath.Join(dir, "data", "surveys", "s"), "--format", "json")
	if code != 0 {
		t.Fatalf("tally --format json: exit %d\n%s", code, errs)
	}
	var res struct {
		N         int `json:"N"` // the respondents, as Results names them
		Questions []struct {
			ID    string `json:"id"`
			Total struct {
				N    int `json:"n"`
				Rows []struct {
					Label   string  `json:"label"`
					Count   int     `json:"count"`
					Percent float64 `json:"percent"`
				} `json:"rows"`
			} `json:"total"`
		} `json:"questions"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("tally --format json: %v\n%.300s", err, out)
	}
	if res.N != 7 || len(res.Questions) < 3 {
		t.Fatalf("json: n %d, %d questions\n%.300s", res.N, len(res.Questions), out)
	}
	for _, q := range res.Questions {
		for _, r := range q.Total.Rows {
			if want, ok := tally[q.ID+" "+r.Label]; ok && !strings.HasPrefix(want, "7 ") {
				t.Errorf("json %s %s: n %d", q.ID, r.Label, q.Total.N)
			}
			if want := tally[q.ID+" "+r.Label]; want != "" && !strings.HasSuffix(want, " "+itoa(r.Count)+" "+ftoa(r.Percent)) {
				t.Errorf("json %s %s = %d, %.1f; csv %q", q.ID, r.Label, r.Count, r.Percent, want)
			}
		}
	}
}

func readCSV(t *testing.T, r interface{ Read([]byte) (int, error) }) [][]string {
	t.Helper()
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) > 0 && len(rows[0]) > 0 {
		rows[0][0] = strings.TrimPrefix(rows[0][0], "\uFEFF")
	}
	return rows
}

func itoa(n int) string { return strconv.Itoa(n) }

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }
