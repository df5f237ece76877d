// surveysite default theme: the one script, and the page works without it.
//
// A table wider than its box (.table-scroll) scrolls inside it. The box is
// written as a tab stop (tabindex="0"), so that keyboard users can scroll
// it; this script keeps it a tab stop only while it scrolls, marks it with
// the class "scrolls", and shows a hint above it, again whenever its size or
// the table's changes (a turned phone, a larger text size).
//
// The hint's text is the script element's data-scroll-hint, in the page's
// language (the theme's message table.scroll_hint).
(() => {
  const script = document.currentScript;
  const boxes = document.querySelectorAll('.table-scroll');
  if (boxes.length === 0) return;
  const hintText = (script && script.dataset.scrollHint) || '→';
  const hints = new Map();
  const update = (box) => {
    const scrolls = box.scrollWidth > box.clientWidth + 1;
    box.classList.toggle('scrolls', scrolls);
    if (scrolls) box.setAttribute('tabindex', '0');
    else box.removeAttribute('tabindex');
    hints.get(box).hidden = !scrolls;
  };
  const seen = new ResizeObserver((entries) => {
    for (const e of entries) update(e.target.closest('.table-scroll'));
  });
  for (const box of boxes) {
    const hint = document.createElement('p');
    hint.className = 'scroll-hint';
    hint.setAttribute('aria-hidden', 'true'); // the box's own name says what it holds
    hint.textContent = hintText;
    box.before(hint);
    hints.set(box, hint);
    update(box);
    seen.observe(box);
    if (box.firstElementChild) seen.observe(box.firstElementChild);
  }
})();
