/**
 * The script of the self-contained HTML export. It runs in the exported page, not in mechkg: it is
 * serialized with Function.prototype.toString, so it must not refer to anything outside its body except
 * browser globals and `cytoscape` (inlined before it). It reads the data block, builds the Cytoscape view
 * (style from data() and classes), and writes every text with textContent, never as markup.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const cytoscape: any;

export interface HtmlPageData {
  title: string;
  nodes: { id: string; label: string; category: string; categoryLabel: string; color: string; shape: string; description: string; synonyms: string[]; identifiers: { curie: string; url: string | null }[] }[];
  edges: {
    id: string;
    source: string;
    target: string;
    label: string;
    sentence: string;
    sign: '+' | '-' | null;
    causal: boolean;
    contested: boolean;
    preclinicalOnly: boolean;
    note?: string;
    context?: string;
    evidence: { kind: string; stance: string; statement: string; note?: string; context?: string; ref: number | null }[];
  }[];
  references: { n: number; text: string; url: string | null }[];
  categories: { name: string; label: string; color: string }[];
  paths: { nodes: string[]; edges: string[]; sign?: string }[];
}

export function mechkgHtmlApp(): void {
  const data: HtmlPageData = JSON.parse(document.getElementById('mechkg-data')!.textContent!);
  const byId = (id: string) => document.getElementById(id)!;
  const h = (tag: string, props: Record<string, string> = {}, ...children: (Node | string | null)[]): HTMLElement => {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = v;
      else el.setAttribute(k, v);
    }
    for (const c of children) if (c !== null) el.append(c);
    return el;
  };
  const link = (text: string, url: string | null): Node => {
    if (!url || !/^https?:\/\//i.test(url)) return document.createTextNode(text);
    const a = h('a', { text, target: '_blank', rel: 'noopener noreferrer' }) as HTMLAnchorElement;
    a.href = url;
    return a;
  };
  const edgeById = new Map(data.edges.map((e) => [e.id, e]));
  const nodeById = new Map(data.nodes.map((n) => [n.id, n]));
  const refByN = new Map(data.references.map((r) => [r.n, r]));

  document.title = `${data.title} · mechkg`;
  byId('title').textContent = data.title;

  // UI state lives in one object; render() derives classes and panels from it.
  const state = { path: data.paths.length > 0 ? 0 : -1, step: -1, selected: null as null | { kind: 'node' | 'edge'; id: string } };

  const roots = data.paths.length > 0 ? [data.paths[0]!.nodes[0]!] : undefined;
  const cy = cytoscape({
    container: byId('cy'),
    elements: [
      ...data.nodes.map((n) => ({ group: 'nodes', data: { id: n.id, label: n.label, color: n.color, shape: n.shape } })),
      ...data.edges.map((e) => ({
        group: 'edges',
        data: { id: e.id, source: e.source, target: e.target, label: e.label, sign: e.sign ?? 'none', causal: e.causal ? 'yes' : 'no' },
        classes: [e.contested ? 'disputed' : '', e.preclinicalOnly ? 'preclinical' : ''].filter(Boolean).join(' '),
      })),
    ],
    style: [
      { selector: 'node', style: { label: 'data(label)', shape: 'data(shape)', 'background-color': 'data(color)', 'background-opacity': 0.22, 'border-color': 'data(color)', 'border-width': 2, 'text-wrap': 'wrap', 'text-max-width': '110px', 'text-valign': 'center', 'font-size': 12, 'font-family': 'Helvetica, Arial, sans-serif', width: 120, height: 48, color: '#222' } },
      { selector: 'edge', style: { 'curve-style': 'bezier', width: 2, label: 'data(label)', 'font-size': 10, 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-background-padding': '2px', 'line-color': '#6b6b6b', 'target-arrow-color': '#6b6b6b', 'target-arrow-shape': 'vee', color: '#444' } },
      { selector: 'edge[sign = "+"]', style: { 'line-color': '#2f7d32', 'target-arrow-color': '#2f7d32', 'target-arrow-shape': 'triangle' } },
      { selector: 'edge[sign = "-"]', style: { 'line-color': '#c62828', 'target-arrow-color': '#c62828', 'target-arrow-shape': 'tee' } },
      { selector: 'edge[causal = "no"]', style: { 'line-style': 'dashed', 'line-color': '#6b6b6b', 'target-arrow-color': '#6b6b6b' } },
      { selector: 'edge.disputed', style: { 'line-style': 'dotted' } },
      { selector: '.faded', style: { opacity: 0.18 } },
      { selector: 'edge.on-path', style: { width: 4 } },
      { selector: 'node.on-path', style: { 'border-width': 4 } },
      { selector: '.current', style: { 'overlay-color': '#f59f00', 'overlay-opacity': 0.28, 'overlay-padding': 6 } },
      { selector: ':selected', style: { 'overlay-color': '#1c7ed6', 'overlay-opacity': 0.2, 'overlay-padding': 5 } },
    ],
    layout: roots
      ? { name: 'breadthfirst', directed: true, roots, spacingFactor: 1.1, transform: (_n: unknown, p: { x: number; y: number }) => ({ x: p.y * 1.6, y: p.x }) }
      : { name: 'cose', animate: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 120 },
    wheelSensitivity: 0.3,
  });

  function renderLegend(): void {
    const list = byId('legend');
    for (const c of data.categories) {
      const swatch = h('span', { class: 'swatch' });
      swatch.style.background = c.color;
      list.append(h('li', {}, swatch, c.label));
    }
    const arrows: [string, string][] = [
      ['plus', 'increases, activates, required for (+)'],
      ['minus', 'decreases, inhibits, prevents (−)'],
      ['assoc', 'association, not causal'],
    ];
    for (const [cls, text] of arrows) list.append(h('li', {}, h('span', { class: `arrow ${cls}` }), text));
  }

  function evidenceList(e: HtmlPageData['edges'][number]): HTMLElement {
    const ol = h('ol', { class: 'evidence' });
    for (const ev of e.evidence) {
      const ref = ev.ref !== null ? refByN.get(ev.ref) : undefined;
      ol.append(
        h(
          'li',
          { class: ev.stance === 'disputes' ? 'disputes' : '' },
          h('span', { class: 'kind', text: `${ev.stance === 'disputes' ? 'disputes · ' : ''}${ev.kind}` }),
          ' ',
          h('span', { class: 'statement', text: ev.statement }),
          ev.note ? h('div', { class: 'note', text: ev.note }) : null,
          ev.context ? h('div', { class: 'context', text: ev.context }) : null,
          ref ? h('div', { class: 'cite' }, `[${ref.n}] `, link(ref.text, ref.url)) : null,
        ),
      );
    }
    return ol;
  }

  function edgeBlock(e: HtmlPageData['edges'][number]): HTMLElement {
    const head = h('h3', { text: e.sentence });
    const flags = [e.causal ? (e.sign === '+' ? 'raises (+)' : e.sign === '-' ? 'lowers (−)' : 'no direction') : 'association, not causal', e.contested ? 'disputed' : '', e.preclinicalOnly ? 'preclinical evidence only' : ''].filter(Boolean);
    return h('div', { class: 'edge-block' }, head, h('div', { class: 'flags', text: flags.join(' · ') }), e.note ? h('p', { class: 'note', text: e.note }) : null, e.context ? h('p', { class: 'context', text: e.context }) : null, evidenceList(e));
  }

  function nodeBlock(id: string): HTMLElement {
    const n = nodeById.get(id)!;
    const ids = h('ul', { class: 'ids' });
    for (const x of n.identifiers) ids.append(h('li', {}, link(x.curie, x.url)));
    return h('div', { class: 'node-block' }, h('h3', { text: n.label }), h('div', { class: 'flags', text: n.categoryLabel }), h('p', { text: n.description }), n.synonyms.length ? h('p', { class: 'syn', text: `Also: ${n.synonyms.join('; ')}` }) : null, ids);
  }

  function renderPaths(): void {
    const box = byId('paths');
    box.replaceChildren();
    if (data.paths.length === 0) {
      box.append(h('p', { class: 'muted', text: 'This export is not a path selection; click any node or edge for its details.' }));
      return;
    }
    const list = h('div', { class: 'path-list' });
    data.paths.forEach((p, i) => {
      const b = h('button', { type: 'button', class: i === state.path ? 'active' : '', text: `Path ${i + 1} (${p.edges.length} steps, net ${p.sign ?? '?'})` });
      b.addEventListener('click', () => {
        state.path = i;
        state.step = -1;
        render();
      });
      list.append(b);
    });
    box.append(list);
    const p = data.paths[state.path]!;
    box.append(h('p', { class: 'path-nodes', text: p.nodes.map((id) => nodeById.get(id)?.label ?? id).join(' → ') }));
    const prev = h('button', { type: 'button', id: 'step-prev', text: '◀ Previous' });
    const next = h('button', { type: 'button', id: 'step-next', text: 'Next step ▶' });
    prev.addEventListener('click', () => {
      state.step = Math.max(-1, state.step - 1);
      render();
    });
    next.addEventListener('click', () => {
      state.step = Math.min(p.edges.length - 1, state.step + 1);
      render();
    });
    box.append(h('div', { class: 'step-controls' }, prev, h('span', { id: 'step-count', text: state.step < 0 ? `${p.edges.length} steps` : `Step ${state.step + 1} of ${p.edges.length}` }), next));
    if (state.step >= 0) {
      const e = edgeById.get(p.edges[state.step]!);
      if (e) box.append(edgeBlock(e));
    }
  }

  function renderDetails(): void {
    const box = byId('details');
    box.replaceChildren();
    if (!state.selected) {
      box.append(h('p', { class: 'muted', text: 'Click a node or an edge for its description, identifiers and evidence.' }));
      return;
    }
    const e = state.selected.kind === 'edge' ? edgeById.get(state.selected.id) : undefined;
    box.append(state.selected.kind === 'node' ? nodeBlock(state.selected.id) : e ? edgeBlock(e) : h('p'));
  }

  function render(): void {
    cy.batch(() => {
      cy.elements().removeClass('faded on-path current');
      if (state.path >= 0) {
        const p = data.paths[state.path]!;
        const ids = new Set([...p.nodes, ...p.edges]);
        cy.elements().forEach((el: any) => {
          el.addClass(ids.has(el.id()) ? 'on-path' : 'faded');
        });
        if (state.step >= 0) {
          const e = cy.getElementById(p.edges[state.step]);
          e.addClass('current');
          e.source().addClass('current');
          e.target().addClass('current');
        }
      }
    });
    renderPaths();
    renderDetails();
  }

  cy.on('tap', 'node, edge', (evt: any) => {
    state.selected = { kind: evt.target.isNode() ? 'node' : 'edge', id: evt.target.id() };
    renderDetails();
  });
  cy.on('tap', (evt: any) => {
    if (evt.target === cy) {
      state.selected = null;
      renderDetails();
    }
  });

  renderLegend();
  const all = byId('all-evidence');
  for (const e of data.edges) all.append(edgeBlock(e));
  const refs = byId('references');
  for (const r of data.references) refs.append(h('li', { value: String(r.n) }, link(r.text, r.url)));
  render();
  document.body.dataset.ready = 'true';
}
