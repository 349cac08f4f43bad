/**
 * The legend, which is also the filter panel: every node category (shape and colour from CATEGORIES)
 * and every edge style (EDGE_LEGEND, next to the stylesheet) is explained, and the ones that can be
 * filtered carry a checkbox. Glyphs are SVG elements built with presentation attributes.
 */
import { CATEGORIES, EVIDENCE_KINDS, type Category, type EvidenceKind, type KnowledgeGraph } from '../src/index.js';
import { h, replaceChildren, svg } from './dom.js';
import { svgPoints } from './shapes.js';
import type { Filters, SignFilter } from './state.js';
import { EDGE_LEGEND, MARK_LEGEND, type EdgeLegendEntry } from './style.js';

export function categoryGlyph(category: string, size = 18): SVGSVGElement {
  const c = CATEGORIES[category as Category];
  const r = size / 2 - 1.5;
  return svg(
    'svg',
    { width: size, height: size, viewBox: `0 0 ${size} ${size}`, 'aria-hidden': 'true' },
    svg('polygon', { points: svgPoints(c?.shape ?? 'rectangle', size / 2, size / 2, r), fill: c?.color ?? '#999', stroke: '#30363d', 'stroke-width': 1 }),
  );
}

export function edgeGlyph(e: EdgeLegendEntry, width = 46, height = 18): SVGSVGElement {
  const y = height / 2;
  const end = width - 4;
  const lineEnd = e.arrow === 'triangle' ? end - 8 : e.arrow === 'circle' ? end - 6 : end;
  const children: SVGElement[] = [
    svg('line', {
      x1: 2,
      y1: y,
      x2: lineEnd,
      y2: y,
      stroke: e.color,
      'stroke-width': e.width,
      'stroke-opacity': e.opacity,
      ...(e.dash ? { 'stroke-dasharray': e.dash.join(' ') } : {}),
    }),
  ];
  if (e.arrow === 'triangle') children.push(svg('polygon', { points: `${end - 9},${y - 5} ${end},${y} ${end - 9},${y + 5}`, fill: e.color }));
  else if (e.arrow === 'tee') children.push(svg('line', { x1: end, y1: y - 6, x2: end, y2: y + 6, stroke: e.color, 'stroke-width': 3 }));
  else children.push(svg('circle', { cx: end - 3, cy: y, r: 3.5, fill: e.color }));
  if (e.midDiamond) children.push(svg('polygon', { points: `${width / 2 - 6},${y} ${width / 2},${y - 5} ${width / 2 + 6},${y} ${width / 2},${y + 5}`, fill: '#ffffff', stroke: '#8250df', 'stroke-width': 1.5 }));
  return svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, 'aria-hidden': 'true' }, ...children);
}

function markGlyph(color: string, symbol: string): SVGSVGElement {
  const children: SVGElement[] = [svg('circle', { cx: 9, cy: 9, r: 6.5, fill: '#ffffff', stroke: color, 'stroke-width': 3.5 })];
  if (symbol) {
    const t = svg('text', { x: 9, y: 12.5, 'text-anchor': 'middle', 'font-size': 9, fill: color });
    t.textContent = symbol;
    children.push(t);
  }
  return svg('svg', { width: 18, height: 18, viewBox: '0 0 18 18', 'aria-hidden': 'true' }, ...children);
}

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
    return h('li', {}, control ? h('label', {}, control, ...body) : h('span', { class: 'legend-row' }, ...body));
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
