// Marks, for Page.printToPDF, where each figure begins and ends and where
// each heading ends and what follows it begins, with tiny unique words
// (QZF3A, QZF3B, QZH0A, QZH0B) that pdftotext finds on the printed pages.
// Run with print media emulated, so that what print hides is skipped.
(() => {
  const style = document.createElement('style');
  style.textContent = '.qz-host{position:relative}.qz{position:absolute;left:0;font:3px/1 monospace;color:#000;white-space:nowrap}';
  document.head.append(style);
  const mark = (host, text, edge) => {
    host.classList.add('qz-host');
    const s = document.createElement('span');
    s.className = 'qz'; s.textContent = text; s.style[edge] = '0';
    host.append(s);
  };
  const figures = [...document.querySelectorAll('main figure')].filter((f) => f.checkVisibility());
  figures.forEach((f, i) => { mark(f, `QZF${i}A`, 'top'); mark(f, `QZF${i}B`, 'bottom'); });
  const headings = [];
  for (const h of document.querySelectorAll('main h2, main h3')) {
    let next = h.nextElementSibling;
    while (next && !next.checkVisibility()) next = next.nextElementSibling;
    if (!h.checkVisibility() || !next) continue;
    if (next.tagName === 'TABLE') next = next.caption || next.rows[0] || next;
    const i = headings.length;
    mark(h, `QZH${i}A`, 'bottom');
    mark(next, `QZH${i}B`, 'top');
    headings.push(h.textContent.trim().slice(0, 40));
  }
  return {
    figures: figures.map((f) => ({
      caption: ((f.querySelector('figcaption') || {}).textContent || '').trim().slice(0, 50),
      height: f.getBoundingClientRect().height,
    })),
    headings,
  };
})()
