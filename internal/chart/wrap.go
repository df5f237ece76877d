package chart

import "unicode"

// Break levels between two runes, best first. The wrapper breaks at the
// last position of the best level that keeps the line within the width.
const (
	breakNever  = 0 // inside a Latin word or number, or against kinsoku rules
	breakChar   = 1 // between two Japanese characters: last resort
	breakWeak   = 2 // after a particle inside a hiragana run, kanji→hiragana
	breakPhrase = 3 // end of a phrase: after a particle or punctuation, around brackets
	breakSpace  = 4 // at a space
)

// particles are the hiragana that end a phrase (bunsetsu) when they end a
// hiragana run.
const particles = "のをにがはでとやもへ"

// noStart are characters that must not begin a line (gyoutou kinsoku).
const noStart = "、。，．・：；！？）」』】〕〉》”’ーっゃゅょぁぃぅぇぉッャュョァィゥェォ％%,.!?:;)]}"

// noEnd are characters that must not end a line (gyoumatsu kinsoku).
const noEnd = "（「『【〔〈《“‘([{"

// openBrackets start a phrase; closeBrackets and punctuation end one.
const (
	openBrackets = "（「『【〔〈《“"
	phraseEnds   = "、。，．・）」』】〕〉》”！？：；"
)

type script uint8

const (
	scOther script = iota
	scHiragana
	scKatakana
	scKanji
	scLatin // ASCII and full-width letters and digits, and their joiners
)

func scriptOf(r rune) script {
	switch {
	case unicode.Is(unicode.Hiragana, r):
		return scHiragana
	case unicode.Is(unicode.Katakana, r) || r == 'ー':
		return scKatakana
	case unicode.Is(unicode.Han, r) || r == '々' || r == '〆':
		return scKanji
	case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == ',' || r == '%' || r == '-' || r == '/' || r == '&' || r == '+' || r == '\'' || r == '_'):
		return scLatin
	case r >= 'Ａ' && r <= 'ｚ' || r >= '０' && r <= '９':
		return scLatin
	}
	return scOther
}

func isIn(r rune, set string) bool {
	for _, c := range set {
		if c == r {
			return true
		}
	}
	return false
}

// breakLevels returns, for each i in 1..len(rs)-1, how good a line break
// between rs[i-1] and rs[i] is (index 0 is unused and breakNever).
func breakLevels(rs []rune) []uint8 {
	lv := make([]uint8, len(rs))
	for i := 1; i < len(rs); i++ {
		a, b := rs[i-1], rs[i]
		sa, sb := scriptOf(a), scriptOf(b)
		switch {
		case a == ' ' || a == '　':
			lv[i] = breakSpace
		case b == ' ' || b == '　':
			lv[i] = breakNever // break after the space instead
		case isIn(b, noStart) || isIn(a, noEnd):
			lv[i] = breakNever
		case sa == scLatin && sb == scLatin:
			lv[i] = breakNever
		case isIn(a, phraseEnds) || isIn(b, openBrackets):
			lv[i] = breakPhrase
		case sa == scHiragana && sb != scHiragana:
			// End of a hiragana run: a particle or an inflection ends the
			// phrase, and the next word starts.
			lv[i] = breakPhrase
		case sa == scHiragana && isIn(a, particles) && i >= 2 && scriptOf(rs[i-2]) == scHiragana:
			lv[i] = breakWeak
		case sa == scKatakana && sb == scKanji, sa == scLatin && sb != scLatin, sa != scLatin && sb == scLatin:
			lv[i] = breakWeak
		case sa == scKanji && sb == scHiragana:
			lv[i] = breakChar // okurigana: avoid
		default:
			lv[i] = breakChar
		}
	}
	return lv
}

// maxLines bounds the lines of any one text of a chart: an option label of
// thousands of characters (a free answer imported as an option) once made
// a PNG of 400 MB. The page's table and text keep the whole label; the
// chart ends the last line it draws with "…".
const maxLines = 12

// wrapRuneCap bounds the runes wrap reads: more than maxLines lines of the
// narrowest glyphs at the widest chart hold.
const wrapRuneCap = 8 << 10

// wrap breaks s into lines no wider than max at size, preferring phrase
// boundaries. It never drops a character but past maxLines lines, where it
// ends the last with "…"; a line is wider than max only when a single
// unbreakable word is.
func wrap(f *Fonts, s string, max, size float64, bold bool) []string {
	cut := false
	if len(s) > wrapRuneCap {
		n := 0
		for i := range s {
			if n == wrapRuneCap {
				s, cut = s[:i], true
				break
			}
			n++
		}
	}
	rs := []rune(s)
	if len(rs) == 0 {
		return nil
	}
	ws := f.runeWidths(rs, size, bold)
	lines := wrapRunes(rs, ws, max)
	if len(lines) <= maxLines && !cut {
		return lines
	}
	lines = lines[:min(len(lines), maxLines)]
	last := []rune(lines[len(lines)-1])
	room := max - f.Width("…", size, bold)
	n, w := 0, 0.0
	for i, lw := range f.runeWidths(last, size, bold) {
		if w+lw > room+0.01 {
			break
		}
		n, w = i+1, w+lw
	}
	lines[len(lines)-1] = trimSpace(last[:n]) + "…"
	return lines
}

func wrapRunes(rs []rune, ws []float64, max float64) []string {
	lv := breakLevels(rs)
	var lines []string
	start := 0
	for start < len(rs) {
		// Skip spaces at the start of a line.
		for start < len(rs) && (rs[start] == ' ' || rs[start] == '　') {
			start++
		}
		if start >= len(rs) {
			break
		}
		width := 0.0
		end := start
		for end < len(rs) && width+ws[end] <= max+0.01 {
			width += ws[end]
			end++
		}
		if end == len(rs) {
			lines = append(lines, trimSpace(rs[start:end]))
			break
		}
		// Choose the best break in (start, end]; prefer a higher level, then
		// a later position, but do not take a phrase break that leaves the
		// line less than a third full when a weaker one fills it better.
		best, bestLv := -1, uint8(0)
		for i := end; i > start; i-- {
			if i >= len(rs) || lv[i] == breakNever {
				continue
			}
			if lv[i] > bestLv {
				if bestLv >= breakWeak && sum(ws[start:i]) < max/3 {
					continue
				}
				best, bestLv = i, lv[i]
			}
		}
		if best < 0 {
			// One unbreakable run is wider than the line: extend to its end.
			best = end
			for best < len(rs) && lv[best] == breakNever {
				best++
			}
			if best == start {
				best = start + 1
			}
		}
		lines = append(lines, trimSpace(rs[start:best]))
		start = best
	}
	return lines
}

func sum(ws []float64) float64 {
	t := 0.0
	for _, w := range ws {
		t += w
	}
	return t
}

func trimSpace(rs []rune) string {
	for len(rs) > 0 && (rs[len(rs)-1] == ' ' || rs[len(rs)-1] == '　') {
		rs = rs[:len(rs)-1]
	}
	return string(rs)
}
