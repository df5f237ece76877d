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
// and optionally the columns value (a SCALE option's score), group (the grid
// a SCALE question belongs to), unit (NUM), separator (this question's
// separator; LF, \n or 改行 for answers on lines of one cell) and bins (NUM:
// ascending lower bounds, "0,1,3,7"). Rows after a question's first may leave
// type, max_choices, question_text and the question columns blank; if given
// they must agree with the first row. option_role is blank for an ordinary
// option, or other (その他), none (特にない, 該当しない) or dontknow
// (わからない).
//
// # Types
//
// Each type is one file that registers a kind (kind.go): how its codebook
// rows are checked, how a cell is read, and how a segment's counts become
// rows and a Summary. The types:
//
//   - SA (sa.go): one option; two or more picks are 無効. Rows ranked.
//   - MA (ma.go): any number of options, at most max_choices; more are 無効.
//     Rows ranked. Summary: n_valid and mt.
//   - SCALE (scale.go): one option of an ordered scale listed most positive
//     first; rows in scale order, never ranked. Summary: n_valid, top2,
//     bottom2, mean, sd; with a unit (amounts in bands: 円, band) only
//     n_valid.
//   - NUM (num.go): a number; no options. Rows are bins. Summary: n_valid,
//     mean, sd, min, q1, median, q3, max.
//   - NPS (nps.go): a score 0–10; no options (the eleven scores are
//     generated). Summary: n_valid, promoters, passives, detractors, nps,
//     nps_ci_low, nps_ci_high.
//   - RANK (rank.go): ranks 1 … k (k = max_choices, blank for every option).
//     Rows by score, with by_rank and score. Summary: n_valid.
//   - FA (fa.go): free text; no options. One row 記入あり. Summary: n_valid.
//     Answers only when Config.Publish names the question.
//
// responses.csv has a respondent_id column, any attribute columns (団体区分,
// 職位 …) and per question either one column named by the question_id or one
// column per option named <question_id>_<option_code> (the wide layout,
// holding 1/0, TRUE/FALSE, ○ or blank; for RANK, each option's rank). A RANK
// question may instead have one column per rank, <question_id>_1 …
// <question_id>_k, holding an option each. In the one-column layout a cell
// holds option codes or exact labels separated by the question's separator,
// else Config.Separator (default ";"). White space, CR and LF around answers
// are ignored and labels are matched after Unicode NFKC. A label may contain
// the separator (Google Forms joins labels with ", "): known codes and labels
// are then matched longest first. A cell equal (after NFKC) to one of
// Config.Missing (n/a, 選択肢なし, 該当なし …) counts as 無回答.
//
// # Definitions
//
//   - N is the number of data rows of responses.csv.
//   - The base n of a question is every respondent (BaseAll): blank answers
//     are counted in a 無回答 row (code BlankCode) and invalid answers (more
//     picks than allowed, a number that cannot be read, an option ranked
//     twice) in a 無効 row (InvalidCode). Under BaseAnswered both are left out
//     of n; their rows keep their counts but are marked Excluded and have no
//     percentage.
//   - Each respondent lands in exactly one of answered, 無回答 and 無効 for
//     each question. An invalid answer adds to no option.
//   - Percent is 100 × count / n rounded half up to one decimal, computed
//     from integers and kept as Tenths (523 is 52.3%). Every share below is
//     computed from counts, never by adding rounded percentages.
//   - Rank (SA, MA) is standard competition ranking (1, 2, 2, 4) by count
//     over the options with a blank role; ties keep codebook order. Unranked
//     rows have rank 0.
//   - CILow and CIHigh are the 95% Wilson score interval (z = 1.959964),
//     in tenths of a percent, rounded half up; exactly 0 at count 0 and
//     100.0 at count n.
//   - mt (MA, M.T.) is the sum of the options' counts as a percentage of n;
//     n_valid is the respondents with a valid answer (n minus 無回答 and 無効
//     under either base).
//   - SCALE scores are the options' value, else k … 1 from the first scored
//     option (blank role) to the last. top2 and bottom2 are the summed counts
//     of the first and last two scored options as percentages of the same n
//     as the rows; they are given for scales of at least four points. mean is
//     the average score over valid answers (blank, 無効 and options with a
//     role left out; n_valid says how many), computed exactly and rounded half
//     away from zero to two decimals; sd is the sample standard deviation
//     sqrt((n·Σs² − (Σs)²) / (n(n−1))), rounded to two decimals (from the
//     exact variance; the square root in float64).
//   - NUM reads a cell after NFKC (full-width digits), with the codebook's
//     unit allowed at the end and thousands separators in groups of three;
//     anything else is 無効 with a warning. mean and sd as for SCALE, over the
//     exact values; min and max as given; q1, median and q3 by linear
//     interpolation between order statistics, h = (n−1)·p from 0 (Excel's
//     QUARTILE.INC, R's type 7), rounded half away from zero to two decimals
//     with trailing zeros dropped. Bins: bin i holds bins[i] ≤ v < bins[i+1],
//     the last every v ≥ its bound, and a 「…未満」 row those below the first.
//     Without codebook bins: one bin per value for at most 10 distinct
//     integers; otherwise the smallest width of 1, 2 or 5 × 10^k giving at
//     most 10 bins, from a multiple of the width at or below the minimum; a
//     cross-tab uses the bins of 全体.
//   - NPS: promoters score 9–10, passives 7–8, detractors 0–6; their
//     percentages are of the valid answers (n_valid), the score rows' of n.
//     nps = 1000·(promoters − detractors) / n_valid tenths, rounded half away
//     from zero (15 promoters and 24 detractors of 55 give −16.4, not the
//     −16.3 of 27.3 − 43.6). nps_ci_low and nps_ci_high are the 95% Wald
//     interval: each answer scores +1, 0 or −1, p and d are the shares, the
//     variance is p + d − (p − d)², bounds 100·((p − d) ± 1.959964 ·
//     sqrt(variance / n_valid)), clipped to ±100, rounded half away from zero.
//   - RANK: for each option the count at each rank (by_rank), the count
//     ranked at all (count, percent of n) and score = Σ (k + 1 − r) · count at
//     rank r; options with a blank role ranked by score (competition ranks,
//     ties in codebook order), the others after them.
//   - FA: n_valid is the non-blank answers. Published answers (Config.Publish)
//     are listed in data order after NFKC, with e-mail addresses, URLs and
//     phone numbers replaced by ［メールアドレス］, ［URL］ and ［電話番号］
//     (MaskText); those of respondents in Config.Exclude are left out.
//   - Cross-tabs (Config.By) split respondents by an attribute column, or by
//     the column of an SA, SCALE or NPS question (then codes and labels of one
//     option are one segment, named by the label). Each segment has its own
//     n. Segments are in the order their value first appears in
//     responses.csv (deterministic, and the data's author controls it), or in
//     the question's option order. A segment with n below Config.MinCell
//     (default 10) is Suppressed: its Rows and Summary are nil, so no writer
//     can publish its numbers. When exactly one segment of a column is
//     suppressed, the smallest other one is suppressed too (Complement), so
//     the hidden one cannot be worked out as 全体 minus the others: its
//     Rows, Summary and weighted base are removed as well.
//   - vs_rest (cross-tab rows): the segment's share x/n against that of
//     the other respondents, (X − x)/(N − n) with X and N of 全体, by
//     DiffOf; Higher or Lower when the interval excludes 0. Suppressed
//     segments and segments with no other respondents are not tested.
//   - Compare (waves): questions matched by ID, options by code, else label
//     after NFKC. A row's diff is DiffOf(this count, n, previous count,
//     previous n): 1000·(x₁n₂ − x₂n₁)/(n₁n₂) tenths rounded half away from
//     zero, and its 95% interval Newcombe's hybrid score interval (method
//     10) from the unrounded Wilson bounds l, u of each share:
//     d − sqrt((p₁−l₁)² + (u₂−p₂)²) … d + sqrt((u₁−p₁)² + (p₂−l₂)²),
//     rounded half away from zero; change is Up or Down when it excludes 0.
//     It assumes independent samples. Means and NPS get their previous value
//     and the difference, without an interval.
//   - Weights (ウェイトバック; weights.csv, Config.Weights): one row per
//     cell of one or more attribute columns (性別, 年代 …, or an SA
//     question's column, matched by code or label) with its population, a
//     count or a share. Cell c's weight is its population share over its
//     sample share, w_c = (P_c / ΣP) / (n_c / N), exact as a rational. A
//     respondent in no cell, or a cell with no respondent, is an error.
//     With weights, count and n stay the respondents; weighted_count is
//     Σw over the counted respondents, weighted_n Σw over the base, and
//     percent 100 × weighted_count / weighted_n, rounded half up from the
//     exact rationals. Intervals use Kish's effective n, n_eff = (Σw)² /
//     Σw² over the base (9.6 for six respondents weighing 5/6 and four
//     weighing 5/4). SA and MA rank by weighted count; top2, bottom2, M.T.
//     and the NPS shares are of weighted counts; the mean is Σw·s / Σw and
//     the sd treats the weights as frequencies, sqrt(Σw(s − mean)² / (Σw −
//     1)), as SPSS does; the NPS interval uses the valid answers' n_eff.
//     NUM min, max and quartiles and RANK scores stay unweighted. vs_rest
//     and wave differences take weighted shares and n_eff (the rest's from
//     全体's sums minus the segment's). Suppression (MinCell) is by the
//     unweighted n. A weights.csv with the header column,value,population
//     gives only margins: the weights are then raked to them (rake.go),
//     and every figure is computed from those weights the same way.
//   - Rows of a segment: SA and MA ranked options by rank (ties in codebook
//     order), then other/none/dontknow options in codebook order; SCALE and
//     NPS in codebook (scale) order; NUM its bins; RANK by score; then
//     無回答, then 無効.
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
//	err = survey.WriteCSV(w, res) // or WriteJSON, WriteTable, WriteDownloadCSV, WriteSummaryCSV
//
// Analyse streams responses.csv: memory does not grow with the rows. To find
// repeated respondent_ids it keeps nothing while the IDs increase (R0001,
// R0002 … or 1, 2 … 10); from the first ID out of order it keeps 8 bytes per
// row and reads the rows before that point a second time.
package survey
