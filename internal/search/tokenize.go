package search

import (
	"strings"
	"unicode/utf8"
)

// maxWord is the longest word key, in characters: a longer word is indexed
// by its first maxWord characters (a query for it is then checked against
// the text).
const maxWord = 32

// keyer emits the keys of normalised text: for each run of kanji and kana
// the bigrams of its characters and its last character alone, for each
// word its first maxWord characters, folded.
type keyer struct {
	// cjk receives a kanji or kana key: the first character in the high
	// bits, the second (0 for a run's last character) in the low 21.
	cjk func(k uint64)
	// word receives a word key; the string is only valid during the call.
	word func(w string)
	buf  []byte
}

// cjkKey packs a key of one or two characters.
func cjkKey(a, b rune) uint64 { return uint64(a)<<21 | uint64(b) }

// cjkKeyString returns the key as the index writes it.
func cjkKeyString(k uint64) string {
	a, b := rune(k>>21), rune(k&(1<<21-1))
	if b == 0 {
		return string(a)
	}
	return string([]rune{a, b})
}

// keys runs over the normalised text s (Normalize, or Clean and NFKC).
func (k *keyer) keys(s string) {
	var prev rune // the previous kanji or kana of the current run, or 0
	inWord, words := false, 0
	k.buf = k.buf[:0]
	endWord := func() {
		if inWord {
			k.word(string(k.buf)) // converted once; the callee may keep it
			k.buf = k.buf[:0]
			inWord, words = false, 0
		}
	}
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		i += n
		r, c := foldClass(r)
		switch c {
		case cjk:
			endWord()
			if prev != 0 {
				k.cjk(cjkKey(prev, r))
			}
			prev = r
		case word:
			if prev != 0 {
				k.cjk(cjkKey(prev, 0))
				prev = 0
			}
			inWord = true
			if words < maxWord {
				k.buf = utf8.AppendRune(k.buf, r)
			}
			words++
		default:
			endWord()
			if prev != 0 {
				k.cjk(cjkKey(prev, 0))
				prev = 0
			}
		}
	}
	endWord()
	if prev != 0 {
		k.cjk(cjkKey(prev, 0))
	}
}

// Keys returns the index keys of text in order, with repeats: the
// character bigrams of every run of kanji and kana and the run's last
// character alone, and every other word (letters, digits), folded and cut
// to 32 characters. Keys("人材マネジメントとAI") is 人材 材ま まね ねじ じめ
// めん んと とと と ai: katakana are folded to hiragana.
func Keys(text string) []string {
	var out []string
	k := keyer{
		cjk:  func(c uint64) { out = append(out, cjkKeyString(c)) },
		word: func(w string) { out = append(out, w) },
	}
	k.keys(Normalize(text))
	return out
}

// foldString folds every character of normalised text.
func foldString(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(fold(r))
	}
	return b.String()
}
