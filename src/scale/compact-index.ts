/**
 * A PathIndex (and NameSource) held in typed arrays, for graphs too big for graphology: per edge 4+4 bytes of
 * endpoints, 1 byte each of sign, causal flag and strength, 2 bytes of kind, 8 bytes of CSR adjacency and its
 * id in a StringPool; per node its id (a JS string, also the key of the id -> number map), a category byte and
 * label / synonyms / identifiers in StringPools. Evidence is not kept: edgeSummary asks a loader-supplied
 * callback (the KGX loader re-reads the edge's line from the file). Browser-safe; src/scale/kgx-index.ts
 * (Node) builds it from a KGX file.
 */
import type { Attributes } from 'graphology-types';
import type { NameSource } from '../graph/resolve-name.js';
import type { EvidenceData } from '../model/schema.js';
import type { Provenance } from '../model/types.js';
import { relationOfCode, type EdgeSummary, type NodeSummary, type PathIndex, type RawAdjacency, type RelationCode, type SignCode } from '../query/path-index.js';
import { graphId } from '../import/kgx-fields.js';
import { buildCsr } from './csr.js';
import type { StringPool } from './string-pool.js';

export interface CompactNodes {
  /** Graph ids (the file's ids; mechkg's own `mechkg:` ids unprefixed unless the file also uses the slug), in node order. */
  ids: string[];
  /** The ids exactly as the file spells them. */
  originals: StringPool;
  /** id -> number, or -1 (a Map over ids when not given). */
  indexOf?: (id: string) => number;
  /** original id (as the file spells it) -> number, or -1: CURIEs resolve without building the name index. */
  originalIndexOf?: (id: string) => number;
  /** Index into categoryNames per node. */
  category: Uint8Array;
  categoryNames: string[];
  /** One string per node ('' when none): label, KGX `|` lists of synonyms and identifiers (xrefs). */
  labels: StringPool;
  synonyms: StringPool;
  identifiers: StringPool;
  /** A node's description as the file gives it ('' when none), read on demand; absent: none kept. */
  description?: (n: number) => string;
  /** The module the importer files every node of this file under (its name, slugged). */
  module?: string;
  /** Bytes that indexOf, originalIndexOf and description hold in typed arrays (an id hash table, row offsets). */
  heldBytes?: number;
}

export interface CompactEdges {
  count: number;
  source: Int32Array;
  target: Int32Array;
  sign: Int8Array;
  causal: Uint8Array;
  strength: Uint8Array;
  /** Index into predicates (as the file gives them) and relations per edge. */
  kind: Uint16Array;
  predicates: string[];
  /** Relation code (RELATION_CODES) per kind, derived when the kinds were read. */
  relations: Uint8Array;
  /** Edge ids as the file gives them ('' when a row has none: "<source>--<predicate>--<target>[--k]"); null without an id column. */
  ids: StringPool | null;
  /** Slugs x of edge ids `mechkg:x` that the file also uses bare (those keep the prefix); absent: none. */
  bareOwnIds?: ReadonlySet<string>;
  /** Edges whose given id repeats an earlier one: their id ("<id>--k"). */
  renamed: Map<number, string>;
  /** mechkg evidence of edge e (foreign files carry none: []). */
  evidence: (e: number) => EvidenceData[];
  /** Provenance of edge e as the file states it, read on demand (nothing kept in memory). */
  provenance?: (e: number) => Provenance | undefined;
  /** Bytes that evidence and provenance hold in typed arrays (each edge's row offset in the file). */
  heldBytes?: number;
}

export class CompactIndex implements PathIndex, NameSource {
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** Where the graph came from (a file path), for messages. */
  readonly name: string;
  private readonly lookup: (id: string) => number;
  private readonly defaultIds = new Map<number, string>();
  /**
   * Recent id lookups, decoded labels and given edge ids: a script asks about the same few nodes and the
   * edges of its answers again and again, and each miss costs an encode or decode and a hash probe.
   */
  private readonly recentIds = new Recent<string, number>();
  private readonly recentLabels = new Recent<number, string>();
  private readonly recentEdgeIds = new Recent<number, string>();
  private readonly outOffsets: Int32Array;
  private readonly outList: Int32Array;
  private readonly inOffsets: Int32Array;
  private readonly inList: Int32Array;

  constructor(
    private readonly nodes: CompactNodes,
    private readonly edges: CompactEdges,
    name = 'compact graph',
  ) {
    this.name = name;
    this.nodeCount = nodes.ids.length;
    this.edgeCount = edges.count;
    let byId = nodes.indexOf;
    if (!byId) {
      const numbers = new Map(nodes.ids.map((id, i) => [id, i]));
      byId = (id) => numbers.get(id) ?? -1;
    }
    const byOriginal = nodes.originalIndexOf;
    this.lookup = byOriginal
      ? (id) => {
          const n = byId(id);
          return n >= 0 ? n : byOriginal(id);
        }
      : byId;
    const out = buildCsr(edges.source, this.nodeCount);
    const inc = buildCsr(edges.target, this.nodeCount);
    this.outOffsets = out.offsets;
    this.outList = out.list;
    this.inOffsets = inc.offsets;
    this.inList = inc.list;
  }

  // PathIndex

  /** Number of a node by its id, or by its id exactly as the file spells it; -1 when neither. */
  indexOf(id: string): number {
    let n = this.recentIds.get(id);
    if (n === undefined) this.recentIds.set(id, (n = this.lookup(id)));
    return n;
  }
  nodeId(n: number): string {
    return this.nodes.ids[n]!;
  }
  nodeSummary(n: number): NodeSummary {
    return { id: this.nodes.ids[n]!, label: this.label(n), category: this.nodeCategory(n) };
  }
  nodeCategory(n: number): string {
    return this.nodes.categoryNames[this.nodes.category[n]!]!;
  }
  edgeId(e: number): string {
    const given = this.givenId(e);
    if (given !== null) return given;
    let id = this.defaultIds.get(e);
    if (id === undefined) {
      id = this.defaultEdgeId(e);
      this.defaultIds.set(e, id);
    }
    return id;
  }
  edgeSource(e: number): number {
    return this.edges.source[e]!;
  }
  edgeTarget(e: number): number {
    return this.edges.target[e]!;
  }
  edgeSign(e: number): SignCode {
    return this.edges.sign[e] as SignCode;
  }
  edgeCausal(e: number): boolean {
    return this.edges.causal[e] === 1;
  }
  edgeStrength(e: number): number {
    return this.edges.strength[e]!;
  }
  edgeRelation(e: number): RelationCode {
    return this.edges.relations[this.edges.kind[e]!] as RelationCode;
  }
  edgePredicate(e: number): string {
    return this.edges.predicates[this.edges.kind[e]!]!;
  }
  edgeSummary(e: number): EdgeSummary {
    const sign = this.edges.sign[e]!;
    const { relation, arc } = relationOfCode(this.edgeRelation(e));
    const provenance = this.edges.provenance?.(e);
    return {
      id: this.edgeId(e),
      source: this.nodes.ids[this.edges.source[e]!]!,
      target: this.nodes.ids[this.edges.target[e]!]!,
      predicate: this.edgePredicate(e),
      sign: sign > 0 ? '+' : sign < 0 ? '-' : null,
      causal: this.edgeCausal(e),
      relation,
      ...(arc ? { arc } : {}),
      evidence: this.edges.evidence(e),
      ...(provenance ? { provenance } : {}),
    };
  }
  hasRelation(code: RelationCode): boolean {
    // Every kind in the table was met on some edge of the file.
    return this.edges.relations.includes(code);
  }
  rawAdjacency(): RawAdjacency {
    const { source, target, causal, strength } = this.edges;
    return { outOffsets: this.outOffsets, outList: this.outList, inOffsets: this.inOffsets, inList: this.inList, source, target, causal, strength };
  }
  outEdges(n: number): ArrayLike<number> {
    return this.outList.subarray(this.outOffsets[n]!, this.outOffsets[n + 1]!);
  }
  inEdges(n: number): ArrayLike<number> {
    return this.inList.subarray(this.inOffsets[n]!, this.inOffsets[n + 1]!);
  }
  outDegree(n: number): number {
    return this.outOffsets[n + 1]! - this.outOffsets[n]!;
  }
  inDegree(n: number): number {
    return this.inOffsets[n + 1]! - this.inOffsets[n]!;
  }

  // NameSource (name resolution and search work on the compact index as on a graphology graph)

  /** By graph id only, as a graphology graph: name resolution then maps `mechkg:x` to x as for the importer's graph. */
  hasNode(id: string): boolean {
    const n = this.indexOf(id);
    return n >= 0 && this.nodes.ids[n] === id;
  }
  forEachNode(cb: (id: string, attributes: Attributes) => void): void {
    for (let n = 0; n < this.nodeCount; n++) cb(this.nodes.ids[n]!, this.nodeAttributes(n));
  }
  getNodeAttribute(id: string, name: string): unknown {
    const n = this.indexOf(id);
    if (n < 0) return undefined;
    // read on demand, as the importer's graph holds them (not in nodeAttributes, which name resolution reads for every node)
    if (name === 'description') return this.nodes.description?.(n) ?? '';
    if (name === 'modules') return this.nodes.module === undefined ? [] : [this.nodes.module];
    return (this.nodeAttributes(n) as Record<string, unknown>)[name];
  }

  /** The attributes name resolution reads (label, category, synonyms, identifiers), built on demand. */
  nodeAttributes(n: number): { id: string; label: string; category: string; synonyms: string[]; identifiers: string[] } {
    return {
      id: this.nodes.ids[n]!,
      label: this.nodes.labels.byteSize(n) > 0 ? this.nodes.labels.get(n) : this.nodes.ids[n]!, // no memo: name indexes walk every node
      category: this.nodeCategory(n),
      synonyms: splitList(this.nodes.synonyms.get(n)),
      identifiers: this.identifiers(n),
    };
  }

  /** The xrefs as the file lists them (as the importer keeps them). */
  private identifiers(n: number): string[] {
    return splitList(this.nodes.identifiers.get(n));
  }

  /** The edge id the file gives (a repeated one renamed), or null when the row has none. */
  private givenId(e: number): string | null {
    const renamed = this.edges.renamed.get(e);
    if (renamed !== undefined) return renamed;
    const ids = this.edges.ids;
    if (ids === null || ids.byteSize(e) === 0) return null;
    let id = this.recentEdgeIds.get(e);
    if (id === undefined) {
      const bare = this.edges.bareOwnIds;
      this.recentEdgeIds.set(e, (id = graphId(ids.get(e), (slug) => bare?.has(slug) ?? false)));
    }
    return id;
  }

  /**
   * Bytes held in typed arrays and pools: the edges' and nodes' own, the adjacency, and what the loader's
   * lookups and readers hold (heldBytes: an id hash table, row offsets). Not counted: the node id strings
   * (one JS string per node) and the small maps (renamed ids, recent lookups).
   */
  get memoryBytes(): number {
    const e = this.edges;
    const n = this.nodes;
    // a typed array may be a view of a larger buffer (the loader keeps a nearly full one rather than copy it): count the buffer
    const held = (a: ArrayBufferView) => a.buffer.byteLength;
    return (
      held(e.source) + held(e.target) + held(e.sign) + held(e.causal) + held(e.strength) + held(e.kind) +
      held(e.relations) + (e.ids?.memoryBytes ?? 0) + (e.heldBytes ?? 0) +
      held(this.outOffsets) + held(this.outList) + held(this.inOffsets) + held(this.inList) +
      held(n.category) + n.originals.memoryBytes + n.labels.memoryBytes + n.synonyms.memoryBytes + n.identifiers.memoryBytes + (n.heldBytes ?? 0)
    );
  }

  private label(n: number): string {
    if (this.nodes.labels.byteSize(n) === 0) return this.nodes.ids[n]!;
    let label = this.recentLabels.get(n);
    if (label === undefined) this.recentLabels.set(n, (label = this.nodes.labels.get(n)));
    return label;
  }

  /**
   * "<source>--<predicate>--<target>", with --k for the k-th edge of the same triple (file order), as the
   * importer numbers them: k counts the earlier edges of the source with the same target and predicate.
   */
  private defaultEdgeId(e: number): string {
    const { source, target, kind, predicates } = this.edges;
    const s = source[e]!;
    const t = target[e]!;
    const p = predicates[kind[e]!]!;
    let k = 1;
    for (let j = this.outOffsets[s]!, end = this.outOffsets[s + 1]!; j < end; j++) {
      const f = this.outList[j]!;
      if (f >= e) break;
      if (target[f] === t && predicates[kind[f]!] === p && this.givenId(f) === null) k++;
    }
    const base = `${this.nodes.ids[s]}--${p}--${this.nodes.ids[t]}`;
    return k === 1 ? base : `${base}--${k}`;
  }
}

/** A memo of at most 4,096 entries, emptied when full (the cheapest bound that keeps memory flat). */
class Recent<K, V> {
  private readonly map = new Map<K, V>();
  get(key: K): V | undefined {
    return this.map.get(key);
  }
  set(key: K, value: V): void {
    if (this.map.size >= 4096) this.map.clear();
    this.map.set(key, value);
  }
}

/** A KGX `|` list cell, empty items dropped (as KGX and the importer read it). */
function splitList(s: string): string[] {
  return s === '' ? [] : s.split('|').filter((x) => x !== '');
}
