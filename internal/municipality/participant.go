package municipality

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"surveysite/internal/diag"
	"surveysite/internal/tabular"
)

// Participant is one row of data/participants.csv, resolved.
type Participant struct {
	Entity         // the official record the row resolved to
	Line    int    // line of the row in the file
	Written string // the name as written in the file, trimmed
	Note    string // the note column, if any
}

// The columns of a participants file. The Japanese headers are accepted as
// well, for files kept in Excel.
var participantColumns = []struct{ name, ja string }{
	{"name", "名称"},
	{"prefecture", "都道府県"},
	{"code", "団体コード"},
	{"note", "備考"},
}

// participantRow is one row of a participants file, by column.
type participantRow struct {
	Name, Pref, Code, Note string
}

// LoadParticipants reads a participants file (columns name, and optionally
// prefecture, code and note, in any order; 名称, 都道府県, 団体コード and 備考
// also work) from fsys and resolves every row with t. Problems are reported
// together as a *diag.List with the file's real lines and columns: unknown
// or ambiguous names, a prefecture that does not hold the name, a code with
// a wrong check digit or for another local government, and a local
// government listed twice. Rows whose cells are all empty are skipped. On any
// problem no participants are returned.
func LoadParticipants(fsys fs.FS, path string, table *Table) ([]Participant, error) {
	t, err := tabular.ReadTable(fsys, path)
	if t == nil {
		return nil, err
	}
	cols, colErr := participantCols(t) // the header's problems first
	if colErr != nil {
		return nil, colErr
	}
	if err != nil {
		return nil, err
	}
	var list diag.List
	out := make([]Participant, 0, len(t.Rows))
	first := map[string]int{} // code -> line
	for i, rec := range t.Rows {
		if strings.TrimSpace(strings.Join(rec, "")) == "" {
			continue
		}
		cell := func(k int) string {
			if cols[k] < 0 {
				return ""
			}
			return rec[cols[k]]
		}
		row := participantRow{Name: cell(0), Pref: cell(1), Code: cell(2), Note: cell(3)}
		pos := func(col string) diag.Pos {
			for k, c := range participantColumns {
				if c.name == col && cols[k] >= 0 {
					return t.Pos[i][cols[k]]
				}
			}
			return t.Pos[i][0]
		}
		e, ok := resolveRow(table, row, pos, &list)
		if !ok {
			continue
		}
		if line, dup := first[e.Code]; dup {
			list.Add(diag.Errorf(pos("name"), "%s is listed twice (first on line %d)", describe(e), line).
				WithHint("delete one of the two rows"))
			continue
		}
		first[e.Code] = t.Lines[i]
		out = append(out, Participant{Entity: e, Line: t.Lines[i], Written: normalize(row.Name), Note: strings.TrimSpace(row.Note)})
	}
	if err := list.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// resolveRow resolves one row and checks its code, adding problems to list.
func resolveRow(t *Table, row participantRow, pos func(string) diag.Pos, list *diag.List) (Entity, bool) {
	code, codeOK := checkCode(t, row.Code, pos("code"), list)
	e, err := t.Resolve(row.Name, row.Pref)
	if err != nil {
		var re *ResolveError
		if !errors.As(err, &re) {
			list.AddErr(pos("name"), err)
			return Entity{}, false
		}
		// A valid code picks one of several local governments of that name.
		if re.Err == ErrAmbiguous && codeOK {
			for _, c := range re.Candidates {
				if c.Code == code {
					return c, true
				}
			}
		}
		at := pos("name")
		if re.InPref {
			at = pos("prefecture")
		}
		list.Add(re.At(at))
		return Entity{}, false
	}
	if codeOK && code != e.Code {
		other, _ := t.Lookup(code)
		list.Add(diag.Errorf(pos("code"), "code %s is %s, but the name says %s (%s)", code, describe(other), describe(e), e.Code).
			WithHint("correct the code or the name; the code column may also be left empty"))
		return Entity{}, false
	}
	return e, codeOK || strings.TrimSpace(row.Code) == ""
}

// checkCode reports whether cell holds a valid code of the table. An empty
// cell is not an error but not a code either.
func checkCode(t *Table, cell string, at diag.Pos, list *diag.List) (string, bool) {
	code := normalize(cell)
	if code == "" {
		return "", false
	}
	if d, ok := CheckDigit(code); ok {
		list.Add(diag.Errorf(at, "code %s has 5 digits; the official code has 6", code).
			WithHint("add the check digit: %s%d", code, d))
		return "", false
	}
	if len(code) != 6 || !isDigits(code) {
		list.Add(diag.Errorf(at, "code %q is not 6 digits", cell).
			WithHint("write the 6-digit 全国地方公共団体コード, e.g. 022021, or leave the cell empty"))
		return "", false
	}
	if !ValidCode(code) {
		d, _ := CheckDigit(code[:5])
		list.Add(diag.Errorf(at, "code %s has a wrong check digit: the check digit of %s is %d", code, code[:5], d).
			WithHint("check the digits against the official list; a wrong check digit usually means a mistyped digit"))
		return "", false
	}
	if _, ok := t.Lookup(code); !ok {
		list.Add(diag.Errorf(at, "code %s is not in the official list", code).
			WithHint("check the code, or leave the cell empty"))
		return "", false
	}
	return code, true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// describe formats e as 伊達市 (福島県), or a prefecture alone.
func describe(e Entity) string {
	if e.Kind == Prefecture {
		return e.Name
	}
	return fmt.Sprintf("%s (%s)", e.Name, e.Pref)
}

// participantCols returns, for each of participantColumns, the index of
// its column in t, or -1.
func participantCols(t *tabular.Table) ([]int, error) {
	col := make([]int, len(participantColumns))
	for i := range col {
		col[i] = -1
	}
	var list diag.List
	for i, h := range t.Header {
		k := -1
		for j, c := range participantColumns {
			if strings.EqualFold(h, c.name) || h == c.ja {
				k = j
			}
		}
		if k < 0 {
			list.Add(diag.Errorf(t.HeaderPos[i], "unknown column %q", h).
				WithHint("the columns are name, prefecture, code and note (or 名称, 都道府県, 団体コード, 備考); rename or delete this one"))
			continue
		}
		if col[k] >= 0 {
			list.Add(diag.Errorf(t.HeaderPos[i], "column %q is given twice", h).
				WithHint("delete one of the two columns"))
			continue
		}
		col[k] = i
	}
	if col[0] < 0 {
		list.Add(diag.Errorf(diag.Pos{Path: t.Path, Line: 1, Col: 1}, "there is no name column").
			WithHint("add a column named name (or 名称) with the names of the local governments"))
	}
	return col, list.Err()
}
