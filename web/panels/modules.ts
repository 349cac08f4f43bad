/**
 * The diagram's module boxes as a keyboard-reachable list: collapse a module into one box per
 * compartment (or open it again), or all at once. Double-tapping a box on the canvas does the same.
 */
import type { KnowledgeGraph } from '../../src/index.js';
import { h, replaceChildren } from '../ui/dom.js';

export function renderModules(el: HTMLElement, graph: KnowledgeGraph, collapsed: readonly string[], onChange: (collapsed: string[]) => void): void {
  if (!graph.getAttribute('layout')) {
    replaceChildren(el, h('p', { class: 'hint' }, 'This graph has no pathway diagram (no graph/layout file), so it is laid out automatically.'));
    return;
  }
  const counts = new Map<string, number>();
  graph.forEachNode((_id, a) => {
    const m = a.modules[0];
    if (m) counts.set(m, (counts.get(m) ?? 0) + 1);
  });
  const modules = graph.getAttribute('modules') ?? {};
  const ids = [...counts.keys()].sort((a, b) => (modules[a]?.title ?? a).localeCompare(modules[b]?.title ?? b));
  const shut = new Set(collapsed);
  replaceChildren(
    el,
    h('p', { class: 'hint' }, 'Compartments are fixed places in the body; the dashed boxes inside them are modules. Collapse a module to one box per compartment.'),
    h(
      'ul',
      { class: 'module-list', attrs: { 'aria-label': 'Modules in the diagram' } },
      ids.map((m) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              attrs: { type: 'button', 'aria-pressed': String(shut.has(m)), 'data-module': m, title: shut.has(m) ? 'Show its nodes again' : 'Draw it as one box' },
              on: { click: () => onChange(shut.has(m) ? collapsed.filter((x) => x !== m) : [...collapsed, m]) },
            },
            shut.has(m) ? '▸ ' : '▾ ',
            modules[m]?.title ?? m,
          ),
          h('span', { class: 'count' }, String(counts.get(m))),
        ),
      ),
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { attrs: { type: 'button', id: 'modules-collapse-all' }, on: { click: () => onChange(ids) } }, 'Collapse all'),
      h('button', { attrs: { type: 'button', id: 'modules-expand-all' }, on: { click: () => onChange([]) } }, 'Expand all'),
    ),
  );
}
