// Package importer reads a raw export of a survey (a CSV or .xlsx file from
// Google Forms, Microsoft Forms or Excel) as surveysite reads responses.
// Import infers, column by column, what each one holds (the respondent ID,
// an attribute, a question and its type, or nothing to read), and writes
// data/surveys/<ID>/ (the export byte for byte, columns.csv and a codebook)
// and the survey's page; the export stays the source of truth. At every
// build, ReadColumns and Source read the export through columns.csv.
package importer
