package site

import (
	"bytes"
	"io"

	"surveysite/internal/i18n"
	"surveysite/internal/municipality"
	"surveysite/internal/survey"
)

// The downloads of aggregated results, in one place: which tables a
// survey's page and a question's page offer, under which file names and
// labels, in the order shown. The survey package writes the tables (CSV in
// UTF-8 with BOM and CRLF, one table per file) and municipality the
// participant list; nothing else writes a download.

// Download is a file offered for download.
type Download struct {
	Label string
	URL   string
}

// table is one download of a survey's results.
type table struct {
	label  func(*i18n.Lang, *survey.Results) string
	suffix string                     // after the file's stem: ".csv", "_compare.csv"
	offer  func(*survey.Results) bool // whether the results have this table; nil: always
	write  func(w io.Writer, res *survey.Results, notice string) error
}

// surveyTables are the downloads of a survey's page.
var surveyTables = []table{
	{named("download.all_csv"), ".csv", nil, survey.WriteDownloadCSV},
	{named("download.all_json"), ".json", nil, writeJSON},
	{named("download.compare_csv"), "_compare.csv", survey.Compared, survey.WriteCompareCSV},
	{named("download.weights_csv"), "_weights.csv", weighted, survey.WriteWeightsCSV},
	{named("download.summary_csv"), "_summary.csv", survey.HasSummary, survey.WriteSummaryCSV},
}

// questionTables are the tables of a question's page; its charts follow
// them (questionView).
var questionTables = []table{
	{named("download.csv"), ".csv", nil, survey.WriteDownloadCSV},
	{named("download.json"), ".json", nil, writeJSON},
	{summaryLabel, "_summary.csv", survey.HasSummary, survey.WriteSummaryCSV},
}

// named labels a download by the message key.
func named(key string) func(*i18n.Lang, *survey.Results) string {
	return func(l *i18n.Lang, _ *survey.Results) string { return l.T(key) }
}

func weighted(res *survey.Results) bool { return res.Weights != nil }

// writeJSON writes res as JSON with its notice.
func writeJSON(w io.Writer, res *survey.Results, notice string) error {
	withNotice := *res
	withNotice.Notice = notice
	return survey.WriteJSON(w, &withNotice)
}

// writeTables writes the tables of res that ts offer, each as the file
// stem+suffix (a site path without the leading slash), and returns their
// downloads, labelled in l, and files.
func writeTables(l *i18n.Lang, ts []table, res *survey.Results, notice, stem string) ([]Download, []File, error) {
	var downloads []Download
	var files []File
	for _, t := range ts {
		if t.offer != nil && !t.offer(res) {
			continue
		}
		var b bytes.Buffer
		if err := t.write(&b, res, notice); err != nil {
			return nil, nil, err
		}
		files = append(files, File{stem + t.suffix, b.Bytes()})
		downloads = append(downloads, Download{t.label(l, res), "/" + stem + t.suffix})
	}
	return downloads, files, nil
}

// summaryLabel names a question's download of summary figures.
func summaryLabel(l *i18n.Lang, res *survey.Results) string {
	switch res.Questions[0].Type {
	case survey.MA:
		return l.T("download.summary_ma")
	case survey.RANK:
		return l.T("download.summary_rank")
	case survey.NPS:
		return l.T("download.summary_nps")
	case survey.FA:
		return l.T("download.summary_fa")
	}
	return l.T("download.summary")
}

// participantsFile is the participant list as a download, in code order.
func participantsFile(ps []municipality.Participant) (File, error) {
	var b bytes.Buffer
	err := municipality.WriteCSV(&b, ps)
	return File{Path: "participants/participants.csv", Data: b.Bytes()}, err
}
