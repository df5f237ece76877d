package site

import (
	"surveysite/internal/chart"
	"surveysite/internal/i18n"
	"surveysite/internal/survey"
)

// A kindView is how one question type is shown: its type label, table,
// description, notes, charts and cross-tabs. Each type is one file
// (view_choice.go, view_scale.go …) that registers its view in views; the
// rest of the survey page (downloads, share image, PNGs) is shared.
type kindView interface {
	// describe fills the type label, table rows, description sentence and
	// notes of qb.qv.
	describe(qb *questionBuild)
	// chart returns the question's main chart.
	chart(qb *questionBuild, meta chart.Meta) (chart.Chart, error)
	// top returns a short chart for the home page and share image (the top
	// three), or nil when the type has none; meta lacks Desc.
	top(qb *questionBuild, meta chart.Meta) (chart.Chart, error)
	// crosstab shows the question by one attribute column.
	crosstab(qb *questionBuild, ct survey.Crosstab, meta chart.Meta, fonts *chart.Fonts, minCell int) (CrosstabView, error)
}

// questionBuild is one question while its view is made.
type questionBuild struct {
	qr    *survey.QuestionResult
	qv    *QuestionView
	sv    *SurveyView
	l     *i18n.Lang // the survey's language
	notes []string   // the type's reading notes, before the sample notice
}

var views = map[survey.Type]kindView{}

func registerView(t survey.Type, v kindView) {
	if _, dup := views[t]; dup {
		panic("site: view of " + string(t) + " registered twice")
	}
	views[t] = v
}

// viewOf returns the view of a type; every type the survey package reads
// has one (a test checks).
func viewOf(t survey.Type) kindView { return views[t] }
