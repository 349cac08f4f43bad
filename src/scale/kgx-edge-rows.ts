/**
 * Node-only: the edge rows of a KGX TSV, parsed chunk by chunk straight from the read buffer (a loop over whole
 * lines, fields found with Buffer.indexOf). Used by the loader (src/scale/kgx-index.ts) on the first part of
 * the file and, for big files, by a worker (kgx-edges-worker.ts) on the rest, whose rows the loader then
 * appends in file order. Node ids go to an EndpointSink: the loader's node table, or in the worker a local
 * interner numbering ids in order of first appearance, so the merge gives the numbers a single pass would.
 */
import { MechkgError } from '../errors.js';
import { ByteInterner, fnv1a } from './byte-interner.js';
import { EDGE_KIND_COLUMNS, describeEdgeKind, type EdgeKind, type KindColumn } from './kgx-edge-kind.js';
import { StringPool } from './string-pool.js';
import { MAX_EXAMPLES } from '../import/warning-log.js';
import { forEachChunk, splitTabs, type ChunkOptions } from './tsv-lines.js';

/** Where edge endpoints go: find by bytes (hash: fnv1a of them), or add (line: where first seen). */
export interface EndpointSink {
  find(buf: Uint8Array, start: number, end: number, hash: number): number;
  addEndpoint(buf: Uint8Array, start: number, end: number, hash: number, line: number): number;
}

export function badLine(file: string, line: number, buf: Buffer, start: number, end: number, what: string): MechkgError {
  const text = buf.toString('utf8', start, Math.min(end, start + 80)).replace(/\t/g, '\\t');
  return new MechkgError(`${file}:${line}: ${what} (line starts "${text}${end - start > 80 ? '...' : ''}")`);
}

const FNV_PRIME = 16777619;

/**
 * The edge rows of a KGX TSV, parsed chunk by chunk (a loop over whole lines in the read buffer, fields found
 * with Buffer.indexOf). An edge's kind (predicate, qualifiers, knowledge level) is found by the raw bytes of
 * those columns in a small open-addressing cache, so the mapping runs once per distinct combination and a
 * row costs a byte comparison; node ids are FNV-1a hashed and interned from their bytes.
 */
export class EdgeTable {
  line: number; // last line number parsed (the header is line 1)
  readonly columns: readonly string[];
  private readonly colId: number;
  private readonly colSubject: number;
  private readonly colObject: number;
  private readonly colPredicate: number;
  /** Header index per EDGE_KIND_COLUMNS entry, -1 when absent. */
  private readonly kindCols: Int32Array;
  private readonly required: number;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;

  private capacity: number;
  count = 0;
  source: Int32Array;
  target: Int32Array;
  kind: Uint16Array;
  lineOffset: Float64Array;
  /** Edge ids as the file gives them, one per edge ('' when the row has none); null without an id column. */
  readonly ids: StringPool | null;
  /**
   * FNV-1a of each edge id, taken while the row is parsed, so the duplicate-id check after the
   * merge only sorts (the parse runs in two threads, the check in one); null without an id column.
   */
  idHash: Int32Array | null;
  /** Rows without a predicate (read as biolink:related_to): how many, and the first few lines. */
  noPredicate = 0;
  readonly noPredicateLines: number[] = [];

  /** Distinct kinds, by the text of their (trimmed) column values, with the line where each first appears. */
  readonly kinds: EdgeKind[] = [];
  readonly kindTexts: string[] = [];
  readonly kindLines: number[] = [];
  private readonly kindByText = new Map<string, number>();
  /** Cache of raw kind-column bytes -> kind: open addressing, slot -> entry + 1. */
  private cacheSlots = new Int32Array(64);
  private cacheEntries = 0;
  private cacheHash: Int32Array<ArrayBuffer> = new Int32Array(32);
  private cacheKind: Int32Array<ArrayBuffer> = new Int32Array(32);
  /** Per entry: where its bytes start in cacheBytes, and the length of each kind column. */
  private cacheStart: Int32Array<ArrayBuffer> = new Int32Array(32);
  private cacheLengths = new Int32Array(32 * EDGE_KIND_COLUMNS.length);
  /** The entries' kind-column bytes, one after another (4 spare bytes at the end for word reads). */
  private cacheBytes = new Uint8Array(1024);
  private cacheUsed = 0;
  private cacheView: DataView = new DataView(this.cacheBytes.buffer);
  /** A DataView over the buffer being parsed (for word compares), and that buffer. */
  private view: DataView = new DataView(new ArrayBuffer(0));
  private viewOf: Buffer | null = null;

  /** columns: the header's; expected: rows to make room for; line: the line number before the first row. */
  constructor(
    private readonly path: string,
    private readonly nodes: EndpointSink,
    columns: readonly string[],
    expected: number,
    line = 1,
  ) {
    this.line = line;
    this.columns = columns;
    this.colId = columns.indexOf('id');
    this.colSubject = columns.indexOf('subject');
    this.colObject = columns.indexOf('object');
    this.colPredicate = columns.indexOf('predicate');
    this.kindCols = Int32Array.from(EDGE_KIND_COLUMNS.map((c) => columns.indexOf(c)));
    this.required = Math.max(this.colSubject, this.colObject) + 1;
    this.columnCount = columns.length;
    const width = Math.max(this.columnCount + 1, this.required, this.colId + 1, ...Array.from(this.kindCols, (c) => c + 1));
    this.starts = new Int32Array(width);
    this.ends = new Int32Array(width);
    this.capacity = expected;
    this.source = new Int32Array(expected);
    this.target = new Int32Array(expected);
    this.kind = new Uint16Array(expected);
    this.lineOffset = new Float64Array(expected);
    this.ids = this.colId >= 0 ? new StringPool(expected, expected * 8) : null;
    this.idHash = this.colId >= 0 ? new Int32Array(expected) : null;
  }
  private readonly columnCount: number;

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
    const fields = splitTabs(buf, start, end, starts, ends);
    if (fields > this.columnCount) throw badLine(this.path, line, buf, start, end, `${fields} tab-separated fields, but the header has ${this.columnCount} columns`);
    // KGX leaves trailing empty fields off: a column past the row's end is empty
    const s0 = this.colSubject < fields ? starts[this.colSubject]! : 0;
    const s1 = this.colSubject < fields ? ends[this.colSubject]! : 0;
    const o0 = this.colObject < fields ? starts[this.colObject]! : 0;
    const o1 = this.colObject < fields ? ends[this.colObject]! : 0;
    if (s0 === s1 || o0 === o1) throw badLine(this.path, line, buf, start, end, `subject and object: is required (empty ${s0 === s1 ? 'subject' : 'object'})`);
    if (this.colPredicate < 0 || this.colPredicate >= fields || starts[this.colPredicate] === ends[this.colPredicate]) {
      if (this.noPredicate++ < MAX_EXAMPLES) this.noPredicateLines.push(line);
    }
    const k = this.kindOf(buf, fields, line);
    const nodes = this.nodes;
    const sh = fnv1a(buf, s0, s1);
    let s = nodes.find(buf, s0, s1, sh);
    if (s < 0) s = nodes.addEndpoint(buf, s0, s1, sh, line);
    const oh = fnv1a(buf, o0, o1);
    let o = nodes.find(buf, o0, o1, oh);
    if (o < 0) o = nodes.addEndpoint(buf, o0, o1, oh, line);

    const e = this.count;
    if (e === this.capacity) this.grow();
    this.source[e] = s;
    this.target[e] = o;
    this.kind[e] = k;
    this.lineOffset[e] = offset;
    const ids = this.ids;
    if (ids !== null) {
      const colId = this.colId;
      if (colId < fields) {
        ids.appendBytes(buf, starts[colId]!, ends[colId]!);
        this.idHash![e] = fnv1a(buf, starts[colId]!, ends[colId]!);
      } else ids.append('');
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
      if (this.cacheHash[v - 1] === h && this.sameKey(v - 1, buf, fields)) return this.cacheKind[v - 1]!;
      slot = (slot + 1) & mask;
    }
  }

  /**
   * Whether cache entry `entry` holds exactly the row's kind columns (absent ones as empty): the lengths
   * first, then the bytes, four at a time through DataViews.
   */
  private sameKey(entry: number, buf: Buffer, fields: number): boolean {
    const starts = this.starts;
    const ends = this.ends;
    const kc = this.kindCols;
    const n = kc.length;
    const lengths = this.cacheLengths;
    const base = entry * n;
    for (let k = 0; k < n; k++) {
      const c = kc[k]!;
      const length = c >= 0 && c < fields ? ends[c]! - starts[c]! : 0;
      if (lengths[base + k] !== length) return false;
    }
    let view = this.view;
    if (this.viewOf !== buf) {
      view = this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
      this.viewOf = buf;
    }
    const keys = this.cacheView;
    let q = this.cacheStart[entry]!;
    for (let k = 0; k < n; k++) {
      const c = kc[k]!;
      if (c < 0 || c >= fields) continue;
      let i = starts[c]!;
      const b = ends[c]!;
      for (; i + 4 <= b; i += 4, q += 4) if (view.getInt32(i) !== keys.getInt32(q)) return false;
      for (; i < b; i++, q++) if (buf[i] !== keys.getUint8(q)) return false;
    }
    return true;
  }

  /** A combination of kind-column bytes not seen before: its kind (new when its trimmed text is new too). */
  private addToCache(buf: Buffer, fields: number, hash: number, line: number): number {
    const values = {} as Record<KindColumn, string>;
    const parts: Uint8Array[] = [];
    const lengths: number[] = [];
    EDGE_KIND_COLUMNS.forEach((name, k) => {
      const c = this.kindCols[k]!;
      const present = c >= 0 && c < fields;
      values[name] = present ? buf.toString('utf8', this.starts[c]!, this.ends[c]!).trim() : '';
      parts.push(present ? buf.subarray(this.starts[c]!, this.ends[c]!) : new Uint8Array(0));
      lengths.push(present ? this.ends[c]! - this.starts[c]! : 0);
    });
    const text = EDGE_KIND_COLUMNS.map((c) => values[c]).join('\t');
    let k = this.kindByText.get(text);
    if (k === undefined) {
      k = this.kinds.length;
      if (k === 0xffff) throw new MechkgError(`${this.path}:${line}: more than 65,535 distinct predicate/qualifier combinations`);
      this.kinds.push(describeEdgeKind(values));
      this.kindTexts.push(text);
      this.kindLines.push(line);
      this.kindByText.set(text, k);
    }
    const entry = this.cacheEntries++;
    if (entry === this.cacheHash.length) {
      this.cacheHash = grownInts(this.cacheHash);
      this.cacheKind = grownInts(this.cacheKind);
      this.cacheStart = grownInts(this.cacheStart);
      const grown = new Int32Array(this.cacheLengths.length * 2);
      grown.set(this.cacheLengths);
      this.cacheLengths = grown;
    }
    const key = Buffer.concat(parts);
    if (this.cacheUsed + key.length + 4 > this.cacheBytes.length) {
      const grown = new Uint8Array(Math.max(this.cacheBytes.length * 2, this.cacheUsed + key.length + 4));
      grown.set(this.cacheBytes.subarray(0, this.cacheUsed));
      this.cacheBytes = grown;
      this.cacheView = new DataView(grown.buffer);
    }
    this.cacheBytes.set(key, this.cacheUsed);
    this.cacheStart[entry] = this.cacheUsed;
    this.cacheUsed += key.length;
    this.cacheLengths.set(lengths, entry * EDGE_KIND_COLUMNS.length);
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

  /** Room for n more edges. */
  reserve(n: number): void {
    if (this.count + n > this.capacity) this.grow(this.count + n);
  }

  private grow(atLeast = 0): void {
    this.capacity = Math.max(Math.ceil(this.capacity * 1.6), atLeast);
    const resize = <T extends Int32Array | Uint16Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(this.capacity);
      b.set(a);
      return b;
    };
    this.source = resize(this.source, (n) => new Int32Array(n));
    this.target = resize(this.target, (n) => new Int32Array(n));
    this.kind = resize(this.kind, (n) => new Uint16Array(n));
    this.lineOffset = resize(this.lineOffset, (n) => new Float64Array(n));
    if (this.idHash) {
      const grown = new Int32Array(this.capacity);
      grown.set(this.idHash);
      this.idHash = grown;
    }
  }

  /**
   * Appends the rows another EdgeTable parsed from the rest of the file (the next lines after this one's):
   * node numbers through nodeOf (its numbers -> this sink's), kinds matched by their text (new ones appended,
   * in the order the other table met them). Throws as a single pass would at the same line.
   */
  append(other: RangeRows, nodeOf: Int32Array): void {
    const kindOf = new Uint16Array(other.kindTexts.length);
    other.kindTexts.forEach((text, j) => {
      let k = this.kindByText.get(text);
      if (k === undefined) {
        k = this.kinds.length;
        if (k === 0xffff) throw new MechkgError(`${this.path}:${this.line + other.kindLines[j]!}: more than 65,535 distinct predicate/qualifier combinations`);
        this.kinds.push(other.kinds[j]!);
        this.kindTexts.push(text);
        this.kindLines.push(this.line + other.kindLines[j]!);
        this.kindByText.set(text, k);
      }
      kindOf[j] = k;
    });
    const base = this.count;
    const n = other.count;
    this.reserve(n);
    const { source, target, kind, lineOffset } = this;
    for (let e = 0; e < n; e++) {
      source[base + e] = nodeOf[other.source[e]!]!;
      target[base + e] = nodeOf[other.target[e]!]!;
      kind[base + e] = kindOf[other.kind[e]!]!;
    }
    lineOffset.set(other.lineOffset.subarray(0, n), base);
    if (this.ids !== null && other.edgeIdBytes && other.edgeIdEnds) {
      this.ids.appendAll(other.edgeIdBytes, other.edgeIdEnds, n);
      if (this.idHash && other.edgeIdHashes) this.idHash.set(other.edgeIdHashes.subarray(0, n), base);
      else if (this.idHash) {
        const { edgeIdBytes: bytes, edgeIdEnds: ends } = other;
        for (let e = 0, from = 0; e < n; from = ends[e]!, e++) this.idHash[base + e] = fnv1a(bytes, from, ends[e]!);
      }
    }
    for (const l of other.noPredicateLines) if (this.noPredicateLines.length < MAX_EXAMPLES) this.noPredicateLines.push(this.line + l);
    this.noPredicate += other.noPredicate;
    this.count = base + n;
    this.line += other.lines;
  }
}

/** What a table parsed from a range of the file hands over (as posted by the worker). */
export interface RangeRows {
  count: number;
  /** Lines in the range (line numbers in it are 1-based, relative to the range). */
  lines: number;
  source: Int32Array;
  target: Int32Array;
  kind: Uint16Array;
  lineOffset: Float64Array;
  /** The range's edge ids ('' when none), as pool bytes and end offsets; absent without an id column. */
  edgeIdBytes?: Uint8Array;
  edgeIdEnds?: Uint32Array;
  edgeIdHashes?: Int32Array;
  noPredicate: number;
  noPredicateLines: number[];
  kinds: EdgeKind[];
  kindTexts: string[];
  kindLines: number[];
  /** The range's node ids in order of first appearance: UTF-8 bytes, end offsets, fnv1a hashes, first lines. */
  idBytes: Uint8Array;
  idEnds: Uint32Array;
  idHashes: Int32Array;
  idLines: Int32Array;
  /** The first bad row's error, its line relative to the range: `${file}:${line}${rest}`. */
  error?: { line: number; rest: string } | { message: string };
}

/** Node ids of a range, numbered in order of first appearance, with the (relative) line where each was first seen. */
export class LocalEndpoints implements EndpointSink {
  readonly interner = new ByteInterner(1 << 14);
  private lines = new Int32Array(1 << 14);

  find(buf: Uint8Array, start: number, end: number, hash: number): number {
    return this.interner.find(buf, start, end, hash);
  }

  addEndpoint(buf: Uint8Array, start: number, end: number, hash: number, line: number): number {
    const n = this.interner.add(buf, start, end, hash);
    if (n === this.lines.length) {
      const grown = new Int32Array(n * 2);
      grown.set(this.lines);
      this.lines = grown;
    }
    this.lines[n] = line;
    return n;
  }

  firstLines(): Int32Array {
    return this.lines.slice(0, this.interner.size);
  }
}

/**
 * Parses the rows in bytes [from, to) of a KGX edges file (from and to at line starts; columns from its
 * header) into a RangeRows, with line numbers relative to the range. A bad row ends the range with its error.
 */
export async function parseEdgeRange(path: string, columns: readonly string[], from: number, to: number, expectedRows: number, chunk: ChunkOptions = {}): Promise<RangeRows> {
  const endpoints = new LocalEndpoints();
  const table = new EdgeTable(path, endpoints, columns, Math.max(1024, expectedRows), 0);
  let error: RangeRows['error'];
  try {
    await forEachChunk(path, (buf, start, end, fileOffset) => table.parse(buf, start, end, fileOffset), { ...chunk, start: from, end: to });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const m = err instanceof MechkgError && message.startsWith(`${path}:`) ? /^(\d+)([^]*)$/.exec(message.slice(path.length + 1)) : null;
    error = m ? { line: Number(m[1]), rest: m[2]! } : { message };
  }
  const ids = endpoints.interner.pool.export();
  const edgeIds = table.ids?.export();
  return {
    count: table.count,
    lines: table.line,
    source: fit(table.source, table.count),
    target: fit(table.target, table.count),
    kind: fit(table.kind, table.count),
    lineOffset: fit(table.lineOffset, table.count),
    ...(edgeIds ? { edgeIdBytes: edgeIds.bytes, edgeIdEnds: edgeIds.ends, edgeIdHashes: fit(table.idHash!, table.count) } : {}),
    noPredicate: table.noPredicate,
    noPredicateLines: table.noPredicateLines,
    kinds: table.kinds,
    kindTexts: table.kindTexts,
    kindLines: table.kindLines,
    idBytes: ids.bytes,
    idEnds: ids.ends,
    idHashes: endpoints.interner.hashList(),
    idLines: endpoints.firstLines(),
    ...(error ? { error } : {}),
  };
}

function grownInts(a: Int32Array): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(a.length * 2);
  grown.set(a);
  return grown;
}

/** The first n items: a view when little capacity would be wasted, else a copy (so the spare is freed). */
export function fit<T extends Int32Array | Uint16Array | Float64Array>(a: T, n: number): T {
  return (n >= a.length * 0.9 ? a.subarray(0, n) : a.slice(0, n)) as T;
}

/** Rows to make room for: the file size over the mean length of the first rows (up to 64 KB of them), +5%. */
export function expectedRows(buf: Buffer, start: number, end: number, fileBytes: number): number {
  const sampleEnd = Math.min(end, start + (1 << 16));
  let rows = 0;
  for (let p = buf.indexOf(10, start); p >= 0 && p < sampleEnd; p = buf.indexOf(10, p + 1)) rows++;
  if (rows === 0) return 1024;
  return Math.max(1024, Math.ceil((fileBytes / ((sampleEnd - start) / rows)) * 1.05));
}
