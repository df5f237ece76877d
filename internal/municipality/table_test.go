package municipality

import (
	"slices"
	"testing"
)

func load(t *testing.T) *Table {
	t.Helper()
	tab, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

func TestCheckDigitHandComputed(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		first5 string
		want   int
	}{
		{"01100", 2}, // 札幌市: 0·6+1·5+1·4+0·3+0·2 = 9; 11−9 = 2
		{"13101", 6}, // 千代田区: 6+15+4+0+2 = 27 ≡ 5; 11−5 = 6
		{"01000", 6}, // 北海道: 5; 11−5 = 6
		{"01110", 0}, // 札幌市清田区: 12 ≡ 1; (11−1) mod 10 = 0
		{"02202", 1}, // 弘前市: 0+10+8+0+4 = 22 ≡ 0; (11−0) mod 10 = 1
	} {
		got, ok := CheckDigit(tc.first5)
		if !ok || got != tc.want {
			t.Errorf("CheckDigit(%q) = %d, %v; want %d, true", tc.first5, got, ok, tc.want)
		}
	}
	for _, bad := range []string{"", "0110", "011002", "0110a", "０１１００"} {
		if _, ok := CheckDigit(bad); ok {
			t.Errorf("CheckDigit(%q) ok, want not ok", bad)
		}
	}
	if !ValidCode("022021") || ValidCode("022022") || ValidCode("02202") {
		t.Error("ValidCode does not tell 022021 (valid) from 022022 and 02202")
	}
}

func TestEveryEmbeddedCodeHasItsCheckDigit(t *testing.T) {
	t.Parallel()
	for _, e := range load(t).everyEntity() {
		if !ValidCode(e.Code) {
			t.Errorf("%s %s: wrong check digit", e.Code, e.Name)
		}
	}
}

func TestTableCounts(t *testing.T) {
	t.Parallel()
	tab := load(t)
	got := map[Kind]int{}
	var designated []string
	for _, e := range tab.everyEntity() {
		got[e.Kind]++
		if e.Kind == DesignatedCity {
			designated = append(designated, e.Name)
		}
	}
	// 総務省: 792 市 (20 of them 政令市), 743 町, 183 村, 23 特別区.
	want := map[Kind]int{Prefecture: 47, DesignatedCity: 20, City: 772, SpecialWard: 23, Town: 743, Village: 183}
	for _, k := range Kinds() {
		if got[k] != want[k] {
			t.Errorf("%s: %d, want %d", k, got[k], want[k])
		}
	}
	wantDesignated := []string{"札幌市", "仙台市", "さいたま市", "千葉市", "横浜市", "川崎市", "相模原市", "新潟市", "静岡市", "浜松市",
		"名古屋市", "京都市", "大阪市", "堺市", "神戸市", "岡山市", "広島市", "北九州市", "福岡市", "熊本市"}
	if !slices.Equal(designated, wantDesignated) {
		t.Errorf("政令市 = %v, want %v", designated, wantDesignated)
	}
}

func TestPrefecturesInCodeOrder(t *testing.T) {
	t.Parallel()
	ps := load(t).Prefectures()
	if len(ps) != 47 {
		t.Fatalf("%d prefectures, want 47", len(ps))
	}
	for i, p := range ps {
		if p.PrefCode != i+1 || p.Kind != Prefecture || p.Pref != p.Name {
			t.Errorf("Prefectures()[%d] = %+v", i, p)
		}
	}
	for i, want := range map[int]string{0: "北海道", 12: "東京都", 25: "京都府", 26: "大阪府", 46: "沖縄県"} {
		if ps[i].Name != want {
			t.Errorf("Prefectures()[%d] = %s, want %s", i, ps[i].Name, want)
		}
	}
	if e, ok := load(t).Lookup("022021"); !ok || e.Name != "弘前市" || e.Pref != "青森県" || e.Kana != "ひろさきし" || e.Kind != City {
		t.Errorf("Lookup(022021) = %+v, %v", e, ok)
	}
}

func TestRegion(t *testing.T) {
	t.Parallel()
	for code, want := range map[int]string{1: "北海道・東北", 7: "北海道・東北", 8: "関東", 14: "関東", 15: "中部", 23: "中部",
		24: "近畿", 30: "近畿", 31: "中国・四国", 39: "中国・四国", 40: "九州・沖縄", 47: "九州・沖縄", 0: "", 48: "", -1: ""} {
		if got := Region(code); got != want {
			t.Errorf("Region(%d) = %q, want %q", code, got, want)
		}
	}
	n := map[string]int{}
	for c := 1; c <= 47; c++ {
		n[Region(c)]++
	}
	if len(n) != len(regions()) {
		t.Errorf("Region spans %d regions, regions() lists %d", len(n), len(regions()))
	}
}

func TestKindString(t *testing.T) {
	t.Parallel()
	var got []string
	for _, k := range Kinds() {
		got = append(got, k.String())
	}
	if want := []string{"都道府県", "政令市", "市", "特別区", "町", "村"}; !slices.Equal(got, want) {
		t.Errorf("Kinds = %v, want %v", got, want)
	}
	if Kind(0).String() != "?" {
		t.Errorf("Kind(0) = %q", Kind(0).String())
	}
}

func TestParseTableRejectsBadLines(t *testing.T) {
	t.Parallel()
	for name, src := range map[string]string{
		"fields":      "010006\t北海道\tほっかいどう\n",
		"check digit": "010007\t北海道\tほっかいどう\t都道府県\n",
		"kind":        "010006\t北海道\tほっかいどう\t道\n",
		"no pref":     "011002\t札幌市\tさっぽろし\t政令市\n",
		"46 prefs":    "010006\t北海道\tほっかいどう\t都道府県\n",
		"empty name":  "010006\t\tほっかいどう\t都道府県\n",
		"repeated":    "010006\t北海道\tほっかいどう\t都道府県\n010006\t北海道\tほっかいどう\t都道府県\n",
	} {
		if _, err := parseTable(src); err == nil {
			t.Errorf("%s: parseTable accepted %q", name, src)
		}
	}
}
