package importer_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/japanese"

	"surveysite/internal/build"
	"surveysite/internal/importer"
	"surveysite/internal/survey"
)

// importAndBuild imports the export into a new project, builds it with the
// link check, and tallies the survey as tally --survey does.
func importAndBuild(t *testing.T, name string, data []byte, req importer.Request) (*importer.Plan, *survey.Results) {
	t.Helper()
	dir := t.TempDir()
	export := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(export, data, 0o644); err != nil {
		t.Fatal(err)
	}
	req.Source, req.ID, req.Export = dir, "s", export
	plan, err := importer.Import(req)
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	kept, err := os.ReadFile(filepath.Join(dir, "data", "surveys", "s", name))
	if err != nil || string(kept) != string(data) {
		t.Fatalf("the export is not kept byte for byte (%v)", err)
	}
	if _, err := build.Run(context.Background(), build.Options{Source: dir, Dest: filepath.Join(dir, "public")}); err != nil {
		t.Fatalf("build after import: %v\nreview:\n%s", err, strings.Join(plan.Review, "\n"))
	}
	res, _, err := build.TallySurvey(os.DirFS(dir), "s")
	if err != nil {
		t.Fatal(err)
	}
	return plan, res
}

// types returns "q1:SA q2:MA …" of a plan.
func types(p *importer.Plan) string {
	var b []string
	for _, q := range p.Questions {
		b = append(b, q.ID+":"+q.Type)
	}
	return strings.Join(b, " ")
}

func question(t *testing.T, res *survey.Results, id string) survey.QuestionResult {
	t.Helper()
	for _, q := range res.Questions {
		if q.ID == id {
			return q
		}
	}
	t.Fatalf("no question %s", id)
	return survey.QuestionResult{}
}

// counts returns "label=count …" of a question's 全体 rows.
func counts(q survey.QuestionResult) string {
	var b []string
	for _, r := range q.Total.Rows {
		if r.Count > 0 {
			b = append(b, r.Label+"="+itoa(r.Count))
		}
	}
	return strings.Join(b, " ")
}

func itoa(n int) string {
	s := ""
	if n == 0 {
		return "0"
	}
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

func skipped(p *importer.Plan) string {
	var b []string
	for _, c := range p.Columns {
		if c.Use == importer.UseSkip {
			b = append(b, c.Header)
		}
	}
	return strings.Join(b, ",")
}

// TestGoogleForms: a timestamp and an e-mail column (skipped), 年代 as
// ordered bands, a known scale, checkboxes joined with ", " with a write-in,
// a single choice whose label holds ", ", and free text. Hand counts below.
func TestGoogleForms(t *testing.T) {
	csv := "タイムスタンプ,メールアドレス,年代,満足度,利用した施設（複数選択可）,Did you visit before?,ご意見\n" +
		"2024/05/01 10:00:00,a@example.jp,20代,満足,\"図書館, 体育館\",Yes,駐車場が狭いので広げてほしいです。\n" +
		"2024/05/01 10:05:00,b@example.jp,30代,やや満足,図書館,\"No, but I used to\",\n" +
		"2024/05/01 10:10:00,c@example.jp,20代,満足,\"体育館, 公民館\",No,職員の方の対応がとても丁寧でした。\n" +
		"2024/05/01 10:15:00,d@example.jp,40代,どちらともいえない,\"図書館, カフェ\",\"No, but I used to\",トイレをもっときれいにしてほしい。\n" +
		"2024/05/01 10:20:00,e@example.jp,30代,不満,公民館,Yes,開館時間を延ばしてほしいと思います。\n" +
		"2024/05/01 10:25:00,f@example.jp,40代,やや不満,\"図書館, 公民館, 体育館\",No,\n" +
		"2024/05/01 10:30:00,g@example.jp,20代,満足,図書館,Yes,予約の方法がわかりにくかったです。\n"
	plan, res := importAndBuild(t, "form.csv", []byte(csv), importer.Request{})
	if got, want := types(plan), "q1:SCALE q2:SCALE q3:MA q4:SA q5:FA"; got != want {
		t.Errorf("types %s, want %s\n%s", got, want, strings.Join(plan.Review, "\n"))
	}
	if got := skipped(plan); got != "タイムスタンプ,メールアドレス" {
		t.Errorf("skipped %q", got)
	}
	// 満足 3, やや満足 1, どちらともいえない 1, やや不満 1, 不満 1, in scale order.
	if got, want := counts(question(t, res, "q2")), "満足=3 やや満足=1 どちらともいえない=1 やや不満=1 不満=1"; got != want {
		t.Errorf("q2 %s, want %s", got, want)
	}
	// 図書館 5, 体育館 3, 公民館 3; カフェ once: a write-in, counted as その他.
	if got, want := counts(question(t, res, "q3")), "図書館=5 体育館=3 公民館=3 その他=1"; got != want {
		t.Errorf("q3 %s, want %s", got, want)
	}
	// "No, but I used to" stays one answer: Yes 3, No 2, No, but I used to 2.
	if got, want := counts(question(t, res, "q4")), "Yes=3 No, but I used to=2 No=2"; got != want {
		t.Errorf("q4 %s, want %s", got, want)
	}
	if q := question(t, res, "q5"); q.Total.Summary.NValid != 5 || q.Answers != nil {
		t.Errorf("q5: n_valid %d, answers %v; want 5 and none published", q.Total.Summary.NValid, q.Answers)
	}
	// 年代 is in order of age and suggested as a cross-tab.
	if got := counts(question(t, res, "q1")); got != "20代=3 30代=2 40代=2" {
		t.Errorf("q1 %s", got)
	}
	if strings.Join(plan.Crosstab, ",") != "q1" {
		t.Errorf("crosstab %v, want [q1]", plan.Crosstab)
	}
}

// TestMicrosoftFormsXLSX: ID, 開始時刻, 完了時刻, メール and 名前 (the last
// four skipped), a 0–10 recommendation (NPS), choices joined with ";" as
// Microsoft Forms writes them (with a trailing ";"), and a number.
func TestMicrosoftFormsXLSX(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{
		{"ID", "開始時刻", "完了時刻", "メール", "名前", "このサービスを友人にすすめる可能性はどのくらいありますか", "参加した行事", "参加人数"},
		{1, "2024/6/1 9:00:00", "2024/6/1 9:03:00", "anonymous", "", 10, "夏祭り;清掃;", 3},
		{2, "2024/6/1 9:10:00", "2024/6/1 9:12:00", "anonymous", "", 9, "清掃;", 1},
		{3, "2024/6/1 9:20:00", "2024/6/1 9:25:00", "anonymous", "", 6, "夏祭り;", 4},
		{4, "2024/6/1 9:30:00", "2024/6/1 9:31:00", "anonymous", "", 7, "夏祭り;防災訓練;", 2},
		{5, "2024/6/1 9:40:00", "2024/6/1 9:44:00", "anonymous", "", 3, "防災訓練;", 2},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "forms.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	plan, res := importAndBuild(t, "forms.xlsx", data, importer.Request{})
	if got, want := types(plan), "q1:NPS q2:MA q3:NUM"; got != want {
		t.Errorf("types %s, want %s\n%s", got, want, strings.Join(plan.Review, "\n"))
	}
	// Promoters 10, 9 (2 of 5), detractors 6, 3 (2): NPS 0.0; passives 7.
	s := question(t, res, "q1").Total.Summary
	if s.NPS == nil || s.NPS.String() != "0.0" || s.Promoters.String() != "40.0" {
		t.Errorf("NPS %v promoters %v, want 0.0 and 40.0", s.NPS, s.Promoters)
	}
	if got, want := counts(question(t, res, "q2")), "夏祭り=3 清掃=2 防災訓練=2"; got != want {
		t.Errorf("q2 %s, want %s", got, want)
	}
	// 3, 1, 4, 2, 2: mean 12/5 = 2.40, median 2.
	if s := question(t, res, "q3").Total.Summary; s.Mean != "2.40" || s.Median != "2" {
		t.Errorf("q3 mean %s median %s, want 2.40 and 2", s.Mean, s.Median)
	}
}

// TestLimeSurvey: codes such as Q2[SQ001] group 0/1 (Y) columns into one
// MA question whose [other] column holds typed text; metadata skipped.
func TestLimeSurvey(t *testing.T) {
	csv := "id,submitdate,lastpage,startlanguage,Q1,Q2[SQ001],Q2[SQ002],Q2[other]\n" +
		"1,2024-01-05 10:00:00,3,ja,A1,Y,,\n" +
		"2,2024-01-05 10:02:00,3,ja,A2,Y,Y,\n" +
		"3,2024-01-05 10:04:00,3,ja,A1,,,温泉\n" +
		"4,2024-01-05 10:06:00,3,ja,A3,,Y,\n"
	plan, res := importAndBuild(t, "limesurvey.csv", []byte(csv), importer.Request{})
	if plan.Language != "" {
		t.Errorf("language %q from codes only (Q1, A1), want the site's", plan.Language)
	}
	if got, want := types(plan), "q1:SA q2:MA q2_text:FA"; got != want {
		t.Errorf("types %s, want %s\n%s", got, want, strings.Join(plan.Review, "\n"))
	}
	// SQ001 2, SQ002 2, other 1 (the typed 温泉).
	if got, want := counts(question(t, res, "q2")), "SQ001=2 SQ002=2 other=1"; got != want {
		t.Errorf("q2 %s, want %s", got, want)
	}
	// The typed 温泉 is also kept as free text (not published).
	if s := question(t, res, "q2_text").Total.Summary; s.NValid != 1 {
		t.Errorf("q2_text n_valid %d, want 1", s.NValid)
	}
	if plan.Columns[0].Use != importer.UseID {
		t.Errorf("id column: %+v", plan.Columns[0])
	}
}

// TestSurveyMonkey: two header rows (the question over its options), a
// pick written as the option's label, and personal columns skipped.
func TestSurveyMonkey(t *testing.T) {
	csv := "Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,How satisfied are you?,Which features do you use?,,\n" +
		",,,,,,,,Response,Search,Export,Other (please specify)\n" +
		"1001,55,01/02/2024 10:00:00 AM,01/02/2024 10:05:00 AM,192.0.2.1,,,,Very satisfied,Search,,\n" +
		"1002,55,01/02/2024 11:00:00 AM,01/02/2024 11:05:00 AM,192.0.2.2,,,,Satisfied,Search,Export,\n" +
		"1003,55,01/03/2024 10:00:00 AM,01/03/2024 10:05:00 AM,192.0.2.3,,,,Dissatisfied,,Export,printing\n" +
		"1004,55,01/03/2024 12:00:00 PM,01/03/2024 12:05:00 PM,192.0.2.4,,,,Very satisfied,Search,,\n"
	plan, res := importAndBuild(t, "monkey.csv", []byte(csv), importer.Request{})
	if plan.HeaderRows != 2 {
		t.Errorf("header rows %d, want 2", plan.HeaderRows)
	}
	if got, want := types(plan), "q1:SCALE q2:MA q2_text:FA"; got != want {
		t.Errorf("types %s, want %s\n%s", got, want, strings.Join(plan.Review, "\n"))
	}
	if got, want := counts(question(t, res, "q2")), "Search=3 Export=2 Other (please specify)=1"; got != want {
		t.Errorf("q2 %s, want %s", got, want)
	}
	if got := counts(question(t, res, "q1")); got != "Very satisfied=2 Satisfied=1 Dissatisfied=1" {
		t.Errorf("q1 %s", got)
	}
	// English headers and labels: the survey is English (issue 20), and the
	// review says so.
	if plan.Language != "en" || !strings.Contains(strings.Join(plan.Review, "\n"), "language → en") {
		t.Errorf("language %q, review:\n%s", plan.Language, strings.Join(plan.Review, "\n"))
	}
	if got := question(t, res, "q1").Total.Label; got != "Total" {
		t.Errorf("the total is labelled %q, want Total", got)
	}
}

// TestExcelCP932: a CSV saved by Japanese Excel (CP932, with ① and ～),
// an ID column, a 4-point agreement scale with わからない, and 該当なし
// counted as 無回答.
func TestExcelCP932(t *testing.T) {
	text := "回答者ID,地区,研修は役に立った,受講回数\r\n" +
		"A01,①北部,そう思う,1回\r\n" +
		"A02,②南部,ややそう思う,2回\r\n" +
		"A03,①北部,そう思わない,1回\r\n" +
		"A04,②南部,わからない,３回\r\n" +
		"A05,①北部,該当なし,該当なし\r\n" +
		"A06,②南部,そう思う,1回\r\n"
	data, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	plan, res := importAndBuild(t, "excel.csv", data, importer.Request{})
	if got, want := types(plan), "q1:SA q2:SCALE q3:NUM"; got != want {
		t.Errorf("types %s, want %s\n%s", got, want, strings.Join(plan.Review, "\n"))
	}
	q := question(t, res, "q2")
	// そう思う 2, ややそう思う 1, そう思わない 1, わからない 1, 該当なし → 無回答 1.
	if got, want := counts(q), "そう思う=2 ややそう思う=1 そう思わない=1 わからない=1 無回答=1"; got != want {
		t.Errorf("q2 %s, want %s", got, want)
	}
	// Scores 4,4,3,1 (わからない left out): mean 12/4 = 3.00.
	if q.Total.Summary.Mean != "3.00" {
		t.Errorf("q2 mean %s, want 3.00", q.Total.Summary.Mean)
	}
	if s := question(t, res, "q3").Total.Summary; s.Mean != "1.60" || s.NValid != 5 {
		t.Errorf("q3 mean %s n_valid %d, want 1.60 (8/5) and 5", s.Mean, s.NValid)
	}
	if plan.Columns[0].Use != importer.UseID || strings.Join(plan.Crosstab, ",") != "q1" {
		t.Errorf("id %+v crosstab %v", plan.Columns[0], plan.Crosstab)
	}
}

// TestImportRefusesToOverwrite: a second import writes nothing without
// --force.
func TestImportRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	export := filepath.Join(dir, "x.csv")
	os.WriteFile(export, []byte("id,q\n1,はい\n2,いいえ\n3,はい\n"), 0o644)
	req := importer.Request{Source: dir, ID: "s", Export: export}
	if _, err := importer.Import(req); err != nil {
		t.Fatal(err)
	}
	cb := filepath.Join(dir, "data", "surveys", "s", "codebook.csv")
	os.WriteFile(cb, []byte("edited"), 0o644)
	if _, err := importer.Import(req); err == nil || !strings.Contains(err.Error(), "--force") {
		t.Errorf("second import: err = %v, want a refusal naming --force", err)
	}
	if b, _ := os.ReadFile(cb); string(b) != "edited" {
		t.Error("the refused import changed the codebook")
	}
	req.Force = true
	if _, err := importer.Import(req); err != nil {
		t.Fatal(err)
	}
}

// TestRealExport imports the real export in ../shared/data/exports (skipped
// when it is absent) and checks one question of each type against counts
// made by hand from the file (python's csv module, see the closing note).
func TestRealExport(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "data", "exports", "fukui-kanko-20220501-cp932.csv")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skip("no real export beside the repository")
	}
	plan, res := importAndBuild(t, "fukui.csv", data, importer.Request{})
	if plan.HeaderRows != 2 || res.N != 163 {
		t.Fatalf("header rows %d, N %d; want 2 and 163", plan.HeaderRows, res.N)
	}
	byText := map[string]survey.QuestionResult{}
	for _, q := range res.Questions {
		byText[q.Text] = q
	}
	// 満足度: とても満足 67, 満足 70, どちらでもない 22, 不満 4; top-2
	// 137/163 = 84.0%, mean 689/163 = 4.23.
	s := byText["満足度"]
	if s.Type != survey.SCALE || s.Total.Summary.Top2.String() != "84.0" || s.Total.Summary.Mean != "4.23" {
		t.Errorf("満足度: %s top2 %v mean %s", s.Type, s.Total.Summary.Top2, s.Total.Summary.Mean)
	}
	// NPS: promoters 47 (28.8%), detractors 53 (32.5%): NPS −3.7.
	n := byText["NPS"]
	if n.Type != survey.NPS || n.Total.Summary.NPS.String() != "-3.7" {
		t.Errorf("NPS: %s %v", n.Type, n.Total.Summary.NPS)
	}
	// 訪問目的 (0/1 columns): 地元の美味しいものを食べる 51, その他 5 (typed text).
	m := byText["Q6 訪問目的"]
	if m.Type != survey.MA || !strings.Contains(counts(m), "地元の美味しいものを食べる=51") || !strings.Contains(counts(m), "その他=5") {
		t.Errorf("訪問目的: %s %s", m.Type, counts(m))
	}
	// 生まれ年: 163 numbers, median 1972.
	b := byText["会員情報 生まれ年"]
	if b.Type != survey.NUM || b.Total.Summary.Median != "1972" || b.Total.Summary.NValid != 163 {
		t.Errorf("生まれ年: %s median %s n_valid %d", b.Type, b.Total.Summary.Median, b.Total.Summary.NValid)
	}
	// 満足度の理由: 60 answers, none published.
	f := byText["満足度の理由"]
	if f.Type != survey.FA || f.Total.Summary.NValid != 60 || f.Answers != nil {
		t.Errorf("満足度の理由: %s n_valid %d", f.Type, f.Total.Summary.NValid)
	}
	// 性別 (SA): 女 100.
	if g := byText["会員情報 性別"]; g.Type != survey.SA || !strings.Contains(counts(g), "女=100") {
		t.Errorf("性別: %s %s", g.Type, counts(g))
	}
}

// FuzzInfer: any table of text gives a plan or an error, never a panic; every
// column is decided once, and every question names its columns.
func FuzzInfer(f *testing.F) {
	f.Add("id,q\n1,はい\n2,いいえ\n", 0)
	f.Add("Q1,,\nA,B,その他\n1,0,x\n0,1,\n", 0)
	f.Add("a,b\n\"x, y\",1\n\"x\",2\n\"y, z\",3\n", 1)
	f.Fuzz(func(t *testing.T, text string, headerRows int) {
		var rows [][]string
		for _, line := range strings.Split(text, "\n") {
			rows = append(rows, strings.Split(line, ","))
		}
		plan, err := importer.Infer(rows, importer.Options{HeaderRows: headerRows % 4})
		if err != nil {
			return
		}
		names := map[string]bool{}
		for _, c := range plan.Columns {
			if c.Use == "" {
				t.Fatalf("column %d (%s) was not decided", c.Index, c.Header)
			}
			if c.Use == importer.UseQuestion || c.Use == importer.UseAttribute {
				if names[c.Name] {
					t.Fatalf("name %q twice", c.Name)
				}
				names[c.Name] = true
			}
		}
		for _, q := range plan.Questions {
			if !names[q.ID] && !names[q.ID+"_01"] {
				t.Fatalf("question %s has no column", q.ID)
			}
		}
	})
}

// TestImportUnreadable: a broken CSV names its line and column, a broken
// workbook its file, each with a fix; nothing is written.
func TestImportUnreadable(t *testing.T) {
	for name, data := range map[string]string{
		"bad.csv":  "id,q\n1,\"はい\n2,x\"y\n",
		"bad.xlsx": "garbage",
	} {
		dir := t.TempDir()
		export := filepath.Join(t.TempDir(), name)
		os.WriteFile(export, []byte(data), 0o644)
		_, err := importer.Import(importer.Request{Source: dir, ID: "s", Export: export})
		want := export + ":2:1: the quoted cell"
		if name == "bad.xlsx" {
			want = export + ": cannot read the workbook"
		}
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s: err = %v, want it to start %q", name, err, want)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("%s: a failed import wrote %v", name, entries)
		}
	}
}

// TestImportReviewCases: a checkbox label holding ", " that is also picked
// with others stays whole; a comment column with few distinct answers is FA
// (its phone number never published); a repeated respondent_id column and a
// blank cross-tab value still build.
func TestImportReviewCases(t *testing.T) {
	var b strings.Builder
	b.WriteString("respondent_id,地区,Activities,ご意見・ご要望\n")
	acts := []string{"\"Picnic, barbecue\"", "\"Walking, Picnic, barbecue\"", "Walking", "\"Swimming, Walking\"", "Swimming"}
	notes := []string{"駐車場を増やしてほしい", "山田です。090-1111-2222に連絡ください", "", "", ""}
	areas := []string{"北部", "南部", "", "北部", "南部"}
	for i := range 20 {
		b.WriteString(itoa(i%7) + "," + areas[i%5] + "," + acts[i%5] + "," + notes[i%5] + "\n")
	}
	dir := t.TempDir()
	export := filepath.Join(t.TempDir(), "x.csv")
	os.WriteFile(export, []byte(b.String()), 0o644)
	plan, err := importer.Import(importer.Request{Source: dir, ID: "s", Export: export})
	if err != nil {
		t.Fatal(err)
	}
	// 地区 is suggested as a cross-tab; it has a blank segment.
	page := filepath.Join(dir, "content", "surveys", "s", "_index.md")
	src, _ := os.ReadFile(page)
	os.WriteFile(page, []byte(strings.Replace(string(src), "survey: \"s\"\n", "survey: \"s\"\nmin_cell: 2\n", 1)), 0o644)
	if _, err := build.Run(context.Background(), build.Options{Source: dir, Dest: filepath.Join(dir, "public")}); err != nil {
		t.Fatalf("build: %v\n%s", err, strings.Join(plan.Review, "\n"))
	}
	res, _, err := build.TallySurvey(os.DirFS(dir), "s")
	if err != nil {
		t.Fatal(err)
	}
	// Picnic, barbecue in 8 of 20 cells; Walking 12; Swimming 8.
	if got, want := counts(question(t, res, "q2")), "Walking=12 Picnic, barbecue=8 Swimming=8"; got != want {
		t.Errorf("q2 %s, want %s\n%s", got, want, strings.Join(plan.Review, "\n"))
	}
	if q := question(t, res, "q3"); q.Type != survey.FA {
		t.Errorf("ご意見 is %s, want FA", q.Type)
	}
	filepath.WalkDir(filepath.Join(dir, "public"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if data, _ := os.ReadFile(p); strings.Contains(string(data), "090-1111-2222") {
				t.Errorf("%s publishes the phone number", p)
			}
		}
		return nil
	})
}
