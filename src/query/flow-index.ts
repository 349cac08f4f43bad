/**
 * The perturbation view of an index: conversion edges read by the rules of docs/semantics.md, written as
 * plain signed edges so that every path algorithm (signed BFS, path enumeration, bounds) follows them
 * unchanged. Real nodes and edges keep their numbers; the view adds, for each `E consumes S`, a
 * "reaction" twin of E standing for the flux of E's reaction as driven by S:
 *
 * - an entry edge S -> twin, sign +: more substrate drives the reaction (the consumption edge read
 *   backwards; its summary says `reversed: true`);
 * - a copy twin -> X of each of E's consumption, production and catalysis edges except those back to S,
 *   with its sign: the faster reaction lowers E's other substrates and raises its products.
 *
 * The twin has no influence edges: more substrate speeds the reaction, it does not make more enzyme.
 * No edge runs from a product back to its precursors (production is never read backwards), so a change
 * reaches a product's precursors only through an explicit edge (product inhibition, feedback).
 * A graph without consumption edges gets the index itself back.
 */
import { entersState, hasSummarySteps, isSummaryStep, leavesStateBySummary } from './summary-steps.js';
import { isFallIntoReaction, mayStartFall } from './reaction-falls.js';
import { entersForm, hasFormSteps, isFormStep, leavesForm } from './form-steps.js';
import { entersRetoldReaction, isArcAfterRequirement, isReactionRetold, isRequirementEdge, isRequirementEntry, isRetoldArc } from './substrate-requirement.js';
import { edgeReactionOf, edgeRelationOf, RELATION_CODES, type EdgeSummary, type NodeSummary, type PathIndex, type RelationCode, type SignCode } from './path-index.js';

export interface FlowIndex extends PathIndex {
  /** Nodes and edges of the underlying index (numbers below these are real). */
  readonly realNodeCount: number;
  readonly realEdgeCount: number;
  /** The real node a node stands for (itself for real nodes, the enzyme for a reaction twin). */
  nodeOrigin(n: number): number;
  /** The real edge an edge stands for. */
  edgeOrigin(e: number): number;
  /** True for an entry edge (a consumption edge read backwards, from substrate to reaction). */
  edgeReversed(e: number): boolean;
}

const views = new WeakMap<PathIndex, PathIndex>();

/** The perturbation view of an index (built once per index; the index itself when nothing converts). */
export function flowIndex(index: PathIndex): PathIndex {
  let view = views.get(index);
  if (!view) {
    view = buildFlow(index) ?? index;
    views.set(index, view);
  }
  return view;
}

/** The real node a node of any index stands for. */
export function originNode(index: PathIndex, n: number): number {
  return isFlowIndex(index) ? index.nodeOrigin(n) : n;
}

export function isFlowIndex(index: PathIndex): index is FlowIndex {
  return typeof (index as Partial<FlowIndex>).nodeOrigin === 'function';
}

const FLUX_ARCS: ReadonlySet<number> = new Set([RELATION_CODES.consumption, RELATION_CODES.production, RELATION_CODES.catalysis]);

/**
 * Above this many consumption, production and catalysis edges, an enzyme gets one twin shared by all its
 * substrates instead of one per substrate (which costs substrates x arcs edges): there a route may enter
 * the reaction at a substrate and come back out at the same substrate, a walk the shortest-route rules
 * never pick but the all-routes view can show.
 */
export const MAX_PAIRED_ARCS = 64;

function buildFlow(index: PathIndex): FlowIndex | null {
  if (index.hasRelation?.(RELATION_CODES.consumption) === false) return null;
  const enzymes = new Set<number>();
  for (let e = 0; e < index.edgeCount; e++) {
    if (edgeRelationOf(index, e) === RELATION_CODES.consumption) enzymes.add(index.edgeSource(e));
  }
  if (enzymes.size === 0) return null;
  const twins: number[] = [];
  const src: number[] = [];
  const dst: number[] = [];
  const sign: SignCode[] = [];
  const origin: number[] = [];
  const reversed: boolean[] = [];
  const add = (s: number, t: number, sg: SignCode, o: number, rev: boolean) => {
    src.push(s);
    dst.push(t);
    sign.push(sg);
    origin.push(o);
    reversed.push(rev);
  };
  const twin = (enzyme: number) => {
    twins.push(enzyme);
    return index.nodeCount + twins.length - 1;
  };
  for (const enzyme of enzymes) {
    const outs = index.outEdges(enzyme);
    const arcs: number[] = [];
    for (let i = 0; i < outs.length; i++) if (FLUX_ARCS.has(edgeRelationOf(index, outs[i]!))) arcs.push(outs[i]!);
    const consumed = arcs.filter((x) => edgeRelationOf(index, x) === RELATION_CODES.consumption);
    if (arcs.length <= MAX_PAIRED_ARCS) {
      // One twin per substrate: the reaction that substrate drives, whose arcs (those of the same reaction,
      // when the enzyme runs several) lead anywhere but back to it.
      for (const c of consumed) {
        const substrate = index.edgeTarget(c);
        const reaction = reactionOf(index, c);
        const t = twin(enzyme);
        add(substrate, t, 1, c, true);
        for (const x of arcs) if (index.edgeTarget(x) !== substrate && reactionOf(index, x) === reaction) add(t, index.edgeTarget(x), index.edgeSign(x), x, false);
      }
    } else {
      const t = twin(enzyme);
      for (const c of consumed) add(index.edgeTarget(c), t, 1, c, true);
      for (const x of arcs) add(t, index.edgeTarget(x), index.edgeSign(x), x, false);
    }
  }
  return new Flow(index, twins, src, dst, sign, origin, reversed);
}

class Flow implements FlowIndex {
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly realNodeCount: number;
  readonly realEdgeCount: number;
  private readonly src: Int32Array;
  private readonly dst: Int32Array;
  private readonly sign: Int8Array;
  private readonly origin: Int32Array;
  private readonly reversed: Uint8Array;
  private readonly outs = new Map<number, Int32Array>();
  private readonly ins = new Map<number, Int32Array>();

  constructor(
    private readonly real: PathIndex,
    /** The enzyme of each twin. */
    private readonly enzymes: number[],
    src: number[],
    dst: number[],
    sign: SignCode[],
    origin: number[],
    reversed: boolean[],
  ) {
    this.realNodeCount = real.nodeCount;
    this.realEdgeCount = real.edgeCount;
    this.nodeCount = real.nodeCount + enzymes.length;
    this.edgeCount = real.edgeCount + src.length;
    this.src = Int32Array.from(src);
    this.dst = Int32Array.from(dst);
    this.sign = Int8Array.from(sign);
    this.origin = Int32Array.from(origin);
    this.reversed = Uint8Array.from(reversed, (r) => (r ? 1 : 0));
    // Adjacency of the nodes the view touches: real edges first (stable order), then virtual ones.
    const extraOut = new Map<number, number[]>();
    const extraIn = new Map<number, number[]>();
    for (let v = 0; v < src.length; v++) {
      const e = this.realEdgeCount + v;
      push(extraOut, src[v]!, e);
      push(extraIn, dst[v]!, e);
    }
    const merge = (extra: Map<number, number[]>, own: (n: number) => ArrayLike<number>, into: Map<number, Int32Array>) => {
      for (const [n, list] of extra) into.set(n, Int32Array.from(n < this.realNodeCount ? [...Array.from(own(n)), ...list] : list));
    };
    merge(extraOut, (n) => real.outEdges(n), this.outs);
    merge(extraIn, (n) => real.inEdges(n), this.ins);
  }

  nodeOrigin(n: number): number {
    return n < this.realNodeCount ? n : this.enzymes[n - this.realNodeCount]!;
  }
  edgeOrigin(e: number): number {
    return e < this.realEdgeCount ? e : this.origin[e - this.realEdgeCount]!;
  }
  edgeReversed(e: number): boolean {
    return e >= this.realEdgeCount && this.reversed[e - this.realEdgeCount] === 1;
  }
  indexOf(id: string): number {
    return this.real.indexOf(id);
  }
  nodeId(n: number): string {
    return this.real.nodeId(this.nodeOrigin(n));
  }
  nodeSummary(n: number): NodeSummary {
    return this.real.nodeSummary(this.nodeOrigin(n));
  }
  nodeCategory(n: number): string {
    return this.real.nodeCategory(this.nodeOrigin(n));
  }
  edgeReaction(e: number): number {
    return reactionOf(this.real, this.edgeOrigin(e));
  }
  nodeConcept(n: number): number {
    const o = this.nodeOrigin(n);
    return this.real.nodeConcept ? this.real.nodeConcept(o) : o;
  }
  edgeId(e: number): string {
    return this.real.edgeId(this.edgeOrigin(e));
  }
  edgeSource(e: number): number {
    return e < this.realEdgeCount ? this.real.edgeSource(e) : this.src[e - this.realEdgeCount]!;
  }
  edgeTarget(e: number): number {
    return e < this.realEdgeCount ? this.real.edgeTarget(e) : this.dst[e - this.realEdgeCount]!;
  }
  edgeSign(e: number): SignCode {
    return e < this.realEdgeCount ? this.real.edgeSign(e) : (this.sign[e - this.realEdgeCount] as SignCode);
  }
  edgeCausal(e: number): boolean {
    return e < this.realEdgeCount ? this.real.edgeCausal(e) : true;
  }
  edgeStrength(e: number): number {
    return this.real.edgeStrength(this.edgeOrigin(e));
  }
  edgeSupport(e: number): number {
    const o = this.edgeOrigin(e);
    return this.real.edgeSupport ? this.real.edgeSupport(o) : 1;
  }
  edgeConfounds(e: number): boolean {
    return this.real.edgeConfounds ? this.real.edgeConfounds(this.edgeOrigin(e)) : false;
  }
  edgeContested(e: number): boolean {
    return this.real.edgeContested ? this.real.edgeContested(this.edgeOrigin(e)) : false;
  }
  edgeRelation(e: number): RelationCode {
    return edgeRelationOf(this.real, this.edgeOrigin(e));
  }
  edgeSummary(e: number): EdgeSummary {
    const summary = this.real.edgeSummary(this.edgeOrigin(e));
    return this.edgeReversed(e) ? { ...summary, reversed: true } : summary;
  }
  outEdges(n: number): ArrayLike<number> {
    return this.outs.get(n) ?? (n < this.realNodeCount ? this.real.outEdges(n) : EMPTY);
  }
  inEdges(n: number): ArrayLike<number> {
    return this.ins.get(n) ?? (n < this.realNodeCount ? this.real.inEdges(n) : EMPTY);
  }
  outDegree(n: number): number {
    return this.outs.get(n)?.length ?? (n < this.realNodeCount ? this.real.outDegree(n) : 0);
  }
  inDegree(n: number): number {
    return this.ins.get(n)?.length ?? (n < this.realNodeCount ? this.real.inDegree(n) : 0);
  }
}

const EMPTY = new Int32Array(0);

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * True when the step pair (first, then second, in route order) leaves an enzyme to its substrate and goes
 * on through that enzyme's own reaction:
 * - re-entering the reaction from the substrate: "less enzyme, more substrate, so a faster reaction" is not
 *   a route (the reaction is the one that slowed);
 * - following a conversion of the substrate into a product the enzyme itself makes (`E consumes S`,
 *   `S converted_to P`, `E produces P`: one reaction written twice) or goes on to use (`E consumes P` in
 *   another reaction: DHFR reduces folic acid to dihydrofolate, then that to THF): "more enzyme, less
 *   substrate, so less product" reads the reaction backwards, since the substrate falls because it is being
 *   made into that product (the methyl-folate trap: methionine synthase turns 5-methyl-THF into THF, it does
 *   not lower THF).
 * It also refuses the step pairs of rule 10 (a state's summary that its concept's mechanisms carry,
 * summary-steps.ts) and rule 11 (a concept's own edge re-told through its form, form-steps.ts).
 * Breadth-first searches keep a state reached by a step that can refuse the next (restrictingSteps) once
 * per arriving step, and path enumeration checks the step before, so no route they give does it.
 */
export function isBounce(index: PathIndex, first: number, second: number): boolean {
  if (first < 0) return false;
  if (isSummaryStep(index, first, second)) return true; // rule 10, summary-steps.ts
  if (isFormStep(index, first, second)) return true; // rule 11, form-steps.ts
  if (!isFlowIndex(index)) return false;
  if (index.edgeReversed(second) && isFallIntoReaction(index, first, second)) return true; // rule 5 from upstream, reaction-falls.ts
  if (isRequirementEntry(index, first, second) || isReactionRetold(index, first, second)) return true; // rule 3 read once, substrate-requirement.ts
  if (edgeRelationOf(index, first) !== RELATION_CODES.consumption || index.edgeReversed(first)) return false;
  const enzyme = index.nodeOrigin(index.edgeSource(first));
  if (index.edgeReversed(second)) return enzyme === index.nodeOrigin(index.edgeTarget(second));
  return edgeRelationOf(index, second) === RELATION_CODES.conversion && makesOrUses(index, enzyme, index.nodeOrigin(index.edgeTarget(second)));
}

const restricting = new WeakMap<PathIndex, { out?: Uint8Array | null; in?: Uint8Array | null }>();

/**
 * Per edge, 1 when a step along it can make a neighbouring step a bounce (isBounce), for searches that keep
 * the step a state was reached by only when it matters: walking 'out', as the first step of the pair (a
 * consumption step, a step lowering a substrate whose cause raises its reaction (reaction-falls.ts), or a step
 * into a state: rule 10); walking 'in', as the second (an entry into a reaction,
 * a conversion, or a summary out of a state). Null when no edge does: then no step pair is ever refused.
 * Built once per index and direction.
 */
export function restrictingSteps(index: PathIndex, direction: 'out' | 'in'): Uint8Array | null {
  let cached = restricting.get(index);
  if (!cached) restricting.set(index, (cached = {}));
  const known = cached[direction];
  if (known !== undefined) return known;
  const flow = isFlowIndex(index);
  if (!flow && !hasSummarySteps(index) && !hasFormSteps(index)) {
    cached[direction] = null;
    return null;
  }
  const table = new Uint8Array(index.edgeCount);
  let any = false;
  for (let e = 0; e < index.edgeCount; e++) {
    const r = edgeRelationOf(index, e);
    const yes =
      direction === 'out'
        ? entersState(index, e) || entersForm(index, e) || (flow && ((r === RELATION_CODES.consumption && !index.edgeReversed(e)) || mayStartFall(index, e) || isRequirementEdge(index, e) || entersRetoldReaction(index, e)))
        : leavesStateBySummary(index, e) || leavesForm(index, e) || (flow && (index.edgeReversed(e) || r === RELATION_CODES.conversion || isArcAfterRequirement(index, e) || isRetoldArc(index, e)));
    if (yes) {
      table[e] = 1;
      any = true;
    }
  }
  const result = any ? table : null;
  cached[direction] = result;
  return result;
}

/**
 * Whether the (real) enzyme has a production edge to the (real) product, in any of its reactions, or consumes
 * it in another: then S -> P is the enzyme's own work (DHFR reduces folic acid to dihydrofolate and that to
 * tetrahydrofolate), and "less enzyme, more S, so more P" reads it backwards.
 */
function makesOrUses(index: FlowIndex, enzyme: number, product: number): boolean {
  const outs = index.outEdges(enzyme);
  for (let i = 0; i < outs.length; i++) {
    const e = outs[i]!;
    if (e >= index.realEdgeCount || index.edgeTarget(e) !== product) continue;
    const r = edgeRelationOf(index, e);
    if (r === RELATION_CODES.production || r === RELATION_CODES.consumption) return true;
  }
  return false;
}

/** The reaction of its enzyme edge e belongs to (edgeReaction; 0, the main one, for indexes without reactions). */
export function reactionOf(index: PathIndex, e: number): number {
  return edgeReactionOf(index, e);
}

const conceptTables = new WeakMap<PathIndex, Int32Array | null>();

/**
 * Every node's concept (nodeConcept: the node it is a deficiency or excess state of, else itself; a
 * reaction twin's is its enzyme's) as one array, or null when no node of the index is a state of another:
 * then the route searches skip rule 9 (docs/semantics.md). Built once per index.
 */
export function conceptsOf(index: PathIndex): Int32Array | null {
  let table = conceptTables.get(index);
  if (table === undefined) {
    table = null;
    if (index.nodeConcept) {
      const all = new Int32Array(index.nodeCount);
      let any = false;
      for (let n = 0; n < index.nodeCount; n++) {
        all[n] = index.nodeConcept(n);
        if (all[n] !== originNode(index, n)) any = true;
      }
      if (any) table = all;
    }
    conceptTables.set(index, table);
  }
  return table;
}
