package synth

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// writeAllTypes writes a survey of m respondents with 30 questions of
// every type (Options.AllTypes): 8 SA, 6 MA (3 at most), 8 SCALE (four of
// them one grid), 3 NUM (minutes, some answers written as 「30分」 or
// left blank), 2 NPS, 2 RANK (three ranks, one column per rank) and 1 FA,
// with two attribute columns, 性別 and 年代. About 3% of answers are
// blank. The page content/surveys/full/_index.md cross-tabulates by 年代.
func writeAllTypes(dir string, r *rand.Rand, m int) error {
	data := filepath.Join(dir, "data", "surveys", "full")
	if err := os.MkdirAll(data, 0o755); err != nil {
		return err
	}
	page := filepath.Join(dir, "content", "surveys", "full")
	if err := os.MkdirAll(page, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(page, "_index.md"), []byte("---\ntitle: 全設問タイプの調査（合成データ）\nsurvey: full\ncrosstab: [年代]\n"+
		"sample_notice: ベンチマーク用の合成データです。実際の回答ではありません。\n---\n合成データです。\n"), 0o644); err != nil {
		return err
	}
	type question struct {
		id, kind string
		options  []string
	}
	var qs []question
	var cb strings.Builder
	cb.WriteString("question_id,type,max_choices,question_text,option_code,option_label,option_role,value,group,unit\n")
	scale := []string{"とても満足", "満足", "どちらでもない", "不満", "とても不満"}
	add := func(id, kind string, max int, text string, options []string, group, unit string) {
		qs = append(qs, question{id, kind, options})
		ms := ""
		if max > 0 {
			ms = fmt.Sprint(max)
		}
		if len(options) == 0 {
			fmt.Fprintf(&cb, "%s,%s,%s,%s,,,,,,%s\n", id, kind, ms, text, unit)
			return
		}
		for i, o := range options {
			if i == 0 {
				fmt.Fprintf(&cb, "%s,%s,%s,%s,%d,%s,,,%s,\n", id, kind, ms, text, i+1, o, group)
			} else {
				fmt.Fprintf(&cb, "%s,,,,%d,%s,,,%s,\n", id, i+1, o, group)
			}
		}
	}
	opts := func(n int, stem string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("%s%d %s", stem, i+1, words[(i*7+len(stem))%len(words)])
		}
		return out
	}
	for i := 1; i <= 8; i++ {
		add(fmt.Sprintf("sa%d", i), "SA", 0, fmt.Sprintf("問%d あてはまるものを1つ選んでください。", i), opts(5, "選択肢"), "", "")
	}
	for i := 1; i <= 6; i++ {
		add(fmt.Sprintf("ma%d", i), "MA", 3, fmt.Sprintf("問%d あてはまるものを3つまで選んでください。", 8+i), opts(8, "項目"), "", "")
	}
	for i := 1; i <= 8; i++ {
		group := ""
		if i <= 4 {
			group = "満足度"
		}
		add(fmt.Sprintf("sc%d", i), "SCALE", 0, fmt.Sprintf("問%d %sに満足していますか。", 14+i, words[i]), scale, group, "")
	}
	for i := 1; i <= 3; i++ {
		add(fmt.Sprintf("num%d", i), "NUM", 0, fmt.Sprintf("問%d 何分かかりますか。", 22+i), nil, "", "分")
	}
	for i := 1; i <= 2; i++ {
		add(fmt.Sprintf("nps%d", i), "NPS", 0, fmt.Sprintf("問%d 友人にすすめたいと思いますか（0〜10）。", 25+i), nil, "", "")
	}
	for i := 1; i <= 2; i++ {
		add(fmt.Sprintf("rk%d", i), "RANK", 3, fmt.Sprintf("問%d 大切なものを順に3つ選んでください。", 27+i), opts(5, "候補"), "", "")
	}
	add("fa1", "FA", 0, "問30 ご意見をご自由にお書きください。", nil, "", "")
	if err := os.WriteFile(filepath.Join(data, "codebook.csv"), []byte(cb.String()), 0o644); err != nil {
		return err
	}

	f, err := os.Create(filepath.Join(data, "responses.csv"))
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	w.WriteString("respondent_id,性別,年代")
	for _, q := range qs {
		if q.kind == "RANK" {
			fmt.Fprintf(w, ",%s_1,%s_2,%s_3", q.id, q.id, q.id)
		} else {
			w.WriteString("," + q.id)
		}
	}
	w.WriteString("\n")
	sexes := []string{"男性", "女性", "回答しない"}
	ages := []string{"10〜20代", "30代", "40代", "50代", "60代", "70代以上"}
	for i := range m {
		fmt.Fprintf(w, "R%07d,%s,%s", i+1, sexes[r.IntN(len(sexes))], ages[r.IntN(len(ages))])
		for _, q := range qs {
			blank := r.IntN(33) == 0
			switch q.kind {
			case "SA", "SCALE":
				w.WriteByte(',')
				if !blank {
					fmt.Fprint(w, 1+min(r.IntN(len(q.options)), r.IntN(len(q.options))))
				}
			case "MA":
				w.WriteByte(',')
				if !blank {
					for j, p := range r.Perm(len(q.options))[:1+r.IntN(3)] {
						if j > 0 {
							w.WriteByte(';')
						}
						fmt.Fprint(w, p+1)
					}
				}
			case "NUM":
				w.WriteByte(',')
				switch {
				case blank:
				case r.IntN(20) == 0:
					fmt.Fprintf(w, "%d分", 5*r.IntN(24))
				default:
					fmt.Fprint(w, r.IntN(121))
				}
			case "NPS":
				w.WriteByte(',')
				if !blank {
					fmt.Fprint(w, max(r.IntN(11), r.IntN(11)))
				}
			case "RANK":
				perm := r.Perm(len(q.options))
				for k := range 3 {
					w.WriteByte(',')
					if !blank {
						fmt.Fprint(w, perm[k]+1)
					}
				}
			case "FA":
				w.WriteByte(',')
				if !blank && r.IntN(4) == 0 {
					w.WriteString(sentence(r, 6+r.IntN(10)))
				}
			}
		}
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
