/**
 * The details panel: for a node its description, names and identifiers (linked to ontology pages via
 * curieUrl) and its edges; for an edge every evidence entry with kind, stance, statement and source
 * (linked to DOI / PubMed / URL). All text is set as text.
 */
import {
  CATEGORIES,
  curieUrl,
  EVIDENCE_KINDS,
  ownValue,
  isOwnPredicate,
  PREDICATES,
  predicateLabel,
  predicateVerb,
  type Category,
  type KnowledgeGraph,
  type Path,
} from '../../src/index.js';
import { h, link, replaceChildren, type Child } from '../ui/dom.js';
import { categoryGlyph } from '../render/glyphs.js';
import { evidenceItem, signBadge, stepMarks } from './evidence.js';

export interface DetailsActions {
  select(id: string): void;
  focus(id: string): void;
  toggleExpand(id: string): void;
  pathFrom(id: string): void;
  pathTo(id: string): void;
  perturb(id: string, direction: 'up' | 'down'): void;
}

export function renderDetails(el: HTMLElement, graph: KnowledgeGraph, selected: string | null, expanded: readonly string[], path: Path | null, actions: DetailsActions): void {
  if (selected && graph.hasNode(selected)) replaceChildren(el, nodeDetails(graph, selected, expanded.includes(selected), actions));
  else if (selected && graph.hasEdge(selected)) replaceChildren(el, edgeDetails(graph, selected, actions));
  else if (path) replaceChildren(el, pathDetails(graph, path, actions));
  else
    replaceChildren(
      el,
      h(
        'div',
        { class: 'details' },
        h('h2', {}, graph.getAttribute('name') ?? 'Graph'),
        h('p', { class: 'empty' }, 'Click a node or an edge, or search by name, to read its description and evidence.'),
        modulesList(graph),
      ),
    );
}

/** The selected path hop by hop: each step as a sentence, its best evidence and a way to all of it. */
function pathDetails(graph: KnowledgeGraph, path: Path, actions: DetailsActions): HTMLElement {
  return h(
    'div',
    { class: 'details', attrs: { 'data-kind': 'path' } },
    h('h2', {}, `${path.nodes[0]!.label} → ${path.nodes[path.nodes.length - 1]!.label}`),
    h(
      'p',
      { class: 'evidence-head' },
      'net ',
      signBadge(path.sign === '?' ? null : path.sign),
      h('span', { class: 'badge' }, `${path.length} steps`),
      h('span', { class: 'badge' }, `weakest: ${path.weakestEvidence ? EVIDENCE_KINDS[path.weakestEvidence].label : 'none'}`),
      path.contested ? h('span', { class: 'badge badge-warn' }, 'contested step') : null,
    ),
    h(
      'ol',
      { class: 'hops' },
      path.edges.map((e, i) => {
        const best = [...e.evidence].filter((ev) => ev.stance === 'supports').sort((a, b) => EVIDENCE_KINDS[b.kind].strength - EVIDENCE_KINDS[a.kind].strength)[0];
        return h(
          'li',
          {},
          signBadge(e.sign === '?' ? null : e.sign),
          ' ',
          nodeButton(graph, path.nodes[i]!.id, actions),
          ` ${PREDICATES[e.predicate as keyof typeof PREDICATES]?.verb ?? e.predicate} `,
          nodeButton(graph, path.nodes[i + 1]!.id, actions),
          ' ',
          stepMarks(graph, e.id, e.contested),
          best ? h('p', { class: 'evidence-note' }, `${EVIDENCE_KINDS[best.kind].label}: ${best.statement}`) : null,
          h('button', { class: 'link', attrs: { type: 'button' }, on: { click: () => actions.select(e.id) } }, `all evidence (${e.evidence.length})`),
        );
      }),
    ),
  );
}

function modulesList(graph: KnowledgeGraph): HTMLElement | null {
  const modules = Object.values(graph.getAttribute('modules') ?? {});
  if (!modules.length) return null;
  return h(
    'div',
    {},
    h('h3', {}, 'Modules'),
    h('ul', {}, modules.map((m) => h('li', {}, h('strong', {}, m.title), ': ', m.summary))),
  );
}

function nodeButton(graph: KnowledgeGraph, id: string, actions: DetailsActions): HTMLElement {
  return h('button', { class: 'link', attrs: { type: 'button', title: `Show ${id}` }, on: { click: () => actions.select(id) } }, graph.getNodeAttribute(id, 'label'));
}

function nodeDetails(graph: KnowledgeGraph, id: string, isExpanded: boolean, actions: DetailsActions): HTMLElement {
  const n = graph.getNodeAttributes(id);
  const cat = CATEGORIES[n.category as Category];
  const dl: Child[] = [h('dt', {}, 'id'), h('dd', {}, id)];
  if (n.synonyms.length) dl.push(h('dt', {}, 'synonyms'), h('dd', {}, n.synonyms.join('; ')));
  if (n.abbreviations.length) dl.push(h('dt', {}, 'abbreviations'), h('dd', {}, n.abbreviations.join(', ')));
  if (n.modules.length) dl.push(h('dt', {}, 'modules'), h('dd', {}, n.modules.join(', ')));
  const out: HTMLElement[] = [];
  const inc: HTMLElement[] = [];
  graph.forEachOutEdge(id, (key, a, _s, t) => out.push(edgeRow(graph, key, `${predicateLabel(a.predicate)} `, t, actions)));
  graph.forEachInEdge(id, (key, a, s) => inc.push(edgeRow(graph, key, '', s, actions, ` ${predicateLabel(a.predicate)} this`)));
  return h(
    'div',
    { class: 'details', attrs: { 'data-kind': 'node', 'data-id': id } },
    h('h2', {}, n.label),
    h('p', {}, categoryGlyph(n.category, 16), ' ', h('span', { class: 'badge' }, cat?.label ?? n.category)),
    h('p', { class: 'description' }, n.description),
    h('dl', { class: 'kv' }, dl),
    n.identifiers.length
      ? h('div', {}, h('h3', {}, 'Identifiers'), h('ul', { class: 'identifiers' }, n.identifiers.map((c) => h('li', {}, link(curieUrl(c), c)))))
      : null,
    h(
      'div',
      { class: 'form' },
      h(
        'div',
        { class: 'buttons' },
        h('button', { attrs: { type: 'button' }, on: { click: () => actions.focus(id) } }, 'Centre'),
        h('button', { attrs: { type: 'button', 'aria-pressed': String(isExpanded) }, on: { click: () => actions.toggleExpand(id) } }, isExpanded ? 'Collapse neighbours' : 'Expand neighbours'),
        h('button', { attrs: { type: 'button' }, on: { click: () => actions.pathFrom(id) } }, 'Paths from here'),
        h('button', { attrs: { type: 'button' }, on: { click: () => actions.pathTo(id) } }, 'Paths to here'),
        h('button', { attrs: { type: 'button' }, on: { click: () => actions.perturb(id, 'down') } }, 'Lower it'),
        h('button', { attrs: { type: 'button' }, on: { click: () => actions.perturb(id, 'up') } }, 'Raise it'),
      ),
    ),
    h('h3', {}, `Acts on (${out.length})`),
    out.length ? h('ul', { class: 'edge-list' }, out) : h('p', { class: 'empty' }, 'nothing'),
    h('h3', {}, `Acted on by (${inc.length})`),
    inc.length ? h('ul', { class: 'edge-list' }, inc) : h('p', { class: 'empty' }, 'nothing'),
  );
}

function edgeRow(graph: KnowledgeGraph, key: string, before: string, other: string, actions: DetailsActions, after = ''): HTMLElement {
  const r = graph.getEdgeAttributes(key);
  return h(
    'li',
    {},
    signBadge(r.sign),
    h('span', {}, before, nodeButton(graph, other, actions), after),
    h('button', { class: 'link', attrs: { type: 'button', 'aria-label': `Evidence for ${key}` }, on: { click: () => actions.select(key) } }, `evidence (${r.evidence.length})`),
  );
}

function edgeDetails(graph: KnowledgeGraph, key: string, actions: DetailsActions): HTMLElement {
  const r = graph.getEdgeAttributes(key);
  const s = graph.source(key);
  const t = graph.target(key);
  const biolink = isOwnPredicate(r.predicate) ? PREDICATES[r.predicate].biolink.predicate : null;
  const p = r.provenance;
  const sources = graph.getAttribute('sources') ?? {};
  const flags: Child[] = [
    signBadge(r.sign),
    h('span', { class: 'badge' }, r.causal ? 'causal' : 'not causal (association)'),
    r.contested ? h('span', { class: 'badge badge-warn' }, 'contested') : null,
    r.preclinicalOnly ? h('span', { class: 'badge badge-warn' }, 'preclinical evidence only') : null,
  ];
  const context = r.context ? Object.entries(r.context).filter(([, v]) => v) : [];
  return h(
    'div',
    { class: 'details', attrs: { 'data-kind': 'edge', 'data-id': key } },
    h('h2', {}, nodeButton(graph, s, actions), ` ${predicateVerb(r.predicate)} `, nodeButton(graph, t, actions)),
    h('p', { class: 'evidence-head' }, flags),
    h('dl', { class: 'kv' }, h('dt', {}, 'predicate'), h('dd', {}, biolink ? `${r.predicate} (${biolink})` : r.predicate), h('dt', {}, 'module'), h('dd', {}, r.module), context.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v))])),
    r.note ? h('p', { class: 'evidence-note' }, r.note) : null,
    h('h3', {}, `Evidence (${r.evidence.length})`),
    h('ul', { class: 'evidence-list' }, r.evidence.map((ev) => evidenceItem(ev, ownValue(sources, ev.source)))),
    // imported edges: their provenance as the file states it; mechkg invents no evidence for them
    r.evidence.length === 0
      ? h('p', { class: 'evidence-note' }, p ? [p.primary_knowledge_source, ...(p.aggregator_knowledge_source ?? []), ...(p.publications ?? []), p.knowledge_level, p.agent_type].filter(Boolean).join(' · ') : 'no provenance given')
      : null,
  );
}

