package search

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestNormalize(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"ﾏﾈｼﾞﾒﾝﾄ", "マネジメント"},        // half-width katakana, voiced marks joined
		{"ＡＩ活用　２０２５年", "AI活用 2025年"}, // full-width letters, digits and space
		{"発⾜", "発足"},                     // a Kangxi radical as the kanji
		{"①と㈱", "1と(株)"},                 // compatibility characters
		{"葛\U000E0100城", "葛城"},           // a variation selector
		{"人材\u200bマネジメント", "人材マネジメント"},   // a zero-width space
		{"  a\n\tb\r\n  c  ", "a b c"},   // white space folded and trimmed
		{"改行\u2028段落\u2029終", "改行 段落 終"}, // Unicode line breaks
		{"制御\x00文字\x7f", "制御 文字"},        // control characters
		{"壊れた\xffバイト", "壊れた バイト"},        // invalid UTF-8
		{"すでに正規形の文。", "すでに正規形の文。"},       // unchanged
		{"", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestStableIsNFKC checks the fast path of Normalize: every character it
// takes for stable is left alone by NFKC, also next to the others.
func TestStableIsNFKC(t *testing.T) {
	t.Parallel()
	var all strings.Builder
	for r := rune(0x80); r < 0x10000; r++ {
		s := string(r)
		if !stable(s) {
			continue
		}
		if got := norm.NFKC.String(s); got != s {
			t.Errorf("stable(%U %q), but NFKC gives %q", r, s, got)
		}
		all.WriteString(s)
		all.WriteString("ア")
	}
	if s := all.String(); norm.NFKC.String(s) != s {
		t.Error("NFKC changes a string of stable characters")
	}
	for _, s := range []string{"か\u3099", "e\u0301", "ｶ", "１", "…", "\u3000"} {
		if stable(s) {
			t.Errorf("stable(%q) = true, but NFKC changes it", s)
		}
	}
}

func TestKeys(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want string // keys joined by spaces
	}{
		{"人材マネジメント", "人材 材ま まね ねじ じめ めん んと と"},
		{"ﾏﾈｼﾞﾒﾝﾄ", "まね ねじ じめ めん んと と"},
		{"まねじめんと", "まね ねじ じめ めん んと と"},
		{"人材マネジメント AI", "人材 材ま まね ねじ じめ めん んと と ai"},
		{"AI活用", "ai 活用 用"},
		{"活用AI推進", "活用 用 ai 推進 進"},
		{"人材・マネジメント", "人材 材 まね ねじ じめ めん んと と"},
		{"「働き方改革」について。", "働き き方 方改 改革 革 につ つい いて て"},
		{"Management, management!", "management management"},
		{"Ｍａｎａｇｅｍｅｎｔ", "management"},
		{"2025年度", "2025 年度 度"},
		{"市", "市"},
		{"テレワーク", "てれ れわ わー ーく く"},
		{"ﾃﾚﾜｰｸ", "てれ れわ わー ーく く"},
		{"Wi-Fi", "wi fi"},
		{"café CAFÉ", "café café"},
		{"ΟΔΟΣ οδος", "οδοσ οδοσ"},
		{"한국어", "한국 국어 어"},
		{strings.Repeat("a", 40), strings.Repeat("a", 32)},
		{"", ""},
		{"。、！？ ", ""},
	}
	for _, tt := range tests {
		got := strings.Join(Keys(tt.in), " ")
		if got != tt.want {
			t.Errorf("Keys(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNumbersRoundTrip(t *testing.T) {
	t.Parallel()
	for _, n := range []uint32{0, 1, 56, 57, 58, 1937, 1938, 1939, 110000, 1<<31 - 1, 1<<32 - 1} {
		b := appendNum([]byte("x"), n)
		got, next, ok := readNum(string(b), 1)
		if !ok || got != n || next != len(b) {
			t.Errorf("readNum(appendNum(%d) = %q) = %d, %d, %v", n, b[1:], got, next, ok)
		}
		if bytes.ContainsAny(b, "\\\"! ") {
			t.Errorf("appendNum(%d) = %q holds a character the shard format reserves", n, b)
		}
	}
}

func TestHTMLText(t *testing.T) {
	t.Parallel()
	h := `<h2 id="x">目的と<em>背景</em></h2>
<p>人材<strong>マネジメント</strong>の&amp;課題。<br>次の行</p>
<figure><svg role="img"><title>図の題</title><text>1位</text><svg><text>入れ子</text></svg><text>2位</text></svg><figcaption>図1</figcaption></figure>
<table><tr><th>項目</th><td>値</td></tr></table>
<p><ruby>漢字<rp>（</rp><rt>かんじ</rt><rp>）</rp></ruby>と<!-- 注釈 -->コード<script>var x = "<p>";</script></p>
<h3>二つ目</h3><p>a &lt; b</p>
<ol><li><p>出典&#160;<a href="#fnref:1">&#x21a9;&#xfe0e;</a></p></li></ol>`
	heads, body := HTMLText(h)
	if c, _ := scan(body); !c {
		t.Errorf("body %q is not clean: a part Clean must copy", body)
	}
	if want := []string{"目的と背景", "二つ目"}; !slices.Equal(heads, want) {
		t.Errorf("headings = %q, want %q", heads, want)
	}
	got := strings.Join(strings.Fields(body), " ")
	want := "人材マネジメントの&課題。 次の行 図1 項目 値 漢字とコード a < b 出典 ↩"
	if got != want {
		t.Errorf("body = %q, want %q", got, want)
	}
}

// corpus is a small site for the ranking tests.
var corpus = []Doc{
	{Path: "/about/", Title: "部会について", Headings: []string{"沿革"},
		Body: []string{"「人材マネジメント部会」として2005年に発⾜。延べ189の自治体とともに活動してきました。"}},
	{Path: "/cases/katazuke/", Title: "片付け大会で窓口の待ち時間を短縮", Headings: []string{"充満していた「諦め感」"},
		Body: []string{"各課対抗の運動会方式で片付け大会を開催。窓口の待ち時間が従来の3分の1以下になった市役所の例。"}},
	{Path: "/issues/", Title: "自治体の課題", Headings: []string{"人材マネジメントの課題"},
		Body: []string{"組織内の諦め感・閉塞感。"}},
	{Path: "/surveys/q46/", Title: "人材マネジメントに関する問題・課題", Headings: nil,
		Body: []string{"当てはまるもの5つまで選んでください。 業務のスクラップ&ビルドが進まない"}},
	{Path: "/news/telework/", Title: "テレワークの導入", Headings: []string{"AI活用の事例"},
		Body: []string{"ﾃﾚﾜｰｸとWeb会議。Management of remote teams. 東京の本社と京都の支社。"}},
	{Path: "/news/tokyo/", Title: "東京都の事例", Headings: nil, Body: []string{"東京都庁での取り組み。"}},
	{Path: "/a/", Title: "人材・マネジメント", Body: []string{"区切られた言葉。"}},
}

func readCorpus(t *testing.T, docs []Doc) *Index {
	t.Helper()
	ix, err := Read(Build(docs, Options{FolderIndex: true}))
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

func TestSearchRanking(t *testing.T) {
	t.Parallel()
	ix := readCorpus(t, corpus)
	tests := []struct {
		q    string
		want string // path:tier, in order
	}{
		// Compounds: title hits, then heading hits, then body hits; a
		// query split by a separator is two terms.
		{"人材マネジメント", "/surveys/q46/:0 /issues/:1 /about/:2"},
		{"ﾏﾈｼﾞﾒﾝﾄ", "/a/:0 /surveys/q46/:0 /issues/:1 /about/:2"},
		{"まねじめんと", "/a/:0 /surveys/q46/:0 /issues/:1 /about/:2"},
		{"マネジメント", "/a/:0 /surveys/q46/:0 /issues/:1 /about/:2"},
		{"人材・マネジメント", "/a/:0 /surveys/q46/:0 /issues/:1 /about/:2"},
		{"人材 マネジメント", "/a/:0 /surveys/q46/:0 /issues/:1 /about/:2"},
		{"材マネ", "/surveys/q46/:0 /issues/:1 /about/:2"},
		// Width and kana variants.
		{"テレワーク", "/news/telework/:0"},
		{"ﾃﾚﾜｰｸ", "/news/telework/:0"},
		{"てれわーく", "/news/telework/:0"},
		// Mixed Japanese and English; words by their start, in any case.
		{"AI活用", "/news/telework/:1"},
		{"ａｉ活用", "/news/telework/:1"},
		{"ai", "/news/telework/:1"},
		{"MANAGEMENT", "/news/telework/:2"},
		{"manag", "/news/telework/:2"},
		{"agement", ""},
		{"web 会議", "/news/telework/:2"},
		// Bigrams found apart do not match: 東京 and 京都, but no 東京都.
		{"東京都", "/news/tokyo/:0"},
		{"京都", "/news/tokyo/:0 /news/telework/:2"},
		// Single characters.
		{"市", "/cases/katazuke/:2"},
		{"諦", "/cases/katazuke/:1 /issues/:2"},
		{"発足", "/about/:2"},
		{"発⾜", "/about/:2"},
		// Punctuation and nothing to find.
		{"「窓口」", "/cases/katazuke/:0"},
		{"。、", ""},
		{"", ""},
		{"存在しない言葉", ""},
		{"スクラップ&ビルド", "/surveys/q46/:2"},
	}
	for _, tt := range tests {
		var got []string
		for _, r := range ix.Search(tt.q) {
			got = append(got, fmt.Sprintf("%s:%d", r.Path, r.Tier))
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("Search(%q) = %q, want %q", tt.q, g, tt.want)
		}
	}
}

func TestSearchTiesByPath(t *testing.T) {
	t.Parallel()
	var docs []Doc
	for _, p := range []string{"/c/", "/a/", "/b/z/", "/b/"} {
		docs = append(docs, Doc{Path: p, Title: "同じ題名", Body: []string{"同じ本文"}})
	}
	docs = append(docs, Doc{Path: "/0/", Title: "別", Headings: []string{"同じ見出し"}})
	ix := readCorpus(t, docs)
	var got []string
	for _, r := range ix.Search("同じ") {
		got = append(got, fmt.Sprintf("%s:%d", r.Path, r.Tier))
	}
	if g, want := strings.Join(got, " "), "/a/:0 /b/:0 /b/z/:0 /c/:0 /0/:1"; g != want {
		t.Errorf("Search(同じ) = %q, want %q", g, want)
	}
}

// TestBuildIsDeterministic: the same pages in any order give the same
// bytes.
func TestBuildIsDeterministic(t *testing.T) {
	t.Parallel()
	a := Build(corpus, Options{})
	rev := slices.Clone(corpus)
	slices.Reverse(rev)
	b := Build(rev, Options{})
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Name != b[i].Name || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("%s differs between two builds", a[i].Name)
		}
	}
}

// TestShardsAndChunks builds an index big enough for several shards and
// chunks and finds every page by words of its own: short (up to seven
// bytes, packed into keys) and long, starting with ASCII and not.
func TestShardsAndChunks(t *testing.T) {
	t.Parallel()
	docs := synthDocs(t, 3000)
	for i := range docs {
		docs[i].Body = append(docs[i].Body, fmt.Sprintf("固有語%d番 key%05d k%04d ék%04d été%06d", i, i, i, i, i))
	}
	files := Build(docs, Options{})
	ix, err := Read(files)
	if err != nil {
		t.Fatal(err)
	}
	if ix.meta.Shards < 4 || len(ix.meta.Chunks) < 4 {
		t.Fatalf("%d shards and %d chunks; want several of each", ix.meta.Shards, len(ix.meta.Chunks))
	}
	for i := 0; i < len(docs); i += 97 {
		for _, q := range []string{fmt.Sprintf("固有語%d番", i), fmt.Sprintf("KEY%05d", i), fmt.Sprintf("k%04d", i),
			fmt.Sprintf("ÉK%04d", i), fmt.Sprintf("été%06d", i)} {
			res := ix.Search(q)
			if len(res) != 1 || res[0].Path != docs[i].Path {
				t.Errorf("Search(%q) = %v, want only %s", q, res, docs[i].Path)
			}
		}
	}
}

func TestEncodeChunkEscapes(t *testing.T) {
	t.Parallel()
	docs := []Doc{{Path: "/q/", Title: `"引用" \ と </script>`, Body: []string{"本文"}}}
	ix := readCorpus(t, docs)
	res := ix.Search("引用")
	if len(res) != 1 || res[0].Title != `"引用" \ と </script>` {
		t.Errorf("Search(引用) = %v", res)
	}
	for _, f := range Build(docs, Options{}) {
		if !utf8.Valid(f.Data) || bytes.Contains(f.Data, []byte("</script")) {
			t.Errorf("%s is not plain UTF-8 without </script: %q", f.Name, f.Data)
		}
	}
}

// keySet is the keys of text as collect gathers them for a page.
func keySet(text string) []string {
	st := newKeyState(1)
	st.collect(text, 0)
	var out []string
	for _, i := range st.keys.used {
		if k := st.keys.keys[i]; isShortWord(k) {
			out = append(out, unpack(k))
		} else if k&wordTag != 0 {
			out = append(out, st.names[k&^wordTag])
		} else {
			out = append(out, cjkKeyString(k))
		}
	}
	slices.Sort(out)
	return out
}

// checkCollect fails when collect and Keys disagree on the keys of text.
func checkCollect(t *testing.T, text string) {
	t.Helper()
	want := Keys(text)
	slices.Sort(want)
	want = slices.Compact(want)
	if got := keySet(Normalize(text)); !slices.Equal(got, want) {
		t.Errorf("collect(%q) = %q, Keys = %q", text, got, want)
	}
}

func TestCollectAgreesWithKeys(t *testing.T) {
	t.Parallel()
	for _, d := range corpus {
		checkCollect(t, d.Title)
		checkCollect(t, d.Body[0])
	}
	for _, s := range []string{"a市b", strings.Repeat("word", 20) + "語", "", "。", "ab", "語"} {
		checkCollect(t, s)
	}
}

// TestSimpleNFKCAgreesWithXText: the fast path of nfkc gives what x/text
// gives, on text made of the characters it replaces, the characters
// stable accepts and characters that make it give up (combining marks,
// half-width kana and their voicing marks, others of U+FF00–U+FFEF).
func TestSimpleNFKCAgreesWithXText(t *testing.T) {
	t.Parallel()
	var alphabet []string
	for _, r := range "aZ0 .…（）！～Ａｚ０\u3000人材マネジメントがか\u3099\u309Aゝヾ々「」―—‘’“”•※\u0301éǅｶﾞﾟ｡｢\uFF5F\uFFE0\uFFE5①ⅰ㍿↩\ufffd" {
		alphabet = append(alphabet, string(r))
	}
	alphabet = append(alphabet, "\xb8", "\xc7", "\xe3\x81", "\xff", "\xed\xa0\x80") // not UTF-8
	rng := rand.New(rand.NewPCG(1, 2))
	fast := 0
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		want := norm.NFKC.String(s)
		if got := nfkc(s); got != want {
			t.Fatalf("nfkc(%q) = %q, want %q", s, got, want)
		}
		if got, ok := simpleNFKC(s); ok {
			fast++
			if got != want {
				t.Fatalf("simpleNFKC(%q) = %q, want %q", s, got, want)
			}
		}
	}
	if fast < 1000 {
		t.Errorf("the fast path took %d of 20,000 strings; the test does not exercise it", fast)
	}
	for r := rune(0xFF01); r <= 0xFF5E; r++ {
		if got, want := asciiPrintable[r-0xFF01], norm.NFKC.String(string(r)); string(got) != want {
			t.Errorf("%U: %q, want %q", r, got, want)
		}
	}
}

// writePieces is spacer.write in its first form: the text between white
// space and dropped characters written one piece at a time.
func writePieces(b *spacer, s string) {
	run := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		sp := r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == 0xA0
		if sp || removed(r) && n < 4 {
			if i > run {
				b.text(s[run:i])
			}
			b.space = b.space || sp
			run = i + n
		}
		i += n
	}
	if run < len(s) {
		b.text(s[run:])
	}
}

// TestSpacerWrite: spacer.write folds white space (ASCII and no-break
// spaces) and drops what Clean removes (in the BMP) as writing the text
// between them one piece at a time does (its first form).
func TestSpacerWrite(t *testing.T) {
	t.Parallel()
	alphabet := []string{" ", " ", "\t", "\n", "\r\n", "\f", "a", "語", "bc", "\u00a0", "\u3000", "\ufe0e", "\u200b", "\U000E0100", "é"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 5000 {
		var got, want spacer
		for range 1 + rng.IntN(3) { // several writes, as between tags
			var s strings.Builder
			for range rng.IntN(10) {
				s.WriteString(alphabet[rng.IntN(len(alphabet))])
			}
			got.write(s.String())
			writePieces(&want, s.String())
			if rng.IntN(2) == 0 {
				got.space, want.space = true, true // an element between them
			}
		}
		if got.String() != want.String() || got.space != want.space {
			t.Fatalf("write gives %q (space %v), want %q (space %v)", got.String(), got.space, want.String(), want.space)
		}
	}
}

// TestInertCharactersStayAsTheyAre: text of characters that stable accepts
// is in NFKC: each character alone, after ASCII, and beside any other such
// character (pairs from every block of the BMP).
func TestInertCharactersStayAsTheyAre(t *testing.T) {
	t.Parallel()
	var ok []rune
	for r := rune(0x80); r < 0x10000; r++ {
		if r >= 0xD800 && r <= 0xDFFF || !stableRune(r) {
			continue
		}
		ok = append(ok, r)
		for _, s := range []string{string(r), "e" + string(r), string(r) + "a", "か" + string(r)} {
			if got := norm.NFKC.String(s); got != s {
				t.Fatalf("%U: NFKC(%q) = %q; stable accepts it", r, s, got)
			}
		}
	}
	if len(ok) < 10000 {
		t.Fatalf("stable accepts only %d characters of the BMP", len(ok))
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 200000 {
		s := string(ok[rng.IntN(len(ok))]) + string(ok[rng.IntN(len(ok))])
		if got := norm.NFKC.String(s); got != s {
			t.Fatalf("NFKC(%q) = %q; stable accepts both characters", s, got)
		}
	}
	for _, r := range []rune{'①', 'ﾏ', 'ｶ', '\u3099', '\u0301', '\u00a0', 'ﬁ', '\u11a8'} { // ᆨ combines with 가 before it
		if stableRune(r) {
			t.Errorf("%U: stable accepts it, but NFKC changes or combines it", r)
		}
	}
}

// TestBuildPagesWrite: with Options.Write, BuildPages gives every file
// Build returns, the same bytes, and returns only their names itself;
// Write's first error is its error.
func TestBuildPagesWrite(t *testing.T) {
	docs := synthDocs(t, 300)
	want := Build(docs, Options{})
	pages := make([]Page, len(docs))
	for i := range docs {
		d := &docs[i]
		pages[i] = Page{Path: d.Path, Size: d.size(), Text: func() Doc { return *d }}
	}
	var mu sync.Mutex
	got := map[string][]byte{}
	files, err := BuildPages(pages, Options{Write: func(f File) error {
		mu.Lock()
		defer mu.Unlock()
		got[f.Name] = f.Data
		return nil
	}})
	if err != nil || len(files) != len(want) {
		t.Fatalf("BuildPages = %d files, %v; want %d, nil", len(files), err, len(want))
	}
	for i, f := range files {
		if f.Name != want[i].Name || f.Data != nil {
			t.Errorf("BuildPages file %d = %q with %d bytes, want %q without its bytes", i, f.Name, len(f.Data), want[i].Name)
		}
	}
	if len(got) != len(want) || len(want) < 3 {
		t.Fatalf("Write got %d files, Build returns %d", len(got), len(want))
	}
	for _, f := range want {
		if !bytes.Equal(got[f.Name], f.Data) {
			t.Errorf("%s: Write got other bytes than Build returns", f.Name)
		}
	}
	boom := errors.New("disk full")
	if _, err := BuildPages(pages, Options{Write: func(File) error { return boom }}); err != boom {
		t.Errorf("BuildPages with a failing Write = %v, want %v", err, boom)
	}
}
