package municipality

import (
	"io"

	"surveysite/internal/tabular"
)

// WriteCSV writes the resolved participants as open data that others can
// join on the official code: columns 団体コード, 都道府県, 名称, 読み, 区分, in
// UTF-8 with a byte order mark and CRLF line ends (tabular.Writer). Names are
// the official ones, not as written.
func WriteCSV(w io.Writer, ps []Participant) error {
	cw := tabular.NewWriter(w)
	if err := cw.Write("団体コード", "都道府県", "名称", "読み", "区分"); err != nil {
		return err
	}
	for _, p := range ps {
		if err := cw.Write(p.Code, p.Pref, p.Name, p.Kana, p.Kind.String()); err != nil {
			return err
		}
	}
	return cw.Flush()
}
