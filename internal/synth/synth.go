// Package synth writes deterministic synthetic projects for benchmarks: N
// Markdown pages of about 600 characters, Japanese and ASCII mixed, and a
// survey of M respondents with one 「5つまで」 MA question of 15 options and
// two attribute columns. The same N, M and seed give the same bytes.
package synth

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Options say what to generate.
type Options struct {
	Pages       int    // Markdown pages under content/posts/
	Respondents int    // survey rows; 0 writes no survey
	Seed        uint64 // same seed, same bytes
	// Varied writes pages that vary as real sites do (varied.go) instead
	// of the uniform ones.
	Varied bool
	// AllTypes writes, for the respondents, a survey of 30 questions of
	// every type (survey.go) instead of the one MA question.
	AllTypes bool
}

var words = []string{"地域", "経営", "人材", "育成", "組織", "風土", "課題", "解決", "現場", "住民",
	"対話", "実践", "研究", "自治体", "職員", "計画", "評価", "改善", "窓口", "業務"}

var ascii = []string{"data", "survey", "report", "team", "plan", "review", "goal", "open", "local", "policy"}

// Tags returns the 25 tags pages draw from.
func Tags() []string {
	out := make([]string, 0, 25)
	out = append(out, words...)
	for _, w := range words[:25-len(words)] {
		out = append(out, w+"推進")
	}
	return out
}

// Write writes the project into dir (content/ and, with respondents, data/).
func Write(dir string, o Options) error {
	r := rand.New(rand.NewPCG(o.Seed, 0x5eed))
	tags := Tags()
	posts := filepath.Join(dir, "content", "posts")
	if err := os.MkdirAll(posts, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "posts", "_index.md"), []byte("---\ntitle: 投稿\n---\n"), 0o644); err != nil {
		return err
	}
	if o.Varied {
		if err := writeVaried(dir, r, o, tags); err != nil {
			return err
		}
		o.Pages = 0
	}
	var b strings.Builder
	for i := range o.Pages {
		b.Reset()
		page(&b, r, i, tags)
		if err := os.WriteFile(filepath.Join(posts, fmt.Sprintf("p%05d.md", i)), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	if o.Respondents > 0 && o.AllTypes {
		return writeAllTypes(dir, r, o.Respondents)
	}
	if o.Respondents > 0 {
		return writeSurvey(filepath.Join(dir, "data", "surveys", "synth"), r, o.Respondents)
	}
	return nil
}

func sentence(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := range n {
		if r.IntN(4) == 0 {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(ascii[r.IntN(len(ascii))])
			b.WriteByte(' ')
		} else {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteString([]string{"の", "を", "と", "が", "に"}[r.IntN(5)])
		}
	}
	return strings.TrimSpace(b.String()) + "。"
}

func page(b *strings.Builder, r *rand.Rand, i int, tags []string) {
	t1, t2, t3 := r.IntN(25), r.IntN(25), r.IntN(25)
	fmt.Fprintf(b, "---\ntitle: \"%s %d\"\ndate: 2025-%02d-%02d\ntags: [%s, %s, %s]\n---\n",
		words[r.IntN(len(words))]+"の"+words[r.IntN(len(words))], i, 1+r.IntN(12), 1+r.IntN(28), tags[t1], tags[t2], tags[t3])
	fmt.Fprintf(b, "## %s\n\n%s %s **%s** と _%s_。\n\n", words[r.IntN(len(words))]+"について", sentence(r, 12), sentence(r, 10), words[r.IntN(len(words))], ascii[r.IntN(len(ascii))])
	fmt.Fprintf(b, "- %s\n- %s\n- %s\n\n", sentence(r, 4), sentence(r, 4), sentence(r, 3))
	fmt.Fprintf(b, "| 項目 | 値 |\n|---|---|\n| %s | %d |\n| %s | %d |\n\n", words[r.IntN(len(words))], r.IntN(1000), ascii[r.IntN(len(ascii))], r.IntN(1000))
	fmt.Fprintf(b, "### %s\n\n%s %s\n\n", ascii[r.IntN(len(ascii))]+"と"+words[r.IntN(len(words))], sentence(r, 16), sentence(r, 14))
	fmt.Fprintf(b, "詳しくは[%s](https://example.org/%d)をご覧ください。%s\n", words[r.IntN(len(words))], r.IntN(100), sentence(r, 14))
}

func writeSurvey(dir string, r *rand.Rand, m int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var cb strings.Builder
	cb.WriteString("question_id,type,max_choices,question_text,option_code,option_label,option_role\n")
	for i := 1; i <= 15; i++ {
		role := ""
		label := fmt.Sprintf("選択肢%02d %s", i, words[i%len(words)])
		if i == 15 {
			role, label = "other", "その他"
		}
		if i == 1 {
			fmt.Fprintf(&cb, "q1,MA,5,当てはまるもの5つまで選んでください。,%02d,%s,%s\n", i, label, role)
		} else {
			fmt.Fprintf(&cb, "q1,,,,%02d,%s,%s\n", i, label, role)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "codebook.csv"), []byte(cb.String()), 0o644); err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(dir, "responses.csv"))
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	kinds := []string{"都道府県", "政令市", "中核市", "一般市", "特別区", "町村"}
	grades := []string{"係員", "係長級", "課長補佐級", "課長級"}
	w.WriteString("respondent_id,団体区分,職位,q1\n")
	var picks []int
	for i := range m {
		picks = picks[:0]
		k := 1 + r.IntN(5)
		for _, p := range r.Perm(15)[:k] {
			picks = append(picks, p+1)
		}
		fmt.Fprintf(w, "R%07d,%s,%s,", i+1, kinds[r.IntN(len(kinds))], grades[r.IntN(len(grades))])
		for j, p := range picks {
			if j > 0 {
				w.WriteByte(';')
			}
			fmt.Fprintf(w, "%02d", p)
		}
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
