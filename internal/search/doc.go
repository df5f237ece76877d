// Package search builds the site's search index: static files that the
// search page's script (theme static/js/search.js) reads with script
// elements, so that search works from file:// as well as from any static
// host, with nothing loaded from another host. This comment is the
// specification both follow; Index.Search is the same query in Go, and the
// browser tests compare the two.
//
// # What is indexed
//
// Each page gives a title, its headings and a body (the caller, the site
// package, decides what text a page has). The index stores them as
// written, cleaned: variation selectors and zero-width characters removed
// and every run of white space and control characters made one space.
// That is what snippets show. Text is compared in its NFKC form, folded:
//
//   - NFKC: half-width katakana, full-width letters and digits, circled
//     digits and compatibility kanji take their usual forms (ﾏﾈｼﾞﾒﾝﾄ is
//     マネジメント, ＡＩ is AI, ⾜ is 足);
//   - folded, one character for one: katakana as hiragana (マネジメント,
//     まねじめんと and ﾏﾈｼﾞﾒﾝﾄ meet) and letters in lower case.
//
// # Keys
//
// Characters are of three kinds: kanji, kana, hangul and ー (bigram
// characters); other letters, digits and marks (word characters); and
// everything else, which separates. Text is cut into runs of bigram
// characters and words of word characters; a run and a word may touch
// (AI活用). The keys of the text are
//
//   - for each run c1 c2 … cn: the bigrams c1c2, c2c3 … and cn alone; so
//     every substring of two or more characters has all its bigrams among
//     the keys, and every single character starts some key;
//   - for each word: the word, cut to its first 32 characters.
//
// Keys("人材マネジメント AI") is 人材 材ま まね ねじ じめ めん んと と ai.
//
// # Files
//
// The index folder holds meta.js (the number of pages and shards, where
// each chunk starts, a version of every file to add to its URL), the key
// shards kN.js and the page chunks dN.js. Pages are numbered in path order.
// A shard holds every key whose first character hashes to it, so a query
// reads only the shards of its keys' first characters; for each key the
// pages that hold it, with whether it is in the title or in a heading. A
// chunk holds the text of about 48 KB of consecutive pages (by the sizes
// the caller gives before the text is read), compressed
// (raw deflate, in base64), for checking matches and showing snippets.
// The number of shards grows with the index (about 40 KB each).
//
// # Queries
//
// A query is cleaned, normalised and folded as text is, and cut into terms at
// every separating character: a term is a run of word and bigram
// characters, such as 人材マネジメント, ai or ai活用. A page matches when it
// holds every term (in its title, a heading or its body):
//
//   - a term of bigram characters occurs anywhere, as a substring: 材マネ
//     finds 人材マネジメント; a single character, such as 市, finds every
//     page with that character;
//   - a term that starts with a word character occurs at the start of a
//     word: manage finds management, age does not; a query's word is a
//     prefix, so a partly typed word finds pages as it is typed;
//   - a term does not match across a separator: 人材・マネジメント in a
//     query is two terms, and the text 人材・マネジメント does not match the
//     query 人材マネジメント.
//
// The index finds the pages that hold every key of every term; a term of
// more than one key (three or more bigram characters, or a word joined to
// kanji) is then checked against the page's text, so that bigrams found
// apart (東京 and 京都 in a page without 東京都) do not match.
//
// # Order
//
// Pages that hold every term in the title come first; then pages that
// hold every term in the title or a heading; then the rest. Within each
// group, pages are in path order. Nothing else (how often a term occurs,
// the page's date) changes the order, so the same query always gives the
// same list.
package search
