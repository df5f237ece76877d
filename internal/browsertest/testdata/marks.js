// What printmarks.js and reportmarks.js share; the tests run it before
// either. qzMark(host, text, edge) puts a tiny unique word at the top or
// bottom edge of host, which pdftotext finds on the printed pages;
// qzFigures() marks the top and bottom of each figure that print shows
// (QZF3A, QZF3B) and returns those figures.
var qzMark, qzFigures;
(() => {
  const style = document.createElement('style');
  style.textContent = '.qz-host{position:relative}.qz{position:absolute;left:0;font:3px/1 monospace;color:#000;white-space:nowrap}';
  document.head.append(style);
  qzMark = (host, text, edge) => {
    host.classList.add('qz-host');
    const s = document.createElement('span');
    s.className = 'qz'; s.textContent = text; s.style[edge] = '0';
    host.append(s);
  };
  const figures = [...document.querySelectorAll('main figure')].filter((f) => f.checkVisibility());
  figures.forEach((f, i) => { qzMark(f, `QZF${i}A`, 'top'); qzMark(f, `QZF${i}B`, 'bottom'); });
  qzFigures = () => figures;
})();
