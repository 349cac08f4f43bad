/** The JSON shape of a path (shared by paths, effects, regulators, loops and explain) and how to build it. */
import { evidenceKindOf, type NetSign } from './query-options.js';
import type { EdgeSummary, PathIndex, SignCode } from './path-index.js';
import type { EvidenceKind } from '../model/vocabulary.js';

export interface NodeRef {
  id: string;
  label: string;
}

export interface PathNode extends NodeRef {
  category: string;
}

export interface PathEdge {
  id: string;
  source: string;
  target: string;
  predicate: string;
  /** '+' raises, '-' lowers, '?' no direction. */
  sign: NetSign;
  causal: boolean;
  /** influence, conversion, association or structural (absent when the index does not say). */
  relation?: EdgeSummary['relation'];
  /** For conversions: consumption, production, conversion, catalysis or stimulation. */
  arc?: EdgeSummary['arc'];
  /**
   * True on a step that reads a consumption edge backwards: the route enters the reaction at its
   * substrate ("more substrate drives the reaction"), so `sign` is the step's sign (+), not the edge's.
   */
  reversed?: true;
  /** Strength of the strongest supporting evidence (EVIDENCE_KINDS), 0 when none. */
  strength: number;
  /** True when some evidence entry disputes the edge. */
  contested: boolean;
  evidence: EdgeSummary['evidence'];
  /** Imported edges: provenance as the file states it (no mechkg evidence is invented for them). */
  provenance?: EdgeSummary['provenance'];
  context?: EdgeSummary['context'];
  note?: string;
}

export interface Path {
  /** Product of the edge signs; '?' when a step has no sign. */
  sign: NetSign;
  /** Number of edges. */
  length: number;
  /** length + 1 nodes in path order (a loop starts and ends on the same node). */
  nodes: PathNode[];
  edges: PathEdge[];
  /** Evidence score, higher is better: weakest-link strength + mean strength / 10. */
  score: number;
  /** Evidence kind of the weakest step (the step whose best support is weakest); null if a step has none. */
  weakestEvidence: EvidenceKind | null;
  /** True when some step is disputed by an evidence entry. */
  contested: boolean;
}

export function signText(code: SignCode): NetSign {
  return code > 0 ? '+' : code < 0 ? '-' : '?';
}

export function nodeRef(index: PathIndex, n: number): NodeRef {
  const { id, label } = index.nodeSummary(n);
  return { id, label };
}

export function pathNode(index: PathIndex, n: number): PathNode {
  const { id, label, category } = index.nodeSummary(n);
  return { id, label, category };
}

export function pathEdge(index: PathIndex, e: number): PathEdge {
  const s = index.edgeSummary(e);
  const edge: PathEdge = {
    id: s.id,
    source: s.source,
    target: s.target,
    predicate: s.predicate,
    sign: signText(index.edgeSign(e)),
    causal: s.causal,
    ...(s.relation ? { relation: s.relation } : {}),
    ...(s.arc ? { arc: s.arc } : {}),
    ...(s.reversed ? { reversed: true as const } : {}),
    strength: index.edgeStrength(e),
    contested: s.evidence.some((ev) => ev.stance === 'disputes'),
    evidence: s.evidence,
  };
  if (s.provenance) edge.provenance = s.provenance;
  if (s.context) edge.context = s.context;
  if (s.note) edge.note = s.note;
  return edge;
}

/** Weakest-link strength and strength sum of an edge sequence: the evidence ranking keys. */
export function evidenceKeys(index: PathIndex, edges: ArrayLike<number>): { weakest: number; sum: number } {
  let weakest = Infinity;
  let sum = 0;
  for (let i = 0; i < edges.length; i++) {
    const s = index.edgeStrength(edges[i]!);
    if (s < weakest) weakest = s;
    sum += s;
  }
  return { weakest: edges.length ? weakest : 0, sum };
}

export function pathScore(weakest: number, sum: number, length: number): number {
  return Math.round((weakest + (length ? sum / length : 0) / 10) * 1000) / 1000;
}

/**
 * Edges already built for one result, by edge number: paths of one answer share many edges, and an
 * edge's summary can be costly (the compact index reads its evidence from the file). Each use gets its
 * own shallow copy. Scoped to one result, never kept across queries.
 */
export type EdgeMemo = Map<number, PathEdge>;

/** Builds the JSON path for a walk that starts at node `start` and follows `edges`. */
export function buildPath(index: PathIndex, start: number, edges: ArrayLike<number>, memo?: EdgeMemo): Path {
  const nodes = [pathNode(index, start)];
  const out: PathEdge[] = [];
  let sign: SignCode = 1;
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i]!;
    let edge = memo?.get(e);
    if (edge) edge = { ...edge };
    else {
      edge = pathEdge(index, e);
      memo?.set(e, edge);
    }
    out.push(edge);
    nodes.push(pathNode(index, index.edgeTarget(e)));
    sign = (sign * index.edgeSign(e)) as SignCode;
  }
  const { weakest, sum } = evidenceKeys(index, edges);
  return {
    sign: signText(sign),
    length: edges.length,
    nodes,
    edges: out,
    score: pathScore(weakest, sum, edges.length),
    weakestEvidence: evidenceKindOf(weakest),
    contested: out.some((e) => e.contested),
  };
}
