package site

import (
	"fmt"
	"strconv"
	"strings"

	"surveysite/internal/diag"
	"surveysite/internal/survey"
)

// ReportView is a survey's report (報告書): a cover, a table of contents,
// how to read the numbers, every question and the source, on one page laid
// out to print on A4. It holds no numbers of its own: each question is the
// QuestionView its page shows, each grid the GridView of the survey page.
type ReportView struct {
	Survey *SurveyView
	// Organization is who publishes the survey: the survey page's
	// organization, else the site's organization, else the site's title.
	Organization string
	Sections     []ReportSection
	Notes        []string // 報告書の見方: what n, %, 「-」, 秘匿, MA and M.T. mean here
	License      string   // the data's licence (license: in the survey page), or ""
}

// ReportSection is one question of the report, or a grid: its items
// reported together as one battery, where the first of them stands in the
// questionnaire.
type ReportSection struct {
	ID       string // the section heading's id, for the table of contents
	Title    string
	Question *QuestionView // nil for a grid
	Grid     *GridView
}

// reportURL is the site path of a survey's report.
func reportURL(surveyID string) string { return "/surveys/" + surveyID + "/report/" }

// addReport adds the report page of sv, a child of its overview page.
func (s *Site) addReport(sv *SurveyView, overview *Page) error {
	rv := &ReportView{Survey: sv, Organization: s.Config.Organization, Notes: reportNotes(sv)}
	if rv.Organization == "" {
		rv.Organization = s.Config.Title
	}
	if v, ok := overview.Params["organization"].(string); ok && strings.TrimSpace(v) != "" {
		rv.Organization = v
	}
	if v, ok := overview.Params["license"].(string); ok {
		rv.License = strings.TrimSpace(v)
	}
	inGrid := map[string]*GridView{}
	for _, g := range sv.Grids {
		for _, q := range g.Items {
			inGrid[q.ID] = g
		}
	}
	done := map[*GridView]bool{}
	for _, q := range sv.Questions {
		if g := inGrid[q.ID]; g != nil {
			if !done[g] {
				done[g] = true
				rv.Sections = append(rv.Sections, ReportSection{ID: g.ID, Title: g.Name + "（" + strconv.Itoa(len(g.Items)) + "項目）", Grid: g})
			}
			continue
		}
		rv.Sections = append(rv.Sections, ReportSection{ID: q.ReportID, Title: q.Title, Question: q})
	}
	p := &Page{Kind: "report", URL: reportURL(sv.ID), Title: sv.Title + " 報告書", Section: "surveys", Parent: overview, Data: rv,
		Description: sv.Title + "の全設問の集計結果を1ページにまとめた報告書です。印刷やPDFでの保存に向いています。"}
	if q := s.byURL[p.URL]; q != nil {
		if q.Kind == "question" {
			return diag.Errorf(diag.Pos{Path: "data/surveys/" + sv.ID + "/codebook.csv"},
				"question %s would be at %s, the address of the survey's report", q.Data.(*QuestionView).ID, p.URL).
				WithHint("rename the question in codebook.csv and responses.csv")
		}
		return diag.Errorf(diag.Pos{Path: pageSource(q)}, "%s is the address of the report of survey %s", p.URL, sv.ID).
			WithHint("rename the content file or change its slug")
	}
	sv.Report = p
	s.add(p)
	return nil
}

// distributed reads the survey page's distributed: (配布数, how many were
// asked), from which the response rate is N ÷ distributed; 0 when unset.
func distributed(overview *Page, n int) (int, error) {
	v, ok := overview.Params["distributed"]
	if !ok || v == nil {
		return 0, nil
	}
	pos := diag.Pos{Path: pageSource(overview)}
	if overview.Source != nil {
		pos.Line = overview.Source.Lines["distributed"]
	}
	var d int
	switch v := v.(type) {
	case uint64:
		d = int(min(v, 1<<40))
	case int64:
		d = int(max(min(v, 1<<40), -1))
	case int:
		d = v
	default:
		return 0, diag.Errorf(pos, "distributed must be a whole number (how many were asked to answer), not %v", v).
			WithHint("write e.g. distributed: 1000, or remove the line when the number is not known")
	}
	if d < n {
		return 0, diag.Errorf(pos, "distributed is %d, fewer than the %d responses (N)", d, n).
			WithHint("write how many were asked to answer (配布数); the response rate is N ÷ distributed")
	}
	return d, nil
}

// reportNotes are the report's reading notes (報告書の見方), each said only
// when the survey has what it explains.
func reportNotes(sv *SurveyView) []string {
	has := map[survey.Type]bool{}
	var crosstabs, complement, marked, top2, ci, mt bool
	for _, q := range sv.Questions {
		t := survey.Type(q.Type)
		has[t] = true
		ci = ci || t == survey.SA || t == survey.MA || t == survey.SCALE
		mt = mt || t == survey.MA && len(q.Figures) > 0
		for _, f := range q.Figures {
			top2 = top2 || strings.HasSuffix(f.Label, "（計）")
		}
		crosstabs = crosstabs || len(q.Crosstabs) > 0
		for _, ct := range q.Crosstabs {
			complement = complement || ct.Complement
			marked = marked || ct.Marked
		}
	}
	var notes []string
	if sv.Base == string(survey.BaseAnswered) {
		notes = append(notes, fmt.Sprintf("「n」は各設問の集計の基数で、その設問に有効な回答をした人数です（無回答・無効は含みません）。全回答者数は N=%s です。", GroupDigits(sv.N)))
	} else {
		notes = append(notes, fmt.Sprintf("「n」は各設問の集計の基数で、全回答者数（N=%s）です。無回答・無効の回答も n に含め、それぞれの行に示しています。", GroupDigits(sv.N)))
	}
	notes = append(notes, "割合（%）は n を100%とした百分率で、件数から計算して小数点第2位を四捨五入しています。このため、単一回答の設問でも割合の合計が100.0%にならない場合があります。")
	if w := sv.Weighting; w != nil {
		notes = append(notes, "割合・平均・NPSなどは、回答者の"+w.By+"の構成を母集団（"+w.Source+"）に合わせて重み付けした値です（ウェイトバック集計、下の「重み付けについて」）。件数は回答者の実数で、信頼区間と差の判定は重み付け後の実効標本サイズ（n_eff）で計算しています。")
	}
	if top2 {
		notes = append(notes, "「（計）」は件数を合計してから割合を求めたもので、表の割合を足したものとは四捨五入の分だけ異なることがあります。")
	}
	if has[survey.MA] {
		notes = append(notes, "複数回答（MA）の設問は1人が2つ以上の選択肢を選べるため、割合の合計は100%を超えることがあります。「5つまで」などは選べる数の上限です。")
	}
	if mt {
		notes = append(notes, "M.T.（Multiple Total）は、選ばれた選択肢の件数の合計を n で割った割合で、1人あたり平均していくつ選んだかを表します。")
	}
	if has[survey.SCALE] || has[survey.NUM] || has[survey.NPS] {
		notes = append(notes, "平均などの指標は、有効な回答（無回答・無効と「わからない」などを除く）から求めています。")
	}
	notes = append(notes, "表の「-」は該当なし（0件）を表します。")
	if ci {
		notes = append(notes, "95%信頼区間はWilsonの方法で求めています。")
	}
	if crosstabs {
		n := fmt.Sprintf("区分別の集計（クロス集計）では、n が%d未満の区分は、回答した団体や人が特定されないよう数値を表示せず「秘匿」としています。", sv.MinCell)
		if complement {
			n += "1つの区分だけが秘匿になるときは、全体からの差し引きで分からないよう、次に小さい区分もあわせて秘匿にしています。"
		}
		notes = append(notes, n)
	}
	if marked {
		notes = append(notes, "区分別の表の「▲高」「▼低」は、その区分の割合が、その区分以外の回答者の割合より高い・低いといえるもの（差の95%信頼区間が0を含まない、Newcombeの方法）です。多くの組み合わせを比べているため、偶然に印がつくものもあります。")
	}
	if sv.PrevURL != "" {
		notes = append(notes, "「前回調査との比較」の「▲ 増加」「▼ 減少」は、差の95%信頼区間（Newcombeの方法）が0を含まない場合です。「差なし」は差があるとはいえないことを示します。")
	}
	notes = append(notes, "グラフには割合などの数値を書き添えており、白黒で印刷しても色に頼らずに読めます。同じ数値を各グラフの下の表に示しています。")
	return notes
}
