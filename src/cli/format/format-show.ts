/** Human output of `mechkg show`: a node with its edges and evidence, or one edge with its evidence. */
import type { Description } from '../../query/describe.js';
import type { Reference } from '../../query/cite-source.js';
import type { PathEdge } from '../../query/path-result.js';
import { evidenceLabel, predicateLabel, provenanceText } from './format-path.js';

function edgeLines(e: PathEdge, label: (id: string) => string): string[] {
  const lines = [`  ${label(e.source)} -(${e.sign} ${predicateLabel(e.predicate)})-> ${label(e.target)}   (${e.id})${e.contested ? (e.strength === 0 ? '  REFUTED (nothing supports it: no route follows it)' : '  CONTESTED') : ''}`];
  if (e.context) lines.push(`      context: ${Object.entries(e.context).map(([k, v]) => `${k}: ${v}`).join('; ')}`);
  if (e.note) lines.push(`      note: ${e.note}`);
  for (const ev of e.evidence) {
    lines.push(`      ${ev.stance === 'disputes' ? 'DISPUTES' : 'supports'} · ${evidenceLabel(ev.kind)} · ${ev.source}: ${ev.statement}`);
    if (ev.note) lines.push(`          (${ev.note})`);
  }
  if (e.evidence.length === 0) lines.push(`      provenance: ${provenanceText(e.provenance)}`);
  return lines;
}

function referenceLines(refs: Reference[]): string[] {
  return refs.length ? ['', 'Sources:', ...refs.map((r) => `  ${r.source}: ${r.citation}${r.url && !r.citation.includes(r.url) ? ` ${r.url}` : ''}`)] : [];
}

export function formatShow(d: Description): string {
  if (d.kind === 'edge') {
    const labels = new Map([[d.source.id, d.source.label], [d.target.id, d.target.label]]);
    return [`Edge ${d.edge.id} (${d.edge.causal ? 'causal' : 'non-causal'}, sign ${d.edge.sign})`, ...edgeLines(d.edge, (id) => labels.get(id) ?? id), ...referenceLines(d.references)].join('\n') + '\n';
  }
  const n = d.node;
  const labels = new Map([[n.id, n.label], ...d.neighbors.map((m) => [m.id, m.label] as [string, string])]);
  const label = (id: string) => labels.get(id) ?? id;
  const lines = [`${n.label}  (${n.id}, ${n.category})`];
  if (n.description) lines.push(`  ${n.description}`);
  if (n.synonyms.length) lines.push(`  synonyms: ${n.synonyms.join(', ')}`);
  if (n.abbreviations.length) lines.push(`  abbreviations: ${n.abbreviations.join(', ')}`);
  if (n.identifiers.length) lines.push(`  identifiers: ${n.identifiers.join(', ')}`);
  if (n.modules.length) lines.push(`  modules: ${n.modules.join(', ')}`);
  lines.push('', `Outgoing (${d.outgoing.length}):`, ...d.outgoing.flatMap((e) => edgeLines(e, label)));
  lines.push('', `Incoming (${d.incoming.length}):`, ...d.incoming.flatMap((e) => edgeLines(e, label)));
  return [...lines, ...referenceLines(d.references)].join('\n') + '\n';
}
