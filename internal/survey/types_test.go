package survey

import (
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// analyseFiles loads a codebook and tallies responses given as text.
func analyseFiles(t *testing.T, codebook, responses string, cfg Config) *Results {
	t.Helper()
	fsys := fstest.MapFS{"cb.csv": {Data: []byte(codebook)}, "r.csv": {Data: []byte(responses)}}
	cb, err := LoadCodebook(fsys, "cb.csv")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Analyse(fsys, "r.csv", cb, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func ptr(t *Tenths) string {
	if t == nil {
		return "nil"
	}
	return t.String()
}

const typesHeader = "question_id,type,max_choices,question_text,option_code,option_label,option_role,value,unit,separator,bins\n"

// TestScaleHandComputed: 10 respondents on a five-point scale with
// わからない. By hand: rows in scale order 2,3,1,1,0 then わからない 2,
// 無回答 1; top2 = (2+3)/10 = 50.0; bottom2 = (1+0)/10 = 10.0; scores
// 5,5,4,4,4,3,2 (n_valid 7): mean 27/7 = 3.857… → 3.86; sd = sqrt((7·111 −
// 27²)/(7·6)) = sqrt(48/42) = 1.0690… → 1.07.
func TestScaleHandComputed(t *testing.T) {
	cb := typesHeader +
		"s,SCALE,,満足度,5,とても満足,,,,,\n" +
		"s,,,,4,満足,,,,,\n" +
		"s,,,,3,どちらでもない,,,,,\n" +
		"s,,,,2,不満,,,,,\n" +
		"s,,,,1,とても不満,,,,,\n" +
		"s,,,,9,わからない,dontknow,,,,\n"
	resp := "respondent_id,s\n1,とても満足\n2,5\n3,満足\n4,4\n5,4\n6,3\n7,不満\n8,9\n9,わからない\n10,\n"
	res := analyseFiles(t, cb, resp, Config{})
	seg := res.Questions[0].Total
	if got, want := rowsString(seg), "n=10 5:2:20.0:0 4:3:30.0:0 3:1:10.0:0 2:1:10.0:0 1:0:0.0:0 9:2:20.0:0 _blank:1:10.0:0 _invalid:0:0.0:0"; got != want {
		t.Errorf("rows\n got %s\nwant %s", got, want)
	}
	s := seg.Summary
	if ptr(s.Top2) != "50.0" || ptr(s.Bottom2) != "10.0" || s.Mean != "3.86" || s.SD != "1.07" || s.NValid != 7 {
		t.Errorf("summary = top2 %s bottom2 %s mean %s sd %s n_valid %d, want 50.0 10.0 3.86 1.07 7", ptr(s.Top2), ptr(s.Bottom2), s.Mean, s.SD, s.NValid)
	}
}

// TestScaleTop2FromCounts: 1 of 3 and 1 of 3 are 33.3% each, but the top-2
// share is 2/3 = 66.7%, not 66.6%.
func TestScaleTop2FromCounts(t *testing.T) {
	cb := typesHeader +
		"s,SCALE,,満足度,a,とても満足,,,,,\n" +
		"s,,,,b,満足,,,,,\n" +
		"s,,,,c,不満,,,,,\n" +
		"s,,,,d,とても不満,,,,,\n"
	res := analyseFiles(t, cb, "respondent_id,s\n1,a\n2,b\n3,c\n", Config{})
	s := res.Questions[0].Total.Summary
	if ptr(s.Top2) != "66.7" || ptr(s.Bottom2) != "33.3" {
		t.Errorf("top2 %s bottom2 %s, want 66.7 33.3", ptr(s.Top2), ptr(s.Bottom2))
	}
	// Scores 4, 3, 2: mean 3.00, sd 1.00.
	if s.Mean != "3.00" || s.SD != "1.00" {
		t.Errorf("mean %s sd %s, want 3.00 1.00", s.Mean, s.SD)
	}
}

// TestScaleValuesFromCodebook: values 10, 0, -10 give mean (10+0−10−10)/4
// = −2.50.
func TestScaleValuesFromCodebook(t *testing.T) {
	cb := typesHeader +
		"s,SCALE,,評価,a,良い,,10,,,\n" +
		"s,,,,b,普通,,0,,,\n" +
		"s,,,,c,悪い,,-10,,,\n"
	res := analyseFiles(t, cb, "respondent_id,s\n1,a\n2,b\n3,c\n4,c\n", Config{})
	if s := res.Questions[0].Total.Summary; s.Mean != "-2.50" || s.Top2 != nil {
		t.Errorf("mean %s top2 %s, want -2.50 and no top2 for a 3-point scale", s.Mean, ptr(s.Top2))
	}
}

// TestNPSFromCounts: 15 promoters, 16 passives and 24 detractors of 55:
// NPS = 100·(15−24)/55 = −16.36… → −16.4 (rounded percentages would give
// 27.3 − 43.6 = −16.3). Interval by hand: p = 15/55, d = 24/55, variance
// p + d − (p−d)² = 0.68231, se = sqrt(0.68231/55) = 0.11138, bounds
// −0.16364 ∓ 1.959964·0.11138 = −38.2 and 5.5.
func TestNPSFromCounts(t *testing.T) {
	var b strings.Builder
	b.WriteString("respondent_id,n\n")
	id := 0
	add := func(score string, k int) {
		for range k {
			id++
			b.WriteString(strings.Join([]string{itoa(id), score}, ",") + "\n")
		}
	}
	add("10", 10)
	add("９", 5) // full width
	add("8", 9)
	add("7", 7)
	add("6", 4)
	add("0", 20)
	add("", 3)
	res := analyseFiles(t, typesHeader+"n,NPS,,おすすめ度,,,,,,,\n", b.String(), Config{})
	seg := res.Questions[0].Total
	s := seg.Summary
	got := strings.Join([]string{ptr(s.Promoters), ptr(s.Passives), ptr(s.Detractors), ptr(s.NPS), ptr(s.NPSLow), ptr(s.NPSHigh)}, " ")
	if want := "27.3 29.1 43.6 -16.4 -38.2 5.5"; got != want || s.NValid != 55 || seg.N != 58 {
		t.Errorf("NPS figures %s n_valid %d n %d, want %s 55 58", got, s.NValid, seg.N, want)
	}
	if len(seg.Rows) != 13 || seg.Rows[10].Code != "10" || seg.Rows[10].Count != 10 || seg.Rows[9].Count != 5 {
		t.Errorf("rows = %s", rowsString(seg))
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestNumHandComputed: 1, ２日, 3, 4 日, 10 with unit 日; abc is 無効 and
// a blank is 無回答. mean 20/5 = 4.00; sd sqrt(50/4) = 3.5355… → 3.54;
// quartiles (type 7, n=5): h = 1, 2, 3 → 2, 3, 4. Codebook bins 0,3,5: 0〜2日
// holds 1 and 2, 3〜4日 holds 3 and 4, 5日以上 holds 10.
func TestNumHandComputed(t *testing.T) {
	cb := typesHeader + "d,NUM,,日数,,,,,日,,\"0,3,5\"\n"
	res := analyseFiles(t, cb, "respondent_id,d\n1,1\n2,２日\n3,3\n4,4 日\n5,10\n6,abc\n7,\n", Config{})
	seg := res.Questions[0].Total
	s := seg.Summary
	got := strings.Join([]string{s.Mean.String(), s.SD.String(), s.Min.String(), s.Q1.String(), s.Median.String(), s.Q3.String(), s.Max.String()}, " ")
	if want := "4.00 3.54 1 2 3 4 10"; got != want || s.NValid != 5 {
		t.Errorf("summary %s n_valid %d, want %s 5", got, s.NValid, want)
	}
	var labels []string
	for _, r := range seg.Rows {
		labels = append(labels, r.Label+":"+itoa(r.Count))
	}
	if got, want := strings.Join(labels, " "), "0〜2日:2 3〜4日:2 5日以上:1 無回答:1 無効:1"; got != want {
		t.Errorf("bins %s, want %s", got, want)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].Error(), `"abc" is not a number`) {
		t.Errorf("warnings = %v", res.Warnings)
	}
}

// TestQuartilesInterpolate: 1, 2, 3, 4, 10, 12 (n=6): h = 1.25, 2.5, 3.75,
// so Q1 = 2 + 0.25·1 = 2.25, median = 3 + 0.5·1 = 3.5, Q3 = 4 + 0.75·6 =
// 8.5, as Excel's QUARTILE.INC gives.
func TestQuartilesInterpolate(t *testing.T) {
	res := analyseFiles(t, typesHeader+"d,NUM,,日数,,,,,,,\n", "respondent_id,d\n1,12\n2,1\n3,3\n4,2\n5,10\n6,4\n", Config{})
	s := res.Questions[0].Total.Summary
	if s.Q1 != "2.25" || s.Median != "3.5" || s.Q3 != "8.5" {
		t.Errorf("quartiles %s %s %s, want 2.25 3.5 8.5", s.Q1, s.Median, s.Q3)
	}
}

func TestParseNumber(t *testing.T) {
	for _, c := range []struct{ in, unit, key string }{
		{"1,200", "円", "1200"}, {"１，２００円", "円", "1200"}, {" 3.5 ", "", "3.5"}, {"-2", "", "-2"},
		{"+7", "", "7"}, {"12,34", "", ""}, {"1.2.3", "", ""}, {"約3", "", ""}, {"3日", "", ""},
	} {
		key, _, ok := parseNumber(c.in, c.unit)
		if key != c.key || ok != (c.key != "") {
			t.Errorf("parseNumber(%q, %q) = %q %v, want %q", c.in, c.unit, key, ok, c.key)
		}
	}
}

// TestRankHandComputed: k = 3 over a, b, c, d, one column per rank.
// By hand: a is 1位 twice (r1, r3) and 2位 once (r2): by_rank 2,1,0,
// count 3 (60.0%), score 3·2 + 2·1 = 8; b 1,1,0, 2 (40.0%), 5; c 0,1,1,
// 2, 3; d 0,0,1, 1 (20.0%), 1. r4 ranks b twice (無効); r5 is blank.
func TestRankHandComputed(t *testing.T) {
	cb := typesHeader + "r,RANK,3,優先順位,a,研修,,,,,\nr,,,,b,対話,,,,,\nr,,,,c,評価,,,,,\nr,,,,d,採用,,,,,\n"
	resp := "respondent_id,r_1,r_2,r_3\n1,a,b,c\n2,b,a,\n3,a,c,d\n4,b,対話,c\n5,,,\n"
	res := analyseFiles(t, cb, resp, Config{})
	var got []string
	for _, r := range res.Questions[0].Total.Rows {
		s := ""
		if r.Score != nil {
			s = itoa(*r.Score)
		}
		got = append(got, r.Code+":"+itoa(r.Count)+":"+r.Percent.String()+":"+itoa(r.Rank)+":"+s+":"+ints(r.ByRank))
	}
	want := "a:3:60.0:1:8:2,1,0 b:2:40.0:2:5:1,1,0 c:2:40.0:3:3:0,1,1 d:1:20.0:4:1:0,0,1 _blank:1:20.0:0:: _invalid:1:20.0:0::"
	if strings.Join(got, " ") != want {
		t.Errorf("rows\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	// The same answers, one column per option holding its rank.
	resp2 := "respondent_id,r_a,r_b,r_c,r_d\n1,1,2,3,\n2,2,1,,\n3,1,,2,3\n4,,1,2,1\n5,,,,\n"
	res2 := analyseFiles(t, cb, resp2, Config{})
	if a, b := rowsString(res.Questions[0].Total), rowsString(res2.Questions[0].Total); a != b {
		t.Errorf("per-option layout differs:\n%s\n%s", a, b)
	}
}

// TestFreeTextPublishedMasked: answers are counted always, listed only when
// published, masked, and without excluded respondents.
func TestFreeTextPublishedMasked(t *testing.T) {
	cb := typesHeader + "f,FA,,ご意見,,,,,,,\n"
	resp := "respondent_id,f\n1,とても良い\n2,\n3,連絡は test@example.com まで\n4,電話 03-1234-5678\n5,https://example.org/x を見た\n"
	res := analyseFiles(t, cb, resp, Config{})
	q := res.Questions[0]
	if q.Total.Summary.NValid != 4 || q.Answers != nil {
		t.Errorf("n_valid %d answers %v, want 4 and none published", q.Total.Summary.NValid, q.Answers)
	}
	res = analyseFiles(t, cb, resp, Config{Publish: []string{"f"}, Exclude: []string{"1"}})
	var got []string
	for _, a := range res.Questions[0].Answers {
		got = append(got, a.Text)
	}
	if want := "連絡は ［メールアドレス］ まで|電話 ［電話番号］|［URL］ を見た"; strings.Join(got, "|") != want {
		t.Errorf("answers %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestMissingValuesAreBlank: the survey's words for no answer count as
// 無回答, compared after NFKC.
func TestMissingValuesAreBlank(t *testing.T) {
	cb := typesHeader + "s,SA,,性別,1,男,,,,,\ns,,,,2,女,,,,,\n"
	res := analyseFiles(t, cb, "respondent_id,s\n1,1\n2,選択肢なし\n3,Ｎ/Ａ\n", Config{Missing: []string{"選択肢なし", "N/A"}})
	if got := rowsString(res.Questions[0].Total); got != "n=3 1:1:33.3:1 2:0:0.0:2 _blank:2:66.7:0 _invalid:0:0.0:0" {
		t.Errorf("rows %s", got)
	}
}

// TestLineFeedSeparator: a question whose answers are on lines of one cell.
func TestLineFeedSeparator(t *testing.T) {
	cb := typesHeader + "m,MA,,目的,a,温泉,,,,LF,\nm,,,,b,\"食事, 地元\",,,,,\n"
	res := analyseFiles(t, cb, "respondent_id,m\n1,\"温泉\n食事, 地元\"\n2,a\n", Config{})
	if got := rowsString(res.Questions[0].Total); got != "n=2 a:2:100.0:1 b:1:50.0:2 _blank:0:0.0:0 _invalid:0:0.0:0" {
		t.Errorf("rows %s", got)
	}
}

func ints(v []int) string {
	var b []string
	for _, x := range v {
		b = append(b, strconv.Itoa(x))
	}
	return strings.Join(b, ",")
}

// TestMultipleTotal: testResponses' q1 has 2+2+1+1+2+1 = 9 mentions over
// n = 8 (blank and invalid included in n): M.T. = 112.5%; 6 answered
// validly.
func TestMultipleTotal(t *testing.T) {
	res, err := analyseString(t, testResponses, Config{})
	if err != nil {
		t.Fatal(err)
	}
	s := res.Questions[0].Total.Summary
	if ptr(s.MT) != "112.5" || s.NValid != 6 {
		t.Errorf("M.T. %s n_valid %d, want 112.5 6", ptr(s.MT), s.NValid)
	}
}

// TestCrosstabByQuestion: an SA question's column splits respondents; its
// segments come in codebook order (女 before 男 here, although 男 appears
// first) and carry the option's label.
func TestCrosstabByQuestion(t *testing.T) {
	cb := typesHeader + "g,SA,,性別,f,女,,,,,\ng,,,,m,男,,,,,\ns,SA,,満足,1,はい,,,,,\ns,,,,2,いいえ,,,,,\n"
	res := analyseFiles(t, cb, "respondent_id,g,s\n1,m,1\n2,f,2\n3,男,2\n", Config{By: []string{"g"}, MinCell: 1})
	var got []string
	for _, sg := range res.Questions[1].Crosstabs[0].Segments {
		got = append(got, sg.Label+":"+rowsString(sg))
	}
	want := "g=女:n=1 2:1:100.0:1 1:0:0.0:2 _blank:0:0.0:0 _invalid:0:0.0:0|g=男:n=2 1:1:50.0:1 2:1:50.0:1 _blank:0:0.0:0 _invalid:0:0.0:0"
	if strings.Join(got, "|") != want {
		t.Errorf("segments\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
}

// TestQuestionIsNotCrossTabulatedByItself: with By [g, s], g has only the
// cross-tab by s, s only the one by g; an attribute column still splits both.
func TestQuestionIsNotCrossTabulatedByItself(t *testing.T) {
	cb := typesHeader + "g,SA,,性別,f,女,,,,,\ng,,,,m,男,,,,,\ns,SA,,満足,1,はい,,,,,\ns,,,,2,いいえ,,,,,\n"
	res := analyseFiles(t, cb, "respondent_id,area,g,s\n1,北,m,1\n2,南,f,2\n3,北,男,2\n", Config{By: []string{"g", "s", "area"}, MinCell: 1})
	for i, want := range []string{"s area", "g area"} {
		var got []string
		for _, ct := range res.Questions[i].Crosstabs {
			got = append(got, ct.Column)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%s is cross-tabulated by %q, want %q", res.Questions[i].ID, got, want)
		}
	}
}

// FuzzParseNumber: whatever a cell holds, parseNumber either refuses it or
// returns a key that is a plain decimal number of the same value, which
// parses again to itself.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1,200", "１，２００円", " 3.5 ", "-2", "+7", "12,34", "1.2.3", "約3", "3日", "", "0x10", "1e5", "٣", "-0", "00012.50"} {
		f.Add(s, "円")
	}
	f.Fuzz(func(t *testing.T, cell, unit string) {
		key, r, ok := parseNumber(cell, unit)
		if !ok {
			if key != "" || r != nil {
				t.Fatalf("parseNumber(%q) refused but returned %q", cell, key)
			}
			return
		}
		if strings.ContainsAny(key, ", +") {
			t.Fatalf("key %q of %q keeps a separator or sign", key, cell)
		}
		k2, r2, ok2 := parseNumber(key, "")
		if !ok2 || k2 != key || r2.Cmp(r) != 0 {
			t.Fatalf("key %q of %q does not parse to itself: %q %v", key, cell, k2, ok2)
		}
	})
}

// TestWriteInsCountAsOther: with writein, answers that name no option count
// once each in the other option, in the one-column and the wide layout (text
// typed into the その他 column); without it they are errors.
func TestWriteInsCountAsOther(t *testing.T) {
	cb := "question_id,type,max_choices,question_text,option_code,option_label,option_role,writein\n" +
		"m,MA,,目的,a,温泉,,yes\nm,,,,b,食事,,\nm,,,,x,その他,other,\n"
	res := analyseFiles(t, cb, "respondent_id,m\n1,温泉;釣り\n2,\"食事;ドライブ;温泉\"\n3,b\n", Config{})
	if got := rowsString(res.Questions[0].Total); got != "n=3 a:2:66.7:1 b:2:66.7:1 x:2:66.7:0 _blank:0:0.0:0 _invalid:0:0.0:0" {
		t.Errorf("one column: %s", got)
	}
	res = analyseFiles(t, cb, "respondent_id,m_a,m_b,m_x\n1,1,0,釣り\n2,0,1,\n3,0,0,0\n", Config{})
	if got := rowsString(res.Questions[0].Total); got != "n=3 a:1:33.3:1 b:1:33.3:1 x:1:33.3:0 _blank:1:33.3:0 _invalid:0:0.0:0" {
		t.Errorf("wide: %s", got)
	}
	fsys := fstest.MapFS{"cb.csv": {Data: []byte(strings.Replace(cb, ",yes", ",", 1))}, "r.csv": {Data: []byte("respondent_id,m\n1,釣り\n")}}
	c, err := LoadCodebook(fsys, "cb.csv")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Analyse(fsys, "r.csv", c, Config{}); err == nil || !strings.Contains(err.Error(), `"釣り" is not an option`) {
		t.Errorf("without writein: err = %v", err)
	}
}

// TestDiffNewcombe checks the difference and its interval against the
// examples of Newcombe (1998), "Interval estimation for the difference
// between independent proportions", Statistics in Medicine 17, Table II,
// method 10: 56/70 − 48/80 = 0.2000 (0.0524, 0.3339), which excludes 0;
// 5/56 − 0/29 = 0.0893 (−0.0381, 0.1926), which does not.
func TestDiffNewcombe(t *testing.T) {
	for _, c := range []struct {
		x1, n1, x2, n2 int
		want           string
		sign           int
	}{
		{56, 70, 48, 80, "20.0 5.2 33.4", 1},
		{5, 56, 0, 29, "8.9 -3.8 19.3", 0},
		{48, 80, 56, 70, "-20.0 -33.4 -5.2", -1},
		// From counts, not rounded shares: 1/3 − 1/6 = 16.666… → 16.7
		// (33.3 − 16.7 would give 16.6).
		{1, 3, 1, 6, "16.7", 0},
	} {
		d, ok := DiffOf(c.x1, c.n1, c.x2, c.n2)
		got := strings.Join([]string{d.Diff.String(), d.Low.String(), d.High.String()}, " ")
		if !ok || !strings.HasPrefix(got, c.want) || d.Sign != c.sign {
			t.Errorf("DiffOf(%d/%d, %d/%d) = %s sign %d, want %s sign %d", c.x1, c.n1, c.x2, c.n2, got, d.Sign, c.want, c.sign)
		}
	}
}

// TestCompareWaves: options matched by code, then label; a new option has no
// previous figures, a dropped one is listed; a new question is reported.
func TestCompareWaves(t *testing.T) {
	cb := typesHeader + "s,SA,,満足,1,はい,,,,,\ns,,,,2,いいえ,,,,,\ns,,,,3,未定,,,,,\n"
	cur := analyseFiles(t, cb, "respondent_id,s\n1,1\n2,1\n3,2\n4,3\n", Config{})
	cbPrev := typesHeader + "s,SA,,満足,y,はい,,,,,\ns,,,,2,いいえ,,,,,\ns,,,,9,どちらとも,,,,,\nt,SA,,旧設問,1,a,,,,,\n"
	prev := analyseFiles(t, cbPrev, "respondent_id,s,t\n1,y,1\n2,2,1\n3,2,1\n4,9,1\n5,9,1\n", Config{})
	added, dropped := Compare(cur, prev, "w1")
	if len(added) != 0 || strings.Join(dropped, ",") != "t" {
		t.Errorf("added %v dropped %v, want none and [t]", added, dropped)
	}
	q := cur.Questions[0]
	var got []string
	for _, r := range q.Total.Rows {
		if r.Prev == nil {
			got = append(got, r.Code+":new")
			continue
		}
		got = append(got, r.Code+":"+itoa(r.Prev.Count)+":"+r.Prev.Percent.String()+":"+r.Prev.Diff.String())
	}
	// はい 2/4 = 50.0 against 1/5 = 20.0 (by label): +30.0; いいえ 1/4 = 25.0
	// against 2/5 = 40.0: −15.0; 未定 is new; 無回答 0 against 0.
	if want := "1:1:20.0:30.0 2:2:40.0:-15.0 3:new _blank:0:0.0:0.0 _invalid:0:0.0:0.0"; strings.Join(got, " ") != want {
		t.Errorf("rows %s\nwant %s", strings.Join(got, " "), want)
	}
	if strings.Join(q.Prev.Dropped, ",") != "どちらとも" || q.Prev.N != 5 {
		t.Errorf("wave %+v", q.Prev)
	}
}

// TestVsRest: 区分 A answers はい 9 of 10, the rest (B) 2 of 10: the
// difference 70.0 points (Newcombe interval excluding 0) marks A higher
// and B lower; いいえ likewise the other way.
func TestVsRest(t *testing.T) {
	cb := typesHeader + "s,SA,,満足,1,はい,,,,,\ns,,,,2,いいえ,,,,,\n"
	var b strings.Builder
	b.WriteString("respondent_id,区分,s\n")
	for i := range 20 {
		g, a := "A", "1"
		if i >= 10 {
			g = "B"
		}
		if i == 9 || i >= 10 && i < 18 {
			a = "2"
		}
		b.WriteString(itoa(i+1) + "," + g + "," + a + "\n")
	}
	res := analyseFiles(t, cb, b.String(), Config{By: []string{"区分"}, MinCell: 5})
	var got []string
	for _, sg := range res.Questions[0].Crosstabs[0].Segments {
		for _, r := range sg.Rows {
			got = append(got, sg.Value+r.Code+":"+r.VsRest)
		}
	}
	if want := "A1:higher A2:lower A_blank: A_invalid: B2:higher B1:lower B_blank: B_invalid:"; strings.Join(got, " ") != want {
		t.Errorf("got %s\nwant %s", strings.Join(got, " "), want)
	}
}

// TestNumHugeValues: a 400-digit number, or values too close for float64,
// give one bin instead of hanging or repeating bounds.
func TestNumHugeValues(t *testing.T) {
	huge := strings.Repeat("9", 400)
	var b strings.Builder
	b.WriteString("respondent_id,d\n")
	for i, v := range []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", huge} {
		b.WriteString(itoa(i+1) + "," + v + "\n")
	}
	res := analyseFiles(t, typesHeader+"d,NUM,,数,,,,,,,\n", b.String(), Config{})
	rows := res.Questions[0].Total.Rows
	if len(rows) != 3 || rows[0].Count != 12 {
		t.Errorf("rows = %s", rowsString(res.Questions[0].Total))
	}
}

// TestMaskText: the written forms of Japanese phone numbers and addresses
// are masked; years, amounts, postal codes and ISBNs are not.
func TestMaskText(t *testing.T) {
	for in, want := range map[string]string{
		"電話 03-1234-5678":           "電話 ［電話番号］",
		"090-1111-2222に連絡":          "［電話番号］に連絡",
		"03(1234)5678":              "［電話番号］",
		"０３（１２３４）５６７８":              "［電話番号］",
		"(03)1234-5678":             "［電話番号］",
		"03.1234.5678":              "［電話番号］",
		"03‐1234‐5678":              "［電話番号］",
		"0312345678":                "［電話番号］",
		"+81 3 1234 5678":           "［電話番号］",
		"メールはtaro@example.comです":    "メールは［メールアドレス］です",
		"taro(at)example.com":       "［メールアドレス］",
		"2020-2023年に参加":             "2020-2023年に参加",
		"1000 2000円":                "1000 2000円",
		"〒100-0001":                 "〒100-0001",
		"ISBN 978-4-12-345678-9":    "ISBN 978-4-12-345678-9",
		"https://example.org/x を見た": "［URL］ を見た",
	} {
		if got, _ := MaskText(in); got != want {
			t.Errorf("MaskText(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPlainDigitsAsParseNumber: the fast path for cells of plain digits
// gives the key parseNumber gives.
func TestPlainDigitsAsParseNumber(t *testing.T) {
	for _, c := range []string{"0", "7", "007", "120", "123456789012345678"} {
		key, _, ok := parseNumber(c, "分")
		if !plainDigits(c) || !ok || key != c {
			t.Errorf("%q: plainDigits %t, parseNumber %q %t", c, plainDigits(c), key, ok)
		}
	}
	for _, c := range []string{"", " 1", "1 ", "1.5", "-1", "+1", "1,000", "１", "1分", "1234567890123456789"} {
		if plainDigits(c) {
			t.Errorf("plainDigits(%q) = true", c)
		}
	}
}

// TestNumSpellingsOfOneValueMerge: plain 0–999 are counted by value, other
// spellings by their text; the two meet in values. 7, ７, 7.0 and 007 are
// one value; 1000 and 1,000 another; with 2.5 and 12: sorted 2.5, 7 (×4),
// 12, 1000 (×2), n = 8. Type 7: median h = 7·0.5 + 1 = 4.5, between two
// 7s: 7; Q3 h = 7·0.75 + 1 = 6.25: 12 + 0.25·(1000 − 12) = 259; max 1000.
func TestNumSpellingsOfOneValueMerge(t *testing.T) {
	res := analyseFiles(t, typesHeader+"d,NUM,,数,,,,,,,\n", "respondent_id,d\n1,7\n2,７\n3,7.0\n4,1000\n5,\"1,000\"\n6,2.5\n7,12\n8,007\n", Config{})
	s := res.Questions[0].Total.Summary
	if s.NValid != 8 || s.Min != "2.5" || s.Median != "7" || s.Q3 != "259" || s.Max != "1000" {
		t.Errorf("n %d min %s median %s q3 %s max %s, want 8 2.5 7 259 1000", s.NValid, s.Min, s.Median, s.Q3, s.Max)
	}
}
