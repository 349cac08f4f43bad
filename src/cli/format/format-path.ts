/** Human rendering of one path: nodes down the page, each step with its sign, predicate and evidence kinds. */
import { EVIDENCE_KINDS, PREDICATES } from '../../model/vocabulary.js';
import type { Path, PathEdge } from '../../query/path-result.js';
import { ownValue } from '../../model/own-key.js';

export function predicateLabel(predicate: string): string {
  return (PREDICATES as Record<string, { label: string }>)[predicate]?.label ?? predicate.replace(/^biolink:/, '').replace(/_/g, ' ');
}

/** How a step reads: the predicate's label, or "is consumed by" for a consumption edge read backwards. */
export function stepLabel(edge: Pick<PathEdge, 'predicate' | 'reversed'>): string {
  return edge.reversed ? 'is consumed by' : predicateLabel(edge.predicate);
}

export function evidenceLabel(kind: string): string {
  return (EVIDENCE_KINDS as Record<string, { label: string }>)[kind]?.label ?? kind;
}

/** "established biochemistry, animal model; disputed: observational (human)" (strongest first). */
export function evidenceSummary(edge: Pick<PathEdge, 'evidence'>): string {
  const kinds = (stance: string) =>
    [...new Set(edge.evidence.filter((ev) => ev.stance === stance).map((ev) => ev.kind))]
      .sort((a, b) => (ownValue(EVIDENCE_KINDS, b)?.strength ?? 0) - (ownValue(EVIDENCE_KINDS, a)?.strength ?? 0))
      .map(evidenceLabel);
  const supports = kinds('supports');
  const disputes = kinds('disputes');
  return [supports.join(', ') || 'no supporting evidence', disputes.length ? `disputed: ${disputes.join(', ')}` : ''].filter(Boolean).join('; ');
}

export function pathHeader(n: number, p: Path, extra = ''): string {
  const weakest = p.weakestEvidence ? evidenceLabel(p.weakestEvidence) : 'none';
  return `#${n}  net ${p.sign}  ${p.length} step${p.length === 1 ? '' : 's'}  weakest evidence: ${weakest}  score ${p.score}${p.contested ? '  (contested step)' : ''}${extra}`;
}

export function formatPath(n: number, p: Path, extra = ''): string {
  const lines = [pathHeader(n, p, extra)];
  p.nodes.forEach((node, i) => {
    lines.push(`    ${node.label}  (${node.id})`);
    const e = p.edges[i];
    if (e) lines.push(`      ${e.sign}  ${stepLabel(e).padEnd(22)} [${evidenceSummary(e)}]`);
  });
  return lines.join('\n');
}
