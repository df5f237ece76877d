package site

import (
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
	l := sv.lang
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
				rv.Sections = append(rv.Sections, ReportSection{ID: g.ID, Title: l.T("grid.heading", "name", g.Name, "n", len(g.Items)), Grid: g})
			}
			continue
		}
		rv.Sections = append(rv.Sections, ReportSection{ID: q.ReportID, Title: q.Title, Question: q})
	}
	p := &Page{Kind: "report", URL: reportURL(sv.ID), Title: l.T("report.title", "title", sv.Title), Section: "surveys", Parent: overview, Data: rv,
		Description: l.T("report.description", "title", sv.Title), lang: l}
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
		top2 = top2 || q.top2
		crosstabs = crosstabs || len(q.Crosstabs) > 0
		for _, ct := range q.Crosstabs {
			complement = complement || ct.Complement
			marked = marked || ct.Marked
		}
	}
	l := sv.lang
	var notes []string
	if sv.Base == string(survey.BaseAnswered) {
		notes = append(notes, l.T("report.note_base_answered", "total", GroupDigits(sv.N)))
	} else {
		notes = append(notes, l.T("report.note_base_all", "total", GroupDigits(sv.N)))
	}
	notes = append(notes, l.T("report.note_percent"))
	if w := sv.Weighting; w != nil {
		notes = append(notes, l.T("report.note_weighted", "by", w.By, "source", w.Source))
	}
	if top2 {
		notes = append(notes, l.T("report.note_sum"))
	}
	if has[survey.MA] {
		notes = append(notes, l.T("report.note_ma"))
	}
	if mt {
		notes = append(notes, l.T("report.note_mt"))
	}
	if has[survey.SCALE] || has[survey.NUM] || has[survey.NPS] {
		notes = append(notes, l.T("report.note_figures"))
	}
	notes = append(notes, l.T("report.note_dash"))
	if ci {
		notes = append(notes, l.T("note.wilson"))
	}
	if crosstabs {
		n := l.T("report.note_suppressed", "min", sv.MinCell)
		if complement {
			n += l.T("report.note_complement")
		}
		notes = append(notes, n)
	}
	if marked {
		notes = append(notes, l.T("report.note_marked"))
	}
	if sv.PrevURL != "" {
		notes = append(notes, l.T("report.note_compare"))
	}
	notes = append(notes, l.T("report.note_charts"))
	return notes
}
