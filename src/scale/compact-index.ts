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
import type { EdgeSummary, NodeSummary, PathIndex, SignCode } from '../query/path-index.js';
import { buildCsr } from './csr.js';
import type { StringPool } from './string-pool.js';

export interface CompactNodes {
  ids: string[];
  /** id -> number, or -1 (a Map over ids when not given). */
  indexOf?: (id: string) => number;
  /** Index into categoryNames per node. */
  category: Uint8Array;
  categoryNames: string[];
  /** One string per node ('' when none): label, `|`-joined synonyms, `|`-joined identifiers (xrefs). */
  labels: StringPool;
  synonyms: StringPool;
  identifiers: StringPool;
}

export interface CompactEdges {
  count: number;
  source: Int32Array;
  target: Int32Array;
  sign: Int8Array;
  causal: Uint8Array;
  strength: Uint8Array;
  /** Index into predicates per edge. */
  kind: Uint16Array;
  predicates: string[];
  ids: StringPool;
  /** Evidence of edge e, read on demand (nothing kept in memory). */
  evidence: (e: number) => EvidenceData[];
}

export class CompactIndex implements PathIndex, NameSource {
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** Where the graph came from (a file path), for messages. */
  readonly name: string;
  private readonly lookup: (id: string) => number;
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
    if (nodes.indexOf) this.lookup = nodes.indexOf;
    else {
      const numbers = new Map(nodes.ids.map((id, i) => [id, i]));
      this.lookup = (id) => numbers.get(id) ?? -1;
    }
    const out = buildCsr(edges.source, this.nodeCount);
    const inc = buildCsr(edges.target, this.nodeCount);
    this.outOffsets = out.offsets;
    this.outList = out.list;
    this.inOffsets = inc.offsets;
    this.inList = inc.list;
  }

  // PathIndex

  indexOf(id: string): number {
    return this.lookup(id);
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
    return this.edges.ids.get(e);
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
  edgePredicate(e: number): string {
    return this.edges.predicates[this.edges.kind[e]!]!;
  }
  edgeSummary(e: number): EdgeSummary {
    const sign = this.edges.sign[e]!;
    return {
      id: this.edgeId(e),
      source: this.nodes.ids[this.edges.source[e]!]!,
      target: this.nodes.ids[this.edges.target[e]!]!,
      predicate: this.edgePredicate(e),
      sign: sign > 0 ? '+' : sign < 0 ? '-' : null,
      causal: this.edgeCausal(e),
      evidence: this.edges.evidence(e),
    };
  }
  outEdges(n: number): ArrayLike<number> {
    return this.outList.subarray(this.outOffsets[n]!, this.outOffsets[n + 1]!);
  }
  inEdges(n: number): ArrayLike<number> {
    return this.inList.subarray(this.inOffsets[n]!, this.inOffsets[n + 1]!);
  }

  // NameSource (name resolution and search work on the compact index as on a graphology graph)

  hasNode(id: string): boolean {
    return this.lookup(id) >= 0;
  }
  forEachNode(cb: (id: string, attributes: Attributes) => void): void {
    for (let n = 0; n < this.nodeCount; n++) cb(this.nodes.ids[n]!, this.nodeAttributes(n));
  }
  getNodeAttribute(id: string, name: string): unknown {
    const n = this.indexOf(id);
    return n < 0 ? undefined : (this.nodeAttributes(n) as Record<string, unknown>)[name];
  }

  /** The attributes name resolution reads (label, category, synonyms, identifiers), built on demand. */
  nodeAttributes(n: number): { id: string; label: string; category: string; synonyms: string[]; identifiers: string[] } {
    return {
      id: this.nodes.ids[n]!,
      label: this.label(n),
      category: this.nodeCategory(n),
      synonyms: splitList(this.nodes.synonyms.get(n)),
      identifiers: splitList(this.nodes.identifiers.get(n)),
    };
  }

  /** Bytes held in typed arrays and pools (not counting the id strings and the id map). */
  get memoryBytes(): number {
    const e = this.edges;
    const n = this.nodes;
    return (
      e.source.byteLength + e.target.byteLength + e.sign.byteLength + e.causal.byteLength + e.strength.byteLength + e.kind.byteLength +
      e.ids.memoryBytes + this.outOffsets.byteLength + this.outList.byteLength + this.inOffsets.byteLength + this.inList.byteLength +
      n.category.byteLength + n.labels.memoryBytes + n.synonyms.memoryBytes + n.identifiers.memoryBytes
    );
  }

  private label(n: number): string {
    return this.nodes.labels.byteSize(n) > 0 ? this.nodes.labels.get(n) : this.nodes.ids[n]!;
  }
}

function splitList(s: string): string[] {
  return s === '' ? [] : s.split('|');
}
