package search

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Index is a written index read back. Its Search answers a query as the
// search page's script does, so that tests can check the rules in Go and
// compare the script's answers with them.
type Index struct {
	meta   meta
	shards []map[string]string // key -> postings as written
	pages  []page
}

// page is one page of a chunk, as written.
type page struct {
	path, title, headings, body string
}

// Read reads the files Build wrote.
func Read(files []File) (*Index, error) {
	byName := map[string][]byte{}
	for _, f := range files {
		byName[f.Name] = f.Data
	}
	ix := &Index{}
	m, err := callArg(byName["meta.js"], "SurveysiteSearch.meta(")
	if err != nil {
		return nil, fmt.Errorf("meta.js: %w", err)
	}
	if err := json.Unmarshal([]byte(m), &ix.meta); err != nil {
		return nil, fmt.Errorf("meta.js: %w", err)
	}
	for i := range ix.meta.Shards {
		name := fmt.Sprintf("k%d.js", i)
		s, err := stringArg(byName[name], fmt.Sprintf("SurveysiteSearch.shard(%d,", i))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		keys := map[string]string{}
		for e := range strings.SplitSeq(s, "!") {
			if k, p, ok := strings.Cut(e, " "); ok {
				keys[k] = p
			}
		}
		ix.shards = append(ix.shards, keys)
	}
	for c := range ix.meta.Chunks {
		name := fmt.Sprintf("d%d.js", c)
		s, err := stringArg(byName[name], fmt.Sprintf("SurveysiteSearch.chunk(%d,", c))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		z, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		text, err := io.ReadAll(flate.NewReader(bytes.NewReader(z)))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		f := strings.Split(string(text), "\x00")
		for i := 0; i+3 < len(f); i += 4 {
			ix.pages = append(ix.pages, page{f[i], f[i+1], f[i+2], f[i+3]})
		}
	}
	if len(ix.pages) != ix.meta.Docs {
		return nil, fmt.Errorf("the chunks hold %d pages, meta.js says %d", len(ix.pages), ix.meta.Docs)
	}
	return ix, nil
}

// callArg returns what stands between prefix and the closing ");".
func callArg(b []byte, prefix string) (string, error) {
	s, ok := strings.CutPrefix(string(b), prefix)
	if !ok {
		return "", fmt.Errorf("does not start with %s", prefix)
	}
	s, ok = strings.CutSuffix(s, ");\n")
	if !ok {
		return "", fmt.Errorf("does not end with );")
	}
	return s, nil
}

// stringArg returns the string literal that is a call's last argument.
func stringArg(b []byte, prefix string) (string, error) {
	s, err := callArg(b, prefix)
	if err != nil {
		return "", err
	}
	return strconv.Unquote(s)
}

// term is one term of a query.
type term struct {
	text      string // folded
	wordStart bool   // starts with a letter or digit: matches only at the start of a word
	lookups   []lookup
	exact     bool // the index alone answers it: one key, or one prefix
}

// lookup is a key to find, or the start of keys.
type lookup struct {
	key    string
	prefix bool
}

// segment is a part of a term of one class.
type segment struct {
	cls   class
	chars []rune
}

// parseQuery splits a query into its terms, as the script does: runs of
// letters, digits, kanji and kana, once each, at most 16.
func parseQuery(q string) []term {
	type raw struct {
		text []rune
		segs []segment
	}
	var terms []raw
	cur := -1
	for _, r := range foldString(Normalize(q)) {
		c := classOf(r)
		if c == sep {
			cur = -1
			continue
		}
		if cur < 0 {
			terms = append(terms, raw{})
			cur = len(terms) - 1
		}
		t := &terms[cur]
		t.text = append(t.text, r)
		if n := len(t.segs); n > 0 && t.segs[n-1].cls == c {
			t.segs[n-1].chars = append(t.segs[n-1].chars, r)
		} else {
			t.segs = append(t.segs, segment{c, []rune{r}})
		}
	}
	var out []term
	seen := map[string]bool{}
	for _, t := range terms {
		text := string(t.text)
		if seen[text] || len(out) == 16 {
			continue
		}
		seen[text] = true
		tm := term{text: text, wordStart: t.segs[0].cls == word, exact: true}
		for j, s := range t.segs {
			last := j == len(t.segs)-1
			n := len(s.chars)
			if s.cls == word {
				if n >= maxWord {
					tm.lookups = append(tm.lookups, lookup{string(s.chars[:maxWord]), false})
					tm.exact = tm.exact && n == maxWord
				} else {
					tm.lookups = append(tm.lookups, lookup{string(s.chars), last})
				}
				continue
			}
			for i := 0; i+1 < n; i++ {
				tm.lookups = append(tm.lookups, lookup{string(s.chars[i : i+2]), false})
			}
			switch {
			case !last:
				tm.lookups = append(tm.lookups, lookup{string(s.chars[n-1]), false})
			case n == 1:
				tm.lookups = append(tm.lookups, lookup{string(s.chars[0]), true})
			}
		}
		tm.exact = tm.exact && len(tm.lookups) == 1
		out = append(out, tm)
	}
	return out
}

// decodePostings adds the pages of written postings to out, with their
// field flags.
func decodePostings(list string, out map[int]uint8) {
	id := -1
	for i := 0; i < len(list); {
		v, next, ok := readNum(list, i)
		if !ok {
			return
		}
		i = next
		id += int(v>>2) + 1
		out[id] |= uint8(v & 3)
	}
}

func (ix *Index) lookup(l lookup) map[int]uint8 {
	r, _ := utf8.DecodeRuneInString(l.key)
	keys := ix.shards[shardOf(r, ix.meta.Shards)]
	out := map[int]uint8{}
	if !l.prefix {
		if p, ok := keys[l.key]; ok {
			decodePostings(p, out)
		}
		return out
	}
	for k, p := range keys {
		if strings.HasPrefix(k, l.key) {
			decodePostings(p, out)
		}
	}
	return out
}

// find returns where term occurs in folded text from byte from on, or -1:
// anywhere, but a term that starts with a letter or digit only at the
// start of a word.
func (t *term) find(text string, from int) int {
	for from <= len(text) {
		i := strings.Index(text[from:], t.text)
		if i < 0 {
			return -1
		}
		i += from
		if !t.wordStart || i == 0 {
			return i
		}
		r, _ := utf8.DecodeLastRuneInString(text[:i])
		if classOf(r) != word {
			return i
		}
		_, n := utf8.DecodeRuneInString(text[i:])
		from = i + n
	}
	return -1
}

// Result is one page found.
type Result struct {
	Path  string // site path
	Title string
	// Tier is where the terms are: 0 every term in the title, 1 every
	// term in the title or a heading, 2 elsewhere.
	Tier int
}

// Search returns the pages that hold every term of q, best first: by
// tier, then by path.
func (ix *Index) Search(q string) []Result {
	terms := parseQuery(q)
	if len(terms) == 0 {
		return nil
	}
	sets := make([]map[int]uint8, len(terms))
	for i, t := range terms {
		for _, l := range t.lookups {
			found := ix.lookup(l)
			if sets[i] == nil {
				sets[i] = found
				continue
			}
			for id := range sets[i] {
				if _, ok := found[id]; !ok {
					delete(sets[i], id)
				}
			}
		}
	}
	var ids []int
	for id := range sets[0] {
		in := true
		for _, s := range sets[1:] {
			if _, ok := s[id]; !ok {
				in = false
				break
			}
		}
		if in {
			ids = append(ids, id)
		}
	}
	var out []Result
	for _, id := range ids {
		p := ix.pages[id]
		title, headings, body := foldString(nfkc(p.title)), foldString(nfkc(p.headings)), foldString(nfkc(p.body))
		all, some := true, true // every term in the title; in the title or a heading
		ok := true
		for i, t := range terms {
			w := sets[i][id]
			if !t.exact {
				w = 0
				if t.find(title, 0) >= 0 {
					w |= inTitle
				}
				if t.find(headings, 0) >= 0 {
					w |= inHeading
				}
				if w == 0 && t.find(body, 0) < 0 {
					ok = false
					break
				}
			}
			all = all && w&inTitle != 0
			some = some && w != 0
		}
		if !ok {
			continue
		}
		tier := 2
		switch {
		case all:
			tier = 0
		case some:
			tier = 1
		}
		out = append(out, Result{Path: "/" + p.path, Title: p.title, Tier: tier})
	}
	slices.SortFunc(out, func(a, b Result) int {
		if a.Tier != b.Tier {
			return a.Tier - b.Tier
		}
		return strings.Compare(a.Path, b.Path)
	})
	return out
}
