// Facts about the focused element, read after a key press: what it is, and
// whether its focus is visible (it matches :focus-visible and has an outline
// or a box shadow) inside the viewport.
(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return { tag: 'body' };
  const cs = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
  return {
    tag: el.tagName.toLowerCase(), id: el.id, className: el.className,
    href: el.getAttribute('href') || '', text: (el.textContent || '').trim().slice(0, 40),
    focusVisible: el.matches(':focus-visible'),
    indicator: outline || cs.boxShadow !== 'none',
    outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`,
    inViewport: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
  };
})()
