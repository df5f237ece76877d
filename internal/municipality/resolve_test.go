package municipality

import (
	"errors"
	"testing"
)

func TestResolveFindsOneCode(t *testing.T) {
	t.Parallel()
	tab := load(t)
	for _, tc := range []struct{ name, pref, code string }{
		{"弘前市", "", "022021"},
		{"伊達市", "福島県", "072133"},
		{"伊達市", "北海道", "012335"},
		{"伊達市", "福島", "072133"}, // 県 left out
		{"高森町", "熊本県", "434281"},
		{"高森町", "長野県", "204030"},
		{"府中市", "東京", "132063"},
		{"府中市", "広島県", "342084"},
		{"中野市", "", "202118"},      // 長野県
		{"中野区", "", "131148"},      // 東京都
		{"市川市", "", "122033"},      // 千葉県, not 市川三郷町
		{"大町市", "", "202126"},      // 長野県
		{"京都府", "", "260002"},      // a prefecture by name
		{"岩手県", "岩手県", "030007"},   // a prefecture with itself as prefecture
		{"京都市", "京都", "261009"},    // 京都 is 京都府, not 京
		{" 港区　", "", "131032"},     // trimmed, full-width space too
		{"ｻｲﾀﾏ市", "", ""},          // half-width kana: NFKC gives サイタマ市, still not さいたま市
		{"１２３", "", ""},            // no such name
		{"鰺ｹ沢町", "", ""},           // NFKC gives 鰺ケ沢町; official is 鰺ヶ沢町
		{"鰺ヶ沢町", " 青森 ", "023213"}, // prefecture trimmed
	} {
		e, err := tab.Resolve(tc.name, tc.pref)
		if tc.code == "" {
			if err == nil {
				t.Errorf("Resolve(%q, %q) = %s, want an error", tc.name, tc.pref, e.Code)
			}
			continue
		}
		if err != nil || e.Code != tc.code {
			t.Errorf("Resolve(%q, %q) = %s, %v; want %s", tc.name, tc.pref, e.Code, err, tc.code)
		}
	}
}

func TestResolveErrors(t *testing.T) {
	t.Parallel()
	tab := load(t)
	for _, tc := range []struct {
		name, pref string
		err        error
		msg, hint  string
	}{
		{"鯵ヶ沢町", "", ErrUnknown,
			`"鯵ヶ沢町" is not in the official list of local governments`,
			"did you mean 鰺ヶ沢町 (青森県)? write it exactly so: in the official list a variant character (鰺/鯵, ヶ/ケ, 龍/竜, 檜/桧 …) or a space makes another name"},
		{"竜ケ崎市", "", ErrUnknown, "", "did you mean 龍ケ崎市 (茨城県)? " + variantAdvice},
		{"茅ケ崎市", "", ErrUnknown, "", "did you mean 茅ヶ崎市 (神奈川県)? " + variantAdvice},
		{"鰺ヶ沢　町", "", ErrUnknown,
			`"鰺ヶ沢\u3000町" is not in the official list of local governments`, "did you mean 鰺ヶ沢町 (青森県)? " + variantAdvice},
		{"桧原村", "", ErrUnknown, "", "did you mean 檜原村 (東京都)? " + variantAdvice},
		{"舘林市", "", ErrUnknown, "", "did you mean 館林市 (群馬県)? " + variantAdvice},
		{"弘前", "", ErrUnknown, "", "did you mean 弘前市 (青森県)? write the official name"},
		{"ひろさきし", "", ErrUnknown, "", "did you mean 弘前市 (青森県)? write the official name"},
		{"京都", "", ErrUnknown, "", "did you mean 京都府, 京都市 (京都府), 東京都? write the official name"},
		{"伊達市", "", ErrAmbiguous,
			`"伊達市" is the name of 2 local governments: 伊達市 (北海道), 伊達市 (福島県)`,
			"write the prefecture (北海道 or 福島県) in the prefecture column"},
		{"府中市", "", ErrAmbiguous,
			`"府中市" is the name of 2 local governments: 府中市 (東京都), 府中市 (広島県)`,
			"write the prefecture (東京都 or 広島県) in the prefecture column"},
		{"高森町", "", ErrAmbiguous,
			`"高森町" is the name of 2 local governments: 高森町 (長野県), 高森町 (熊本県)`,
			"write the prefecture (長野県 or 熊本県) in the prefecture column"},
		{"伊達市", "宮城県", ErrWrongPref, `there is no "伊達市" in 宮城県 (there is in 北海道, 福島県)`, "correct the prefecture or the name"},
		{"伊達市", "福嶋県", ErrUnknownPref, `"福嶋県" is not a prefecture`, "did you mean 福島県? write one of the 47 prefectures as officially spelled"},
		{"　", "", ErrEmpty, "the name is empty", "write the official name, e.g. 弘前市, or delete the row"},
	} {
		_, err := tab.Resolve(tc.name, tc.pref)
		var re *ResolveError
		if !errors.As(err, &re) || !errors.Is(err, tc.err) {
			t.Errorf("Resolve(%q, %q) error = %v, want a *ResolveError wrapping %v", tc.name, tc.pref, err, tc.err)
			continue
		}
		if tc.msg != "" && re.Error() != tc.msg {
			t.Errorf("Resolve(%q, %q) message\n got %s\nwant %s", tc.name, tc.pref, re.Error(), tc.msg)
		}
		if re.Hint() != tc.hint {
			t.Errorf("Resolve(%q, %q) hint\n got %s\nwant %s", tc.name, tc.pref, re.Hint(), tc.hint)
		}
	}
}

const variantAdvice = "write it exactly so: in the official list a variant character (鰺/鯵, ヶ/ケ, 龍/竜, 檜/桧 …) or a space makes another name"

func TestDistance(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		a, b  string
		limit int
		want  int
	}{
		{"弘前市", "弘前市", 2, 0},
		{"弘前", "弘前市", 2, 1},
		{"五所川原市", "五所河原市", 2, 1},
		{"abc", "xyz", 2, 3},  // capped at limit+1
		{"a", "abcdef", 2, 3}, // length difference alone exceeds limit
		{"kitten", "sitting", 3, 3},
	} {
		if got := distance([]rune(tc.a), []rune(tc.b), tc.limit); got != tc.want {
			t.Errorf("distance(%q, %q, %d) = %d, want %d", tc.a, tc.b, tc.limit, got, tc.want)
		}
	}
}
