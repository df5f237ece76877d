// Runs axe-core (already injected) for the WCAG 2.0/2.1 A and AA rules and
// returns the violations and the results a person must review.
(async () => {
  const r = await axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations', 'incomplete'],
  });
  const slim = (list) => list.map((x) => ({
    id: x.id, impact: x.impact || '', help: x.help,
    nodes: x.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary || '' })),
  }));
  return { version: axe.version, violations: slim(r.violations), incomplete: slim(r.incomplete) };
})()
