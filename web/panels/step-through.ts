/**
 * Step-through teaching mode: one hop of the selected path at a time, as a sentence with its sign, the
 * net effect so far, and every evidence entry with its citation. Large text for projectors.
 */
import { ownValue, PREDICATES, type KnowledgeGraph, type Path } from '../../src/index.js';
import { h, replaceChildren } from '../ui/dom.js';
import { evidenceItem, signBadge, stepMarks } from './evidence.js';

export interface TeachActions {
  step(hop: number | null): void;
}

export function renderTeach(el: HTMLElement, graph: KnowledgeGraph, path: Path | null, step: number | null, actions: TeachActions): void {
  if (!path || step === null || path.edges.length === 0) {
    el.hidden = true;
    replaceChildren(el);
    return;
  }
  const hop = Math.min(Math.max(0, step), path.edges.length - 1);
  const edge = path.edges[hop]!;
  const source = path.nodes[hop]!;
  const target = path.nodes[hop + 1]!;
  const start = path.nodes[0]!;
  let net = 1;
  for (let i = 0; i <= hop; i++) net *= path.edges[i]!.sign === '+' ? 1 : path.edges[i]!.sign === '-' ? -1 : 0;
  const netText =
    net > 0 ? `when ${start.label} rises, ${target.label} rises` : net < 0 ? `when ${start.label} rises, ${target.label} falls` : `the direction from ${start.label} to ${target.label} is unknown`;
  const sources = graph.getAttribute('sources') ?? {};
  const spec = PREDICATES[edge.predicate as keyof typeof PREDICATES];
  el.hidden = false;
  replaceChildren(
    el,
    h(
      'div',
      { class: 'teach-head' },
      h('h2', { class: 'teach-title', attrs: { id: 'teach-title', tabindex: -1 } }, h('span', { class: 'teach-count', attrs: { id: 'teach-count' } }, `Step ${hop + 1} of ${path.edges.length}`)),
      h(
        'div',
        { class: 'buttons' },
        h('button', { attrs: { type: 'button', id: 'teach-prev', disabled: hop === 0, 'aria-keyshortcuts': 'ArrowLeft' }, on: { click: () => actions.step(hop - 1) } }, '← Previous'),
        h('button', { class: 'primary', attrs: { type: 'button', id: 'teach-next', disabled: hop === path.edges.length - 1, 'aria-keyshortcuts': 'ArrowRight' }, on: { click: () => actions.step(hop + 1) } }, 'Next →'),
        h('button', { attrs: { type: 'button', id: 'teach-close', 'aria-keyshortcuts': 'Escape' }, on: { click: () => actions.step(null) } }, 'Close'),
      ),
    ),
    h('p', { class: 'teach-sentence', attrs: { id: 'teach-sentence' } }, signBadge(edge.sign === '?' ? null : edge.sign), ' ', h('span', { class: 'node-name' }, source.label), ` ${spec?.verb ?? edge.predicate} `, h('span', { class: 'node-name' }, target.label)),
    stepMarks(graph, edge.id, edge.contested),
    h('p', { class: 'teach-running' }, 'Net effect so far: ', signBadge(net > 0 ? '+' : net < 0 ? '-' : null), ` ${netText}.`),
    edge.note ? h('p', { class: 'evidence-note' }, edge.note) : null,
    h('ul', { class: 'evidence-list' }, edge.evidence.map((ev) => evidenceItem(ev, ownValue(sources, ev.source)))),
  );
}
