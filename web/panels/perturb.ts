/** "Raise / lower NODE": the library's effects() colours every downstream node up, down or mixed. */
import type { KnowledgeGraph } from '../../src/index.js';
import { h, replaceChildren } from '../ui/dom.js';
import { nameFor } from '../state/engine.js';
import { combobox } from './search-box.js';
import type { Perturbation, UiState } from '../state/ui-state.js';
import type { View } from '../state/view.js';

export interface PerturbActions {
  perturb(p: Perturbation | null): void;
  select(id: string): void;
  explain(from: string, to: string): void;
}

const MOVE_TEXT = { up: '▲ up', down: '▼ down', mixed: '◆ mixed', unknown: '? unknown' } as const;

export function createPerturbPanel(el: HTMLElement, graph: () => KnowledgeGraph, actions: PerturbActions) {
  const node = combobox({ id: 'perturb-node', label: 'Node', placeholder: 'e.g. vitamin B12', graph, onPick: (hit) => node.setValue(nameFor(graph(), hit)) });
  const depth = h(
    'select',
    { attrs: { id: 'perturb-depth' } },
    h('option', { attrs: { value: '' } }, 'default (as the CLI)'),
    [1, 2, 3, 4, 5, 6, 8, 10].map((d) => h('option', { attrs: { value: d } }, `${d} step${d === 1 ? '' : 's'}`)),
  );
  const run = (direction: 'up' | 'down') => {
    const name = node.input.value.trim();
    if (name) actions.perturb({ node: name, direction, depth: depth.value ? Number(depth.value) : null });
  };
  const summary = h('div', { class: 'effects-summary', attrs: { id: 'perturb-summary' } });
  replaceChildren(
    el,
    h(
      'div',
      { class: 'form' },
      h('div', { class: 'wide' }, node.root),
      h('label', { attrs: { for: 'perturb-depth' } }, 'Reach'),
      depth,
      h(
        'div',
        { class: 'buttons' },
        h('button', { attrs: { type: 'button', id: 'perturb-down' }, on: { click: () => run('down') } }, '▼ Lower'),
        h('button', { attrs: { type: 'button', id: 'perturb-up' }, on: { click: () => run('up') } }, '▲ Raise'),
        h('button', { attrs: { type: 'button', id: 'perturb-clear' }, on: { click: () => actions.perturb(null) } }, 'Clear'),
      ),
    ),
    summary,
  );
  let shown = '';
  return {
    update(state: UiState, view: View) {
      const key = JSON.stringify(state.perturb);
      if (key !== shown) {
        shown = key;
        if (state.perturb) {
          node.setValue(state.perturb.node);
          depth.value = state.perturb.depth === null ? '' : String(state.perturb.depth);
        }
      }
      const fx = view.effects;
      if (!state.perturb || !fx || !fx.ok) {
        replaceChildren(summary);
        return;
      }
      const { source, moves } = fx.value;
      const g = graph();
      const counts = { up: 0, down: 0, mixed: 0, unknown: 0 };
      for (const m of moves.values()) counts[m]++;
      const rows = [...fx.value.entries.values()].map((e) =>
        h(
          'li',
          {},
          h('span', { class: `move-${e.effect}` }, MOVE_TEXT[e.effect]),
          ' ',
          h('button', { class: 'link', attrs: { type: 'button' }, on: { click: () => actions.select(e.node.id) } }, e.node.label),
          ` (${e.distance} step${e.distance === 1 ? '' : 's'}) `,
          h('button', { class: 'link', attrs: { type: 'button', title: `Paths from ${g.getNodeAttribute(source, 'label')} to ${e.node.label}` }, on: { click: () => actions.explain(source, e.node.id) } }, 'why?'),
        ),
      );
      replaceChildren(
        summary,
        h(
          'p',
          {},
          `${state.perturb.direction === 'up' ? 'Raising' : 'Lowering'} ${g.getNodeAttribute(source, 'label')}: `,
          h('span', { class: 'move-up' }, `${counts.up} up`),
          ', ',
          h('span', { class: 'move-down' }, `${counts.down} down`),
          ', ',
          h('span', { class: 'move-mixed' }, `${counts.mixed} mixed`),
          counts.unknown ? `, ${counts.unknown} unknown` : '',
          '.',
        ),
        h('ul', { attrs: { 'aria-label': 'Affected nodes, nearest first' } }, rows),
      );
    },
  };
}
