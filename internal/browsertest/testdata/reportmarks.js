// Marks, for Page.printToPDF of a survey report, the top and bottom edge of
// each figure (QZF3A, QZF3B) and the heading that starts each question
// section (QZS2A), with tiny unique words that pdftotext -bbox finds with
// their positions on the printed pages. Run with print media emulated, so
// that what print hides (the screen charts a print panel replaces) is
// skipped.
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
  const sections = [...document.querySelectorAll('.report-q > h2')];
  const names = sections.map((h) => h.textContent.trim());
  sections.forEach((h, i) => mark(h, `QZS${i}A`, 'top'));
  return {
    figures: figures.map((f) => ((f.querySelector('figcaption') || {}).textContent || '').trim().slice(0, 50)),
    sections: names,
    title: (document.querySelector('.report-cover h1') || {}).textContent || '',
  };
})()
