package importer

import (
	_ "embed"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// knownScales are the ordered scales of scales.txt, most positive first. A
// column whose answers all belong to one becomes a SCALE question with the
// smallest scale that holds them, in its order. Labels are compared after
// NFKC and case folding.
var knownScales = parseScales(scalesTxt)

//go:embed scales.txt
var scalesTxt string

// parseScales reads scales.txt: one scale a line, labels separated by " > ",
// # comments.
func parseScales(txt string) [][]string {
	var scales [][]string
	for _, l := range strings.Split(txt, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			scales = append(scales, strings.Split(l, " > "))
		}
	}
	return scales
}

// scaleExtras are answers that sit beside a scale without a place on it.
var scaleExtras = map[string]string{
	"わからない": "dontknow", "分からない": "dontknow", "わからない・答えられない": "dontknow",
	"該当しない": "none", "利用していない": "none", "使わない": "none", "選択肢なし": "none",
	"don't know": "dontknow", "do not know": "dontknow", "not sure": "dontknow",
	"not applicable": "none", "n/a": "none", "does not apply": "none", "prefer not to say": "dontknow",
}

func fold(s string) string {
	s = strings.ToLower(strings.TrimSpace(norm.NFKC.String(s)))
	s = strings.ReplaceAll(s, "’", "'")
	return s
}

// matchScale returns the labels of the smallest known scale that holds every
// value (as the scale writes them) and the values outside it that are extras
// (わからない …) with their roles; ok is false if none holds them.
func matchScale(values []string) (scale []string, extras map[string]string, ok bool) {
	var best []string
	var bestExtras map[string]string
	for _, sc := range knownScales {
		ex := map[string]string{}
		fit, onScale := true, 0
		for _, v := range values {
			f := fold(v)
			if slices.ContainsFunc(sc, func(l string) bool { return fold(l) == f }) {
				onScale++
				continue
			}
			if r, isExtra := scaleExtras[f]; isExtra {
				ex[v] = r
				continue
			}
			fit = false
			break
		}
		if fit && onScale >= 2 && (best == nil || len(sc) < len(best)) {
			best, bestExtras = sc, ex
		}
	}
	return best, bestExtras, best != nil
}

// bandRE finds the amounts of a band label: 「1,000円以上 3,000円未満」,
// 「5千円未満」, 「$10–$20」, 「10万円〜」.
var bandRE = regexp.MustCompile(`(\d[\d,]*(?:\.\d+)?)\s*(万|千)?\s*(円|ドル|\$)?`)

// bandLow returns the lower amount of a band label and whether it is one:
// a number with a word of range (以上, 未満, 〜, -, to, under, over) or a
// unit of amount or count (円, 代, 泊, 回, 歳, 人, 日 …). A band that is
// only 「…未満」 or "under …" sorts before the others.
func bandLow(label string) (low float64, ok bool) {
	s := norm.NFKC.String(label)
	m := bandRE.FindAllStringSubmatch(s, -1)
	if len(m) == 0 {
		return 0, false
	}
	l := strings.ToLower(s)
	if !rangeWord(l) && !countUnitRE.MatchString(l) {
		return 0, false
	}
	v := amount(m[0])
	if len(m) == 1 && (strings.Contains(l, "未満") || strings.Contains(l, "以下") || strings.Contains(l, "under") || strings.Contains(l, "less than")) &&
		!strings.Contains(l, "以上") {
		return v - 1e-9, true // "under X" comes before "X or more"
	}
	return v, true
}

var countUnitRE = regexp.MustCompile(`\d\s*(万|千)?\s*(円|ドル|代|泊|回|歳|才|人|日|年|か月|ヶ月|時間|分|km|件)`)

// rangeWord reports whether a label names a range: 以上, 未満, 〜 …
func rangeWord(label string) bool {
	l := strings.ToLower(norm.NFKC.String(label))
	for _, w := range []string{"以上", "未満", "以下", "〜", "~", "–", "-", "代", " to ", "under", "over", "less than", "or more"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

func amount(m []string) float64 {
	digits := strings.ReplaceAll(m[1], ",", "")
	var v float64
	for i, part := range strings.SplitN(digits, ".", 2) {
		for _, c := range part {
			if i == 0 {
				v = v*10 + float64(c-'0')
			}
		}
		if i == 1 {
			f := 0.1
			for _, c := range part {
				v += float64(c-'0') * f
				f /= 10
			}
		}
	}
	switch m[2] {
	case "万":
		v *= 10000
	case "千":
		v *= 1000
	}
	return v
}

// A scale that scales.txt does not list is read from its labels when they
// are the two ends of one pair (満足 and 不満 …) with words of degree in
// front, and a middle: 「とても満足」 > 「満足」 > 「やや満足」 > 「どちらともいえない」 >
// 「やや不満」 > 「不満」 > 「とても不満」, seven places at most. A place used on
// one side is kept on the other, with the same word of degree, so a label
// no respondent chose still has its score.
var (
	scalePairs = [][2]string{
		{"満足", "不満"}, {"満足", "不満足"}, {"良い", "悪い"}, {"よい", "わるい"}, {"賛成", "反対"},
		{"好き", "嫌い"}, {"安心", "不安"}, {"便利", "不便"}, {"重要", "重要でない"},
	}
	strongWords = []string{"とても", "非常に", "大変", "たいへん", "すごく", "かなり", "大いに"}
	weakWords   = []string{"やや", "まあ", "まあまあ", "少し", "どちらかといえば", "どちらかと言えば", "どちらかというと"}
	middleWords = []string{"どちらともいえない", "どちらとも言えない", "どちらでもない", "普通", "ふつう"}
)

// symmetricScale returns the scale that values are the labels of, read as
// above, and the extras beside it; ok is false unless every value is on it
// or an extra, both ends are used, three places at least, and no place has
// two labels.
func symmetricScale(values []string) (scale []string, extras map[string]string, ok bool) {
	for _, p := range scalePairs {
		if scale, extras, ok = pairScale(values, p); ok {
			return scale, extras, true
		}
	}
	return nil, nil, false
}

// pairScale reads values on the scale of one pair: places 0 to 6 are
// strong, plain and weak of pair[0], the middle, then weak, plain and
// strong of pair[1].
func pairScale(values []string, pair [2]string) ([]string, map[string]string, bool) {
	var word [7]string // the word of degree at each place used
	var used [7]bool
	var middle string
	extras := map[string]string{}
	place := func(f string) (int, string) {
		for side, stem := range pair {
			at := func(k int) int { return k + side*(6-2*k) } // 0,1,2 and 6,5,4
			if f == fold(stem) {
				return at(1), ""
			}
			for _, w := range strongWords {
				if f == fold(w+stem) {
					return at(0), w
				}
			}
			for _, w := range weakWords {
				if f == fold(w+stem) {
					return at(2), w
				}
			}
		}
		for _, m := range middleWords {
			if f == fold(m) {
				return 3, m
			}
		}
		return -1, ""
	}
	n := 0
	for _, v := range values {
		f := fold(v)
		k, w := place(f)
		if k < 0 {
			if r, isExtra := scaleExtras[f]; isExtra {
				extras[v] = r
				continue
			}
			return nil, nil, false
		}
		if used[k] && word[k] != w {
			return nil, nil, false // two labels for one place
		}
		if !used[k] {
			n++
		}
		used[k], word[k] = true, w
		if k == 3 {
			middle = v
		}
	}
	if n < 3 || !(used[0] || used[1] || used[2]) || !(used[4] || used[5] || used[6]) {
		return nil, nil, false
	}
	var scale []string
	for k := range 7 {
		m := 6 - k // the same place on the other side
		switch {
		case k == 3 && used[3]:
			scale = append(scale, middle)
		case k == 3:
		case used[k] || used[m]:
			w := word[k]
			if !used[k] {
				w = word[m]
			}
			scale = append(scale, w+pair[k/4])
		}
	}
	return scale, extras, true
}
