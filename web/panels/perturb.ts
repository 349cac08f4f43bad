/**
 * "Raise / lower NODE": the library's effects() colours every downstream node up, down or mixed; each
 * row's "why?" lists the routes that push the node up apart from those that push it down, and says in
 * words when they disagree.
 */
import { EVIDENCE_KINDS, type DominantEffect, type EffectEntry, type KnowledgeGraph, type Path, type SignedRoutes } from '../../src/index.js';
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

const steps = (n: number) => `${n} step${n === 1 ? '' : 's'}`;
const routeCount = (n: number) => (n === 1 ? '1 route' : `${n > 1e6 ? n.toExponential(1) : n} routes`);

/** The verdict in words: which routes decide, and whether routes of the other sign exist. */
function whyWords(e: EffectEntry | DominantEffect, dom: DominantEffect | null, label: string, anyUp: boolean, anyDown: boolean): string {
  if (e.effect === 'unknown') return `${label} is reached only through steps without a direction, so the graph cannot say whether it rises or falls.`;
  if (!dom) {
    if (e.effect === 'mixed') return `Routes disagree: at least one route pushes ${label} up and another pushes it down.`;
    return `Every signed route found pushes ${label} ${e.effect}.`;
  }
  const { up, down } = dom;
  if (e.effect === 'mixed') {
    return `Routes disagree, and neither wins: the shortest routes (${steps(e.distance)}) push ${label} up (${routeCount(dom.routes.up)}) and down (${routeCount(dom.routes.down)}) with equally strong best evidence, so the graph does not say which way it goes.`;
  }
  const other = e.effect === 'up' ? down : up;
  const otherWay = e.effect === 'up' ? 'down' : 'up';
  if (!other && !(e.effect === 'up' ? anyDown : anyUp)) return `Every route within the reach pushes ${label} ${e.effect} (confidence ${dom.confidence.toFixed(2)}).`;
  if (other && other.distance > e.distance) {
    return `Routes disagree: longer routes (${steps(other.distance)}) push ${label} ${otherWay}, but only the shortest routes (${steps(e.distance)}) vote, so it goes ${e.effect} (confidence ${dom.confidence.toFixed(2)}).`;
  }
  return `Routes disagree: equally short routes push ${label} both ways; the ${e.effect === 'up' ? 'up' : 'down'} routes have the stronger best evidence, so it goes ${e.effect} (confidence ${dom.confidence.toFixed(2)}, lowered by the disagreement).`;
}

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
      const dir = state.perturb.direction;
      const routeLine = (p: Path) => h('li', {}, h('span', { class: 'path-chain' }, p.nodes.map((n) => n.label).join(' → ')), ` (${p.length} step${p.length === 1 ? '' : 's'}, weakest: ${p.weakestEvidence ? EVIDENCE_KINDS[p.weakestEvidence].label : 'none'}${p.contested ? ', a step is contested' : ''})`);
      const rows = [...fx.value.entries.values()].map((e) => {
        // A route whose net sign is + carries the perturbation's direction; a − route carries the opposite.
        const pushesUp = e.paths.filter((p) => (p.sign === '+') === (dir === 'up') && p.sign !== '?');
        const pushesDown = e.paths.filter((p) => (p.sign === '-') === (dir === 'up') && p.sign !== '?');
        const label = e.node.label;
        const dom = 'confidence' in e ? e : null;
        const side = (s: SignedRoutes | null | undefined, list: Path[], arrow: string, way: string) => [
          h(
            'p',
            { class: `why-head move-${way}` },
            `${arrow} Routes pushing it ${way}: `,
            s ? `${routeCount(s.routes)} of ${steps(s.distance)}${s.distance > e.distance ? ` (longer than the ${steps(e.distance)} that decide)` : ''}, best weakest link ${s.weakestEvidence ? EVIDENCE_KINDS[s.weakestEvidence].label : 'none'}` : dom ? `none within the reach` : `${list.length} shown`,
          ),
          list.length ? h('ul', { class: `routes routes-${way}` }, list.map(routeLine)) : s ? h('p', { class: 'hint' }, 'Its best route passes a node twice, so it is not drawn.') : null,
        ];
        return h(
          'li',
          { attrs: { 'data-node': e.node.id } },
          h('span', { class: `move-${e.effect}` }, MOVE_TEXT[e.effect]),
          ' ',
          h('button', { class: 'link', attrs: { type: 'button' }, on: { click: () => actions.select(e.node.id) } }, label),
          ` (${steps(e.distance)}${dom && (e.effect === 'up' || e.effect === 'down') ? `, confidence ${dom.confidence.toFixed(2)}` : ''}) `,
          h(
            'details',
            { class: 'why' },
            h('summary', { attrs: { title: `Why ${label} moves this way` } }, 'why?'),
            h('p', { class: 'why-words' }, whyWords(e, dom, label, pushesUp.length > 0, pushesDown.length > 0)),
            ...side(dom?.up, pushesUp, '▲', 'up'),
            ...side(dom?.down, pushesDown, '▼', 'down'),
            h('p', { class: 'hint' }, 'Only the shortest routes vote; each sign votes with its best route (the strongest weakest link). The best route of each sign is shown.'),
            h('button', { class: 'link', attrs: { type: 'button', title: `Paths from ${g.getNodeAttribute(source, 'label')} to ${label}` }, on: { click: () => actions.explain(source, e.node.id) } }, 'All paths, ranked'),
          ),
        );
      });
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
        h('p', { class: 'hint' }, 'Each node goes the way its shortest routes push it, the better-supported sign winning a tie. Confidence: 1 for established biochemistry without disagreement, lower for weaker evidence or close rival routes.'),
        h('ul', { attrs: { 'aria-label': 'Affected nodes, nearest first' } }, rows),
      );
    },
  };
}
