package municipality

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"surveysite/internal/diag"
)

// The reasons a name does not resolve; a *ResolveError wraps one of them.
var (
	ErrUnknown     = errors.New("not an official name")
	ErrAmbiguous   = errors.New("name shared by several local governments")
	ErrUnknownPref = errors.New("not a prefecture")
	ErrWrongPref   = errors.New("not in that prefecture")
	ErrEmpty       = errors.New("empty name")
)

// ResolveError says why a name did not resolve to exactly one local
// government, and what the writer may have meant.
type ResolveError struct {
	Name string // as written
	Pref string // as written; may be empty
	Err  error  // ErrUnknown, ErrAmbiguous, ErrUnknownPref, ErrWrongPref or ErrEmpty
	// InPref is true when the prefecture, not the name, is at fault.
	InPref bool
	// Candidates are the local governments that share the name (ErrAmbiguous,
	// ErrWrongPref).
	Candidates []Entity
	// Suggestions are the closest official names (ErrUnknown,
	// ErrUnknownPref), best first: spelling variants, then readings, then by
	// edit distance.
	Suggestions []Entity
	// Variant is true when the first suggestion differs from the name only in
	// variant characters or spaces.
	Variant bool
}

// Error returns the message without a position.
func (e *ResolveError) Error() string {
	switch e.Err {
	case ErrEmpty:
		return "the name is empty"
	case ErrAmbiguous:
		return fmt.Sprintf("%q is the name of %d local governments: %s", e.Name, len(e.Candidates), listWithPref(e.Candidates))
	case ErrUnknownPref:
		return fmt.Sprintf("%q is not a prefecture", e.Pref)
	case ErrWrongPref:
		return fmt.Sprintf("there is no %q in %s (there is in %s)", e.Name, normalize(e.Pref), prefList(e.Candidates))
	}
	return fmt.Sprintf("%q is not in the official list of local governments", e.Name)
}

// Unwrap returns the reason.
func (e *ResolveError) Unwrap() error { return e.Err }

// Hint says what to do.
func (e *ResolveError) Hint() string {
	switch e.Err {
	case ErrEmpty:
		return "write the official name, e.g. 弘前市, or delete the row"
	case ErrAmbiguous:
		return fmt.Sprintf("write the prefecture (%s) in the prefecture column", strings.Join(prefNames(e.Candidates), " or "))
	case ErrWrongPref:
		return "correct the prefecture or the name"
	case ErrUnknownPref:
		if len(e.Suggestions) > 0 {
			return fmt.Sprintf("did you mean %s? write one of the 47 prefectures as officially spelled", names(e.Suggestions))
		}
		return "write one of the 47 prefectures, e.g. 青森県 (or 青森)"
	}
	if e.Variant {
		return fmt.Sprintf("did you mean %s? write it exactly so: in the official list a variant character (鰺/鯵, ヶ/ケ, 龍/竜, 檜/桧 …) or a space makes another name", listWithPref(e.Suggestions))
	}
	if len(e.Suggestions) > 0 {
		return fmt.Sprintf("did you mean %s? write the official name", listWithPref(e.Suggestions))
	}
	return "write the official name of a prefecture, city, ward, town or village, e.g. 弘前市 or 岩手県"
}

// At returns e as a diag.Error at pos.
func (e *ResolveError) At(pos diag.Pos) *diag.Error {
	return &diag.Error{Pos: pos, Msg: e.Error(), Hint: e.Hint(), Err: e}
}

// Resolve returns the one local government called name, in prefecture pref
// when pref is not empty. Both are compared after NFKC normalisation and
// trimming of white space (full-width spaces included). pref may leave out
// 都, 府 or 県 (東京, 大阪, 青森). Any other difference from the official
// spelling, such as a variant character (鯵 for 鰺) or a space inside the
// name, is an error whose Suggestions hold the official spelling. The error
// is always a *ResolveError.
func (t *Table) Resolve(name, pref string) (Entity, error) {
	n := normalize(name)
	if n == "" {
		return Entity{}, &ResolveError{Name: name, Pref: pref, Err: ErrEmpty}
	}
	prefCode := 0
	if strings.TrimSpace(pref) != "" {
		pe, err := t.resolvePref(pref)
		if err != nil {
			err.Name = name
			return Entity{}, err
		}
		prefCode = pe.PrefCode
	}
	cands := t.name[n]
	if len(cands) == 0 {
		sugg := t.suggest(n, prefCode, false)
		variant := len(sugg) > 0 && fold(sugg[0].Name) == fold(n)
		return Entity{}, &ResolveError{Name: name, Pref: pref, Err: ErrUnknown, Suggestions: sugg, Variant: variant}
	}
	if prefCode != 0 {
		var in []int
		for _, i := range cands {
			if t.all[i].PrefCode == prefCode {
				in = append(in, i)
			}
		}
		if len(in) == 0 {
			return Entity{}, &ResolveError{Name: name, Pref: pref, Err: ErrWrongPref, InPref: true, Candidates: t.entities(cands)}
		}
		cands = in
	}
	if len(cands) > 1 {
		return Entity{}, &ResolveError{Name: name, Pref: pref, Err: ErrAmbiguous, Candidates: t.entities(cands)}
	}
	return t.all[cands[0]], nil
}

// resolvePref finds a prefecture by its name, with or without 都, 府 or 県.
func (t *Table) resolvePref(pref string) (Entity, *ResolveError) {
	p := normalize(pref)
	for _, i := range t.prefs {
		e := t.all[i]
		if p == e.Name || p == shortPref(e.Name) {
			return e, nil
		}
	}
	sugg := t.suggest(p, 0, true)
	variant := len(sugg) > 0 && fold(sugg[0].Name) == fold(p)
	return Entity{}, &ResolveError{Pref: pref, Err: ErrUnknownPref, InPref: true, Suggestions: sugg, Variant: variant}
}

// shortPref returns a prefecture's name without 都, 府 or 県 (東京, 京都,
// 青森); 北海道 stays as it is.
func shortPref(name string) string {
	for _, suffix := range []string{"都", "府", "県"} {
		if s, ok := strings.CutSuffix(name, suffix); ok {
			return s
		}
	}
	return name
}

func (t *Table) entities(idx []int) []Entity {
	out := make([]Entity, len(idx))
	for i, j := range idx {
		out[i] = t.all[j]
	}
	return out
}

// maxSuggestions is how many official names an error proposes at most.
const maxSuggestions = 5

// suggest returns the official names closest to n: those that differ only in
// variant characters or spaces, those whose reading n is, then those within a
// small edit distance (same prefecture first at equal distance).
func (t *Table) suggest(n string, prefCode int, prefsOnly bool) []Entity {
	var out []Entity
	seen := map[string]bool{}
	add := func(i int) {
		e := t.all[i]
		if prefsOnly && e.Kind != Prefecture || seen[e.Code] {
			return
		}
		seen[e.Code] = true
		out = append(out, e)
	}
	for _, i := range t.folded[fold(n)] {
		add(i)
	}
	k := hiragana(strings.ReplaceAll(n, " ", ""))
	for _, suffix := range []string{"", "し", "く", "まち", "ちょう", "むら", "そん", "けん", "ふ", "と"} {
		for _, i := range t.kana[k+suffix] {
			add(i)
		}
	}
	if len(out) > 0 {
		return capped(out)
	}
	type scored struct {
		idx, dist int
	}
	f := []rune(fold(n))
	limit := 1
	if len(f) >= 4 {
		limit = 2
	}
	var near []scored
	for i, e := range t.all {
		if prefsOnly && e.Kind != Prefecture {
			continue
		}
		if d := distance(f, []rune(fold(e.Name)), limit); d <= limit {
			near = append(near, scored{i, d})
		}
	}
	slices.SortStableFunc(near, func(a, b scored) int {
		if a.dist != b.dist {
			return a.dist - b.dist
		}
		// At equal distance: same prefecture first, then names that start
		// with what was written (京都 -> 京都府 before 東京都), then code order.
		if c := compareBool(t.all[a.idx].PrefCode == prefCode, t.all[b.idx].PrefCode == prefCode); c != 0 {
			return c
		}
		if c := compareBool(strings.HasPrefix(t.all[a.idx].Name, n), strings.HasPrefix(t.all[b.idx].Name, n)); c != 0 {
			return c
		}
		return a.idx - b.idx
	})
	for _, s := range near {
		add(s.idx)
	}
	return capped(out)
}

// compareBool orders true before false.
func compareBool(a, b bool) int {
	switch {
	case a && !b:
		return -1
	case b && !a:
		return 1
	}
	return 0
}

func capped(es []Entity) []Entity {
	if len(es) > maxSuggestions {
		return es[:maxSuggestions]
	}
	return es
}

// distance returns the Levenshtein distance of a and b in runes, or limit+1
// as soon as it must exceed limit.
func distance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
			best = min(best, c)
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// listWithPref formats entities as 伊達市 (北海道), 伊達市 (福島県).
func listWithPref(es []Entity) string {
	parts := make([]string, len(es))
	for i, e := range es {
		if e.Kind == Prefecture {
			parts[i] = e.Name
		} else {
			parts[i] = fmt.Sprintf("%s (%s)", e.Name, e.Pref)
		}
	}
	return strings.Join(parts, ", ")
}

func names(es []Entity) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Name
	}
	return strings.Join(parts, ", ")
}

func prefNames(es []Entity) []string {
	var out []string
	for _, e := range es {
		if !slices.Contains(out, e.Pref) {
			out = append(out, e.Pref)
		}
	}
	return out
}

func prefList(es []Entity) string { return strings.Join(prefNames(es), ", ") }
