package municipality

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/encoding/japanese"

	"surveysite/internal/diag"
)

// shipped reads the repository's data/participants.csv.
func shipped(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("../../data/participants.csv")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func loadBytes(t *testing.T, tab *Table, data []byte) ([]Participant, error) {
	t.Helper()
	return LoadParticipants(fstest.MapFS{"data/participants.csv": {Data: data}}, "data/participants.csv", tab)
}

// TestShippedListCounts checks data/participants.csv, the flyer's list of
// participants, against counts made by hand from the flyer: 188 names (the
// flyer's text says 延べ189; the list has 188), by prefecture and by kind.
func TestShippedListCounts(t *testing.T) {
	t.Parallel()
	tab := load(t)
	ps, err := loadBytes(t, tab, shipped(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 188 {
		t.Errorf("%d participants, want 188", len(ps))
	}
	byPref := map[string]int{}
	byKind := map[Kind]int{}
	for _, p := range ps {
		byPref[p.Pref]++
		byKind[p.Kind]++
	}
	wantPref := map[string]int{
		"青森県": 6, "岩手県": 7, "宮城県": 6, "秋田県": 1, "山形県": 3, "福島県": 4,
		"茨城県": 14, "栃木県": 1, "群馬県": 5, "埼玉県": 5, "千葉県": 9, "東京都": 7, "神奈川県": 11,
		"新潟県": 5, "富山県": 3, "石川県": 1, "山梨県": 7, "長野県": 19, "静岡県": 14, "愛知県": 5,
		"滋賀県": 2, "京都府": 9, "大阪府": 1, "兵庫県": 2, "奈良県": 3, "和歌山県": 1,
		"岡山県": 3, "広島県": 1, "山口県": 1, "香川県": 2,
		"福岡県": 5, "佐賀県": 5, "長崎県": 2, "熊本県": 12, "宮崎県": 4, "鹿児島県": 2,
	}
	if !reflect.DeepEqual(byPref, wantPref) {
		t.Errorf("by prefecture = %v\nwant %v", byPref, wantPref)
	}
	wantKind := map[Kind]int{Prefecture: 10, DesignatedCity: 9, City: 135, SpecialWard: 3, Town: 29, Village: 2}
	if !reflect.DeepEqual(byKind, wantKind) {
		t.Errorf("by kind = %v, want %v", byKind, wantKind)
	}
	// The flyer's order is kept: first, last and the two prefecture rows
	// that the flyer's neighbours decide.
	if ps[0].Name != "弘前市" || ps[187].Name != "錦江町" || ps[0].Line != 2 || ps[187].Line != 189 {
		t.Errorf("first %s line %d, last %s line %d; want 弘前市 2, 錦江町 189", ps[0].Name, ps[0].Line, ps[187].Name, ps[187].Line)
	}
}

// TestShippedAmbiguousNames checks every name of the shipped list that is
// ambiguous on its own: it must carry the prefecture the flyer's order
// implies (伊達市 between 横手市 and 相馬市; 高森町 after 御船町).
func TestShippedAmbiguousNames(t *testing.T) {
	t.Parallel()
	tab := load(t)
	ps, err := loadBytes(t, tab, shipped(t))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"伊達市": "072133", "高森町": "434281"}
	got := map[string]string{}
	for _, p := range ps {
		if _, err := tab.Resolve(p.Written, ""); errors.Is(err, ErrAmbiguous) {
			got[p.Written] = p.Code
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ambiguous names resolved to %v, want %v", got, want)
	}
	// Names that look alike but are not ambiguous.
	for name, pref := range map[string]string{"中野市": "長野県", "中野区": "東京都", "市川市": "千葉県", "大町市": "長野県",
		"八幡市": "京都府", "境町": "茨城県", "小山町": "静岡県", "大津町": "熊本県", "山形村": "長野県", "田原市": "愛知県"} {
		i := slices.IndexFunc(ps, func(p Participant) bool { return p.Name == name })
		if i < 0 || ps[i].Pref != pref {
			t.Errorf("%s: not in the list or not in %s", name, pref)
		}
	}
}

func TestShippedListSameInEveryEncoding(t *testing.T) {
	t.Parallel()
	tab := load(t)
	src := shipped(t)
	if !bytes.HasPrefix(src, []byte("\uFEFF")) {
		t.Error("data/participants.csv has no byte order mark (Excel needs it)")
	}
	plain := bytes.TrimPrefix(src, []byte("\uFEFF"))
	sjis, err := japanese.ShiftJIS.NewEncoder().Bytes(plain)
	if err != nil {
		t.Fatal(err)
	}
	want, err := loadBytes(t, tab, plain)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"BOM": src, "CP932": sjis, "LF": bytes.ReplaceAll(plain, []byte("\r\n"), []byte("\n"))} {
		got, err := loadBytes(t, tab, data)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: differs from UTF-8 without BOM (err %v)", name, err)
		}
	}
}

// errorsOf returns the formatted problems of err, one per item.
func errorsOf(t *testing.T, err error) []string {
	t.Helper()
	var list *diag.List
	if errors.As(err, &list) {
		var out []string
		for _, e := range list.Items() {
			out = append(out, e.Format())
		}
		return out
	}
	var de *diag.Error
	if errors.As(err, &de) {
		return []string{de.Format()}
	}
	if err != nil {
		t.Fatalf("error %v is neither a diag.List nor a diag.Error", err)
	}
	return nil
}

const p = "data/participants.csv:"

func TestLoadParticipantsProblems(t *testing.T) {
	t.Parallel()
	tab := load(t)
	for _, tc := range []struct {
		name string
		csv  string
		want []string
	}{
		{"variant characters at their line and column",
			"prefecture,name\n青森県,鯵ヶ沢町\n,竜ケ崎市\n神奈川県,茅ケ崎市\n,鰺ヶ沢　町\n",
			[]string{
				p + `2:5: "鯵ヶ沢町" is not in the official list of local governments` + "\n  fix: did you mean 鰺ヶ沢町 (青森県)? " + variantAdvice,
				p + `3:2: "竜ケ崎市" is not in the official list of local governments` + "\n  fix: did you mean 龍ケ崎市 (茨城県)? " + variantAdvice,
				p + `4:6: "茅ケ崎市" is not in the official list of local governments` + "\n  fix: did you mean 茅ヶ崎市 (神奈川県)? " + variantAdvice,
				p + `5:2: "鰺ヶ沢\u3000町" is not in the official list of local governments` + "\n  fix: did you mean 鰺ヶ沢町 (青森県)? " + variantAdvice,
			}},
		{"ambiguous name lists candidates",
			"name,prefecture\n弘前市,\n伊達市,\n",
			[]string{p + `3:1: "伊達市" is the name of 2 local governments: 伊達市 (北海道), 伊達市 (福島県)` +
				"\n  fix: write the prefecture (北海道 or 福島県) in the prefecture column"}},
		{"wrong prefecture points at the prefecture",
			"name,prefecture\n伊達市,宮城県\n",
			[]string{p + `2:5: there is no "伊達市" in 宮城県 (there is in 北海道, 福島県)` + "\n  fix: correct the prefecture or the name"}},
		{"duplicate names the first line",
			"name,prefecture\n弘前市,\n岩手県,\n弘前市,青森県\n",
			[]string{p + "4:1: 弘前市 (青森県) is listed twice (first on line 2)\n  fix: delete one of the two rows"}},
		{"wrong check digit",
			"name,code\n弘前市,022022\n",
			[]string{p + "2:5: code 022022 has a wrong check digit: the check digit of 02202 is 1" +
				"\n  fix: check the digits against the official list; a wrong check digit usually means a mistyped digit"}},
		{"code of another local government",
			"name,code\n弘前市,023213\n",
			[]string{p + "2:5: code 023213 is 鰺ヶ沢町 (青森県), but the name says 弘前市 (青森県) (022021)" +
				"\n  fix: correct the code or the name; the code column may also be left empty"}},
		{"five-digit code",
			"name,code\n弘前市,02202\n",
			[]string{p + "2:5: code 02202 has 5 digits; the official code has 6\n  fix: add the check digit: 022021"}},
		{"multi-line cell before the error keeps the real line",
			"name,prefecture,code,note\n弘前市,,,\"first\nsecond\"\n鯵ヶ沢町,,,\n",
			[]string{p + `4:1: "鯵ヶ沢町" is not in the official list of local governments` + "\n  fix: did you mean 鰺ヶ沢町 (青森県)? " + variantAdvice}},
		{"unknown column and no name column",
			"名前,prefecture\n弘前市,\n",
			[]string{
				p + `1:1: unknown column "名前"` + "\n  fix: the columns are name, prefecture, code and note (or 名称, 都道府県, 団体コード, 備考); rename or delete this one",
				p + "1:1: there is no name column\n  fix: add a column named name (or 名称) with the names of the local governments",
			}},
		{"empty name",
			"name,note\n,メモ\n",
			[]string{p + "2:1: the name is empty\n  fix: write the official name, e.g. 弘前市, or delete the row"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ps, err := loadBytes(t, tab, []byte(tc.csv))
			if ps != nil {
				t.Errorf("got %d participants along with problems, want none", len(ps))
			}
			got := errorsOf(t, err)
			if !slices.Equal(got, tc.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestLoadParticipantsSameProblemsInEveryEncoding(t *testing.T) {
	t.Parallel()
	tab := load(t)
	src := "name,note\n弘前市,\"メモ\n二行目\"\n鯵ヶ沢町,\n伊達市,\n竜ケ崎市,\n"
	sjis, err := japanese.ShiftJIS.NewEncoder().String(src)
	if err != nil {
		t.Fatal(err)
	}
	_, err = loadBytes(t, tab, []byte(src))
	want := errorsOf(t, err)
	if len(want) != 3 || !strings.HasPrefix(want[0], p+"4:1: ") {
		t.Fatalf("UTF-8 problems = %q, want 3 starting at line 4", want)
	}
	for name, data := range map[string][]byte{"BOM": append([]byte("\uFEFF"), src...), "CP932": []byte(sjis)} {
		_, err := loadBytes(t, tab, data)
		if got := errorsOf(t, err); !slices.Equal(got, want) {
			t.Errorf("%s problems:\n%s\nwant:\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

func TestLoadParticipantsJapaneseHeadersAndCode(t *testing.T) {
	t.Parallel()
	tab := load(t)
	src := "団体コード,名称,備考,都道府県\n072133,伊達市, メモ ,\n,,,\n ０２２０２１ ,弘前市,,青森\n"
	ps, err := loadBytes(t, tab, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []Participant{
		{Entity: Entity{Code: "072133", PrefCode: 7, Pref: "福島県", Name: "伊達市", Kana: "だてし", Kind: City}, Line: 2, Written: "伊達市", Note: "メモ"},
		{Entity: Entity{Code: "022021", PrefCode: 2, Pref: "青森県", Name: "弘前市", Kana: "ひろさきし", Kind: City}, Line: 4, Written: "弘前市"},
	}
	if !reflect.DeepEqual(ps, want) {
		t.Errorf("got %+v\nwant %+v", ps, want)
	}
}

func TestLoadParticipantsReportsCSVErrorsWithPosition(t *testing.T) {
	t.Parallel()
	_, err := loadBytes(t, load(t), []byte("name,prefecture\n弘前市,\n岩手県\n"))
	got := errorsOf(t, err)
	if len(got) != 1 || !strings.HasPrefix(got[0], p+"3:1: this row has 1 cells but the header has 2") {
		t.Errorf("problems = %q", got)
	}
}

func TestWriteCSV(t *testing.T) {
	t.Parallel()
	tab := load(t)
	ps, err := loadBytes(t, tab, []byte("name,prefecture\n岩手県,\n伊達市,福島県\n港区,\n"))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteCSV(&b, ps); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFF団体コード,都道府県,名称,読み,区分\r\n" +
		"030007,岩手県,岩手県,いわてけん,都道府県\r\n" +
		"072133,福島県,伊達市,だてし,市\r\n" +
		"131032,東京都,港区,みなとく,特別区\r\n"
	if b.String() != want {
		t.Errorf("WriteCSV =\n%q\nwant\n%q", b.String(), want)
	}
}
