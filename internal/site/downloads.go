package site

import (
	"bytes"
	"io"

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
	label  func(*survey.Results) string
	suffix string                     // after the file's stem: ".csv", "_compare.csv"
	offer  func(*survey.Results) bool // whether the results have this table; nil: always
	write  func(w io.Writer, res *survey.Results, notice string) error
}

// surveyTables are the downloads of a survey's page.
var surveyTables = []table{
	{named("全設問の集計結果（CSV、UTF-8 BOM付き）"), ".csv", nil, survey.WriteDownloadCSV},
	{named("全設問の集計結果（JSON）"), ".json", nil, writeJSON},
	{named("前回調査との比較（CSV、UTF-8 BOM付き）"), "_compare.csv", survey.Compared, survey.WriteCompareCSV},
	{named("重み付けに使った母集団構成とウェイト（CSV、UTF-8 BOM付き）"), "_weights.csv", weighted, survey.WriteWeightsCSV},
	{named("全設問の平均・M.T.・NPSなどの指標（CSV、UTF-8 BOM付き）"), "_summary.csv", survey.HasSummary, survey.WriteSummaryCSV},
}

// questionTables are the tables of a question's page; its charts follow
// them (questionView).
var questionTables = []table{
	{named("集計結果（CSV、UTF-8 BOM付き）"), ".csv", nil, survey.WriteDownloadCSV},
	{named("集計結果（JSON）"), ".json", nil, writeJSON},
	{summaryLabel, "_summary.csv", survey.HasSummary, survey.WriteSummaryCSV},
}

func named(label string) func(*survey.Results) string {
	return func(*survey.Results) string { return label }
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
// downloads and files.
func writeTables(ts []table, res *survey.Results, notice, stem string) ([]Download, []File, error) {
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
		downloads = append(downloads, Download{t.label(res), "/" + stem + t.suffix})
	}
	return downloads, files, nil
}

// summaryLabel names a question's download of summary figures.
func summaryLabel(res *survey.Results) string {
	switch res.Questions[0].Type {
	case survey.MA:
		return "M.T.などの指標（CSV、UTF-8 BOM付き）"
	case survey.RANK:
		return "順位別の件数と得点（CSV、UTF-8 BOM付き）"
	case survey.NPS:
		return "NPSと推奨者・批判者の割合（CSV、UTF-8 BOM付き）"
	case survey.FA:
		return "記入のあった回答数（CSV、UTF-8 BOM付き）"
	}
	return "平均・四分位などの指標（CSV、UTF-8 BOM付き）"
}

// participantsFile is the participant list as a download, in code order.
func participantsFile(ps []municipality.Participant) (File, error) {
	var b bytes.Buffer
	err := municipality.WriteCSV(&b, ps)
	return File{Path: "participants/participants.csv", Data: b.Bytes()}, err
}
