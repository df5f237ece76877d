package municipality

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// normalize is how a name as written is compared with the official names:
// NFKC (full-width letters and digits, half-width kana and the ideographic
// space become their usual forms) and trimmed of white space. Characters
// inside the name are kept as written: 鯵 is not 鰺.
func normalize(s string) string {
	return strings.TrimSpace(norm.NFKC.String(s))
}

// variants maps a character to the one it is folded to for suggestions:
// pairs that are read as "the same" but are different characters in the
// official list. Both sides of a pair may occur in official names (駒ヶ根市,
// 龍ケ崎市), so a folded match is never accepted, only suggested. Read only.
var variants = map[rune]rune{
	'ヶ': 'ケ', 'ヵ': 'ケ', 'ゖ': 'ケ', 'ゕ': 'ケ',
	'鯵': '鰺',
	'竜': '龍',
	'桧': '檜',
	'嶋': '島', '嶌': '島',
	'﨑': '崎', '嵜': '崎', '碕': '崎',
	'邉': '辺', '邊': '辺',
	'澤': '沢',
	'濱': '浜',
	'髙': '高',
	'國': '国',
	'齋': '斎', '齊': '斎', '斉': '斎',
	'廣': '広',
	'德': '徳',
	'舘': '館',
	'冨': '富',
	'條': '条',
	'瀨': '瀬',
	'會': '会',
	'縣': '県',
	'櫻': '桜',
	'惠': '恵',
	'龜': '亀',
	'壽': '寿',
	'萬': '万',
	'薗': '園',
	'檮': '梼',
	'栁': '柳',
}

// fold returns the key under which names that differ only in variant
// characters or white space meet: normalize, drop every space and fold
// variants.
func fold(s string) string {
	s = normalize(s)
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		if v, ok := variants[r]; ok {
			r = v
		}
		b.WriteRune(r)
	}
	return b.String()
}

// hiragana returns s with katakana written as hiragana, to compare a name
// written in kana with the readings.
func hiragana(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'ァ' && r <= 'ヶ' && r != 'ヵ' && r != 'ヶ' {
			return r - 'ァ' + 'ぁ'
		}
		return r
	}, s)
}
