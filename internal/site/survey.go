package site

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"surveysite/internal/chart"
	"surveysite/internal/content"
	"surveysite/internal/diag"
	"surveysite/internal/i18n"
	"surveysite/internal/survey"
	template "surveysite/internal/template/html"
)

// SurveyInput is one analysed survey: data/surveys/<ID>/ and its overview
// page content/surveys/<ID>/_index.md (front matter "survey: <ID>"), if any.
type SurveyInput struct {
	ID       string
	Page     *content.Page
	Codebook *survey.Codebook
	Results  *survey.Results
	// Prev is the previous wave (compare: in the page), already compared
	// with Results; Added and Dropped are the questions only in this wave
	// and only in the previous one.
	Prev           *SurveyInput
	Added, Dropped []string
}

// SurveyView is what templates see of a survey.
type SurveyView struct {
	ID         string
	Title      string
	Page       *Page
	N          int
	Base       string
	MinCell    int
	Notice     string // the sample-data notice, if the survey is sample data
	Questions  []*QuestionView
	Downloads  []Download
	Suppressed bool // some cross-tab segment is suppressed
	Grids      []*GridView
	// The previous wave (compare: in the page), if any, and the questions
	// only in this wave or only in the previous one.
	PrevTitle, PrevURL string
	Added, Dropped     []string
	SamplingErrors     []SamplingError
	// Weighting says what the figures are weighted to; nil when the
	// survey is not weighted.
	Weighting *WeightingView
	// Distributed is how many were asked to answer (distributed: in the
	// survey page, 配布数), 0 when not known; Rate is then the response rate
	// N ÷ Distributed in percent ("61.4").
	Distributed int
	Rate        string
	// Report is the survey's report page (報告書), every question on one page.
	Report *Page
	// columnNames are the titles of questions, for cross-tabs by a
	// question's column.
	columnNames map[string]string
	lang        *i18n.Lang // the survey's language: its page's
}

// QuestionView is one question's report: table, charts and downloads.
type QuestionView struct {
	Survey    *SurveyView
	ID        string
	Title     string // short title for lists and headings
	Text      string // the question as asked
	Type      string // SA or MA
	TypeLabel string // 単一回答, 複数回答（5つまで）
	N         int
	NEff      string       // Kish's effective n of 全体 when the survey is weighted
	Rows      []RowView    // SA and MA: the ranked rows, for Top
	Table     TableView    // the results table
	Figures   []Figure     // the type's summary figures (平均, 満足（計）, NPS …)
	Compare   *CompareView // the previous wave, if the survey names one
	// FA: the published answers, masked; Published is false when the
	// survey does not publish them (then only their number is shown).
	Answers    []survey.FreeText
	Published  bool
	MaskedAny  bool
	Crosstabs  []CrosstabView
	Notes      []string
	Chart      template.HTML // inline SVG of the ranked bar chart
	TopChart   template.HTML // inline SVG of the top three, for the home page
	Desc       string        // the chart's description sentence
	Page       *Page
	Downloads  []Download
	OGImageURL string
	// ReportID is the id of the question's heading in the survey's report.
	ReportID string
	top2     bool // the figures give the top-2 and bottom-2 shares (（計）)
}

// RowView is one row of a question's table.
type RowView struct {
	Rank    string // "1", or "" when not ranked
	Label   string
	Count   string // "123", or "-" for zero
	Percent string // "52.3", or "-" for zero
	CI      string // "48.3〜56.2"
	Ranked  bool
}

// TableView is a results table: a header row, then rows whose one header
// cell names the row and whose other cells are numbers.
type TableView struct {
	Head []HeadCell
	Rows [][]Cell
}

// HeadCell is a column heading; Num right-aligns it with its numbers.
type HeadCell struct {
	Text string
	Num  bool
}

// Cell is one cell of a TableView row.
type Cell struct {
	Text   string
	Header bool // the row's name (th scope="row")
}

// Figure is one summary figure shown beside a chart, such as 平均 3.85.
type Figure struct {
	Label string
	Value string
	Large bool // the figure the question is read by (NPS), shown in large type
}

// CrosstabView is a question split by one attribute column.
type CrosstabView struct {
	Column   string
	Segments []SegmentView
	Options  []string
	Cells    [][]string // Cells[option][segment]: percent, "-" or "秘匿"
	// Complement is set when a segment is hidden only to protect a small one.
	Complement bool
	// Marked is set when some cell differs from the rest of the respondents.
	Marked bool
	Chart  template.HTML
	// PrintCharts replace Chart in print when it is too tall for a page:
	// the same chart in panels of whole segments (printPanels).
	PrintCharts []template.HTML
}

// SegmentView is one column of a cross-tab.
type SegmentView struct {
	Name       string
	N          int
	Suppressed bool
	Complement bool // hidden so that a small segment cannot be worked out
}

// File is a generated file that is not a page.
type File struct {
	Path string // site path without the leading slash
	Data []byte
}

// Top returns the ranked rows of rank k or better, ties included.
func (q *QuestionView) Top(k int) []RowView {
	var out []RowView
	for _, r := range q.Rows {
		if rank, _ := strconv.Atoi(r.Rank); r.Ranked && rank <= k {
			out = append(out, r) // a tie at rank k keeps every tied option
		}
	}
	return out
}

// addSurveys generates the report pages, charts and downloads of every survey.
func (s *Site) addSurveys(in []SurveyInput) error {
	var list diag.List
	for _, si := range in {
		if err := s.addSurvey(si); err != nil {
			list.AddErr(diag.Pos{Path: "data/surveys/" + si.ID}, err)
		}
	}
	return list.Err()
}

func (s *Site) addSurvey(si SurveyInput) error {
	res := si.Results
	base := "/surveys/" + si.ID + "/"
	sv := &SurveyView{ID: si.ID, Title: si.ID, N: res.N, Base: string(res.Base), MinCell: res.MinCell}
	overview := s.byURL[base]
	if overview == nil {
		overview = &Page{Kind: "survey", URL: base, Title: si.ID, Section: "surveys"}
		s.add(overview)
	}
	overview.Kind = "survey"
	overview.Data = sv
	sv.Page = overview
	sv.lang = overview.lang // the survey page's language is the whole survey's
	sv.Title = overview.Title
	if v, ok := overview.Params["sample_notice"].(string); ok {
		sv.Notice = v
	}
	titles, _ := overview.Params["questions"].(map[string]any)
	d, err := distributed(overview, res.N)
	if err != nil {
		return err
	}
	if d > 0 {
		sv.Distributed, sv.Rate = d, survey.Percent(res.N, d).String()
	}
	if si.Prev != nil {
		sv.PrevURL, sv.PrevTitle = "/surveys/"+si.Prev.ID+"/", si.Prev.ID
		if si.Prev.Page != nil && si.Prev.Page.Title != "" {
			sv.PrevTitle = si.Prev.Page.Title
		}
		sv.Added, sv.Dropped = si.Added, si.Dropped
	}
	sv.columnNames = map[string]string{}
	for _, qr := range res.Questions {
		if t, ok := titles[qr.ID].(string); ok && t != "" {
			sv.columnNames[qr.ID] = t
		}
	}
	if wt := res.Weights; wt != nil {
		source, _ := overview.Params["weights_source"].(string)
		sv.Weighting = weightingView(sv.lang, wt, source, sv.columnNames)
	}
	for _, qr := range res.Questions {
		qv, files, err := s.questionView(sv, qr, titles)
		if err != nil {
			return err
		}
		sv.Questions = append(sv.Questions, qv)
		for _, ct := range qr.Crosstabs {
			for _, seg := range ct.Segments {
				sv.Suppressed = sv.Suppressed || seg.Suppressed
			}
		}
		s.files = append(s.files, files...)
		p := &Page{Kind: "question", URL: base + qv.ID + "/", Title: qv.Title, Description: qv.Desc,
			Section: "surveys", Parent: overview, Data: qv,
			Params: map[string]any{"image": qv.OGImageURL}, lang: sv.lang}
		qv.Page = p
		overview.Pages = append(overview.Pages, p)
		if s.byURL[p.URL] != nil {
			return diag.Errorf(diag.Pos{Path: pageSource(s.byURL[p.URL])}, "%s is also the page of question %s", p.URL, qv.ID).
				WithHint("rename the content file")
		}
		s.add(p)
	}
	fonts, err := s.fonts()
	if err != nil {
		return err
	}
	if sv.Grids, err = s.grids(sv, res, fonts); err != nil {
		return err
	}
	var sizes []int
	if len(res.Questions) > 0 {
		// The first question cross-tabulated by every attribute: a question
		// is not cross-tabulated by itself.
		first := res.Questions[0]
		for _, q := range res.Questions {
			if len(q.Crosstabs) > len(first.Crosstabs) {
				first = q
			}
		}
		for _, ct := range first.Crosstabs {
			for _, sg := range ct.Segments {
				if !sg.Suppressed {
					sizes = append(sizes, sg.N)
				}
			}
		}
	}
	sv.SamplingErrors = samplingErrors(res.N, sizes)
	if err := s.addReport(sv, overview); err != nil {
		return err
	}
	inLang := *res // the downloads' column names and notes in the survey's language
	inLang.Lang = sv.lang
	downloads, files, err := writeTables(sv.lang, surveyTables, &inLang, sv.Notice, strings.TrimPrefix(base, "/")+si.ID)
	if err != nil {
		return err
	}
	s.files = append(s.files, files...)
	sv.Downloads = downloads
	s.Surveys = append(s.Surveys, sv)
	return nil
}

func (s *Site) questionView(sv *SurveyView, qr survey.QuestionResult, titles map[string]any) (*QuestionView, []File, error) {
	qv := &QuestionView{Survey: sv, ID: qr.ID, Text: qr.Text, Type: string(qr.Type), N: qr.Total.N,
		ReportID: "q-" + strings.Join(strings.Fields(qr.ID), "_")}
	qv.Title = qr.ID
	if t, ok := titles[qr.ID].(string); ok && t != "" {
		qv.Title = t
	}
	if qr.Total.N == 0 {
		return nil, nil, diag.Errorf(diag.Pos{Path: "data/surveys/" + sv.ID + "/responses.csv", Line: 2},
			"question %s has no respondents (n = 0), so there is nothing to report", qr.ID).
			WithHint("add the responses below the header row, or use base: all in the survey's page")
	}
	l := sv.lang
	if sv.Notice != "" {
		qv.Title = l.T("notice.title", "title", qv.Title)
	}
	kv := viewOf(qr.Type)
	if kv == nil {
		return nil, nil, fmt.Errorf("question %s: type %s has no page view", qr.ID, qr.Type)
	}
	qb := &questionBuild{qr: &qr, qv: qv, sv: sv, l: l}
	kv.describe(qb)
	if sv.Notice != "" {
		qv.Desc = l.T("notice.desc_prefix") + qv.Desc
	}
	qv.Notes = append(qv.Notes, qb.notes...)
	if w := sv.Weighting; w != nil {
		addWeightedCounts(l, &qv.Table, qr.Total)
		qv.NEff = qr.Total.NEff.String()
		qv.Notes = append(qv.Notes, l.T("note.weighted", "by", w.By, "source", w.Source))
	}
	if sv.Notice != "" {
		qv.Notes = append(qv.Notes, sv.Notice)
	}
	id := sanitizeID(sv.ID + "-" + qr.ID)
	footnote := ""
	if sv.Notice != "" {
		footnote = l.T("notice.footnote", "notice", sv.Notice)
	}
	fonts, err := s.fonts()
	if err != nil {
		return nil, nil, err
	}
	meta := chart.Meta{ID: id + "-bar", Title: l.T("chart.title", "title", qv.Title, "n", qv.N), Desc: qv.Desc, Footnote: footnote, Lang: l}
	bar, err := kv.chart(qb, meta)
	if err != nil {
		return nil, nil, fmt.Errorf("chart of %s: %w", qr.ID, err)
	}
	var inline, standalone, png bytes.Buffer
	if err := chart.WriteSVG(&inline, bar, fonts); err != nil {
		return nil, nil, err
	}
	if err := chart.WriteStandaloneSVG(&standalone, bar, fonts); err != nil {
		return nil, nil, err
	}
	qv.Chart = template.HTML(inline.String())

	var share chart.Chart = bar // the share image shows the top three, large enough to read
	topBar, err := kv.top(qb, chart.Meta{ID: id + "-top", Title: l.T("chart.title_top3", "title", qv.Title, "n", qv.N), Footnote: footnote, Lang: l})
	if err != nil {
		return nil, nil, err
	}
	if topBar != nil {
		var b bytes.Buffer
		if err := chart.WriteSVG(&b, topBar, fonts); err != nil {
			return nil, nil, err
		}
		qv.TopChart = template.HTML(b.String())
		share = topBar
	}
	og, err := chart.NewOGImage(qv.Title, s.Config.Title, share)
	if err != nil {
		return nil, nil, err
	}
	// The two PNGs take most of a survey's time (compression): the share
	// image is drawn while the report's PNG is.
	pngDone := make(chan error, 1)
	pngPos := diag.Pos{Path: "data/surveys/" + sv.ID + "/codebook.csv"}
	go func() {
		pngDone <- diag.Guard(pngPos, "the share image of "+qr.ID, func() error { return og.WritePNG(&png, fonts) })
	}()
	dir := "surveys/" + sv.ID + "/" + qr.ID + "/"
	stem := sv.ID + "_" + qr.ID // download names say which survey and question they hold
	var qres = survey.Results{N: sv.N, Base: survey.Base(sv.Base), MinCell: sv.MinCell, Questions: []survey.QuestionResult{qr}, Lang: l}
	downloads, tables, err := writeTables(l, questionTables, &qres, sv.Notice, dir+stem)
	if err != nil {
		return nil, nil, err
	}
	var full bytes.Buffer
	err = diag.Guard(pngPos, "the chart of "+qr.ID, func() error { return chart.WritePNG(&full, bar, fonts, 2) })
	if pngErr := <-pngDone; err == nil {
		err = pngErr
	}
	if err != nil {
		return nil, nil, err
	}
	files := append([]File{{dir + stem + ".svg", standalone.Bytes()}, {dir + stem + ".png", full.Bytes()}, {dir + "share.png", png.Bytes()}}, tables...)
	qv.OGImageURL = "/" + dir + "share.png"
	qv.Downloads = append(downloads,
		Download{l.T("download.svg"), "/" + dir + stem + ".svg"},
		Download{l.T("download.png"), "/" + dir + stem + ".png"},
		Download{l.T("download.share"), "/" + dir + "share.png"},
	)
	if qr.Prev != nil {
		cmp, err := s.compareView(sv, qv, &qr, chart.Meta{ID: id + "-prev", Title: l.T("chart.title_compare", "title", qv.Title), Footnote: footnote, Lang: l}, fonts)
		if err != nil {
			return nil, nil, fmt.Errorf("comparison of %s: %w", qr.ID, err)
		}
		qv.Compare = cmp
	}
	for i, ct := range qr.Crosstabs {
		if name, ok := sv.columnNames[ct.Column]; ok {
			ct.Column = name // a question's column: named by its title
		}
		cv, err := kv.crosstab(qb, ct, chart.Meta{
			ID: fmt.Sprintf("%s-x%d", id, i+1), Title: l.T("chart.title_by", "title", qv.Title, "column", ct.Column),
			Footnote: footnote, Lang: l,
		}, fonts, sv.MinCell)
		if err != nil {
			return nil, nil, err
		}
		qv.Crosstabs = append(qv.Crosstabs, cv)
	}
	return qv, files, nil
}

func dash(count int, s string) string {
	if count == 0 {
		return "-"
	}
	return s
}

// sanitizeID keeps what chart.Meta accepts in an ID.
func sanitizeID(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 128 && (r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	out := b.String()
	if out == "" || !(out[0] >= 'a' && out[0] <= 'z' || out[0] >= 'A' && out[0] <= 'Z') {
		out = "c" + out
	}
	return out
}

// Survey returns the survey with the given ID, or nil.
func (s *Site) Survey(id string) *SurveyView {
	for _, sv := range s.Surveys {
		if sv.ID == id {
			return sv
		}
	}
	return nil
}

// Question returns a question of a survey, or nil.
func (s *Site) Question(surveyID, questionID string) *QuestionView {
	if sv := s.Survey(surveyID); sv != nil {
		for _, q := range sv.Questions {
			if q.ID == questionID {
				return q
			}
		}
	}
	return nil
}
