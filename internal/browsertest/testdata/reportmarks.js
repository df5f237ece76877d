// Marks, for Page.printToPDF of a survey report, the top and bottom edge of
// each figure (QZF3A, QZF3B) and the heading that starts each question
// section (QZS2A), with tiny unique words that pdftotext -bbox finds with
// their positions on the printed pages. Run with print media emulated, so
// that what print hides (the screen charts a print panel replaces) is
// skipped.
// testdata/marks.js runs before it.
(() => {
  const figures = qzFigures();
  const sections = [...document.querySelectorAll('.report-q > h2')];
  const names = sections.map((h) => h.textContent.trim());
  sections.forEach((h, i) => qzMark(h, `QZS${i}A`, 'top'));
  return {
    figures: figures.map((f) => ((f.querySelector('figcaption') || {}).textContent || '').trim().slice(0, 50)),
    sections: names,
    title: (document.querySelector('.report-cover h1') || {}).textContent || '',
  };
})()
