/**
 * The compact, integer-indexed view every query algorithm runs on. Two builders produce it: one from a
 * graphology KnowledgeGraph (the curated graph and imported graphs) and one streamed straight from a big
 * KGX file without graphology (src/scale). Algorithms see only this interface, so both give identical
 * answers; the index is built once per graph and cached.
 */
import type { EdgeRecord, KnowledgeGraph, Provenance } from '../model/types.js';
import type { Context, EvidenceData } from '../model/schema.js';
import { PREDICATES, type ConversionArc, type Relation } from '../model/vocabulary.js';
import { ownValue } from '../model/own-key.js';

/** -1 decreases, +1 increases, 0 no direction (non-causal or unsigned). */
export type SignCode = -1 | 0 | 1;

/**
 * An edge's relation kind as one small integer, with the arc of the reaction for conversions: what the
 * engine reads instead of the predicate (RELATIONS and CONVERSION_ARCS in src/model/vocabulary.ts).
 */
export const RELATION_CODES = {
  association: 0,
  structural: 1,
  influence: 2,
  conversion: 3,
  consumption: 4,
  production: 5,
  catalysis: 6,
  stimulation: 7,
} as const;
export type RelationCode = (typeof RELATION_CODES)[keyof typeof RELATION_CODES];

/** The code of a relation kind (and, for conversions, its arc). */
export function relationCode(relation: Relation, arc?: ConversionArc): RelationCode {
  return relation === 'conversion' ? RELATION_CODES[arc ?? 'conversion'] : RELATION_CODES[relation];
}

/** The relation kind and arc of a code. */
export function relationOfCode(code: RelationCode): { relation: Relation; arc?: ConversionArc } {
  if (code === RELATION_CODES.association) return { relation: 'association' };
  if (code === RELATION_CODES.structural) return { relation: 'structural' };
  if (code === RELATION_CODES.influence) return { relation: 'influence' };
  const arc = (Object.keys(RELATION_CODES) as (keyof typeof RELATION_CODES)[]).find((k) => RELATION_CODES[k] === code) as ConversionArc;
  return { relation: 'conversion', arc };
}

/** The relation code of edge e of any index: its own when it has one, else influence / association from the causal flag. */
export function edgeRelationOf(index: PathIndex, e: number): RelationCode {
  return index.edgeRelation ? index.edgeRelation(e) : index.edgeCausal(e) ? RELATION_CODES.influence : RELATION_CODES.association;
}

/**
 * Whether edge e is a claim its evidence only disputes: some entry disputes it and none supports it (its
 * strength is 0). The graph records such an edge to say the claim failed, so no route query steps
 * through it (docs/semantics.md#refuted-edges). An edge with no evidence at all (a KGX row) is not
 * refuted; an edge with support and a dispute is contested, and still a route step.
 */
/** Which reaction of its enzyme edge e belongs to (the edge's `reaction`; 0 for the main one, and in indexes without reactions). */
export function edgeReactionOf(index: PathIndex, e: number): number {
  return index.edgeReaction ? index.edgeReaction(e) : 0;
}

export function edgeRefuted(index: PathIndex, e: number): boolean {
  return index.edgeStrength(e) === 0 && (index.edgeContested?.(e) ?? false);
}

export interface NodeSummary {
  id: string;
  label: string;
  category: string;
}

export interface EdgeSummary {
  id: string;
  source: string;
  target: string;
  predicate: string;
  sign: '+' | '-' | null;
  causal: boolean;
  /** Influence, conversion, association or structural (optional: indexes without it leave it out). */
  relation?: Relation;
  /** For conversions: the arc of the reaction. */
  arc?: ConversionArc;
  /** Set on a step that reads a consumption edge backwards (substrate -> reaction; see flow-index.ts). */
  reversed?: true;
  evidence: EvidenceData[];
  /** Imported edges: provenance as the file states it (an edge with neither evidence nor this has "no provenance given"). */
  provenance?: Provenance;
  /** Where the relation holds (optional: indexes without it leave it out). */
  context?: Context;
  /** Curator's note on the edge (optional). */
  note?: string;
}

export interface PathIndex {
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** Node number for an id, or -1. */
  indexOf(id: string): number;
  nodeId(n: number): string;
  nodeSummary(n: number): NodeSummary;
  /** Category of node n (for --avoid CATEGORY) without building a summary. */
  nodeCategory(n: number): string;
  edgeId(e: number): string;
  edgeSource(e: number): number;
  edgeTarget(e: number): number;
  edgeSign(e: number): SignCode;
  edgeCausal(e: number): boolean;
  /** Strongest supporting evidence strength (EVIDENCE_KINDS), 0 when none. */
  edgeStrength(e: number): number;
  edgeSummary(e: number): EdgeSummary;
  /** Whether some evidence disputes edge e (ranking prefers undisputed steps); indexes without disputes omit it. */
  edgeContested?(e: number): boolean;
  /**
   * Relation kind of edge e (RELATION_CODES), derived when the index was built, never from the
   * predicate at query time. Indexes without it are read as influence (causal) or association.
   */
  edgeRelation?(e: number): RelationCode;
  /**
   * Independent support of edge e: the number of distinct studies (`study ?? source`) behind its
   * supporting evidence, so restatements of one study count once. Indexes without it count 1.
   */
  edgeSupport?(e: number): number;
  /**
   * Whether edge e states confounding (`confounds`: its source is a common cause distorting an
   * association at its target). Indexes without it (KGX files: Biolink has no such predicate) have none.
   */
  edgeConfounds?(e: number): boolean;
  /**
   * The concept node n belongs to: the node it is a deficiency or excess state of (`state_of`), else n
   * itself. Routes may not leave a concept and re-enter it (docs/semantics.md, rule 9). Indexes without
   * states omit it.
   */
  nodeConcept?(n: number): number;
  /**
   * Which reaction of its enzyme a conversion arc belongs to (the edge's `reaction`): 0 for the enzyme's main
   * reaction (no name given), else a number per name. Only arcs of one reaction are co-substrates and products
   * of each other (flow-index.ts). Indexes without it have one reaction per enzyme.
   */
  edgeReaction?(e: number): number;
  /** Edge numbers leaving / entering node n, in a stable order. */
  outEdges(n: number): ArrayLike<number>;
  inEdges(n: number): ArrayLike<number>;
  /** outEdges(n).length and inEdges(n).length without building the list (searches ask per node found). */
  outDegree(n: number): number;
  inDegree(n: number): number;
  /**
   * The adjacency as typed arrays, for indexes that hold it so (the compact index): a search that scans
   * each edge once (shortestPath) reads them directly instead of through a method call per edge.
   */
  rawAdjacency?(): RawAdjacency;
  /**
   * Whether some edge has this relation code, answered without a pass over the edges (indexes that keep
   * relations per edge kind); indexes without it are scanned.
   */
  hasRelation?(code: RelationCode): boolean;
}

/** Compressed sparse rows (out- and in-edges of node n: list[offsets[n] .. offsets[n + 1])) and per-edge arrays. */
export interface RawAdjacency {
  outOffsets: Int32Array;
  outList: Int32Array;
  inOffsets: Int32Array;
  inList: Int32Array;
  source: Int32Array;
  target: Int32Array;
  /** 1 for a causal edge. */
  causal: Uint8Array;
  /** edgeStrength per edge. */
  strength: Uint8Array;
}

const cache = new WeakMap<KnowledgeGraph, PathIndex>();

/** The index of a graphology KnowledgeGraph, built once (graphs are treated as immutable after load). */
export function indexGraph(graph: KnowledgeGraph): PathIndex {
  let index = cache.get(graph);
  if (!index) {
    index = new GraphologyIndex(graph);
    cache.set(graph, index);
  }
  return index;
}

class GraphologyIndex implements PathIndex {
  readonly nodeCount: number;
  readonly edgeCount: number;
  private readonly ids: string[];
  private readonly numbers = new Map<string, number>();
  private readonly edgeKeys: string[];
  private readonly records: EdgeRecord[];
  private readonly src: Int32Array;
  private readonly dst: Int32Array;
  private readonly signs: Int8Array;
  private readonly relations: Uint8Array;
  private readonly outs: Int32Array[];
  private readonly ins: Int32Array[];
  private readonly concepts: Int32Array;
  private readonly reactions: Int32Array;

  constructor(private readonly graph: KnowledgeGraph) {
    this.ids = graph.nodes();
    this.ids.forEach((id, i) => this.numbers.set(id, i));
    this.nodeCount = this.ids.length;
    this.concepts = Int32Array.from(this.ids, (id, i) => {
      const of = graph.getNodeAttribute(id, 'state_of')?.node;
      return of === undefined ? i : (this.numbers.get(of) ?? i);
    });
    this.edgeKeys = [];
    this.records = [];
    graph.forEachEdge((key, attrs) => {
      this.edgeKeys.push(key);
      this.records.push(attrs);
    });
    this.edgeCount = this.edgeKeys.length;
    this.src = new Int32Array(this.edgeCount);
    this.dst = new Int32Array(this.edgeCount);
    this.signs = new Int8Array(this.edgeCount);
    this.relations = new Uint8Array(this.edgeCount);
    const outLists: number[][] = this.ids.map(() => []);
    const inLists: number[][] = this.ids.map(() => []);
    this.edgeKeys.forEach((key, e) => {
      const s = this.numbers.get(graph.source(key))!;
      const t = this.numbers.get(graph.target(key))!;
      this.src[e] = s;
      this.dst[e] = t;
      const sign = this.records[e]!.sign;
      this.signs[e] = sign === '+' ? 1 : sign === '-' ? -1 : 0;
      const r = this.records[e]!;
      // Graphs built before relation kinds existed (old snapshots) fall back on the causal flag.
      this.relations[e] = r.relation ? relationCode(r.relation, r.arc) : r.causal ? RELATION_CODES.influence : RELATION_CODES.association;
      outLists[s]!.push(e);
      inLists[t]!.push(e);
    });
    this.outs = outLists.map((l) => Int32Array.from(l));
    this.ins = inLists.map((l) => Int32Array.from(l));
    const reactionNumbers = new Map<string, number>();
    this.reactions = Int32Array.from(this.records, (r) => {
      if (r.reaction === undefined) return 0;
      let k = reactionNumbers.get(r.reaction);
      if (k === undefined) reactionNumbers.set(r.reaction, (k = reactionNumbers.size + 1));
      return k;
    });
  }

  indexOf(id: string): number {
    return this.numbers.get(id) ?? -1;
  }
  nodeId(n: number): string {
    return this.ids[n]!;
  }
  nodeSummary(n: number): NodeSummary {
    const a = this.graph.getNodeAttributes(this.ids[n]!);
    return { id: this.ids[n]!, label: a.label, category: a.category };
  }
  nodeCategory(n: number): string {
    return this.graph.getNodeAttribute(this.ids[n]!, 'category');
  }
  nodeConcept(n: number): number {
    return this.concepts[n]!;
  }
  edgeReaction(e: number): number {
    return this.reactions[e]!;
  }
  edgeId(e: number): string {
    return this.edgeKeys[e]!;
  }
  edgeSource(e: number): number {
    return this.src[e]!;
  }
  edgeTarget(e: number): number {
    return this.dst[e]!;
  }
  edgeSign(e: number): SignCode {
    return this.signs[e] as SignCode;
  }
  edgeCausal(e: number): boolean {
    return this.records[e]!.causal;
  }
  edgeStrength(e: number): number {
    return this.records[e]!.strength;
  }
  edgeContested(e: number): boolean {
    return this.records[e]!.contested;
  }
  edgeRelation(e: number): RelationCode {
    return this.relations[e] as RelationCode;
  }
  edgeSupport(e: number): number {
    return this.records[e]!.support ?? 1;
  }
  edgeConfounds(e: number): boolean {
    return ownValue(PREDICATES as Readonly<Record<string, { confounding?: true }>>, this.records[e]!.predicate)?.confounding === true;
  }
  edgeSummary(e: number): EdgeSummary {
    const r = this.records[e]!;
    const { relation, arc } = relationOfCode(this.relations[e] as RelationCode);
    const summary: EdgeSummary = { id: r.id, source: this.ids[this.src[e]!]!, target: this.ids[this.dst[e]!]!, predicate: r.predicate, sign: r.sign, causal: r.causal, relation, evidence: r.evidence };
    if (arc) summary.arc = arc;
    if (r.provenance) summary.provenance = r.provenance;
    if (r.context) summary.context = r.context;
    if (r.note) summary.note = r.note;
    return summary;
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
}
