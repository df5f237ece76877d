package search

import (
	"bytes"
	"cmp"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/klauspost/compress/flate"

	"surveysite/internal/parallel"
)

// Options say how to write the index.
type Options struct {
	// FolderIndex makes links to a folder name its index.html, as a site
	// without a base URL writes them (for file://).
	FolderIndex bool
	// Write, if set, is given each file as soon as it is made, from
	// several goroutines at once (it must be safe for that), and the files'
	// bytes are not kept: BuildPages returns their names only, and the
	// index holds only the chunks and shards it is making. The first error
	// Write returns is BuildPages's.
	Write func(File) error
}

// File is one file of the index, named relative to the index folder.
type File struct {
	Name string
	Data []byte
}

// chunkBytes is about how much text one chunk of pages holds.
const chunkBytes = 48 << 10

// Build indexes docs and returns the files of the index, in a fixed order:
// meta.js, then the key shards k0.js …, then the page chunks d0.js ….
// The same docs give the same bytes.
func Build(in []Doc, opts Options) []File {
	pages := make([]Page, len(in))
	for i := range in {
		d := &in[i]
		pages[i] = Page{Path: d.Path, Size: d.size(), Text: func() Doc { return *d }}
	}
	opts.Write = nil
	files, _ := BuildPages(pages, opts) // without Write: cannot fail
	return files
}

// A Page is a page to index whose text is made when the index reads it,
// so that the text of only a few pages is held at a time.
type Page struct {
	Path string
	// Size is about how many bytes of text the page has: chunks are cut
	// by it, before the text is made. The same sizes give the same chunks.
	Size int
	Text func() Doc // called once, on any goroutine; its Path is Path
}

// BuildPages is Build for pages whose text is made as they are indexed.
// Each page's text is cleaned, cut into keys and written into its chunk
// (deflated) before the next chunk's pages are read. With opts.Write the
// files go to it and BuildPages returns their names, without their bytes.
func BuildPages(pages []Page, opts Options) ([]File, error) {
	order := make([]int, len(pages))
	text := 0
	for i, p := range pages {
		order[i] = i
		text += p.Size
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(pages[a].Path, pages[b].Path) })
	nShards := shardCount(text)
	// Page chunks: consecutive pages, about chunkBytes of text each.
	var starts []int
	size := chunkBytes
	for i, j := range order {
		if size >= chunkBytes {
			starts = append(starts, i)
			size = 0
		}
		size += pages[j].Size
	}
	// files[i] is meta.js (0), the shards, then the chunks; versions[i-1]
	// the version of files[i].
	files := make([]File, 1+nShards+len(starts))
	versions := make([]string, nShards+len(starts))
	var mu sync.Mutex
	var werr error
	put := func(i int, f File) {
		versions[i-1] = version(f.Data)
		if opts.Write == nil {
			files[i] = f
			return
		}
		files[i] = File{Name: f.Name}
		if err := opts.Write(f); err != nil {
			mu.Lock()
			if werr == nil {
				werr = err
			}
			mu.Unlock()
		}
	}
	buckets, names := collect(pages, order, starts, nShards, func(c int, f File) { put(1+nShards+c, f) })
	local := make([][]int32, len(names))
	for w := range names {
		local[w] = make([]int32, len(names[w]))
	}
	parallel.ForState(nShards, newWorker, func(wk *worker, i int) {
		put(1+i, File{fmt.Sprintf("k%d.js", i), encodeShard(i, wk.invert(buckets, names, local, i))})
	})
	m := meta{Docs: len(pages), Shards: nShards, FolderIndex: opts.FolderIndex, Chunks: starts, Versions: versions}
	if m.Chunks == nil {
		m.Chunks = []int{}
	}
	j, err := json.Marshal(m)
	if err != nil {
		panic(err) // plain values: cannot fail
	}
	files[0] = File{"meta.js", slices.Concat([]byte("SurveysiteSearch.meta("), j, []byte(");\n"))}
	if opts.Write == nil {
		return files, nil
	}
	if werr != nil {
		return nil, werr
	}
	if err := opts.Write(files[0]); err != nil {
		return nil, err
	}
	files[0].Data = nil
	return files, nil
}

// meta is what meta.js says about the index.
type meta struct {
	Docs        int      `json:"docs"`
	Shards      int      `json:"shards"`
	Chunks      []int    `json:"chunks"`      // the first page of each chunk
	Versions    []string `json:"versions"`    // of the shards, then the chunks: added to their URLs
	FolderIndex bool     `json:"folderIndex"` // links to a folder name its index.html
}

// version names a file's content in its URL, so that a browser never mixes
// a cached file with a newer build's.
func version(b []byte) string {
	return fmt.Sprintf("%08x", crc32.Checksum(b, crc32.MakeTable(crc32.Castagnoli)))
}

// Numbers are written in a variable-length code of printable ASCII that a
// JavaScript string holds without escapes: digits of base 34 from "]" to
// "~" that continue, then one final digit of base 57 from "#" to "[".
const (
	contBase, contFirst = 34, ']'
	lastBase, lastFirst = 57, '#'
)

func appendNum(b []byte, n uint32) []byte {
	last := byte(n % lastBase)
	n /= lastBase
	if n > 0 {
		var tmp [8]byte
		i := len(tmp)
		for n > 0 {
			i--
			tmp[i] = contFirst + byte(n%contBase)
			n /= contBase
		}
		b = append(b, tmp[i:]...)
	}
	return append(b, lastFirst+last)
}

// readNum reads a number written by appendNum from s at i; it returns the
// number and the position after it, or ok false.
func readNum(s string, i int) (n uint32, next int, ok bool) {
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= contFirst && c < contFirst+contBase:
			n = n*contBase + uint32(c-contFirst)
		case c >= lastFirst && c < lastFirst+lastBase:
			return n*lastBase + uint32(c-lastFirst), i + 1, true
		default:
			return 0, i, false
		}
	}
	return 0, i, false
}

// encodeShard writes one shard: SurveysiteSearch.shard(N,"KEY POSTINGS!…"),
// keys sorted, each posting a number: the pages skipped since the last
// one, times 4, plus the key's field flags there (2 title, 1 heading).
func encodeShard(n int, p postings) []byte {
	size := 64
	for _, l := range p.lists {
		size += len(l)*5/4 + 8
	}
	b := fmt.Appendf(make([]byte, 0, size), "SurveysiteSearch.shard(%d,\"", n)
	order := make([]int, len(p.cjk))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(p.cjk[a], p.cjk[b]) })
	first := true
	entry := func(key []byte, list []uint32) {
		if !first {
			b = append(b, '!')
		}
		first = false
		b = append(b, key...)
		b = append(b, ' ')
		prev := -1
		for _, v := range list {
			id := int(v >> 2)
			b = appendNum(b, uint32(id-prev-1)<<2|v&3)
			prev = id
		}
	}
	var kb []byte
	for _, i := range order {
		k := p.cjk[i]
		kb = utf8.AppendRune(kb[:0], rune(k>>21))
		if c := rune(k & (1<<21 - 1)); c != 0 {
			kb = utf8.AppendRune(kb, c)
		}
		entry(kb, p.lists[i])
	}
	order = order[:0]
	for i := range p.words {
		order = append(order, i)
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(p.words[a], p.words[b]) })
	for _, i := range order {
		entry([]byte(p.words[i]), p.wordLists[i])
	}
	return append(b, "\");\n"...)
}

// encodeChunk writes the pages of one chunk:
// SurveysiteSearch.chunk(N,"BASE64"), the base64 of a raw deflate stream
// (RFC 1951, which browsers inflate with DecompressionStream) of UTF-8
// text: four fields a page, path (without its leading slash), title,
// headings (joined by line breaks) and body, each field followed by a NUL.
// Normalised text holds neither NULs nor line breaks.
func encodeChunk(z *chunkWriter, n int, docs []*doc) []byte {
	z.text.Reset()
	for _, d := range docs {
		z.text.WriteString(strings.TrimPrefix(d.path, "/"))
		z.text.WriteByte(0)
		z.text.WriteString(d.title)
		z.text.WriteByte(0)
		for i, h := range d.headings {
			if i > 0 {
				z.text.WriteByte('\n')
			}
			z.text.WriteString(h)
		}
		z.text.WriteByte(0)
		for i, p := range d.body {
			if i > 0 {
				z.text.WriteByte(' ')
			}
			z.text.WriteString(p)
		}
		z.text.WriteByte(0)
	}
	z.out.Reset()
	z.w.Reset(&z.out)
	z.w.Write(z.text.Bytes()) // into a bytes.Buffer: cannot fail
	z.w.Close()
	b := fmt.Appendf(make([]byte, 0, base64.StdEncoding.EncodedLen(z.out.Len())+40), "SurveysiteSearch.chunk(%d,\"", n)
	b = base64.StdEncoding.AppendEncode(b, z.out.Bytes())
	return append(b, "\");\n"...)
}

// chunkWriter is one goroutine's compressor and buffers.
type chunkWriter struct {
	text, out bytes.Buffer
	w         *flate.Writer
}

func newChunkWriter() *chunkWriter {
	w, err := flate.NewWriter(nil, flate.BestSpeed)
	if err != nil {
		panic(err) // a valid level: cannot fail
	}
	return &chunkWriter{w: w}
}

// appendJSString appends s as a JavaScript string literal in double quotes.
func appendJSString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		var esc string
		switch {
		case c == '"':
			esc = `\"`
		case c == '\\':
			esc = `\\`
		case c == '\n':
			esc = `\n`
		case c < 0x20 || c == 0x7f:
			esc = fmt.Sprintf(`\u%04x`, c)
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9):
			// U+2028 and U+2029 end a line in older JavaScript.
			esc = fmt.Sprintf(`\u%04x`, 0x2000|rune(s[i+2])-0x80)
		case c == '<' && strings.HasPrefix(s[i:], "</"):
			esc = `<\/` // harmless in a .js file; safe if it is ever inlined
		default:
			continue
		}
		b = append(b, s[start:i]...)
		b = append(b, esc...)
		start = i + 1
		if esc[0] == '\\' && esc[1] == 'u' && c == 0xE2 {
			start = i + 3
			i += 2
		}
		if esc == `<\/` {
			start = i + 2
			i++
		}
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
