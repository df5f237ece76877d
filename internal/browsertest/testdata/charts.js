// Charts and scrolling tables at the current viewport width (issue 24):
// for each chart the page shows, its name, description and the smallest
// text size it is drawn at; how many charts each figure shows; and for each
// scroll box whether it scrolls, whether it is a tab stop, whether a hint
// says so, and whether its caption stays inside the box before and after
// it is scrolled to its end.
(async () => {
  await document.fonts.ready;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const vis = (el) => el.checkVisibility();
  const charts = [];
  for (const svg of document.querySelectorAll('svg.chart-svg')) {
    if (!vis(svg)) continue;
    const r = svg.getBoundingClientRect();
    const scale = r.width / svg.viewBox.baseVal.width;
    let minPx = 1e9, minText = '';
    for (const t of svg.querySelectorAll('text')) {
      const px = parseFloat(t.getAttribute('font-size')) * scale;
      if (px < minPx) { minPx = px; minText = t.textContent; }
    }
    charts.push({
      title: svg.querySelector('title').textContent, desc: svg.querySelector('desc').textContent,
      className: svg.getAttribute('class'), width: r.width, minPx, minText,
    });
  }
  // A print panel (figure.print-panel) is shown only in print.
  const figures = [...document.querySelectorAll('figure.chart:not(.print-panel)')].map((f) => ({
    caption: (f.querySelector('figcaption') || {}).textContent || '',
    shown: [...f.querySelectorAll('svg.chart-svg')].filter(vis).length,
  }));
  const tables = [...document.querySelectorAll('.table-scroll')].map((box) => {
    const cap = box.querySelector('caption');
    const inBox = () => {
      if (!cap) return true;
      const b = box.getBoundingClientRect(), c = cap.getBoundingClientRect();
      return c.left >= b.left - 1 && c.right <= b.right + 1;
    };
    const scrolls = box.scrollWidth > box.clientWidth + 1;
    const before = inBox();
    box.scrollLeft = box.scrollWidth;
    const after = inBox();
    const scrolled = box.scrollLeft > 0;
    box.scrollLeft = 0;
    const hint = box.previousElementSibling;
    return {
      label: box.getAttribute('aria-label') || '', scrolls, scrolled,
      tabStop: box.getAttribute('tabindex') === '0',
      hint: !!(hint && hint.classList.contains('scroll-hint') && vis(hint)),
      captionInBox: before, captionInBoxScrolled: after,
    };
  });
  return { charts, figures, tables };
})()
