// Package survey loads a questionnaire and its responses and tallies them as
// Japanese survey reports do: counts, percentages of a stated base n,
// rankings, 95% intervals and cross-tabs with small segments suppressed.
//
// # Files
//
// codebook.csv has one row per answer option, read with gocsv through
// tabular.Reader (UTF-8, UTF-8 with BOM or CP932):
//
//	question_id,type,max_choices,question_text,option_code,option_label,option_role
//	q46,MA,5,設問46「…5つまで選んでください。」,01,次を担う中堅・若手の退職増加,
//	q46,MA,5,,13,その他,other
//
// type is SA or MA; max_choices is blank for no limit; option_role is blank
// for an ordinary option, or other (その他), none (特にない) or dontknow
// (わからない): those are listed after the ranked options and not ranked.
// Rows after a question's first may leave type, max_choices and
// question_text blank; if given they must agree with the first row.
//
// responses.csv has a respondent_id column, any attribute columns (団体区分,
// 職位 …) and per question either one column named by the question_id or one
// column per option named <question_id>_<option_code> (the wide layout,
// holding 1/0, TRUE/FALSE, ○ or blank). In the one-column layout a cell holds
// option codes or exact labels separated by Config.Separator (default ";").
// White space, CR and LF around answers are ignored and labels are matched
// after Unicode NFKC. A label may contain the separator (Google Forms joins
// labels with ", "): known codes and labels are then matched longest first.
//
// # Definitions
//
//   - N is the number of data rows of responses.csv.
//   - The base n of a question is every respondent (BaseAll): blank answers
//     are counted in a 無回答 row (code BlankCode) and invalid answers (more
//     picks than max_choices, or two picks for an SA question) in a 無効 row
//     (InvalidCode). Under BaseAnswered both are left out of n; their rows
//     keep their counts but are marked Excluded and have no percentage.
//   - Each respondent lands in exactly one of answered, 無回答 and 無効 for
//     each question. An invalid answer adds to no option.
//   - Percent is 100 × count / n rounded half up to one decimal, computed
//     from integers and kept as Tenths (523 is 52.3%).
//   - Rank is standard competition ranking (1, 2, 2, 4) by count over the
//     options with a blank role; ties keep codebook order. Unranked rows have
//     rank 0.
//   - CILow and CIHigh are the 95% Wilson score interval (z = 1.959964),
//     in tenths of a percent, rounded half up; exactly 0 at count 0 and
//     100.0 at count n.
//   - Cross-tabs (Config.By) split respondents by an attribute column. Each
//     segment has its own n. Segments are in the order their value first
//     appears in responses.csv (deterministic, and the data's author controls
//     it). A segment with n below Config.MinCell (default 10) is Suppressed:
//     its Rows are nil, so no writer can publish its numbers. Note that with
//     a single suppressed segment its counts follow from 全体 minus the
//     others; publish cross-tabs with that in mind.
//   - Rows of a segment: ranked options by rank (ties in codebook order),
//     then other/none/dontknow options in codebook order, then 無回答, then
//     無効.
//
// # Problems
//
// The same option twice in one cell counts once and adds a warning to
// Results.Warnings. An unknown code or label, a question without a column, a
// repeated or empty respondent_id, or a malformed cell is an error at the
// file's real line and column, naming the bad value and the allowed ones.
// Analyse collects them (at most diag.MaxPerFile per file) and returns them
// as a *diag.List instead of results.
//
// # Use
//
//	cb, err := survey.LoadCodebook(fsys, "data/surveys/sample-q46/codebook.csv")
//	res, err := survey.Analyse(fsys, "data/surveys/sample-q46/responses.csv", cb,
//		survey.Config{By: []string{"団体区分"}})
//	for _, q := range res.Questions {
//		// q.ID, q.Text, q.Total.N, q.Total.Rows[i].Label, .Percent.String() …
//	}
//	err = survey.WriteCSV(w, res) // or WriteJSON, WriteTable
//
// Analyse streams responses.csv: memory does not grow with the rows. To find
// repeated respondent_ids it keeps nothing while the IDs increase (R0001,
// R0002 … or 1, 2 … 10); from the first ID out of order it keeps 8 bytes per
// row and reads the rows before that point a second time.
package survey
