package search

import (
	"fmt"
	"runtime"
	"slices"
	"sync"
	"unicode/utf8"
)

// Doc is one page to index. Its text is plain text, not HTML; Build
// cleans it.
type Doc struct {
	Path     string   // site path, "/cases/katazuke/"; pages are numbered in path order
	Title    string   // the page title
	Headings []string // the headings of the page, in order
	// Body is the rest of the page's text in parts (a description, the
	// text of the Markdown, a list of tags …), in reading order. Each part
	// is cleaned on its own; the index joins them with spaces.
	Body []string
}

// Field flags of a posting: where in the page a key occurs besides the
// body.
const (
	inHeading = 1
	inTitle   = 2
)

// doc is a Doc cleaned, as its chunk stores it.
type doc struct {
	path, title    string
	headings, body []string // without empty parts
}

// size is about how many bytes the doc takes in its chunk.
func (d *Doc) size() int {
	n := len(d.Path) + len(d.Title) + 4
	for _, h := range d.Headings {
		n += len(h) + 1
	}
	for _, b := range d.Body {
		n += len(b) + 1
	}
	return n
}

// keyState is one goroutine's scratch space for collecting a page's keys.
type keyState struct {
	keys *table // a page's keys -> field flags: kanji and kana keys, short words packed and other words' numbers with wordTag
	buf  []byte
	// The words of more than seven bytes this goroutine has seen, by
	// number: each is a string once. Shorter ones (most) are keys of
	// their own, their bytes packed, as kanji and kana are.
	ids   map[string]int32
	names []string
	shard []int32 // of each word
	// shards is the number of shards.
	shards int
}

// wordTag marks a word's number among a page's keys.
const wordTag = 1 << 63

func newKeyState(shards int) *keyState {
	return &keyState{keys: newTable(1024), ids: map[string]int32{}, shards: shards}
}

// part cleans a part of a page, adds its keys with the field flags and
// returns it cleaned.
func (st *keyState) part(s string, flags uint8) string {
	s, stable := cleanPart(s)
	k := s
	if !stable {
		k = nfkc(s)
	}
	st.collect(k, flags)
	return s
}

// word adds the word in st.buf with the field flags. A word of up to seven
// bytes (most) is put as its bytes packed into a key, the length in the top
// byte; a longer one by its number, with wordTag.
func (st *keyState) word(flags uint8) {
	if b := st.buf; len(b) <= 7 {
		k := uint64(len(b)) << 56
		for i, c := range b {
			k |= uint64(c) << (8 * i)
		}
		st.put(k, flags)
		return
	}
	id, ok := st.ids[string(st.buf)]
	if !ok {
		id = st.newWord(string(st.buf))
		st.ids[st.names[id]] = id
	}
	st.put(wordTag|uint64(id), flags)
}

// unpack returns the word packed into k by word.
func unpack(k uint64) string {
	var b [7]byte
	n := int(k >> 56)
	for i := range n {
		b[i] = byte(k >> (8 * i))
	}
	return string(b[:n])
}

// isShortWord reports whether a page's key is a word packed by word:
// kanji and kana keys use the low 42 bits, word numbers the top one.
// Packed words go into the buckets with kanji and kana keys.
func isShortWord(k uint64) bool { return k&wordTag == 0 && k>>56 != 0 }

// newWord numbers the word w.
func (st *keyState) newWord(w string) int32 {
	id := int32(len(st.names))
	st.names = append(st.names, w)
	r, _ := utf8.DecodeRuneInString(w)
	st.shard = append(st.shard, int32(shardOf(r, st.shards)))
	return id
}

// put adds a key of the page with the field flags.
func (st *keyState) put(k uint64, flags uint8) {
	if i, ok := st.keys.find(k); ok {
		st.keys.vals[i] |= int32(flags)
	} else {
		st.keys.put(i, k, int32(flags))
	}
}

// collect adds the keys of normalised text s with the field flags. It is
// keyer.keys with the keys put in the page's tables directly (a test checks
// that the two agree): the loop runs for every character of the site.
func (st *keyState) collect(s string, flags uint8) {
	var prev rune
	inWord, n := false, 0
	st.buf = st.buf[:0]
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		switch {
		case r < utf8.RuneSelf:
		case r >= 0xE0 && r < 0xF0 && i+2 < len(s):
			// Three bytes, most Japanese; s is valid UTF-8 (Clean drops
			// what is not, and NFKC writes none).
			r, size = (r&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
		default:
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		r, c := foldClass(r)
		if c != word && inWord {
			st.word(flags)
			st.buf = st.buf[:0]
			inWord, n = false, 0
		}
		if prev != 0 {
			// The key of the last kanji or kana: with r, or alone.
			k := cjkKey(prev, 0)
			if c == cjk {
				k |= uint64(r)
			}
			st.put(k, flags)
			prev = 0
		}
		switch c {
		case cjk:
			prev = r
		case word:
			inWord = true
			if n < maxWord {
				if r < utf8.RuneSelf {
					st.buf = append(st.buf, byte(r))
				} else {
					st.buf = utf8.AppendRune(st.buf, r)
				}
			}
			n++
			// The rest of an ASCII word at once (English text is most of
			// it): the same as going round the loop for each letter.
			for i < len(s) && s[i] < utf8.RuneSelf && asciiClass[s[i]] == word {
				if n < maxWord {
					c := s[i]
					if 'A' <= c && c <= 'Z' {
						c += 'a' - 'A'
					}
					st.buf = append(st.buf, c)
				}
				n++
				i++
			}
		}
	}
	if inWord {
		st.word(flags)
	}
	if prev != 0 {
		st.put(cjkKey(prev, 0), flags)
	}
}

// bucket holds one goroutine's keys of one shard, in page order, in blocks
// that are filled and never copied.
type bucket struct {
	blocks []*block // all full but the last
	last   *block
	n      int // keys in all blocks
	// words are the words of more than seven bytes, the goroutine's
	// number of the word <<32 | doc<<2 | flags.
	words []uint64
}

const blockSize = 1024

type block struct {
	keys [blockSize]uint64 // kanji and kana keys and packed short words
	vals [blockSize]uint32 // of keys[i]: doc<<2 | flags
}

// push adds a key. The count is the bucket's, not the block's: a push
// touches the bucket and the two places it writes.
func (b *bucket) push(k uint64, v uint32) {
	j := b.n % blockSize
	if j == 0 {
		b.last = new(block)
		b.blocks = append(b.blocks, b.last)
	}
	b.last.keys[j], b.last.vals[j] = k, v
	b.n++
}

// filled returns how many keys the i-th block holds.
func (b *bucket) filled(i int) int { return min(blockSize, b.n-i*blockSize) }

// add puts the keys collected for page id into the buckets by shard.
func (st *keyState) add(id int, b []bucket) {
	for _, i := range st.keys.used {
		k, v := st.keys.keys[i], uint32(id)<<2|uint32(st.keys.vals[i])
		switch {
		case k&wordTag != 0: // a long word's number
			w := k &^ wordTag
			s := st.shard[w]
			b[s].words = append(b[s].words, w<<32|uint64(v))
		case isShortWord(k):
			b[shardOf(packedFirst(k), len(b))].push(k, v)
		default:
			b[shardOf(rune(k>>21), len(b))].push(k, v)
		}
	}
}

// packedFirst returns the first character of the word packed into k.
func packedFirst(k uint64) rune {
	if c := byte(k); c < utf8.RuneSelf {
		return rune(c)
	}
	var b [7]byte
	for i := range b {
		b[i] = byte(k >> (8 * i))
	}
	r, _ := utf8.DecodeRune(b[:k>>56])
	return r
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
	cjk   []uint64   // kanji and kana keys
	lists [][]uint32 // of cjk[i]: doc<<2 | flags, in doc order
	// words, and the pages of each as lists
	words     []string
	wordLists [][]uint32
}

// collect reads and cleans the pages, pages[order[id]] for page id, puts
// their keys in buckets and gives their chunks (chunk c starts at page
// starts[c]) to chunk as they are made: each goroutine takes a range of
// whole chunks, so its buckets are in page order, as are the goroutines'
// ranges, and only the text of the chunk it is writing is held.
func collect(pages []Page, order, starts []int, shards int, chunk func(c int, f File)) (buckets [][]bucket, names [][]string) {
	workers := min(runtime.GOMAXPROCS(0), max(1, len(pages)/64), max(1, len(starts)))
	buckets = make([][]bucket, workers)
	names = make([][]string, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b := make([]bucket, shards)
			st := newKeyState(shards)
			var z *chunkWriter
			var docs []*doc
			for c := w * len(starts) / workers; c < (w+1)*len(starts)/workers; c++ {
				end := len(pages)
				if c+1 < len(starts) {
					end = starts[c+1]
				}
				docs = docs[:0]
				for id := starts[c]; id < end; id++ {
					d := pages[order[id]].Text()
					out := &doc{path: pages[order[id]].Path}
					docs = append(docs, out)
					st.keys.reset()
					for _, p := range d.Body {
						if p = st.part(p, 0); p != "" {
							out.body = append(out.body, p)
						}
					}
					for _, h := range d.Headings {
						if h = st.part(h, inHeading); h != "" {
							out.headings = append(out.headings, h)
						}
					}
					out.title = st.part(d.Title, inTitle)
					st.add(id, b)
				}
				if z == nil {
					z = newChunkWriter()
				}
				chunk(c, File{fmt.Sprintf("d%d.js", c), encodeChunk(z, c, docs)})
			}
			buckets[w], names[w] = b, st.names
		}()
	}
	wg.Wait()
	return buckets, names
}

// worker is one goroutine's scratch space for writing shards and chunks,
// reused from one to the next.
type worker struct {
	t      *table
	counts []int32
	list   []int32  // the list of each key as it comes
	all    []uint32 // every list of the shard
	words  map[string]int32
}

func newWorker() *worker { return &worker{t: newTable(1024), words: map[string]int32{}} }

// invert groups shard s's keys with their pages, in page order, counted
// first so that all the shard's lists share one array. The postings use
// the worker's memory: they are good until its next call.
func (wk *worker) invert(buckets [][]bucket, names [][]string, local [][]int32, s int) postings {
	t := wk.t
	t.reset()
	var p postings
	wk.counts = wk.counts[:0]
	n := 0
	for w := range buckets {
		n += buckets[w][s].n
	}
	wk.list = slices.Grow(wk.list[:0], n)
	for w := range buckets {
		for bi, bl := range buckets[w][s].blocks {
			for _, k := range bl.keys[:buckets[w][s].filled(bi)] {
				i, ok := t.find(k)
				if !ok {
					t.put(i, k, int32(len(p.cjk)))
					p.cjk = append(p.cjk, k)
					wk.counts = append(wk.counts, 0)
					i, _ = t.find(k) // put may have grown the table
				}
				j := t.vals[i]
				wk.counts[j]++
				wk.list = append(wk.list, j)
			}
		}
	}
	wk.all = slices.Grow(wk.all[:0], n)[:n]
	p.lists = make([][]uint32, len(p.cjk))
	at := 0
	for i, c := range wk.counts {
		p.lists[i] = wk.all[at : at : at+int(c)]
		at += int(c)
	}
	k := 0
	for w := range buckets {
		for bi, bl := range buckets[w][s].blocks {
			for _, v := range bl.vals[:buckets[w][s].filled(bi)] {
				j := wk.list[k]
				p.lists[j] = append(p.lists[j], v)
				k++
			}
		}
		buckets[w][s].blocks, buckets[w][s].last = nil, nil
	}
	// Short words were grouped with the kanji and kana keys.
	keep := 0
	for i, k := range p.cjk {
		if isShortWord(k) {
			p.words = append(p.words, unpack(k))
			p.wordLists = append(p.wordLists, p.lists[i])
			continue
		}
		p.cjk[keep], p.lists[keep] = k, p.lists[i]
		keep++
	}
	p.cjk, p.lists = p.cjk[:keep], p.lists[:keep]
	// Long words: each goroutine's number of a word is looked up once, in
	// local, which says where among the shard's words it is (plus one);
	// every word is in one shard, so no two shards write the same entry.
	clear(wk.words)
	for w := range buckets {
		for _, e := range buckets[w][s].words {
			id := e >> 32
			j := local[w][id] - 1
			if j < 0 {
				word := names[w][id]
				var ok bool
				if j, ok = wk.words[word]; !ok {
					j = int32(len(p.words))
					wk.words[word] = j
					p.words = append(p.words, word)
					p.wordLists = append(p.wordLists, nil)
				}
				local[w][id] = j + 1
			}
			p.wordLists[j] = append(p.wordLists[j], uint32(e))
		}
		buckets[w][s].words = nil
	}
	return p
}

// shardCount chooses the number of key shards from the bytes of text:
// about 40 KB of index per shard (a key for every 6 bytes, 1.25 bytes each),
// a power of two up to 1024.
func shardCount(text int) int {
	const perShard = 40 << 10
	n := 1
	for n < 1024 && text/6*5/4 > n*perShard {
		n *= 2
	}
	return n
}
