// Layout facts of the loaded page at the current viewport width: horizontal
// overflow, the size and visibility of every chart (svg[role=img]), and
// whether Japanese text is drawn with real glyphs.
//
// Glyph check: for each distinct font (style, weight, family stack) that
// renders visible Japanese text, draw up to 8 of the page's own Japanese
// characters on a canvas with that font, plus U+E000 (a private-use code
// point no text font has, so it is drawn as the "tofu" box). Canvas text
// uses the same font fallback as the page. A character whose pixels are
// empty or equal to the box's is missing its glyph; and if every character
// draws the same pixels they are boxes too. This does not depend on font
// names, on document.fonts (which only knows web fonts) or on widths (a CJK
// box and a CJK glyph are both 1em wide).
(async () => {
  await document.fonts.ready;
  const de = document.documentElement;
  // chart.WriteSVG writes a wide and a narrow chart-svg side by side and the
  // stylesheet shows one: a variant hidden while its twin shows is skipped,
  // as are the panels a tall chart is printed as (figure.print-panel: shown
  // only in print, in place of the chart before them).
  const shown = (s) => s.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  const twinShown = (s) => [...s.parentElement.children].some((o) => o !== s && o.matches('svg.chart-svg') &&
    o.querySelector('title') && o.querySelector('title').textContent === (s.querySelector('title') || {}).textContent && shown(o));
  const charts = [...document.querySelectorAll('svg[role="img"]')].filter((s) => !s.closest('figure.print-panel') &&
    !(s.matches('.chart-wide, .chart-narrow') && getComputedStyle(s).display === 'none' && twinShown(s))).map((s) => {
    const r = s.getBoundingClientRect();
    const t = s.querySelector('title');
    return {
      name: (s.getAttribute('aria-label') || (t && t.textContent) || s.id || '').trim().slice(0, 60),
      width: r.width, height: r.height,
      visible: s.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
    };
  });
  const ja = /[\u3040-\u30ff\u3400-\u9fff]/gu;
  const fonts = new Map();
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) {
    const n = walk.currentNode, el = n.parentElement;
    const m = n.data.match(ja);
    if (!m || !el || !el.checkVisibility({ visibilityProperty: true })) continue;
    const cs = getComputedStyle(el);
    const font = `${cs.fontStyle} ${cs.fontWeight} 32px ${cs.fontFamily}`;
    if (!fonts.has(font)) fonts.set(font, new Set());
    const set = fonts.get(font);
    for (const c of m) { if (set.size < 8) set.add(c); }
  }
  const canvas = document.createElement('canvas');
  canvas.width = 48; canvas.height = 48;
  const g = canvas.getContext('2d', { willReadFrequently: true });
  const draw = (font, ch) => {
    g.clearRect(0, 0, 48, 48);
    g.font = font; g.textBaseline = 'top'; g.fillStyle = '#000';
    g.fillText(ch, 4, 4);
    const px = g.getImageData(0, 0, 48, 48).data;
    let h = 0, ink = 0;
    for (let i = 3; i < px.length; i += 4) { h = (Math.imul(h, 31) + px[i]) | 0; ink += px[i] > 0 ? 1 : 0; }
    return { h, ink };
  };
  const glyphs = [];
  for (const [font, set] of fonts) {
    const tofu = draw(font, '\uE000');
    const drawn = [...set].map((c) => ({ c, ...draw(font, c) }));
    const missing = drawn.filter((d) => d.ink === 0 || d.h === tofu.h).map((d) => d.c);
    const allSame = drawn.length > 1 && drawn.every((d) => d.h === drawn[0].h);
    glyphs.push({ font, chars: [...set].join(''), missing: missing.join(''), allSame });
  }
  return {
    scrollWidth: de.scrollWidth, clientWidth: de.clientWidth, innerWidth: window.innerWidth,
    charts, glyphs, lang: de.lang,
  };
})()
