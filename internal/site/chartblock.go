package site

import (
	"fmt"
	"strings"

	"surveysite/internal/content"
	"surveysite/internal/diag"
	template "surveysite/internal/template/html"
)

// chartBlock renders a ```chart block of page p: the chart of a survey
// question, with a link to its full report. Keys: survey, question, and
// kind (bar, the default; top3).
func (s *Site) chartBlock(p *Page, ref content.Ref) (template.HTML, error) {
	sid, qid := ref.Args["survey"], ref.Args["question"]
	var ids []string
	for _, sv := range s.Surveys {
		ids = append(ids, sv.ID)
	}
	sv := s.Survey(sid)
	if sv == nil {
		return "", diag.Errorf(ref.Pos, "chart block: no survey %q (surveys: %s)", sid, strings.Join(ids, ", ")).
			WithHint("write \"survey: <id>\" with the name of a folder in data/surveys/")
	}
	q := s.Question(sid, qid)
	if q == nil {
		var qs []string
		for _, q := range sv.Questions {
			qs = append(qs, q.ID)
		}
		return "", diag.Errorf(ref.Pos, "chart block: survey %s has no question %q (questions: %s)", sid, qid, strings.Join(qs, ", ")).
			WithHint("write \"question: <question_id>\" as in the survey's codebook.csv")
	}
	svg := q.Chart
	switch kind := ref.Args["kind"]; kind {
	case "", "bar":
	case "top3":
		svg = q.TopChart
	default:
		return "", diag.Errorf(ref.Pos, "chart block: unknown kind %q", kind).WithHint("use kind: bar or kind: top3")
	}
	l, esc := p.lang, template.HTMLEscapeString
	var notice string
	if sv.Notice != "" {
		notice = fmt.Sprintf(`<p class="notice"><strong>%s</strong>%s</p>`, esc(l.T("notice.label")), esc(sv.Notice))
	}
	caption := l.T("chartblock.caption", "title", q.Title, "type", q.TypeLabel, "n", q.N, "source", sv.Title)
	return template.HTML(fmt.Sprintf(`<figure class="chart">%s<figcaption>%s<a href="%s">%s</a></figcaption></figure>%s`,
		svg, esc(caption), esc(p.RelURL(q.Page.URL)), esc(l.T("chartblock.link")), notice)), nil
}
