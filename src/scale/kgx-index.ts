/**
 * Node-only: builds a CompactIndex straight from a KGX edges TSV (and the `*_nodes.tsv` beside it), streamed
 * line by line, without graphology. Node ids are interned to numbers, the per-edge columns go to typed arrays,
 * and what depends only on low-cardinality columns (predicate, direction qualifier, knowledge level, agent
 * type) is computed once per distinct combination. Evidence stays in the file: an edge's line is re-read when
 * a result shows it. A 1M-edge file loads in about a second in a few hundred MB (see BENCHMARKS.md).
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { MechkgError } from '../errors.js';
import type { EvidenceData } from '../model/schema.js';
import type { Problem, ProblemCode } from '../model/types.js';
import { CompactIndex, type CompactEdges, type CompactNodes } from './compact-index.js';
import { mapCategory } from '../import/vocabulary-map.js';
import { splitList } from '../import/delimited-text.js';
import { EDGE_KIND_COLUMNS, KIND_OF_KNOWLEDGE_LEVEL, categoryFromKgx, describeEdgeKind, isOwnEdgeId, nodeSlug, slugify, type EdgeKind, type KindColumn } from './kgx-edge-kind.js';
import { ByteInterner, fnv1a } from './byte-interner.js';
import { StringPool } from './string-pool.js';
import { fieldText, forEachChunk, forEachLine, splitFields, trimCr, type ChunkOptions, type LineProgress } from './tsv-lines.js';

export interface LoadKgxOptions {
  /** Called at most every 250 ms while reading, and once per file at the end. */
  onProgress?: (progress: LineProgress) => void;
  /** The nodes file; default: `<name>_nodes.tsv` beside `<name>_edges.tsv` when it exists. null: none. */
  nodesPath?: string | null;
  /** Bytes per read (default 4 MB); tests use tiny reads so rows are cut anywhere. */
  chunkSize?: number;
}

/** Problems the loader skipped over (each with a count); errors are thrown instead. */
export interface KgxLoadReport {
  problems: Problem[];
}

const MAX_EXAMPLES = 5;

/** Loads a KGX edges TSV into a CompactIndex; throws a MechkgError naming file and line on a bad row. */
export async function loadKgxIndex(edgesPath: string, options: LoadKgxOptions = {}): Promise<CompactIndex & KgxLoadReport> {
  if (!existsSync(edgesPath)) throw new MechkgError(`${edgesPath}: no such file`);
  const onProgress = options.onProgress ?? (process.stderr.isTTY ? ttyProgress : undefined);
  const problems = new ProblemLog();
  const nodes = new NodeTable();
  const nodesPath = options.nodesPath === undefined ? nodesFileBeside(edgesPath) : options.nodesPath;
  const chunk: ChunkOptions = options.chunkSize === undefined ? {} : { chunkSize: options.chunkSize, carryRoom: Math.min(options.chunkSize, 1 << 16) };
  if (nodesPath) await readNodes(nodesPath, nodes, problems, onProgress, chunk);
  const edges = await readEdges(edgesPath, nodes, nodesPath !== null, problems, onProgress, chunk);
  if (onProgress === ttyProgress) process.stderr.write('\n');
  const index = new CompactIndex(nodes.finish(), edges, edgesPath) as CompactIndex & KgxLoadReport;
  index.problems = problems.list();
  return index;
}

/** `x_edges.tsv` -> `x_nodes.tsv` (also `edges.tsv` -> `nodes.tsv`), when that file exists. */
export function nodesFileBeside(edgesPath: string): string | null {
  const m = /(^|[\\/_.-])edges(\.[a-z]+)$/i.exec(edgesPath);
  if (!m) return null;
  const candidate = edgesPath.slice(0, m.index + m[1]!.length) + 'nodes' + m[2];
  return existsSync(candidate) ? candidate : null;
}

class ProblemLog {
  private readonly examples: Problem[] = [];
  private readonly counts = new Map<ProblemCode, number>();

  warn(code: ProblemCode, file: string, line: number, id: string, message: string): void {
    const n = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, n);
    if (n <= MAX_EXAMPLES) this.examples.push({ level: 'warning', code, file, line, id, message });
  }

  list(): Problem[] {
    const more = [...this.counts].filter(([, n]) => n > MAX_EXAMPLES);
    return [
      ...this.examples,
      ...more.map(([code, n]): Problem => ({ level: 'warning', code, file: this.examples.find((p) => p.code === code)!.file, message: `${n - MAX_EXAMPLES} more warning(s) like the above` })),
    ];
  }
}

/** Nodes in number order: original ids (interned from their bytes), mechkg slugs, category bytes, name pools. */
class NodeTable {
  readonly ids: string[] = [];
  readonly interner = new ByteInterner(1 << 16);
  private readonly numbers = new Map<string, number>();
  private category = new Uint8Array(1024);
  private curie = new Uint8Array(1024);
  private readonly categoryNames: string[] = [];
  private readonly categoryNumbers = new Map<string, number>();
  private readonly knownCategories = new Map<string, string | null>();
  readonly labels = new StringPool(1024);
  readonly synonyms = new StringPool(1024, 1024);
  readonly identifiers = new StringPool(1024, 1024);

  /** Number of the node whose original id is buf[start, end) (hash: its fnv1a), or -1. */
  find(buf: Buffer, start: number, end: number, hash: number): number {
    return this.interner.find(buf, start, end, hash);
  }

  /**
   * Adds a node (from the nodes file, or an edge endpoint missing from it) with its KGX category and xref
   * cells; returns its number. The caller appends its label, synonyms and identifiers next.
   */
  add(buf: Buffer, start: number, end: number, hash: number, ascii: boolean, categoryCell: string, xrefCell: string): number {
    const n = this.interner.intern(buf, start, end, hash);
    const original = fieldText(buf, start, end, ascii);
    const { id, curie } = nodeSlug(original, this.numbers);
    this.ids.push(id);
    this.numbers.set(id, n);
    if (n === this.category.length) {
      this.category = grownBytes(this.category);
      this.curie = grownBytes(this.curie);
    }
    this.curie[n] = curie ? 1 : 0;
    // the category depends on the ids only when no Biolink class is known (a guess from CURIE prefixes)
    let category = this.knownCategories.get(categoryCell);
    if (category === undefined) {
      const classes = splitList(categoryCell);
      category = mapCategory(classes, []).known ? categoryFromKgx(classes, []) : null;
      this.knownCategories.set(categoryCell, category);
    }
    if (category === null) category = categoryFromKgx(splitList(categoryCell), [original, ...splitList(xrefCell)]);
    this.category[n] = this.categoryNumber(category);
    return n;
  }

  private categoryNumber(name: string): number {
    let c = this.categoryNumbers.get(name);
    if (c === undefined) {
      c = this.categoryNames.length;
      this.categoryNames.push(name);
      this.categoryNumbers.set(name, c);
    }
    return c;
  }

  finish(): CompactNodes {
    const numbers = this.numbers;
    return {
      ids: this.ids,
      originals: this.interner.pool.trim(),
      curie: this.curie.slice(0, this.ids.length),
      indexOf: (id) => numbers.get(id) ?? -1,
      originalIndexOf: (id) => this.interner.lookup(id),
      category: this.category.slice(0, this.ids.length),
      categoryNames: this.categoryNames,
      labels: this.labels.trim(),
      synonyms: this.synonyms.trim(),
      identifiers: this.identifiers.trim(),
    };
  }
}

function grownBytes(a: Uint8Array): Uint8Array<ArrayBuffer> {
  const grown = new Uint8Array(a.length * 2);
  grown.set(a);
  return grown;
}

interface Header {
  columns: string[];
  at: (name: string) => number;
}

function readHeader(file: string, buf: Buffer, start: number, end: number, required: string[]): Header {
  const columns = buf.toString('utf8', start, end).split('\t').map((c) => c.trim());
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new MechkgError(`${file}:1: not a KGX TSV header: missing column(s) ${missing.map((c) => `"${c}"`).join(', ')} (found ${columns.map((c) => `"${c}"`).join(', ')})`);
  }
  return { columns, at: (name) => columns.indexOf(name) };
}

function badLine(file: string, line: number, buf: Buffer, start: number, end: number, what: string): MechkgError {
  const text = buf.toString('utf8', start, Math.min(end, start + 80)).replace(/\t/g, '\\t');
  return new MechkgError(`${file}:${line}: ${what} (line starts "${text}${end - start > 80 ? '...' : ''}")`);
}

async function readNodes(path: string, nodes: NodeTable, problems: ProblemLog, onProgress?: (p: LineProgress) => void, chunk: ChunkOptions = {}): Promise<void> {
  let header: Header | null = null;
  let cols = { id: 0, category: -1, name: -1, synonym: -1, xref: -1 };
  let starts = new Int32Array(0);
  let ends = new Int32Array(0);
  let hashes = new Int32Array(0);
  const append = (pool: StringPool, buf: Buffer, col: number, fields: number) =>
    col >= 0 && col < fields ? pool.appendBytes(buf, starts[col]!, ends[col]!) : pool.append('');
  await forEachLine(
    path,
    (buf, start, end, line) => {
      if (!header) {
        header = readHeader(path, buf, start, end, ['id']);
        cols = { id: header.at('id'), category: header.at('category'), name: header.at('name'), synonym: header.at('synonym'), xref: header.at('xref') };
        const width = Math.max(...Object.values(cols)) + 1;
        starts = new Int32Array(width);
        ends = new Int32Array(width);
        hashes = new Int32Array(width);
        return;
      }
      if (start === end) return;
      let fields = splitFields(buf, start, end, starts, ends, hashes);
      const ascii = fields > 0;
      if (fields < 0) fields = -fields;
      if (cols.id >= fields) throw badLine(path, line, buf, start, end, `no "id" field: ${fields} tab-separated field(s), expected at least ${cols.id + 1}`);
      const idStart = starts[cols.id]!;
      const idEnd = ends[cols.id]!;
      if (idStart === idEnd) throw badLine(path, line, buf, start, end, 'empty node id');
      if (nodes.find(buf, idStart, idEnd, hashes[cols.id]!) >= 0) {
        problems.warn('duplicate_id', path, line, fieldText(buf, idStart, idEnd, ascii), `node listed again; the first row is kept`);
        return;
      }
      const cell = (col: number) => (col >= 0 && col < fields ? fieldText(buf, starts[col]!, ends[col]!, ascii) : '');
      nodes.add(buf, idStart, idEnd, hashes[cols.id]!, ascii, cell(cols.category), cell(cols.xref));
      append(nodes.labels, buf, cols.name, fields);
      append(nodes.synonyms, buf, cols.synonym, fields);
      append(nodes.identifiers, buf, cols.xref, fields);
    },
    onProgress,
    chunk,
  );
  if (!header) throw new MechkgError(`${path}: empty file (a KGX nodes TSV starts with a header line)`);
}

async function readEdges(path: string, nodes: NodeTable, haveNodesFile: boolean, problems: ProblemLog, onProgress?: (p: LineProgress) => void, chunk?: ChunkOptions): Promise<CompactEdges> {
  let table: EdgeTable | null = null;
  let lastReport = Date.now();
  let read = { bytes: 0, totalBytes: 0 };
  let lines = 0; // only for the header-only / empty cases below
  const started = Date.now();
  read = await forEachChunk(
    path,
    (buf, start, end, fileOffset) => {
      let pos = start;
      if (!table) {
        let nl = buf.indexOf(10, start);
        if (nl < 0 || nl >= end) nl = end;
        const header = readHeader(path, buf, start, trimCr(buf, start, nl), ['subject', 'predicate', 'object']);
        lines = 1;
        pos = Math.min(nl + 1, end);
        table = new EdgeTable(path, nodes, haveNodesFile, problems, header, expectedRows(buf, pos, end, statSync(path).size));
      }
      table.parse(buf, pos, end, fileOffset + (pos - start));
    },
    {
      ...chunk,
      onRead: onProgress
        ? (bytes, totalBytes, elapsedMs) => {
            const now = Date.now();
            if (now - lastReport >= 250) {
              lastReport = now;
              onProgress({ file: path, lines: table?.line ?? lines, bytes, totalBytes, elapsedMs });
            }
          }
        : undefined,
    },
  );
  if (!table) throw new MechkgError(`${path}: empty file (a KGX edges TSV starts with a header line)`);
  const t = table as EdgeTable;
  onProgress?.({ file: path, lines: t.line, bytes: read.bytes, totalBytes: read.totalBytes, elapsedMs: Date.now() - started });
  return t.finish();
}

const FNV_PRIME = 16777619;

/**
 * The edge rows of a KGX TSV, parsed chunk by chunk (a loop over whole lines in the read buffer, fields found
 * with Buffer.indexOf). An edge's kind (predicate, qualifiers, knowledge level) is found by the raw bytes of
 * those columns in a small open-addressing cache, so the mapping runs once per distinct combination and a
 * row costs a byte comparison; node ids are FNV-1a hashed and interned from their bytes.
 */
class EdgeTable {
  line = 1; // last line number parsed (the header is line 1)
  private readonly colId: number;
  private readonly colSubject: number;
  private readonly colObject: number;
  private readonly colPredicate: number;
  /** Header index per EDGE_KIND_COLUMNS entry, -1 when absent. */
  private readonly kindCols: Int32Array;
  private readonly required: number;
  private readonly width: number;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly columns: string[];

  private capacity: number;
  private count = 0;
  private source: Int32Array;
  private target: Int32Array;
  private kind: Uint16Array;
  private lineOffset: Float64Array;
  private readonly ownIds = new Map<number, string>();

  /** Distinct kinds, by the text of their (trimmed) column values. */
  private readonly kinds: EdgeKind[] = [];
  private readonly kindByText = new Map<string, number>();
  /** Cache of raw kind-column bytes -> kind: open addressing, slot -> entry + 1. */
  private cacheSlots = new Int32Array(64);
  private cacheHash: Int32Array<ArrayBuffer> = new Int32Array(32);
  private cacheKind: Int32Array<ArrayBuffer> = new Int32Array(32);
  private readonly cacheKeys: Uint8Array[] = [];

  constructor(
    private readonly path: string,
    private readonly nodes: NodeTable,
    private readonly haveNodesFile: boolean,
    private readonly problems: ProblemLog,
    header: Header,
    expected: number,
  ) {
    this.columns = header.columns;
    this.colId = header.at('id');
    this.colSubject = header.at('subject');
    this.colObject = header.at('object');
    this.colPredicate = header.at('predicate');
    this.kindCols = Int32Array.from(EDGE_KIND_COLUMNS.map((c) => header.at(c)));
    this.required = Math.max(this.colSubject, this.colObject, this.colPredicate) + 1;
    this.width = Math.max(this.required, this.colId + 1, ...Array.from(this.kindCols, (c) => c + 1));
    this.starts = new Int32Array(this.width);
    this.ends = new Int32Array(this.width);
    this.capacity = expected;
    this.source = new Int32Array(expected);
    this.target = new Int32Array(expected);
    this.kind = new Uint16Array(expected);
    this.lineOffset = new Float64Array(expected);
  }

  /** Parses the whole lines buf[start, end) (fileOffset: the file offset of buf[start]). */
  parse(buf: Buffer, start: number, end: number, fileOffset: number): void {
    let line = this.line;
    let pos = start;
    try {
      while (pos < end) {
        let nl = buf.indexOf(10, pos);
        if (nl < 0 || nl >= end) nl = end;
        line++;
        let lineEnd = nl;
        if (lineEnd > pos && buf[lineEnd - 1] === 13) lineEnd--;
        if (lineEnd !== pos) this.row(buf, pos, lineEnd, line, fileOffset + (pos - start));
        pos = nl + 1;
      }
    } finally {
      this.line = line;
    }
  }

  private row(buf: Buffer, start: number, end: number, line: number, offset: number): void {
    const starts = this.starts;
    const ends = this.ends;
    const width = this.width;
    let fields = 0;
    let fieldStart = start;
    for (;;) {
      const tab = buf.indexOf(9, fieldStart);
      starts[fields] = fieldStart;
      if (tab < 0 || tab >= end) {
        ends[fields++] = end;
        break;
      }
      ends[fields++] = tab;
      if (fields === width) break;
      fieldStart = tab + 1;
    }
    if (fields < this.required) throw badLine(this.path, line, buf, start, end, `${fields} tab-separated field(s), expected at least ${this.required} (subject, predicate, object)`);
    const s0 = starts[this.colSubject]!;
    const s1 = ends[this.colSubject]!;
    const o0 = starts[this.colObject]!;
    const o1 = ends[this.colObject]!;
    if (s0 === s1 || o0 === o1 || starts[this.colPredicate] === ends[this.colPredicate]) {
      throw badLine(this.path, line, buf, start, end, `empty ${s0 === s1 ? 'subject' : o0 === o1 ? 'object' : 'predicate'}`);
    }
    const k = this.kindOf(buf, fields, line);
    const nodes = this.nodes;
    const sh = fnv1a(buf, s0, s1);
    let s = nodes.find(buf, s0, s1, sh);
    if (s < 0) s = this.addNode(buf, s0, s1, sh, line);
    const oh = fnv1a(buf, o0, o1);
    let o = nodes.find(buf, o0, o1, oh);
    if (o < 0) o = this.addNode(buf, o0, o1, oh, line);

    const e = this.count;
    if (e === this.capacity) this.grow();
    this.source[e] = s;
    this.target[e] = o;
    this.kind[e] = k;
    this.lineOffset[e] = offset;
    const colId = this.colId;
    if (colId >= 0 && colId < fields) {
      const i0 = starts[colId]!;
      const i1 = ends[colId]!;
      if (i0 !== i1 && mayBeOwnId(buf, i0, i1)) {
        const given = buf.toString('utf8', i0, i1);
        const own = given.startsWith('mechkg:') ? given.slice(7) : given;
        if (isOwnEdgeId(own)) this.ownIds.set(e, own);
      }
    }
    this.count = e + 1;
  }

  /** Kind number of the row just split, from the cache by the raw bytes of its kind columns. */
  private kindOf(buf: Buffer, fields: number, line: number): number {
    const starts = this.starts;
    const ends = this.ends;
    const kc = this.kindCols;
    // a cheap hash (length, first, middle and last byte of each column); the bytes are compared in full below
    let h = 0x811c9dc5;
    for (let k = 0; k < kc.length; k++) {
      const c = kc[k]!;
      if (c >= 0 && c < fields) {
        const a = starts[c]!;
        const b = ends[c]!;
        h = Math.imul(h ^ (b - a), FNV_PRIME);
        if (b > a) {
          h = Math.imul(h ^ buf[a]!, FNV_PRIME);
          h = Math.imul(h ^ buf[(a + b) >> 1]!, FNV_PRIME);
          h = Math.imul(h ^ buf[b - 1]!, FNV_PRIME);
        }
      } else {
        h = Math.imul(h, FNV_PRIME);
      }
    }
    const slots = this.cacheSlots;
    const mask = slots.length - 1;
    let slot = (h ^ (h >>> 16)) & mask;
    for (;;) {
      const v = slots[slot]!;
      if (v === 0) return this.addToCache(buf, fields, h, line);
      if (this.cacheHash[v - 1] === h && this.sameKey(this.cacheKeys[v - 1]!, buf, fields)) return this.cacheKind[v - 1]!;
      slot = (slot + 1) & mask;
    }
  }

  /** Whether key holds exactly the row's kind columns, each followed by a tab (absent columns as empty). */
  private sameKey(key: Uint8Array, buf: Buffer, fields: number): boolean {
    const starts = this.starts;
    const ends = this.ends;
    const kc = this.kindCols;
    let p = 0;
    for (let k = 0; k < kc.length; k++) {
      const c = kc[k]!;
      if (c >= 0 && c < fields) {
        const b = ends[c]!;
        for (let i = starts[c]!; i < b; i++) if (key[p++] !== buf[i]) return false;
      }
      if (key[p++] !== 9) return false;
    }
    return p === key.length;
  }

  /** A combination of kind-column bytes not seen before: its kind (new when its trimmed text is new too). */
  private addToCache(buf: Buffer, fields: number, hash: number, line: number): number {
    const values = {} as Record<KindColumn, string>;
    const parts: Uint8Array[] = [];
    EDGE_KIND_COLUMNS.forEach((name, k) => {
      const c = this.kindCols[k]!;
      const present = c >= 0 && c < fields;
      values[name] = present ? buf.toString('utf8', this.starts[c]!, this.ends[c]!).trim() : '';
      parts.push(present ? buf.subarray(this.starts[c]!, this.ends[c]!) : new Uint8Array(0), TAB);
    });
    const text = EDGE_KIND_COLUMNS.map((c) => values[c]).join('\t');
    let k = this.kindByText.get(text);
    if (k === undefined) {
      k = this.kinds.length;
      if (k === 0xffff) throw new MechkgError(`${this.path}:${line}: more than 65,535 distinct predicate/qualifier combinations`);
      this.kinds.push(describeEdgeKind(values));
      this.kindByText.set(text, k);
    }
    const entry = this.cacheKeys.length;
    this.cacheKeys.push(Uint8Array.from(Buffer.concat(parts)));
    if (entry === this.cacheHash.length) {
      this.cacheHash = grownInts(this.cacheHash);
      this.cacheKind = grownInts(this.cacheKind);
    }
    this.cacheHash[entry] = hash;
    this.cacheKind[entry] = k;
    if ((entry + 1) * 2 > this.cacheSlots.length) {
      this.cacheSlots = new Int32Array(this.cacheSlots.length * 2);
      for (let e = 0; e <= entry; e++) this.placeInCache(e);
    } else {
      this.placeInCache(entry);
    }
    return k;
  }

  private placeInCache(entry: number): void {
    const h = this.cacheHash[entry]!;
    const mask = this.cacheSlots.length - 1;
    let slot = (h ^ (h >>> 16)) & mask;
    while (this.cacheSlots[slot] !== 0) slot = (slot + 1) & mask;
    this.cacheSlots[slot] = entry + 1;
  }

  /** An edge endpoint missing from the nodes file (or without one): added with no name or category. */
  private addNode(buf: Buffer, start: number, end: number, hash: number, line: number): number {
    const nodes = this.nodes;
    const added = nodes.add(buf, start, end, hash, false, '', '');
    if (this.haveNodesFile) this.problems.warn('dangling_endpoint', this.path, line, nodes.ids[added]!, `node is not in the nodes file; added without name or category`);
    nodes.labels.append('');
    nodes.synonyms.append('');
    nodes.identifiers.append('');
    return added;
  }

  private grow(): void {
    this.capacity = Math.ceil(this.capacity * 1.6);
    const resize = <T extends Int32Array | Uint16Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(this.capacity);
      b.set(a);
      return b;
    };
    this.source = resize(this.source, (n) => new Int32Array(n));
    this.target = resize(this.target, (n) => new Int32Array(n));
    this.kind = resize(this.kind, (n) => new Uint16Array(n));
    this.lineOffset = resize(this.lineOffset, (n) => new Float64Array(n));
  }

  finish(): CompactEdges {
    const { count, kinds, path, columns, nodes } = this;
    const sign = new Int8Array(count);
    const causal = new Uint8Array(count);
    const strength = new Uint8Array(count);
    const kind = fit(this.kind, count);
    for (let e = 0; e < count; e++) {
      const d = kinds[kind[e]!]!;
      sign[e] = d.sign;
      causal[e] = d.causal ? 1 : 0;
      strength[e] = d.strength;
    }
    const source = fit(this.source, count);
    const target = fit(this.target, count);
    const offsets = fit(this.lineOffset, count);
    return {
      count,
      source,
      target,
      sign,
      causal,
      strength,
      kind,
      predicates: kinds.map((d) => d.predicate),
      ownIds: this.ownIds,
      evidence: (e: number) => evidenceFromRow(path, readRow(path, columns, offsets[e]!), nodes.ids[source[e]!]!, nodes.ids[target[e]!]!),
    };
  }
}

const TAB = Uint8Array.of(9);

function grownInts(a: Int32Array): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(a.length * 2);
  grown.set(a);
  return grown;
}

/** The first n items: a view when little capacity would be wasted, else a copy (so the spare is freed). */
function fit<T extends Int32Array | Uint16Array | Float64Array>(a: T, n: number): T {
  return (n >= a.length * 0.9 ? a.subarray(0, n) : a.slice(0, n)) as T;
}

/** Rows to make room for: the file size over the mean length of the first rows (up to 64 KB of them), +5%. */
function expectedRows(buf: Buffer, start: number, end: number, fileBytes: number): number {
  const sampleEnd = Math.min(end, start + (1 << 16));
  let rows = 0;
  for (let p = buf.indexOf(10, start); p >= 0 && p < sampleEnd; p = buf.indexOf(10, p + 1)) rows++;
  if (rows === 0) return 1024;
  return Math.max(1024, Math.ceil((fileBytes / ((sampleEnd - start) / rows)) * 1.05));
}

/** Re-reads one row of the file (for an edge shown in a result) as column -> value. */
function readRow(path: string, columns: string[], offset: number): Record<string, string> {
  const fd = openSync(path, 'r');
  try {
    const parts: Buffer[] = [];
    let position = offset;
    for (;;) {
      const buf = Buffer.allocUnsafe(16384);
      const n = readSync(fd, buf, 0, buf.length, position);
      const nl = buf.subarray(0, n).indexOf(10);
      parts.push(buf.subarray(0, nl >= 0 ? nl : n));
      if (nl >= 0 || n === 0) break;
      position += n;
    }
    const values = Buffer.concat(parts).toString('utf8').replace(/\r$/, '').split('\t');
    return Object.fromEntries(columns.map((c, i) => [c, values[i] ?? '']));
  } finally {
    closeSync(fd);
  }
}

/**
 * Evidence of an imported KGX edge, as the importer synthesizes it (src/import/assemble-graph.ts): one entry
 * per PMID / doi publication, else one for the primary knowledge source, else one for the file; its kind from
 * knowledge_level.
 */
function evidenceFromRow(file: string, row: Record<string, string>, source: string, target: string): EvidenceData[] {
  const kind = KIND_OF_KNOWLEDGE_LEVEL[row.knowledge_level ?? ''] ?? 'review_statement';
  const statement = `${file} asserts ${source} ${row.predicate} ${target}`;
  const refs: string[] = [];
  for (const pub of splitList(row.publications ?? '')) {
    const m = /^(pmid|doi):\s*(.+)$/i.exec(pub.trim());
    if (m) refs.push(slugify(`${m[1]}-${m[2]}`));
  }
  if (refs.length === 0) refs.push(slugify(row.primary_knowledge_source || file));
  return refs.map((ref) => ({ source: ref, kind, stance: 'supports', statement }));
}

/** Cheap pre-check before decoding a given edge id: mechkg's own ids are lowercase letters, digits, - and _. */
function mayBeOwnId(buf: Buffer, start: number, end: number): boolean {
  let i = start;
  if (end - start > 7 && hasOwnPrefix(buf, start)) i += 7;
  for (; i < end; i++) {
    const c = buf[i]!;
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95)) return false;
  }
  return true;
}

const OWN_PREFIX = Buffer.from('mechkg:', 'latin1');

function hasOwnPrefix(buf: Buffer, start: number): boolean {
  for (let i = 0; i < 7; i++) if (buf[start + i] !== OWN_PREFIX[i]) return false;
  return true;
}

function ttyProgress(p: LineProgress): void {
  const mb = p.bytes / 1e6;
  const rate = p.elapsedMs > 0 ? mb / (p.elapsedMs / 1000) : 0;
  const pct = p.totalBytes > 0 ? ` (${Math.round((100 * p.bytes) / p.totalBytes)}%)` : '';
  process.stderr.write(`\rmechkg: ${p.file.replace(/^.*[\\/]/, '')}: ${p.lines.toLocaleString('en')} lines, ${mb.toFixed(0)} MB${pct}, ${rate.toFixed(0)} MB/s   `);
}
