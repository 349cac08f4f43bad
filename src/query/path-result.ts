/** The JSON shape of a path (shared by paths, effects, regulators, loops and explain) and how to build it. */
import { weakestKindOf, type NetSign } from './query-options.js';
import type { EdgeSummary, PathIndex, SignCode } from './path-index.js';
import { EVIDENCE_KINDS, type EvidenceKind } from '../model/vocabulary.js';

/** A step that holds by definition has this strength (EVIDENCE_KINDS.definition). */
const DEFINITION_STRENGTH = EVIDENCE_KINDS.definition.strength;

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
  /**
   * Independent studies behind that strongest kind (entries resting on one study, by `study ?? source`
   * or one PMID / DOI, count once); 0 when nothing supports the edge.
   */
  studies: number;
  /**
   * True on a step that holds by definition (a `definition` entry, or a node and its own state): its
   * strength is the definition strength, above every study kind, so it is never the weakest link.
   */
  definitional?: true;
  /** True when some evidence entry disputes the edge. */
  contested: boolean;
  evidence: EdgeSummary['evidence'];
  /** Imported edges: provenance as the file states it (no mechkg evidence is invented for them). */
  provenance?: EdgeSummary['provenance'];
  context?: EdgeSummary['context'];
  note?: string;
}

/** A `confounds` edge whose outcome is on a route (route-confounders.ts). */
export interface Confounder {
  /** The common cause. */
  confounder: NodeRef;
  /** The outcome side of the association it distorts (the target of the confounds edge); on the route. */
  outcome: NodeRef;
  /**
   * The node of the route on the other side of that association: one the confounder also affects, or
   * the one the edge's note names. Absent on `effects`' own list (the perturbed node's confounds edges).
   */
  exposure?: NodeRef;
  /** The association as the edge's note names it ("B12 – insulin resistance"), null when the note does not. */
  association: string | null;
  /** Id of the confounds edge (`mechkg show` it for its evidence). */
  edge: string;
  /** Strongest supporting evidence kind of the confounding claim. */
  evidence: EvidenceKind | null;
  note?: string;
  /** In words: "metformin confounds the B12 – insulin resistance association". */
  text: string;
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
  /** Independent studies behind the weakest step's kind (the fewest among the steps of that kind). */
  weakestStudies: number;
  /** True when some step is disputed by an evidence entry. */
  contested: boolean;
  /**
   * Confounders whose association ends on this route (paths, explain and effects set it; absent where
   * a query does not look): a common cause that can make the association look causal.
   */
  confounders?: Confounder[];
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
    studies: edgeStudies(index, e),
    ...(index.edgeStrength(e) === DEFINITION_STRENGTH ? { definitional: true as const } : {}),
    contested: s.evidence.some((ev) => ev.stance === 'disputes'),
    evidence: s.evidence,
  };
  if (s.provenance) edge.provenance = s.provenance;
  if (s.context) edge.context = s.context;
  if (s.note) edge.note = s.note;
  return edge;
}

/** Independent studies behind edge e's strongest kind: the index's count, else 1 for any supported edge. */
export function edgeStudies(index: PathIndex, e: number): number {
  if (index.edgeStrength(e) === 0) return 0;
  return index.edgeSupport ? Math.max(1, index.edgeSupport(e)) : 1;
}

/** Independent studies beyond this many add nothing to a step's quality (three agreeing studies is replication). */
export const STUDY_CAP = 3;

/**
 * A step's evidence quality as one integer, higher is better: its strongest kind first, then how many
 * independent studies back that kind (1 to STUDY_CAP), so three restatements of one trial are one trial.
 * 0 when nothing supports the step. The path's quality is its weakest step's (docs/semantics.md#ranking-paths).
 */
export function edgeQuality(index: PathIndex, e: number): number {
  return stepQuality(index.edgeStrength(e), edgeStudies(index, e));
}

/** The quality of a step of this strength backed by this many independent studies (see edgeQuality). */
export function stepQuality(strength: number, studies: number): number {
  return strength === 0 ? 0 : strength * (STUDY_CAP + 1) + Math.min(STUDY_CAP, Math.max(1, studies));
}

/** A built path's weakest-link quality: the key evidence ranking sorts on. */
export function pathQuality(path: Pick<Path, 'edges'>): number {
  let worst = Infinity;
  for (const e of path.edges) worst = Math.min(worst, stepQuality(e.strength, e.studies));
  return path.edges.length ? worst : 0;
}

/** Weakest-link quality and strength, and strength sum, of an edge sequence: the evidence ranking keys. */
export function evidenceKeys(index: PathIndex, edges: ArrayLike<number>, quality: (e: number) => number = (e) => edgeQuality(index, e)): { quality: number; weakest: number; sum: number } {
  let weakest = Infinity;
  let worst = Infinity;
  let sum = 0;
  for (let i = 0; i < edges.length; i++) {
    const s = index.edgeStrength(edges[i]!);
    const q = quality(edges[i]!);
    if (s < weakest) weakest = s;
    if (q < worst) worst = q;
    sum += s;
  }
  return edges.length ? { quality: worst, weakest, sum } : { quality: 0, weakest: 0, sum };
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
  let weakestStudies = Infinity;
  for (const e of out) if (e.strength === weakest && e.studies < weakestStudies) weakestStudies = e.studies;
  return {
    sign: signText(sign),
    length: edges.length,
    nodes,
    edges: out,
    score: pathScore(weakest, sum, edges.length),
    weakestEvidence: weakestKindOf(weakest, out.filter((e) => e.strength === weakest).map((e) => e.evidence)),
    weakestStudies: out.length ? weakestStudies : 0,
    contested: out.some((e) => e.contested),
  };
}
