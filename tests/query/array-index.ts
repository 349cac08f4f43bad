/** A minimal QueryIndex over plain arrays (no graphology): proves queries use only the PathIndex contract. */
import type { Attributes } from 'graphology-types';
import { relationOfCode, RELATION_CODES, type EdgeSummary, type EvidenceData, type NodeSummary, type QueryIndex, type RelationCode, type SignCode } from '../../src/index.js';
import { seededRandom } from '../../src/query/seeded-random.js';

export interface ArrayGraph {
  nodes: { id: string; label: string; category: string }[];
  /** `relation` defaults to influence for causal edges and association for the others. */
  /** `evidence` defaults to none (then a route's weakest link is named by its strength alone). */
  edges: { id: string; s: number; t: number; sign: SignCode; causal: boolean; strength: number; relation?: RelationCode; evidence?: EvidenceData[] }[];
}

export class ArrayIndex implements QueryIndex {
  readonly nodeCount: number;
  readonly edgeCount: number;
  private readonly outs: number[][];
  private readonly ins: number[][];
  private readonly ids = new Map<string, number>();

  constructor(private readonly g: ArrayGraph) {
    this.nodeCount = g.nodes.length;
    this.edgeCount = g.edges.length;
    this.outs = g.nodes.map(() => []);
    this.ins = g.nodes.map(() => []);
    g.edges.forEach((e, i) => {
      this.outs[e.s]!.push(i);
      this.ins[e.t]!.push(i);
    });
    g.nodes.forEach((n, i) => this.ids.set(n.id, i));
  }
  indexOf(id: string): number {
    return this.ids.get(id) ?? -1;
  }
  nodeId(n: number): string {
    return this.g.nodes[n]!.id;
  }
  nodeSummary(n: number): NodeSummary {
    const { id, label, category } = this.g.nodes[n]!;
    return { id, label, category };
  }
  nodeCategory(n: number): string {
    return this.g.nodes[n]!.category;
  }
  edgeId(e: number): string {
    return this.g.edges[e]!.id;
  }
  edgeSource(e: number): number {
    return this.g.edges[e]!.s;
  }
  edgeTarget(e: number): number {
    return this.g.edges[e]!.t;
  }
  edgeSign(e: number): SignCode {
    return this.g.edges[e]!.sign;
  }
  edgeCausal(e: number): boolean {
    return this.g.edges[e]!.causal;
  }
  edgeStrength(e: number): number {
    return this.g.edges[e]!.strength;
  }
  edgeRelation(e: number): RelationCode {
    const x = this.g.edges[e]!;
    return x.relation ?? (x.causal ? RELATION_CODES.influence : RELATION_CODES.association);
  }
  edgeSummary(e: number): EdgeSummary {
    const x = this.g.edges[e]!;
    const { relation, arc } = relationOfCode(this.edgeRelation(e));
    return {
      id: x.id,
      source: this.nodeId(x.s),
      target: this.nodeId(x.t),
      predicate: x.sign > 0 ? 'increases' : x.sign < 0 ? 'decreases' : 'associated_with',
      sign: x.sign > 0 ? '+' : x.sign < 0 ? '-' : null,
      causal: x.causal,
      relation,
      ...(arc ? { arc } : {}),
      evidence: x.evidence ?? [],
    };
  }
  outEdges(n: number): ArrayLike<number> {
    return this.outs[n]!;
  }
  inEdges(n: number): ArrayLike<number> {
    return this.ins[n]!;
  }
  outDegree(n: number): number {
    return this.outs[n]!.length;
  }
  inDegree(n: number): number {
    return this.ins[n]!.length;
  }
  hasNode(id: string): boolean {
    return this.ids.has(id);
  }
  forEachNode(cb: (id: string, attributes: Attributes) => void): void {
    for (const n of this.g.nodes) cb(n.id, n);
  }
  getNodeAttribute(id: string, name: string): unknown {
    const n = this.g.nodes[this.ids.get(id) ?? -1];
    return n ? (n as unknown as Record<string, unknown>)[name] : undefined;
  }
}

/** A seeded dense random signed graph (mulberry32, src/query/seeded-random.ts). */
export function denseRandomGraph(nodes: number, edges: number, seed: number): ArrayGraph {
  const rand = seededRandom(seed);
  const g: ArrayGraph = { nodes: [], edges: [] };
  for (let i = 0; i < nodes; i++) g.nodes.push({ id: `n${i}`, label: `node ${i}`, category: i % 2 ? 'protein' : 'small_molecule' });
  for (let i = 0; i < edges; i++) {
    const s = Math.floor(rand() * nodes);
    let t = Math.floor(rand() * nodes);
    if (t === s) t = (t + 1) % nodes;
    g.edges.push({ id: `e${i}`, s, t, sign: rand() < 0.5 ? 1 : -1, causal: true, strength: 1 + Math.floor(rand() * 7) });
  }
  return g;
}
