/** Human rendering of one path: nodes down the page, each step with its sign, predicate and evidence kinds. */
import type { Provenance } from '../../model/types.js';
import { EVIDENCE_KINDS, predicateLabel, type EvidenceKind } from '../../model/vocabulary.js';
import type { Path, PathEdge } from '../../query/path-result.js';
import { ownValue } from '../../model/own-key.js';

export { predicateLabel };

/** An imported edge's provenance in one line: "infores:x via infores:y; PMID:1; knowledge_assertion, manual_agent". */
export function provenanceText(p: Provenance | undefined): string {
  if (!p) return 'no provenance given';
  const source = [p.primary_knowledge_source, p.aggregator_knowledge_source?.length ? `via ${p.aggregator_knowledge_source.join(', ')}` : ''].filter(Boolean).join(' ');
  return [source, (p.publications ?? []).join(', '), [p.knowledge_level, p.agent_type].filter(Boolean).join(', ')].filter(Boolean).join('; ') || 'no provenance given';
}

/** How a step reads: the predicate's label, or "is consumed by" for a consumption edge read backwards. */
export function stepLabel(edge: Pick<PathEdge, 'predicate' | 'reversed'>): string {
  return edge.reversed ? 'is consumed by' : predicateLabel(edge.predicate);
}

export function evidenceLabel(kind: string): string {
  return (EVIDENCE_KINDS as Record<string, { label: string }>)[kind]?.label ?? kind;
}

/** "established biochemistry, animal model; disputed: observational (human)" (strongest first); imported edges: their provenance. */
export function evidenceSummary(edge: Pick<PathEdge, 'evidence' | 'provenance'>): string {
  if (edge.evidence.length === 0) return provenanceText(edge.provenance);
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
  const studies = p.weakestEvidence ? ` (${p.weakestStudies} stud${p.weakestStudies === 1 ? 'y' : 'ies'})` : '';
  return `#${n}  net ${p.sign}  ${p.length} step${p.length === 1 ? '' : 's'}  weakest evidence: ${weakest}${studies}  score ${p.score}${p.contested ? '  (contested step)' : ''}${extra}`;
}

export function formatPath(n: number, p: Path, extra = ''): string {
  const lines = [pathHeader(n, p, extra)];
  p.nodes.forEach((node, i) => {
    lines.push(`    ${node.label}  (${node.id})`);
    const e = p.edges[i];
    if (e) lines.push(`      ${e.sign}  ${stepLabel(e).padEnd(22)} [${evidenceSummary(e)}]`);
  });
  lines.push(...confounderLines(p.confounders, '    '));
  return lines.join('\n');
}

/** "⚠ confounded: metformin confounds the B12 – insulin resistance association  (edge id)", one line per confounder. */
export function confounderLines(confounders: Path['confounders'], indent: string): string[] {
  return (confounders ?? []).map((c) => `${indent}⚠ confounded: ${c.text}  (${c.edge})`);
}
