// Gensample writes the sample survey data/surveys/sample-q46: a codebook and
// 614 responses to 設問46 of the 地域経営部会 flyer.
//
// THIS IS SAMPLE DATA, NOT REAL RESPONSES. The real responses behind 設問46
// are not public. The flyer states only the question, n = 614 and the top
// three issues in order (1 次を担う中堅・若手の退職増加, 2 業務のスクラップ&
// ビルドが進まない, 3 役職定年により降任となった職員の配置). Every other
// option label, every count, the attributes 団体区分 and 職位 and their mix
// are made up here so the tooling has realistic data of the published shape.
// Pages that show these numbers must say so.
//
// The output is deterministic (math/rand/v2 PCG with a fixed seed). After
// writing, gensample tallies the files with package survey and fails unless
// N is 614 and the top three are the published ones, in order, without ties.
//
// Usage:
//
//	go run ./cmd/gensample [-out data/surveys/sample-q46]
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"surveysite/internal/survey"
	"surveysite/internal/tabular"
)

const (
	questionID = "q46"
	// questionText is quoted from the flyer.
	questionText = "設問46「その他の人材マネジメントに関する以下の問題・課題について、当てはまるもの5つまで選んでください。」"
	respondents  = 614 // the flyer's n
	maxChoices   = 5
)

// option is one answer option with the weight the generator draws it by.
type option struct {
	code, label, role string
	weight            float64
}

// options: the first three labels are the flyer's published top three; the
// rest are invented, plausible sample options.
var options = []option{
	{"01", "次を担う中堅・若手の退職増加", "", 10},
	{"02", "業務のスクラップ&ビルドが進まない", "", 8},
	{"03", "役職定年により降任となった職員の配置", "", 6.5},
	{"04", "管理職への昇任を希望する職員の減少", "", 5},
	{"05", "デジタル人材・専門職の確保", "", 4.6},
	{"06", "メンタルヘルス不調による休職者の増加", "", 4.2},
	{"07", "人事評価結果が育成や処遇に活かされていない", "", 3.6},
	{"08", "採用試験の受験者の減少", "", 3.3},
	{"09", "再任用職員の能力の活用", "", 3.0},
	{"10", "職員の年齢構成の偏り", "", 2.6},
	{"11", "ハラスメントへの対応", "", 2.2},
	{"12", "多様な働き方(テレワーク等)への対応", "", 1.8},
	{"13", "その他", "other", 0.5},
	{"14", "特にない", "none", 0},
}

// groups are the 団体区分 and how many sample respondents each has. 特別区 is
// kept under 10 so cross-tab suppression shows.
var groups = []struct {
	name string
	n    int
}{
	{"都道府県", 40}, {"政令市", 18}, {"中核市", 55}, {"一般市", 300}, {"特別区", 7}, {"町村", 194},
}

// grades are the 職位 with their weights.
var grades = []struct {
	name   string
	weight float64
}{
	{"課長級", 3}, {"課長補佐級", 4}, {"係長級", 5}, {"主任・主査級", 3}, {"主事級", 1},
}

// Special rows: blank answers, invalid answers (6 picks) and 特にない only.
const (
	blanks   = 4
	invalids = 3
	nones    = 11
)

func main() {
	out := flag.String("out", filepath.Join("data", "surveys", "sample-q46"), "directory to write codebook.csv and responses.csv into")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "gensample:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(dir, "codebook.csv"), codebook()); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(dir, "responses.csv"), responses(rand.New(rand.NewPCG(46, 614)))); err != nil {
		return err
	}
	return verify(dir)
}

func codebook() [][]string {
	rows := [][]string{{"question_id", "type", "max_choices", "question_text", "option_code", "option_label", "option_role"}}
	for i, o := range options {
		typ, max, text := "", "", ""
		if i == 0 {
			typ, max, text = "MA", fmt.Sprint(maxChoices), questionText
		}
		rows = append(rows, []string{questionID, typ, max, text, o.code, o.label, o.role})
	}
	return rows
}

type respondent struct {
	group, grade string
	answer       string
}

func responses(rng *rand.Rand) [][]string {
	var rs []respondent
	for _, g := range groups {
		for range g.n {
			rs = append(rs, respondent{group: g.name, grade: pickGrade(rng)})
		}
	}
	// Decide which respondents are special, then draw answers for the rest.
	kinds := make([]int, len(rs)) // 0 normal, 1 blank, 2 invalid, 3 特にない
	order := rng.Perm(len(rs))
	k := 0
	for _, c := range []struct{ kind, n int }{{1, blanks}, {2, invalids}, {3, nones}} {
		for range c.n {
			kinds[order[k]] = c.kind
			k++
		}
	}
	for i := range rs {
		switch kinds[i] {
		case 1:
			rs[i].answer = ""
		case 2:
			rs[i].answer = strings.Join(draw(rng, 6), ";")
		case 3:
			rs[i].answer = "14"
		default:
			rs[i].answer = strings.Join(draw(rng, picks(rng)), ";")
		}
	}
	rows := [][]string{{"respondent_id", "団体区分", "職位", questionID}}
	for i, r := range rs {
		rows = append(rows, []string{fmt.Sprintf("R%04d", i+1), r.group, r.grade, r.answer})
	}
	return rows
}

func pickGrade(rng *rand.Rand) string {
	total := 0.0
	for _, g := range grades {
		total += g.weight
	}
	x := rng.Float64() * total
	for _, g := range grades {
		if x < g.weight {
			return g.name
		}
		x -= g.weight
	}
	return grades[len(grades)-1].name
}

// picks returns how many options a respondent picks: 1 to 5.
func picks(rng *rand.Rand) int {
	return []int{1, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 5}[rng.IntN(13)]
}

// draw picks n distinct options by weight, returned in codebook order.
func draw(rng *rand.Rand, n int) []string {
	var pool []option
	for _, o := range options {
		if o.weight > 0 {
			pool = append(pool, o)
		}
	}
	var codes []string
	for range n {
		total := 0.0
		for _, o := range pool {
			total += o.weight
		}
		x := rng.Float64() * total
		i := 0
		for ; i < len(pool)-1; i++ {
			if x < pool[i].weight {
				break
			}
			x -= pool[i].weight
		}
		codes = append(codes, pool[i].code)
		pool = slices.Delete(pool, i, i+1)
	}
	slices.Sort(codes)
	return codes
}

func writeFile(path string, rows [][]string) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	w := tabular.NewWriter(f)
	for _, r := range rows {
		if err := w.Write(r...); err != nil {
			return err
		}
	}
	return w.Flush()
}

// verify tallies what was written and fails unless it has the published
// shape: N = 614 and the top three in order with no ties.
func verify(dir string) error {
	fsys := os.DirFS(dir)
	cb, err := survey.LoadCodebook(fsys, "codebook.csv")
	if err != nil {
		return err
	}
	res, err := survey.Analyse(fsys, "responses.csv", cb, survey.Config{By: []string{"団体区分"}})
	if err != nil {
		return err
	}
	if res.N != respondents {
		return fmt.Errorf("N = %d, want %d", res.N, respondents)
	}
	rows := res.Questions[0].Total.Rows
	for i, want := range []string{"01", "02", "03"} {
		if rows[i].Code != want || rows[i].Rank != i+1 || rows[i+1].Count >= rows[i].Count {
			return fmt.Errorf("rank %d is %s %s (count %d, next %d), want option %s alone at rank %d",
				i+1, rows[i].Code, rows[i].Label, rows[i].Count, rows[i+1].Count, want, i+1)
		}
	}
	fmt.Printf("wrote %s: N=%d, top three %s (%d), %s (%d), %s (%d)\n", dir, res.N,
		rows[0].Label, rows[0].Count, rows[1].Label, rows[1].Count, rows[2].Label, rows[2].Count)
	return nil
}
