package search

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s as a query and the index compare it, before
// folding: Clean, then NFKC (half-width katakana, full-width letters and
// digits, ① and ⾜ become マ, A, 1 and 足).
func Normalize(s string) string { return nfkc(Clean(s)) }

// nfkc returns the NFKC form of s.
func nfkc(s string) string {
	if stable(s) {
		return s
	}
	if t, ok := simpleNFKC(s); ok {
		return t
	}
	if norm.NFKC.IsNormalString(s) {
		return s
	}
	return norm.NFKC.String(s)
}

// simpleNFKC returns the NFKC form of s, and true, when every character of
// s is one stable accepts or one that NFKC replaces by ASCII: … (U+2026)
// by "...", the full-width forms of ASCII (Ａ, （, ！, U+FF01–U+FF5E) by
// ASCII and the ideographic space by a space. The characters stable
// accepts neither change nor combine with their neighbours, and ASCII
// combines with no following character stable accepts, so the result is
// the characters' forms one after another; for anything else it returns
// false (a test compares it with x/text).
func simpleNFKC(s string) (string, bool) {
	var b []byte // nil until a character is replaced
	run := 0     // where the characters kept since the last replaced one start
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= 0xE0 && c < 0xF0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			if r < 0x800 || r >= 0xD800 && r <= 0xDFFF {
				return "", false // not UTF-8: x/text decides
			}
			var with string
			switch {
			case c >= 0xE4 && c <= 0xE9 && (c > 0xE4 || s[i+1] >= 0xB8),
				c == 0xE3 && s[i+1] <= 0x83 && stableKana[int(s[i+1]&0x3F)<<6|int(s[i+2]&0x3F)]:
				i += 3
				continue
			case r == 0x2026:
				with = "..."
			case r >= 0xFF01 && r <= 0xFF5E:
				with = asciiPrintable[r-0xFF01 : r-0xFF01+1]
			case r == 0x3000:
				with = " "
			default:
				if !stableRune(r) {
					return "", false
				}
				i += 3
				continue
			}
			if b == nil {
				b = make([]byte, 0, len(s))
			}
			b = append(append(b, s[run:i]...), with...)
			i += 3
			run = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !stableRune(r) {
			return "", false
		}
		i += n
	}
	if b == nil {
		return s, true
	}
	return string(append(b, s[run:]...)), true
}

// asciiPrintable is ! to ~, the ASCII forms of U+FF01–U+FF5E.
const asciiPrintable = "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"

// Clean returns text as the index stores it and snippets show it:
// variation selectors and zero-width characters removed, and every run of
// white space and control characters made one space, trimmed. Characters
// are otherwise kept as written: （） stay full-width.
func Clean(s string) string {
	if clean, _ := scan(s); clean {
		return s
	}
	var b []byte   // nil until a character is dropped
	run := 0       // where the characters kept since the last dropped one start
	space := false // a space is due before the next kept character
	for i := 0; i < len(s); {
		c, n, blank := s[i], 1, true
		if c < utf8.RuneSelf && c > ' ' && c != 0x7f {
			i++
			continue
		}
		if kept3(s, i) {
			i += 3
			continue
		}
		if c >= utf8.RuneSelf {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			switch {
			case removed(r):
				blank = false
			case unicode.IsSpace(r) || unicode.IsControl(r) || r == utf8.RuneError && n == 1:
			default:
				i += n
				continue
			}
		} else if c > ' ' && c != 0x7f {
			i++
			continue
		}
		// s[i:i+n] is dropped.
		if b == nil {
			b = make([]byte, 0, len(s))
		}
		if i > run {
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			b = append(b, s[run:i]...)
			space = false
		}
		space = space || blank
		i += n
		run = i
	}
	if b == nil {
		return s
	}
	if run < len(s) {
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		b = append(b, s[run:]...)
	}
	return string(b)
}

// cleanPart returns Clean(s) and whether NFKC leaves it as it is (stable),
// with one pass over s for most text.
func cleanPart(s string) (string, bool) {
	clean, st := scan(s)
	if !clean {
		s = Clean(s)
		st = stable(s)
	}
	return s, st
}

// scan reports isClean(s) and, when it is clean, stable(s), in one pass.
func scan(s string) (clean, st bool) {
	if s == "" {
		return true, true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false, false
	}
	st = true
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c > ' ' && c < 0x7f:
			i++
			continue
		case c == ' ':
			if s[i+1] == ' ' {
				return false, false
			}
			i++
			continue
		case c < utf8.RuneSelf:
			return false, false
		}
		if kept3(s, i) {
			if st && !(c >= 0xE4 && c <= 0xE9 && (c > 0xE4 || s[i+1] >= 0xB8)) &&
				!(c == 0xE3 && s[i+1] <= 0x83 && stableKana[int(s[i+1]&0x3F)<<6|int(s[i+2]&0x3F)]) &&
				!stableRune(rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F)) {
				st = false
			}
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if removed(r) || unicode.IsSpace(r) || unicode.IsControl(r) || r == utf8.RuneError && n == 1 {
			return false, false
		}
		st = st && stableRune(r)
		i += n
	}
	return true, st
}

// kept3 reports whether s holds at i a character of U+3001–U+EFFF (kana,
// kanji, CJK punctuation), which Clean keeps as it is, in three valid
// bytes: the fast path for Japanese text.
func kept3(s string, i int) bool {
	if i+2 >= len(s) {
		return false
	}
	c, c1, c2 := s[i], s[i+1], s[i+2]
	if c < 0xE3 || c > 0xEE || c == 0xED || c1&0xC0 != 0x80 || c2&0xC0 != 0x80 {
		return false
	}
	return c != 0xE3 || c1 != 0x80 || c2 != 0x80 // not U+3000, the ideographic space
}

// stable reports whether NFKC leaves s as it is because every character is
// one that NFKC never changes or combines: printable ASCII, the common
// kanji, kana (not their combining marks) and common Japanese punctuation
// by a quick test, and other characters that are inert. It is a fast path
// for most text; x/text decides the rest.
func stable(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// The common kanji, U+4E00–U+9FFF, and the stable characters
			// of U+3000–U+30FF, in three valid bytes.
			if c >= 0xE4 && c <= 0xE9 && (c > 0xE4 || s[i+1] >= 0xB8) {
				i += 3
				continue
			}
			if c == 0xE3 && s[i+1] <= 0x83 && stableKana[int(s[i+1]&0x3F)<<6|int(s[i+2]&0x3F)] {
				i += 3
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if !stableRune(r) {
			return false
		}
	}
	return true
}

// stableRune reports whether stable accepts r, not ASCII.
func stableRune(r rune) bool {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3400 && r <= 0x4DBF, // kanji
		r >= 0x3041 && r <= 0x3096, r == 0x309D, r == 0x309E, // hiragana
		r >= 0x30A1 && r <= 0x30FE,                             // katakana, ・, ー
		r >= 0x3001 && r <= 0x3003, r >= 0x3005 && r <= 0x301E, // 、。〃々〆〇「」…
		r >= 0x2010 && r <= 0x2022 && r != 0x2011 && r != 0x2017, r == 0x203B: // ‐–—‘’“”†‡• ※
		return true
	}
	return inert(r)
}

// inert reports whether NFKC leaves r as it is wherever it stands: r has no
// decomposition, is a starter (combining class 0) and never combines with
// the character before it. (A character that combines with r from after it
// is not inert, so text of inert characters and ASCII is in NFKC.) ↩, →, ©,
// é and most symbols are; ①, ﾏ, ｶ and the combining marks are not.
func inert(r rune) bool {
	if r == utf8.RuneError {
		return false // perhaps bytes that are not UTF-8
	}
	var b [utf8.UTFMax]byte
	p := norm.NFKC.Properties(b[:utf8.EncodeRune(b[:], r)])
	return p.CCC() == 0 && p.BoundaryBefore() && len(p.Decomposition()) == 0
}

// stableKana says which characters of U+3000–U+30FF stable accepts.
var stableKana = func() (t [0x100]bool) {
	for i := range t {
		t[i] = stableRune(rune(0x3000 + i))
	}
	return t
}()

// removed reports whether Clean drops r: variation selectors (葛󠄀
// is 葛) and zero-width characters, which would otherwise split a word.
func removed(r rune) bool {
	switch {
	case r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF, r == 0x180B, r == 0x180C, r == 0x180D, r == 0x180F:
		return true
	case r >= 0x200B && r <= 0x200D, r == 0x2060, r == 0xFEFF, r == 0x00AD:
		return true
	}
	return false
}

// fold is how two normalised characters are compared: katakana as
// hiragana (マネジメント and まねじめんと meet) and letters in lower case
// (σ for ς).
// It maps one character to one character of the same length in UTF-16,
// so positions in folded text are positions in the stored text.
func fold(r rune) rune {
	switch {
	case r < 0x80:
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case r >= 0x30A1 && r <= 0x30F6:
		return r - 0x60
	case r == 0x30FD || r == 0x30FE: // ヽヾ
		return r - 0x60
	case r == 0x0130: // İ lower-cases to two characters in JavaScript: kept
		return r
	case r == 0x03C2: // ς, the final form, as σ: ΟΔΟΣ and οδος meet
		return 0x03C3
	}
	l := unicode.ToLower(r)
	if (l >= 0x10000) != (r >= 0x10000) {
		return r
	}
	return l
}

// foldClass returns fold(r) and its class, quickly for ASCII, kana and the
// common kanji.
func foldClass(r rune) (rune, class) {
	switch {
	case r < 0x80:
		c := asciiClass[r]
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r, c
	case r >= 0x4E00 && r <= 0x9FFF:
		return r, cjk
	case r < 0x100:
		return latin1Fold[r-0x80], latin1Class[r-0x80]
	case r >= 0x3000 && r < 0x3100: // CJK punctuation, hiragana, katakana
		return kanaFold[r-0x3000], kanaClass[r-0x3000]
	}
	r = fold(r)
	return r, classOf(r)
}

// Tables of fold and classOf for the characters text has most.
var (
	asciiClass  [0x80]class
	latin1Fold  [0x80]rune // U+0080–U+00FF
	latin1Class [0x80]class
	kanaFold    [0x100]rune // U+3000–U+30FF
	kanaClass   [0x100]class
)

func init() {
	for r := range rune(0x80) {
		asciiClass[r] = classOf(r)
	}
	for i := range rune(0x80) {
		latin1Fold[i] = fold(0x80 + i)
		latin1Class[i] = classOf(latin1Fold[i])
	}
	for i := range rune(0x100) {
		kanaFold[i] = fold(0x3000 + i)
		kanaClass[i] = classOf(kanaFold[i])
	}
}

// class is what a character is to the tokenizer.
type class uint8

const (
	sep  class = iota // white space, punctuation, symbols: ends a run
	word              // letters, numbers and marks of scripts that space their words
	cjk               // kanji, kana, hangul and ー: indexed by bigrams
)

// classOf returns the class of a folded character.
func classOf(r rune) class {
	if r < 0x80 {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9', 'A' <= r && r <= 'Z':
			return word
		}
		return sep
	}
	switch {
	case r >= 0x3041 && r <= 0x3096, r >= 0x309D && r <= 0x309F, // hiragana
		r >= 0x30A1 && r <= 0x30FA, r >= 0x30FC && r <= 0x30FF, // katakana and ー, not ・
		r >= 0x4E00 && r <= 0x9FFF, r >= 0x3400 && r <= 0x4DBF: // the common kanji blocks
		return cjk
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
		return cjk
	case unicode.In(r, unicode.L, unicode.N, unicode.M):
		return word
	}
	return sep
}
