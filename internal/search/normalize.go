package search

import (
	"strings"
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
	if stable(s) || norm.NFKC.IsNormalString(s) {
		return s
	}
	return norm.NFKC.String(s)
}

// Clean returns text as the index stores it and snippets show it:
// variation selectors and zero-width characters removed, and every run of
// white space and control characters made one space, trimmed. Characters
// are otherwise kept as written: （） stay full-width.
func Clean(s string) string {
	if s == "" {
		return ""
	}
	// One pass: most text needs no change, and then none is copied.
	var b strings.Builder
	space, changed := false, false
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c > ' ' && c != 0x7f {
				if space {
					if b.Len() > 0 {
						b.WriteByte(' ')
					}
					space = false
				}
				if changed {
					b.WriteByte(c)
				}
				i++
				continue
			}
			if !changed {
				b.Grow(len(s))
				b.WriteString(s[start:i])
				changed = true
			}
			space = true
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case removed(r):
			if !changed {
				b.Grow(len(s))
				b.WriteString(s[start:i])
				changed = true
			}
		case unicode.IsSpace(r) || unicode.IsControl(r) || r == utf8.RuneError && n == 1:
			if !changed {
				b.Grow(len(s))
				b.WriteString(s[start:i])
				changed = true
			}
			space = true
		default:
			if space {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				space = false
			}
			if changed {
				b.WriteString(s[i : i+n])
			}
		}
		i += n
	}
	if !changed {
		return s
	}
	return b.String()
}

// stable reports whether NFKC leaves s as it is because every character is
// one that NFKC never changes or combines: printable ASCII, the common
// kanji, kana (not their combining marks) and common Japanese punctuation.
// It is a fast path for most text; x/text decides the rest.
func stable(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3400 && r <= 0x4DBF, // kanji
			r >= 0x3041 && r <= 0x3096, r == 0x309D, r == 0x309E, // hiragana
			r >= 0x30A1 && r <= 0x30FE,                                                                        // katakana, ・, ー
			r >= 0x3001 && r <= 0x3003, r >= 0x3005 && r <= 0x3007, r >= 0x3008 && r <= 0x301F && r != 0x301F, // 、。〃々〆〇「」…
			r >= 0x2010 && r <= 0x2022 && r != 0x2011 && r != 0x2017, r == 0x203B: // ‐–—‘’“”†‡• ※
		default:
			return false
		}
	}
	return true
}

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
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3041 && r <= 0x3096, r >= 0x309D && r <= 0x309F:
		return r, cjk
	case r >= 0x30A1 && r <= 0x30F6, r == 0x30FD, r == 0x30FE:
		return r - 0x60, cjk
	}
	r = fold(r)
	return r, classOf(r)
}

var asciiClass = func() (t [128]class) {
	for r := range t {
		t[r] = classOf(rune(r))
	}
	return t
}()

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
