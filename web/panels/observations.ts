/**
 * The observation overlay: paste or open a table of measured changes, read by the library's one reader
 * (readObservations, the same as `mechkg hypotheses`: a `node` column and a `direction` or signed `value`),
 * see every row resolved or its problem with the line, and the nodes coloured on a colour-blind-safe
 * diverging scale (purple down, orange up, ▲ ▼ glyphs) with a legend. The table is local data: it is not
 * put in the link, and the panel says so. Other panels (ranked explanations) subscribe with onChange.
 */
import { MechkgError, NameResolutionError, readObservations, resolveNode, type KnowledgeGraph, type Observation } from '../../src/index.js';
import { OBSERVATION_SCALE } from '../render/style.js';
import { h, replaceChildren, svg } from '../ui/dom.js';

/** Observations resolved to nodes, and what could not be used (each with its file:line). */
export interface ObservationTable {
  /** The raw rows as read, with `node` resolved to a node id. */
  observations: (Observation & { id: string })[];
  problems: { where: string; message: string }[];
}

/** Reads a table and resolves its names like the CLI; a malformed table is one problem, an unknown name one per row. */
export function observationTable(graph: KnowledgeGraph, name: string, text: string): ObservationTable {
  let rows: Observation[];
  try {
    rows = readObservations(name, text);
  } catch (err) {
    if (err instanceof MechkgError) return { observations: [], problems: [{ where: name, message: err.message }] };
    throw err;
  }
  const out: ObservationTable = { observations: [], problems: [] };
  const seen = new Map<string, string>();
  for (const r of rows) {
    try {
      const id = resolveNode(graph, r.node);
      const prev = seen.get(id);
      if (prev) out.problems.push({ where: r.where, message: `${r.node}: already observed at ${prev}` });
      else {
        seen.set(id, r.where);
        out.observations.push({ ...r, id });
      }
    } catch (err) {
      if (err instanceof NameResolutionError) out.problems.push({ where: r.where, message: err.message });
      else throw err;
    }
  }
  return out;
}

export interface ObservationPanel {
  /** The current table, or null when no overlay is shown. */
  table(): ObservationTable | null;
  /** Called after the table changes (shown, replaced or cleared). */
  onChange(listener: (table: ObservationTable | null) => void): void;
  /** Forget the table (a different graph was opened). */
  reset(): void;
  /** Show a table given as text (a lesson step's observations), as if pasted; `name` locates its rows. */
  load(name: string, text: string): void;
}

/** The overlay level of an observation: 1 to 3 by the size of its value relative to the largest, 3 for a word. */
export function observationLevel(value: number | undefined, maxAbs: number): 1 | 2 | 3 {
  if (value === undefined || maxAbs === 0) return 3;
  const r = Math.abs(value) / maxAbs;
  return r > 2 / 3 ? 3 : r > 1 / 3 ? 2 : 1;
}

function scaleLegend(): HTMLElement {
  const cells: { c: string; t: string }[] = [...[...OBSERVATION_SCALE.down].reverse().map((c, i) => ({ c, t: `▼${3 - i}` })), ...OBSERVATION_SCALE.up.map((c, i) => ({ c, t: `▲${i + 1}` }))];
  return h(
    'div',
    { class: 'obs-legend', attrs: { 'aria-label': 'Observation scale: purple down, orange up; darker is larger' } },
    svg('svg', { width: 210, height: 34, viewBox: '0 0 210 34', 'aria-hidden': 'true' }, ...cells.flatMap((x, i) => {
      const t = svg('text', { x: i * 35 + 17.5, y: 31, 'text-anchor': 'middle', 'font-size': 10, fill: '#1f2328' });
      t.textContent = x.t;
      return [svg('rect', { x: i * 35, y: 0, width: 35, height: 18, fill: x.c, stroke: '#ffffff' }), t];
    })),
    h('p', { class: 'hint' }, '▼ down (purple) … ▲ up (orange); darker = larger |value| (words count as largest).'),
  );
}

export function createObservationPanel(el: HTMLElement, graph: () => KnowledgeGraph, onShow: (table: ObservationTable | null) => void): ObservationPanel {
  let current: ObservationTable | null = null;
  const listeners: ((t: ObservationTable | null) => void)[] = [];
  const text = h('textarea', { attrs: { id: 'obs-text', rows: 5, spellcheck: 'false', placeholder: 'node,direction\nhomocysteine,up\nserum B12,down' } });
  let source = 'pasted table';
  const file = h('input', { attrs: { id: 'obs-file', type: 'file', accept: '.csv,.tsv,.json,.txt' } });
  const result = h('div', { attrs: { id: 'obs-result', 'aria-live': 'polite' } });
  const set = (t: ObservationTable | null) => {
    current = t;
    renderResult(result, graph(), t);
    onShow(t);
    for (const l of listeners) l(t);
  };
  const show = () => {
    const body = text.value.trim();
    if (!body) {
      replaceChildren(result, h('p', { class: 'hint' }, 'Paste a table first (a header "node,direction" or "node,value", then one row per node), or open a .csv, .tsv or .json file.'));
      return;
    }
    set(observationTable(graph(), source, body));
    source = 'pasted table';
  };
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (!f) return;
    text.value = await f.text();
    source = f.name;
    file.value = '';
    show();
  });
  replaceChildren(
    el,
    h('label', { attrs: { for: 'obs-text' } }, 'Observations (as for mechkg hypotheses): a header "node,direction" or "node,value", then one row per node'),
    text,
    h(
      'div',
      { class: 'buttons' },
      h('button', { class: 'primary', attrs: { type: 'button', id: 'obs-show' }, on: { click: show } }, 'Colour the graph'),
      h('label', { class: 'file-button' }, 'Open table…', file),
      h('button', { attrs: { type: 'button', id: 'obs-clear' }, on: { click: () => set(null) } }, 'Clear'),
    ),
    scaleLegend(),
    result,
  );
  return {
    table: () => current,
    onChange: (l) => listeners.push(l),
    reset: () => {
      text.value = '';
      set(null);
    },
    load: (name, body) => {
      text.value = body;
      source = name;
      show();
    },
  };
}

function renderResult(el: HTMLElement, graph: KnowledgeGraph, t: ObservationTable | null): void {
  if (!t) {
    replaceChildren(el);
    return;
  }
  replaceChildren(
    el,
    h('p', { class: 'hint' }, `${t.observations.length} observation${t.observations.length === 1 ? '' : 's'} shown; ${t.problems.length ? `${t.problems.length} row${t.problems.length === 1 ? '' : 's'} not used (below)` : 'every row used'}. The table stays on this page: it is not part of the link.`),
    t.observations.length
      ? h(
          'table',
          { class: 'obs-table' },
          h('caption', { class: 'visually-hidden' }, 'Observations'),
          h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Row'), h('th', { attrs: { scope: 'col' } }, 'Node'), h('th', { attrs: { scope: 'col' } }, 'Observed'))),
          h(
            'tbody',
            {},
            t.observations.map((o) =>
              h(
                'tr',
                {},
                h('td', {}, o.where.replace(/^.*?:\s*/, '')),
                h('td', {}, graph.getNodeAttribute(o.id, 'label')),
                h('td', { class: o.direction === 'up' ? 'move-up' : o.direction === 'down' ? 'move-down' : '' }, `${o.direction === 'up' ? '▲ up' : o.direction === 'down' ? '▼ down' : '= unchanged'}${o.value !== undefined ? ` (${o.value})` : ''}`),
              ),
            ),
          ),
        )
      : null,
    t.problems.length ? h('ul', { class: 'obs-problems' }, t.problems.map((p) => h('li', {}, p.message.startsWith(p.where) ? p.message : `${p.where}: ${p.message}`))) : null,
  );
}
