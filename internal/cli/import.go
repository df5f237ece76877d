package cli

import (
	"context"
	"fmt"

	"surveysite/internal/importer"
)

type importCmd struct{ env Env }

const importSynopsis = "import [--source DIR] --id ID [--header-rows N] [--sheet NAME] [--force] EXPORT"

// Run imports a raw export as a survey and prints what it decided for every
// column, and the guesses to check.
func (c *importCmd) Run(ctx context.Context, args []string) error {
	fset := newFlagSet(c.env, "import", importSynopsis)
	source := fset.String("source", ".", "the project `folder`")
	id := fset.String("id", "", "the survey's `ID`: its files go to data/surveys/ID/ and its page to content/surveys/ID/")
	headerRows := fset.Int("header-rows", 0, "rows of headers above the answers (`N`); 0 detects one or two")
	sheet := fset.String("sheet", "", "the `sheet` of an .xlsx workbook; the first if not given")
	force := fset.Bool("force", false, "replace files that already exist")
	// The export may come before or after the flags.
	var files []string
	for {
		if err := fset.Parse(args); err != nil {
			return parseFlags(fset, args) // words the error as every command does
		}
		if fset.NArg() == 0 {
			break
		}
		files = append(files, fset.Arg(0))
		args = fset.Args()[1:]
	}
	switch {
	case len(files) != 1:
		return usagef("name one export file (CSV or .xlsx)")
	case *id == "":
		return usagef("--id is required (for example --id kanko-2022)")
	case *headerRows < 0:
		return usagef("--header-rows must be 0 (detect) or more, not %d", *headerRows)
	}
	plan, err := importer.Import(importer.Request{Source: *source, ID: *id, Export: files[0], HeaderRows: *headerRows, Sheet: *sheet, Force: *force})
	if err != nil {
		return err
	}
	out := c.env.Stdout
	fmt.Fprintf(out, "%s: %d respondents, %d header rows, %d questions\n", files[0], plan.Rows, plan.HeaderRows, len(plan.Questions))
	fmt.Fprintln(out, "\ncolumns (number, header → what import decided):")
	for _, l := range plan.Review {
		fmt.Fprintln(out, l)
	}
	if len(plan.Missing) > 0 {
		fmt.Fprintf(out, "\ncounted as 無回答 (missing: in the survey's page): %v\n", plan.Missing)
	}
	if len(plan.Checks) > 0 {
		fmt.Fprintln(out, "\nplease check:")
		for _, l := range plan.Checks {
			fmt.Fprintln(out, "  - "+l)
		}
	}
	fmt.Fprintf(out, "\nwrote data/surveys/%s/ (the export as it was, columns.csv, codebook.csv) and content/surveys/%s/_index.md\n", *id, *id)
	fmt.Fprintln(out, "next: surveysite build; refine by editing the codebook, columns.csv or the page")
	return nil
}
