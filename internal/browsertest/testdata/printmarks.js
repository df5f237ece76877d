// Marks, for Page.printToPDF, where each figure begins and ends and where
// each heading ends and what follows it begins, with tiny unique words
// (QZF3A, QZF3B, QZH0A, QZH0B) that pdftotext finds on the printed pages.
// Run with print media emulated, so that what print hides is skipped.
// testdata/marks.js runs before it.
(() => {
  const figures = qzFigures();
  const headings = [];
  for (const h of document.querySelectorAll('main h2, main h3')) {
    let next = h.nextElementSibling;
    while (next && !next.checkVisibility()) next = next.nextElementSibling;
    if (!h.checkVisibility() || !next) continue;
    if (next.tagName === 'TABLE') next = next.caption || next.rows[0] || next;
    const i = headings.length;
    qzMark(h, `QZH${i}A`, 'bottom');
    qzMark(next, `QZH${i}B`, 'top');
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
