/** Small widgets the panels share: the sign badge, one evidence entry, a citation line. */
import { citationParts, EVIDENCE_KINDS, type EvidenceData, type KnowledgeGraph, type SourceData } from '../../src/index.js';
import { h, link, type Child } from '../ui/dom.js';

export function signBadge(sign: string | null): HTMLElement {
  const text = sign === '+' ? '+' : sign === '-' ? '−' : '?';
  const cls = sign === '+' ? 'sign-pos' : sign === '-' ? 'sign-neg' : 'sign-unk';
  const title = sign === '+' ? 'raises' : sign === '-' ? 'lowers' : 'no direction';
  return h('span', { class: ['sign', cls], attrs: { title, 'aria-label': `sign: ${title}` } }, text);
}

/** Badges saying in words what the drawing marks on a step: disputed (◇) and animal / in vitro only (□). */
export function stepMarks(graph: KnowledgeGraph, edgeId: string, contested: boolean): HTMLElement | null {
  const preclinical = graph.hasEdge(edgeId) && graph.getEdgeAttribute(edgeId, 'preclinicalOnly');
  if (!contested && !preclinical) return null;
  return h(
    'span',
    { class: 'step-marks' },
    contested ? h('span', { class: 'badge badge-warn', attrs: { title: 'some evidence disputes this step' } }, '◇ contested') : null,
    preclinical ? h('span', { class: 'badge badge-warn', attrs: { title: 'all supporting evidence is animal or in vitro work' } }, '□ preclinical only') : null,
  );
}

export function evidenceItem(ev: EvidenceData, source: SourceData | undefined): HTMLElement {
  const kind = EVIDENCE_KINDS[ev.kind];
  const context = ev.context ? Object.values(ev.context).filter(Boolean).join('; ') : '';
  return h(
    'li',
    { class: ['evidence', ev.stance === 'disputes' && 'disputes'] },
    h(
      'div',
      { class: 'evidence-head' },
      h('span', { class: ['badge', ev.stance === 'disputes' ? 'stance-disputes' : 'stance-supports'] }, ev.stance),
      h('span', { class: 'badge' }, kind?.label ?? ev.kind),
      kind?.preclinical ? h('span', { class: 'badge badge-warn' }, 'preclinical') : null,
    ),
    h('p', { class: 'evidence-statement' }, ev.statement),
    ev.note ? h('p', { class: 'evidence-note' }, ev.note) : null,
    context ? h('p', { class: 'evidence-note' }, `Context: ${context}`) : null,
    h('p', { class: 'evidence-source' }, citation(ev.source, source)),
  );
}

/** The one citation style (src/model/citation.ts), its identifiers linked to their records. */
export function citation(id: string, s: SourceData | undefined): Child[] {
  if (!s) return [`Source: ${id}`];
  const p = citationParts(s);
  const links: Child[] = p.ids.flatMap((x) => [' ', link(x.url, x.label)]);
  if (p.ids.length === 0 && s.url) links.push(' ', link(s.url, 'link'));
  return ['Source: ', ...(p.lead ? [`${p.lead} `] : []), h('cite', {}, p.title), ...(p.where ? [` ${p.where}`] : []), ...(p.kind ? [` ${p.kind}`] : []), ...links];
}
