// surveysite default theme: the search page's script. The page works
// without it: its form leads here and the page lists every page.
//
// The index (written by the build, internal/search) is a set of scripts
// under search/index/, loaded with script elements so that search works
// from file:// as well as from a server, and only the parts a query needs:
// meta.js; key shards kN.js, each holding the keys that start with some
// characters; page chunks dN.js, each the text of some pages, compressed.
// internal/search's package comment states the rules this script follows;
// its Go query does the same, and the browser tests compare the two.
(() => {
  'use strict';
  const script = document.currentScript;
  const form = document.getElementById('search-form');
  const input = document.getElementById('search-q');
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const moreBox = document.getElementById('search-more');
  const moreButton = moreBox && moreBox.querySelector('button');
  const all = document.getElementById('search-all');
  if (!script || !form || !input || !status || !list || !moreBox || !moreButton) return;

  // The page's words (data-messages, from the message catalogue in the
  // page's language): each key's forms by plural category, {n} and {q}
  // filled in here.
  let messages = {};
  try { messages = JSON.parse(script.dataset.messages || '{}'); } catch (err) { console.warn(err); }
  const plural = new Intl.PluralRules(document.documentElement.lang || undefined);
  const say = (key, n, q) => {
    const forms = messages[key] || {};
    const text = forms[n === undefined ? 'other' : plural.select(n)] || forms.other || key;
    return text.replace('{n}', String(n)).replace('{q}', q === undefined ? '' : q);
  };

  const PAGE = 20; // results shown at a time
  const MAX_WORD = 32; // characters of a word key
  const metaURL = new URL(script.dataset.index, document.baseURI);
  const root = new URL('../../', metaURL); // the index is ROOT/search/index/

  // The index files call these as they load.
  const data = { meta: null, shards: [], chunks: [] };
  window.SurveysiteSearch = {
    meta(m) { data.meta = m; },
    shard(i, s) { data.shards[i] = s; },
    chunk(i, s) { data.chunks[i] = s; },
  };

  const loading = new Map(); // URL -> promise
  const load = (url) => {
    let p = loading.get(url);
    if (!p) {
      p = new Promise((resolve, reject) => {
        const el = document.createElement('script');
        el.src = url;
        el.onload = () => { el.remove(); resolve(); };
        el.onerror = () => { el.remove(); loading.delete(url); reject(new Error('could not load ' + url)); };
        document.head.append(el);
      });
      loading.set(url, p);
    }
    return p;
  };
  let metaReady = null;
  const meta = () => {
    // Never from the cache: it names the versions of the other files.
    metaReady = metaReady || load(metaURL.href + '?t=' + Date.now()).then(() => {
      if (!data.meta) throw new Error('the search index is empty');
      return data.meta;
    });
    return metaReady;
  };
  const fileURL = (name, version) => new URL(name + '.js?v=' + version, metaURL).href;

  // Cleaning, normalising and folding, as internal/search does. The index
  // holds text cleaned; it is compared in NFKC, folded.
  const removedRE = /[\u00AD\u180B-\u180D\u180F\u200B-\u200D\u2060\uFE00-\uFE0F\uFEFF]|\uDB40[\uDD00-\uDDEF]/g;
  const normalize = (s) => s.replace(removedRE, '').replace(/[\s\p{Cc}]+/gu, ' ').trim().normalize('NFKC');
  const kanaRE = /[\u30A1-\u30F6\u30FD\u30FE\u03C2]/;
  const utf16 = new TextDecoder('utf-16le');
  const fold = (s) => {
    let t = s.toLowerCase();
    if (t.length !== s.length) { // İ: kept, as a character that lower-cases to two
      t = '';
      for (const ch of s) {
        const l = ch.toLowerCase();
        t += l.length === ch.length ? l : ch;
      }
    }
    if (!kanaRE.test(t)) return t;
    const a = new Uint16Array(t.length);
    for (let i = 0; i < t.length; i++) {
      let c = t.charCodeAt(i);
      if ((c >= 0x30A1 && c <= 0x30F6) || c === 0x30FD || c === 0x30FE) c -= 0x60;
      else if (c === 0x03C2) c = 0x03C3; // ς as σ
      a[i] = c;
    }
    return utf16.decode(a);
  };
  const cjkRE = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\u30FC]/u;
  const wordRE = /[\p{L}\p{N}\p{M}]/u;
  const SEP = 0, WORD = 1, CJK = 2;
  const classOf = (ch) => (cjkRE.test(ch) ? CJK : wordRE.test(ch) ? WORD : SEP);

  const shardOf = (key, n) => {
    const cp = key.codePointAt(0);
    let h = (cp ^ (cp >>> 7)) >>> 0;
    h = Math.imul(h, 0x9E3779B1) >>> 0;
    h = (h ^ (h >>> 15)) >>> 0;
    return h % n;
  };

  // A query is terms: runs of letters, digits, kanji and kana; anything
  // else separates them. Each term becomes the keys to look up.
  const parse = (q) => {
    const terms = [];
    let cur = null;
    for (const ch of fold(normalize(q))) {
      const c = classOf(ch);
      if (c === SEP) { cur = null; continue; }
      if (!cur) { cur = { text: '', segs: [] }; terms.push(cur); }
      cur.text += ch;
      const last = cur.segs[cur.segs.length - 1];
      if (last && last.cls === c) last.chars.push(ch);
      else cur.segs.push({ cls: c, chars: [ch] });
    }
    const seen = new Set();
    return terms.filter((t) => !seen.has(t.text) && seen.add(t.text)).slice(0, 16).map((t) => {
      const lookups = [];
      let exact = true;
      t.segs.forEach((s, j) => {
        const last = j === t.segs.length - 1;
        const n = s.chars.length;
        if (s.cls === WORD) {
          if (n >= MAX_WORD) {
            lookups.push({ key: s.chars.slice(0, MAX_WORD).join(''), prefix: false });
            if (n > MAX_WORD) exact = false;
          } else {
            lookups.push({ key: s.chars.join(''), prefix: last });
          }
          return;
        }
        for (let i = 0; i + 1 < n; i++) lookups.push({ key: s.chars[i] + s.chars[i + 1], prefix: false });
        if (!last) lookups.push({ key: s.chars[n - 1], prefix: false });
        else if (n === 1) lookups.push({ key: s.chars[0], prefix: true });
      });
      return { text: t.text, wordStart: t.segs[0].cls === WORD, lookups, exact: exact && lookups.length === 1 };
    });
  };

  // Shards: "KEY POSTINGS!KEY POSTINGS…", read into a map when first used.
  const shardMaps = [];
  const shardMap = (i) => {
    let m = shardMaps[i];
    if (!m) {
      m = new Map();
      const s = data.shards[i] || '';
      for (let start = 0; start < s.length;) {
        let end = s.indexOf('!', start);
        if (end < 0) end = s.length;
        const sp = s.indexOf(' ', start);
        m.set(s.slice(start, sp), s.slice(sp + 1, end));
        start = end + 1;
      }
      shardMaps[i] = m;
      data.shards[i] = null;
    }
    return m;
  };
  // Postings: per page, the pages skipped since the last one times 4 plus
  // the flags (2 title, 1 heading), in a code of printable characters.
  const decode = (list, out) => {
    let id = -1, v = 0;
    for (let i = 0; i < list.length; i++) {
      const c = list.charCodeAt(i);
      if (c >= 0x5D) { v = v * 34 + (c - 0x5D); continue; }
      v = v * 57 + (c - 0x23);
      id += Math.floor(v / 4) + 1;
      out.set(id, (out.get(id) || 0) | (v % 4));
      v = 0;
    }
  };
  const lookup = (l, shards) => {
    const m = shardMap(shardOf(l.key, shards));
    const out = new Map();
    if (!l.prefix) {
      const p = m.get(l.key);
      if (p !== undefined) decode(p, out);
      return out;
    }
    for (const [k, p] of m) if (k.startsWith(l.key)) decode(p, out);
    return out;
  };

  // Pages: the chunk's text inflated, four fields a page, NUL after each.
  const chunkDocs = new Map(); // chunk -> promise of its pages
  const chunkOf = (id) => {
    const starts = data.meta.chunks;
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= id) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
  const chunk = (c) => {
    let p = chunkDocs.get(c);
    if (!p) {
      const m = data.meta;
      p = load(fileURL('d' + c, m.versions[m.shards + c])).then(async () => {
        const bin = atob(data.chunks[c]);
        data.chunks[c] = null;
        const bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
        const f = (await new Response(stream).text()).split('\0');
        const docs = [];
        for (let i = 0; i + 3 < f.length; i += 4) docs.push({ path: f[i], title: f[i + 1], headings: f[i + 2], body: f[i + 3] });
        return docs;
      });
      p.catch(() => chunkDocs.delete(c));
      chunkDocs.set(c, p);
    }
    return p;
  };
  const docOf = async (id) => {
    const c = chunkOf(id);
    return (await chunk(c))[id - data.meta.chunks[c]];
  };
  // A page's fields as compared: NFKC, folded.
  const folded = (d) => {
    if (!d.f) d.f = { title: fold(d.title.normalize('NFKC')), headings: fold(d.headings.normalize('NFKC')), body: fold(d.body.normalize('NFKC')) };
    return d.f;
  };
  // Where each character of the compared form of text stands in text: for
  // every character, the start and end of the characters it came from (ｶﾞ
  // gives one ガ, … three dots). null: the same positions; undefined: no
  // way to tell (marks are then left out).
  const align = (text) => {
    const norm = text.normalize('NFKC');
    if (norm === text) return null;
    const s = [], e = [];
    let out = '';
    const cps = [...text];
    for (let k = 0, pos = 0; k < cps.length;) {
      const start = pos;
      let cl = '';
      do {
        cl += cps[k];
        pos += cps[k].length;
        k++;
      } while (k < cps.length && /^\p{M}/u.test(cps[k].normalize('NFKC')));
      const n = cl.normalize('NFKC');
      for (let j = 0; j < n.length; j++) { s.push(start); e.push(pos); }
      out += n;
    }
    return out === norm ? { s, e } : undefined;
  };

  // Where a term occurs in folded text: anywhere, but a term that starts
  // with a letter or digit only at the start of a word.
  const wordBefore = (t, i) => {
    if (i === 0) return false;
    let j = i - 1;
    const c = t.charCodeAt(j);
    if (c >= 0xDC00 && c <= 0xDFFF && j > 0) j--;
    return classOf(String.fromCodePoint(t.codePointAt(j))) === WORD;
  };
  const find = (t, term, from = 0) => {
    for (let i = t.indexOf(term.text, from); i >= 0; i = t.indexOf(term.text, i + 1)) {
      if (!term.wordStart || !wordBefore(t, i)) return i;
    }
    return -1;
  };

  // search returns the ids of the pages that match every term, best first:
  // pages with every term in the title, then with every term in the title
  // or a heading, then the rest; within each, in path order. When the
  // matches must be checked against the pages' text, early receives the
  // first page of results as soon as they are final.
  const search = async (terms, current, early) => {
    const m = await meta();
    const needed = new Set();
    for (const t of terms) for (const l of t.lookups) needed.add(shardOf(l.key, m.shards));
    await Promise.all([...needed].map((i) => load(fileURL('k' + i, m.versions[i]))));
    if (!current()) return null;
    const sets = terms.map((t) => {
      let set = null;
      for (const l of t.lookups) {
        const found = lookup(l, m.shards);
        if (!set) { set = found; continue; }
        for (const [id, f] of set) {
          if (found.has(id)) set.set(id, f & found.get(id)); // the fields every key is in
          else set.delete(id);
        }
      }
      return set;
    });
    const smallest = sets.reduce((a, b) => (b.size < a.size ? b : a));
    let ids = [...smallest.keys()].filter((id) => sets.every((s) => s.has(id)));
    const where = new Map(); // id -> per term: 2 title, 1 heading, 0 body only
    for (const id of ids) where.set(id, terms.map((t, i) => (t.exact ? sets[i].get(id) : 0)));
    const tier = (id) => {
      const w = where.get(id);
      if (w.every((x) => x & 2)) return 0;
      if (w.every((x) => x & 3)) return 1;
      return 2;
    };
    if (!terms.every((t) => t.exact)) {
      // Bigrams found apart: keep only the pages that hold each term whole.
      // They are checked in the order they may come (as far as the keys'
      // fields tell, then by path), so that the first results are known,
      // and shown, before the rest.
      for (const id of ids) {
        const w = where.get(id);
        terms.forEach((t, i) => {
          if (!t.exact) w[i] = sets[i].get(id); // every key in the title (2), in headings (1): may hold the term there
        });
      }
      const guess = new Map(ids.map((id) => [id, tier(id)]));
      ids.sort((a, b) => guess.get(a) - guess.get(b) || a - b);
      // Every chunk asked for at once, in the order they are needed.
      for (const id of ids) chunk(chunkOf(id)).catch(() => {}); // an error comes again with docOf
      const kept = [];
      let shownEarly = !early;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k];
        const f = folded(await docOf(id));
        if (!current()) return null;
        const w = where.get(id);
        let ok = true;
        terms.forEach((t, i) => {
          if (t.exact || !ok) return;
          const inTitle = find(f.title, t) >= 0, inHeading = find(f.headings, t) >= 0;
          if (!inTitle && !inHeading && find(f.body, t) < 0) ok = false;
          w[i] = (inTitle ? 2 : 0) | (inHeading ? 1 : 0);
        });
        if (!ok) continue;
        kept.push(id);
        // Past the pages that may hold the terms in a title or heading,
        // the results up to this page are final.
        if (!shownEarly && guess.get(id) === 2 && kept.length >= PAGE && k + 1 < ids.length) {
          const final = kept.filter((x) => tier(x) < 2 || x <= id);
          if (final.length >= PAGE) {
            shownEarly = true;
            await early(final.sort((a, b) => tier(a) - tier(b) || a - b).slice(0, PAGE));
            if (!current()) return null;
          }
        }
      }
      ids = kept;
    }
    const tiers = new Map(ids.map((id) => [id, tier(id)]));
    return ids.sort((a, b) => tiers.get(a) - tiers.get(b) || a - b);
  };

  // text (as written) from start to end of its compared form f, with every
  // match of the terms marked.
  const marked = (text, f, terms, start, end) => {
    const al = align(text);
    const at = (i) => (al ? (i < f.length ? al.s[i] : text.length) : i); // where f[i] starts in text
    const upTo = (i) => (al ? (i > 0 ? al.e[i - 1] : 0) : i); // where f[i-1] ends in text
    const spans = [];
    if (al !== undefined) {
      for (const t of terms) {
        for (let i = find(f, t, start); i >= 0 && i < end; i = find(f, t, i + 1)) spans.push([i, Math.min(i + t.text.length, end)]);
      }
    }
    spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const frag = document.createDocumentFragment();
    let pos = at(start);
    const stop = end >= f.length ? text.length : at(end);
    for (const [s, e] of spans) {
      const from = at(s), to = upTo(e);
      if (from < pos) continue; // inside the last mark
      if (from > pos) frag.append(text.slice(pos, from));
      const mk = document.createElement('mark');
      mk.textContent = text.slice(from, to);
      frag.append(mk);
      pos = to;
    }
    if (pos < stop) frag.append(text.slice(pos, stop));
    return frag;
  };
  // A snippet: about 120 characters of the body around the first match,
  // else of the headings with a match, else the start of the body.
  const snippet = (d, terms) => {
    const f = folded(d);
    for (const [text, ft] of [[d.body, f.body], [d.headings.replace(/\n/g, ' ／ '), f.headings.replace(/\n/g, ' ／ ')]]) {
      let first = -1;
      for (const t of terms) {
        const i = find(ft, t);
        if (i >= 0 && (first < 0 || i < first)) first = i;
      }
      if (first < 0) continue;
      let start = Math.max(0, first - 30), end = Math.min(ft.length, first + 90);
      if (start > 0 && ft.charCodeAt(start) >= 0xDC00 && ft.charCodeAt(start) <= 0xDFFF) start--;
      if (end < ft.length && ft.charCodeAt(end) >= 0xDC00 && ft.charCodeAt(end) <= 0xDFFF) end++;
      const frag = marked(text, ft, terms, start, end);
      if (start > 0) frag.prepend('…');
      if (end < ft.length) frag.append('…');
      return frag;
    }
    const frag = document.createDocumentFragment();
    frag.append(d.body.length > 120 ? d.body.slice(0, 120) + '…' : d.body);
    return frag;
  };
  const href = (path) => {
    let p = path;
    if (data.meta.folderIndex && (p === '' || p.endsWith('/'))) p += 'index.html';
    return new URL(p, root).href;
  };

  let seq = 0; // the query being answered; older answers are dropped
  let shown = [], shownCount = 0, shownTerms = [];
  let statusTimer = 0;
  const setStatus = (msg) => {
    clearTimeout(statusTimer);
    if (status.textContent !== msg) {
      status.textContent = msg;
      return;
    }
    // The same text again (another query, as many pages): emptied first,
    // so that screen readers announce it again.
    status.textContent = '';
    statusTimer = setTimeout(() => { status.textContent = msg; }, 100);
  };
  const showMore = async (focus, n = PAGE) => {
    const my = seq;
    const next = shown.slice(shownCount, shownCount + n);
    const docs = await Promise.all(next.map(docOf));
    if (my !== seq) return;
    let firstLink = null;
    for (const d of docs) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = href(d.path);
      a.append(marked(d.title, folded(d).title, shownTerms, 0, folded(d).title.length));
      const p = document.createElement('p');
      p.className = 'search-snippet';
      p.append(snippet(d, shownTerms));
      li.append(a, p);
      list.append(li);
      firstLink = firstLink || a;
    }
    shownCount += next.length;
    moreBox.hidden = shownCount >= shown.length;
    moreButton.textContent = say('search.more', shown.length - shownCount);
    if (focus && firstLink) firstLink.focus();
  };
  const run = async (q) => {
    const my = ++seq;
    const started = performance.now();
    const terms = parse(q);
    if (terms.length === 0) {
      list.replaceChildren();
      list.hidden = true;
      moreBox.hidden = true;
      if (all) all.hidden = false;
      setStatus('');
      return;
    }
    try {
      let early = false; // the first results are shown already
      const ids = await search(terms, () => my === seq, async (first) => {
        early = true;
        shown = first;
        shownCount = 0;
        shownTerms = terms;
        list.replaceChildren();
        await showMore(false);
        list.hidden = false;
        if (all) all.hidden = true;
        list.dataset.first = String(Math.round(performance.now() - started));
      });
      if (ids === null || my !== seq) return;
      shown = ids;
      if (early) {
        await showMore(false, 0); // the same results: the button says how many more
      } else {
        shownCount = 0;
        shownTerms = terms;
        list.replaceChildren();
        await showMore(false);
      }
      if (my !== seq) return;
      list.hidden = ids.length === 0;
      if (all) all.hidden = true;
      list.dataset.ms = String(Math.round(performance.now() - started)); // to the status
      if (!early) list.dataset.first = list.dataset.ms; // to the first results shown
      setStatus(ids.length > 0 ? say('search.found', ids.length) : say('search.none', undefined, q.trim()));
    } catch (err) {
      if (my !== seq) return;
      list.hidden = true;
      moreBox.hidden = true;
      if (all) all.hidden = false;
      setStatus(say('search.failed'));
      console.warn(err);
    }
  };

  let timer = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(input.value), 150);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    run(input.value);
    try {
      const u = new URL(location.href);
      u.searchParams.set('q', input.value);
      history.replaceState(null, '', u.href);
    } catch { /* file:// may refuse: the query is not kept in the address */ }
  });
  moreButton.addEventListener('click', () => showMore(true));
  // Arrow keys: from the field to the results and between them.
  const links = () => [...list.querySelectorAll('a')];
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && !list.hidden && links().length > 0) {
      e.preventDefault();
      links()[0].focus();
    }
  });
  list.addEventListener('keydown', (e) => {
    const ls = links();
    const i = ls.indexOf(document.activeElement);
    if (i < 0) return;
    if (e.key === 'ArrowDown' && i + 1 < ls.length) { e.preventDefault(); ls[i + 1].focus(); }
    if (e.key === 'ArrowUp') { e.preventDefault(); (i > 0 ? ls[i - 1] : input).focus(); }
    if (e.key === 'Escape') { e.preventDefault(); input.focus(); }
  });

  const q = new URLSearchParams(location.search).get('q');
  if (q) {
    input.value = q;
    run(q);
  } else {
    meta().catch(() => {}); // ready before the first key is typed
  }
})();
