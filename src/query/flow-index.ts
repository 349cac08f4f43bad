/**
 * The perturbation view of an index: conversion edges read by the rules of docs/semantics.md, written as
 * plain signed edges so that every path algorithm (signed BFS, path enumeration, bounds) follows them
 * unchanged. Real nodes and edges keep their numbers; the view adds, for each enzyme (or process) that
 * consumes something, one "reaction" twin standing for the flux of its reaction:
 *
 * - an entry edge S -> twin(E) for each `E consumes S`, sign +: more substrate drives the reaction (the
 *   consumption edge read backwards; its summary says `reversed: true`);
 * - a copy twin(E) -> X of each of E's consumption, production and catalysis edges, with its sign: the
 *   faster reaction lowers E's other substrates and raises its products.
 *
 * The twin has no influence edges: more substrate speeds the reaction, it does not make more enzyme.
 * No edge runs from a product back to its precursors (production is never read backwards), so a change
 * reaches a product's precursors only through an explicit edge (product inhibition, feedback).
 * A graph without consumption edges gets the index itself back.
 */
import { edgeRelationOf, RELATION_CODES, type EdgeSummary, type NodeSummary, type PathIndex, type RelationCode, type SignCode } from './path-index.js';

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

function buildFlow(index: PathIndex): FlowIndex | null {
  const twinOf = new Map<number, number>();
  const enzymes: number[] = [];
  for (let e = 0; e < index.edgeCount; e++) {
    if (edgeRelationOf(index, e) !== RELATION_CODES.consumption) continue;
    const enzyme = index.edgeSource(e);
    if (!twinOf.has(enzyme)) {
      twinOf.set(enzyme, index.nodeCount + enzymes.length);
      enzymes.push(enzyme);
    }
  }
  if (enzymes.length === 0) return null;
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
  for (const enzyme of enzymes) {
    const twin = twinOf.get(enzyme)!;
    const outs = index.outEdges(enzyme);
    for (let i = 0; i < outs.length; i++) {
      const x = outs[i]!;
      if (!FLUX_ARCS.has(edgeRelationOf(index, x))) continue;
      if (edgeRelationOf(index, x) === RELATION_CODES.consumption) add(index.edgeTarget(x), twin, 1, x, true);
      add(twin, index.edgeTarget(x), index.edgeSign(x), x, false);
    }
  }
  return new Flow(index, enzymes, src, dst, sign, origin, reversed);
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
}

const EMPTY = new Int32Array(0);

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
