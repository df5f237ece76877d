// Colours in forced-colours mode (issue 24): the system colours Canvas and
// CanvasText as this browser resolves them, the page's background, the
// bottom borders of the current and another menu link, the button's border
// and background, and the fills of each shown chart's background and text.
(() => {
  const probe = document.createElement('div');
  probe.style.cssText = 'background-color: Canvas; color: CanvasText; border: 1px solid Highlight';
  document.body.append(probe);
  const ps = getComputedStyle(probe);
  const sys = { canvas: ps.backgroundColor, canvasText: ps.color, highlight: ps.borderTopColor };
  probe.remove();
  const cs = (el) => getComputedStyle(el);
  const menu = [...document.querySelectorAll('.menu a')];
  const cur = menu.find((a) => a.hasAttribute('aria-current'));
  const other = menu.find((a) => !a.hasAttribute('aria-current'));
  const btn = document.querySelector('.button');
  const charts = [...document.querySelectorAll('svg.chart-svg')].filter((s) => s.checkVisibility()).map((s) => ({
    title: s.querySelector('title').textContent.slice(0, 50),
    bg: cs(s.querySelector('rect.bg')).fill,
    texts: [...new Set([...s.querySelectorAll('text')].map((t) => cs(t).fill))],
    areas: [...new Set([...s.querySelectorAll('rect.area')].map((r) => cs(r).fill + ' / ' + cs(r).stroke))],
  }));
  return {
    matches: matchMedia('(forced-colors: active)').matches,
    sys, body: cs(document.body).backgroundColor,
    current: cur ? cs(cur).borderBottomColor : '', other: other ? cs(other).borderBottomColor : '',
    button: btn ? { width: cs(btn).borderTopWidth, style: cs(btn).borderTopStyle, color: cs(btn).borderTopColor, bg: cs(btn).backgroundColor } : null,
    charts,
  };
})()
