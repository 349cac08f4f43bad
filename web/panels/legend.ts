/**
 * The legend, which is also the filter panel: every node category (shape and colour from CATEGORIES)
 * and every edge style (EDGE_LEGEND, next to the stylesheet) is explained, and the ones that can be
 * filtered carry a checkbox. Glyphs are SVG elements built with presentation attributes.
 */
import { CATEGORIES, EVIDENCE_KINDS, type Category, type EvidenceKind, type KnowledgeGraph } from '../../src/index.js';
import { h, replaceChildren } from '../ui/dom.js';
import { categoryGlyph, edgeGlyph, markGlyph } from '../render/glyphs.js';
import type { Filters, SignFilter } from '../state/ui-state.js';
import { EDGE_LEGEND, MARK_LEGEND } from '../render/style.js';

const SIGN_OF_ENTRY: Record<string, SignFilter> = { positive: '+', negative: '-', unsigned: 'none' };

function toggled(list: readonly string[], item: string, shown: boolean): string[] {
  return shown ? list.filter((x) => x !== item) : [...new Set([...list, item])];
}

export function renderLegend(el: HTMLElement, graph: KnowledgeGraph, filters: Filters, onChange: (f: Filters) => void): void {
  const catCount = new Map<string, number>();
  graph.forEachNode((_id, a) => catCount.set(a.category, (catCount.get(a.category) ?? 0) + 1));
  const kindCount = new Map<string, number>();
  graph.forEachEdge((_k, a) => {
    for (const kind of new Set(a.evidence.map((ev) => ev.kind))) kindCount.set(kind, (kindCount.get(kind) ?? 0) + 1);
  });
  const check = (id: string, checked: boolean, onToggle: (shown: boolean) => void) =>
    h('input', { attrs: { type: 'checkbox', id, checked }, on: { change: (ev) => onToggle((ev.target as HTMLInputElement).checked) } });

  const categories = (Object.keys(CATEGORIES) as Category[])
    .filter((c) => catCount.has(c))
    .map((c) =>
      h(
        'li',
        {},
        h(
          'label',
          {},
          check(`filter-cat-${c}`, !filters.hiddenCategories.includes(c), (shown) => onChange({ ...filters, hiddenCategories: toggled(filters.hiddenCategories, c, shown) })),
          categoryGlyph(c),
          h('span', {}, CATEGORIES[c].label),
          h('span', { class: 'count' }, String(catCount.get(c))),
        ),
      ),
    );

  const edges = EDGE_LEGEND.map((e) => {
    const sign = SIGN_OF_ENTRY[e.key];
    let control: HTMLInputElement | null = null;
    if (sign) control = check(`filter-sign-${e.key}`, !filters.hiddenSigns.includes(sign), (shown) => onChange({ ...filters, hiddenSigns: toggled(filters.hiddenSigns, sign, shown) as SignFilter[] }));
    else if (e.key === 'noncausal') control = check('filter-noncausal', filters.showNonCausal, (shown) => onChange({ ...filters, showNonCausal: shown }));
    const body = [edgeGlyph(e), h('span', {}, e.label)];
    return h('li', { attrs: { 'data-legend': e.key } }, control ? h('label', {}, control, ...body) : h('span', { class: 'legend-row' }, ...body));
  });

  const kinds = (Object.keys(EVIDENCE_KINDS) as EvidenceKind[])
    .filter((k) => kindCount.has(k))
    .map((k) =>
      h(
        'li',
        {},
        h(
          'label',
          {},
          check(`filter-kind-${k}`, !filters.hiddenKinds.includes(k), (shown) => onChange({ ...filters, hiddenKinds: toggled(filters.hiddenKinds, k, shown) })),
          h('span', {}, EVIDENCE_KINDS[k].label),
          h('span', { class: 'count' }, String(kindCount.get(k))),
        ),
      ),
    );

  const marks = MARK_LEGEND.map((m) => h('li', {}, markGlyph(m.color, m.symbol), h('span', {}, m.label)));

  replaceChildren(
    el,
    h(
      'div',
      { class: 'legend' },
      h('h3', {}, 'Nodes: shape and colour by category'),
      h('ul', {}, categories),
      h('h3', {}, 'Edges: colour and end by sign'),
      h('ul', {}, edges),
      h('h3', {}, 'Evidence kinds (hide edges backed only by unticked kinds)'),
      h('ul', {}, kinds),
      h('h3', {}, 'Highlights'),
      h('ul', {}, marks),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          { attrs: { type: 'button', id: 'filters-reset' }, on: { click: () => onChange({ hiddenCategories: [], hiddenKinds: [], hiddenSigns: [], showNonCausal: true }) } },
          'Show everything',
        ),
      ),
    ),
  );
}
