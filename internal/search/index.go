package search

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
	"unicode/utf8"

	"surveysite/internal/parallel"
)

// Doc is one page to index. Its text is plain text, not HTML; Build
// cleans it.
type Doc struct {
	Path     string   // site path, "/cases/katazuke/"; pages are numbered in path order
	Title    string   // the page title
	Headings []string // the headings of the page, in order
	Body     string   // the rest of the page's text, in reading order
}

// Field flags of a posting: where in the page a key occurs besides the
// body.
const (
	inHeading = 1
	inTitle   = 2
)

// doc is a Doc cleaned, with its keys.
type doc struct {
	path, title, body string
	headings          []string
	cjk               []uint64 // key<<2 | flags, sorted by key, once each
	words             []wordKey
}

type wordKey struct {
	w     string
	flags uint8
}

// keyState is one goroutine's scratch space for collecting a page's keys.
type keyState struct {
	k     keyer
	cjk   *table // key -> field flags
	words map[string]uint8
	flags uint8
}

func newKeyState() *keyState {
	st := &keyState{cjk: newTable(1024), words: map[string]uint8{}}
	st.k.cjk = func(k uint64) {
		if i, ok := st.cjk.find(k); ok {
			st.cjk.vals[i] |= int32(st.flags)
		} else {
			st.cjk.put(i, k, int32(st.flags))
		}
	}
	st.k.word = func(w string) {
		if f, ok := st.words[w]; ok {
			st.words[w] = f | st.flags
			return
		}
		st.words[w] = st.flags
	}
	return st
}

// index cleans d and collects its keys, once each with the fields
// they occur in.
func (st *keyState) index(d Doc) *doc {
	out := &doc{path: d.Path, title: Clean(d.Title), body: Clean(d.Body)}
	for _, h := range d.Headings {
		if h = Clean(h); h != "" {
			out.headings = append(out.headings, h)
		}
	}
	st.cjk.reset()
	clear(st.words)
	st.flags = 0
	st.k.keys(nfkc(out.body))
	st.flags = inHeading
	for _, h := range out.headings {
		st.k.keys(nfkc(h))
	}
	st.flags = inTitle
	st.k.keys(nfkc(out.title))
	out.cjk = make([]uint64, len(st.cjk.used))
	for j, i := range st.cjk.used {
		out.cjk[j] = st.cjk.keys[i]<<2 | uint64(st.cjk.vals[i])
	}
	out.words = make([]wordKey, 0, len(st.words))
	for w, f := range st.words {
		out.words = append(out.words, wordKey{w, f})
	}
	return out
}

// shardOf returns the shard of a key that starts with character r: every
// key that starts with the same character is in the same shard, so that a
// query of one character, or the start of a word, reads one shard. The
// script computes the same.
func shardOf(r rune, shards int) int {
	h := uint32(r) ^ uint32(r)>>7
	h *= 0x9E3779B1
	h ^= h >> 15
	return int(h % uint32(shards))
}

// postings are one shard's keys with their pages.
type postings struct {
	cjk   []uint64   // keys in the order first seen
	lists [][]uint32 // of cjk[i]: doc<<2 | flags, in doc order
	words map[string][]uint32
}

// invert collects the postings of every key, shard by shard, in doc
// order. Each goroutine takes whole shards.
func invert(docs []*doc, shards int) []postings {
	out := make([]postings, shards)
	workers := min(runtime.GOMAXPROCS(0), shards)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			idx := make([]*table, shards) // key -> its list, for this worker's shards
			for s := w; s < shards; s += workers {
				out[s].words = map[string][]uint32{}
				idx[s] = newTable(1024)
			}
			for id, d := range docs {
				for _, kf := range d.cjk {
					k := kf >> 2
					s := shardOf(rune(k>>21), shards)
					if s%workers != w {
						continue
					}
					p, t := &out[s], idx[s]
					v := uint32(id)<<2 | uint32(kf&3)
					if i, ok := t.find(k); ok {
						p.lists[t.vals[i]] = append(p.lists[t.vals[i]], v)
					} else {
						t.put(i, k, int32(len(p.cjk)))
						p.cjk = append(p.cjk, k)
						p.lists = append(p.lists, []uint32{v})
					}
				}
				for _, wk := range d.words {
					r, _ := utf8.DecodeRuneInString(wk.w)
					s := shardOf(r, shards)
					if s%workers != w {
						continue
					}
					out[s].words[wk.w] = append(out[s].words[wk.w], uint32(id)<<2|uint32(wk.flags))
				}
			}
		}()
	}
	wg.Wait()
	return out
}

// shardCount chooses the number of key shards from the number of
// postings: about 40 KB of index per shard, a power of two up to 1024.
func shardCount(pairs int) int {
	const perShard = 40 << 10
	n := 1
	for n < 1024 && pairs*5/4 > n*perShard {
		n *= 2
	}
	return n
}

// normalise cleans every doc and collects its keys, in parallel, and
// returns them sorted by path.
func normalise(in []Doc) []*doc {
	docs := make([]*doc, len(in))
	parallel.ForState(len(in), newKeyState, func(st *keyState, i int) { docs[i] = st.index(in[i]) })
	slices.SortStableFunc(docs, func(a, b *doc) int { return cmp.Compare(a.path, b.path) })
	return docs
}
