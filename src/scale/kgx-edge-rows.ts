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
import { LineTooLongError, splitTabs } from './tsv-lines.js';
import { BACK, PieceReader, claimPiece, type PiecePlan } from './edge-pieces.js';

/** Where edge endpoints go: find by bytes (hash: fnv1a of them), or add (line: where first seen). */
export interface EndpointSink {
  find(buf: Uint8Array, start: number, end: number, hash: number): number;
  /** find for `count` keys (start, end, hash each) at once, into out; -1 where absent. */
  findMany(buf: Uint8Array, keys: Int32Array, count: number, out: Int32Array): void;
  addEndpoint(buf: Uint8Array, start: number, end: number, hash: number, line: number): number;
}

export function badLine(file: string, line: number, buf: Buffer, start: number, end: number, what: string): MechkgError {
  const text = buf.toString('utf8', start, Math.min(end, start + 80)).replace(/\t/g, '\\t');
  return new MechkgError(`${file}:${line}: ${what} (line starts "${text}${end - start > 80 ? '...' : ''}")`);
}

const FNV_PRIME = 16777619;
/** Rows whose endpoints are looked up together (a batch's keys and the bytes they touch stay in cache). */
const PENDING_ROWS = 1024;

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
  /**
   * When the table is filled piece by piece out of file order (the worker's pieces, last first): the
   * piece being parsed, each edge's line within its piece, the piece of each noPredicateLines entry and,
   * per kind, the first piece and line where it occurs in file order. null in a table filled in order.
   */
  private pieces: { current: number; rowsWithoutPredicate: number; edgeLine: Int32Array; noPredicate: number[]; kindSeen: number[]; kindPiece: number[]; kindLine: number[] } | null = null;

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
    byPieces = false,
  ) {
    this.line = line;
    if (byPieces) this.pieces = { current: -1, rowsWithoutPredicate: 0, edgeLine: new Int32Array(expected), noPredicate: [], kindSeen: [], kindPiece: [], kindLine: [] };
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
      this.resolveEndpoints(buf);
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
    const pieces = this.pieces;
    if (this.colPredicate < 0 || this.colPredicate >= fields || starts[this.colPredicate] === ends[this.colPredicate]) {
      if (pieces === null) {
        if (this.noPredicate < MAX_EXAMPLES) this.noPredicateLines.push(line);
      } else if (pieces.rowsWithoutPredicate++ < MAX_EXAMPLES) {
        this.noPredicateLines.push(line);
        pieces.noPredicate.push(pieces.current);
      }
      this.noPredicate++;
    }
    const k = this.kindOf(buf, fields, line);
    if (pieces !== null && pieces.kindSeen[k] !== pieces.current) {
      // pieces come last first, so the last piece recorded for a kind is where file order first meets it
      pieces.kindSeen[k] = pieces.current;
      pieces.kindPiece[k] = pieces.current;
      pieces.kindLine[k] = line;
    }
    // the endpoints are looked up a batch of rows at a time (resolveEndpoints), which overlaps the cache misses
    const keys = this.endpointKeys;
    const q = this.pendingRows;
    keys[6 * q] = s0;
    keys[6 * q + 1] = s1;
    keys[6 * q + 2] = fnv1a(buf, s0, s1);
    keys[6 * q + 3] = o0;
    keys[6 * q + 4] = o1;
    keys[6 * q + 5] = fnv1a(buf, o0, o1);
    this.pendingLines[q] = line;
    this.pendingRows = q + 1;

    const e = this.count;
    if (e === this.capacity) this.grow();
    this.kind[e] = k;
    this.lineOffset[e] = offset;
    if (pieces !== null) pieces.edgeLine[e] = line;
    const ids = this.ids;
    if (ids !== null) {
      const colId = this.colId;
      if (colId < fields) {
        ids.appendBytes(buf, starts[colId]!, ends[colId]!);
        this.idHash![e] = fnv1a(buf, starts[colId]!, ends[colId]!);
      } else ids.append('');
    }
    this.count = e + 1;
    if (q + 1 === PENDING_ROWS) this.resolveEndpoints(buf);
  }

  /**
   * Numbers the endpoints of the rows parsed since the last call (the last pendingRows edges), in row order,
   * adding each id the node table lacks at the line of its row, so stub nodes come in file order as before.
   * buf: the buffer those rows were parsed from.
   */
  private resolveEndpoints(buf: Buffer): void {
    const n = this.pendingRows;
    if (n === 0) return;
    this.pendingRows = 0;
    const keys = this.endpointKeys;
    const found = this.endpointNumbers;
    const nodes = this.nodes;
    nodes.findMany(buf, keys, 2 * n, found);
    const first = this.count - n;
    const source = this.source;
    const target = this.target;
    for (let r = 0; r < n; r++) {
      let s = found[2 * r]!;
      // -1 may be stale: a stub added for an earlier row of this batch
      if (s < 0) {
        s = nodes.find(buf, keys[6 * r]!, keys[6 * r + 1]!, keys[6 * r + 2]!);
        if (s < 0) s = nodes.addEndpoint(buf, keys[6 * r]!, keys[6 * r + 1]!, keys[6 * r + 2]!, this.pendingLines[r]!);
      }
      let o = found[2 * r + 1]!;
      if (o < 0) {
        o = nodes.find(buf, keys[6 * r + 3]!, keys[6 * r + 4]!, keys[6 * r + 5]!);
        if (o < 0) o = nodes.addEndpoint(buf, keys[6 * r + 3]!, keys[6 * r + 4]!, keys[6 * r + 5]!, this.pendingLines[r]!);
      }
      source[first + r] = s;
      target[first + r] = o;
    }
  }
  /** Rows parsed whose endpoints are not numbered yet: per row (start, end, hash) of subject and object, and the line. */
  private pendingRows = 0;
  private readonly endpointKeys = new Int32Array(6 * PENDING_ROWS);
  private readonly endpointNumbers = new Int32Array(2 * PENDING_ROWS);
  private readonly pendingLines = new Int32Array(PENDING_ROWS);

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
    if (this.pieces) this.pieces.edgeLine = resize(this.pieces.edgeLine, (n) => new Int32Array(n));
    if (this.idHash) {
      const grown = new Int32Array(this.capacity);
      grown.set(this.idHash);
      this.idHash = grown;
    }
  }

  /** The worker's table: starts piece j (its lines are counted from 0 within the piece). */
  startPiece(j: number): void {
    this.pieces!.current = j;
    this.pieces!.rowsWithoutPredicate = 0;
    this.line = 0;
  }

  /** What this table parsed piece by piece, for the loader to append in file order (see RangeRows). */
  rangeRows(endpoints: LocalEndpoints, parts: RangeRows['pieces'], error: RangeRows['error']): RangeRows {
    const pieces = this.pieces!;
    const edgeIds = this.ids?.export();
    const ids = endpoints.interner.pool.export();
    return {
      count: this.count,
      pieces: parts,
      source: fit(this.source, this.count),
      target: fit(this.target, this.count),
      kind: fit(this.kind, this.count),
      lineOffset: fit(this.lineOffset, this.count),
      edgeLine: fit(pieces.edgeLine, this.count),
      ...(edgeIds ? { edgeIdBytes: edgeIds.bytes, edgeIdEnds: edgeIds.ends, edgeIdHashes: fit(this.idHash!, this.count) } : {}),
      noPredicate: this.noPredicate,
      noPredicateLines: this.noPredicateLines,
      noPredicatePieces: pieces.noPredicate,
      kinds: this.kinds,
      kindTexts: this.kindTexts,
      kindLines: this.kinds.map((_, k) => pieces.kindLine[k]!),
      kindPieces: this.kinds.map((_, k) => pieces.kindPiece[k]!),
      idBytes: ids.bytes,
      idEnds: ids.ends,
      idHashes: endpoints.interner.hashList(),
      ...(error ? { error } : {}),
    };
  }

  /**
   * Appends the rows the worker parsed from the pieces after this table's (RangeRows), in file order:
   * node numbers through `node` (called with the worker's number of an id and the line where file order
   * first meets it, the first time it is met, so nodes new to this table are numbered as one pass would),
   * kinds matched by their text (new ones appended in file order). Lines of the worker's rows follow this
   * table's last line.
   */
  append(other: RangeRows, node: (local: number, line: number) => number): void {
    const order = other.pieces.index.map((_, i) => i).sort((a, b) => other.pieces.index[a]! - other.pieces.index[b]!);
    // line before each piece (by piece number), counted from this table's last line
    const lineBefore = new Map<number, number>();
    let lines = this.line;
    for (const i of order) {
      lineBefore.set(other.pieces.index[i]!, lines);
      lines += other.pieces.lines[i]!;
    }
    const kindOrder = other.kindTexts.map((_, j) => j).sort((a, b) => lineBefore.get(other.kindPieces[a]!)! + other.kindLines[a]! - (lineBefore.get(other.kindPieces[b]!)! + other.kindLines[b]!));
    const kindOf = new Uint16Array(other.kindTexts.length);
    for (const j of kindOrder) {
      const text = other.kindTexts[j]!;
      const line = lineBefore.get(other.kindPieces[j]!)! + other.kindLines[j]!;
      let k = this.kindByText.get(text);
      if (k === undefined) {
        k = this.kinds.length;
        if (k === 0xffff) throw new MechkgError(`${this.path}:${line}: more than 65,535 distinct predicate/qualifier combinations`);
        this.kinds.push(other.kinds[j]!);
        this.kindTexts.push(text);
        this.kindLines.push(line);
        this.kindByText.set(text, k);
      }
      kindOf[j] = k;
    }
    const n = other.count;
    this.reserve(n);
    const { source, target, kind, lineOffset } = this;
    const nodeOf = new Int32Array(other.idEnds.length).fill(-1);
    let at = this.count;
    for (const i of order) {
      const from = other.pieces.start[i]!;
      const to = from + other.pieces.count[i]!;
      const before = lineBefore.get(other.pieces.index[i]!)!;
      const base = at;
      for (let e = from; e < to; e++, at++) {
        const ls = other.source[e]!;
        const lt = other.target[e]!;
        let s = nodeOf[ls]!;
        if (s < 0) s = nodeOf[ls] = node(ls, before + other.edgeLine[e]!);
        let t = nodeOf[lt]!;
        if (t < 0) t = nodeOf[lt] = node(lt, before + other.edgeLine[e]!);
        source[at] = s;
        target[at] = t;
        kind[at] = kindOf[other.kind[e]!]!;
      }
      lineOffset.set(other.lineOffset.subarray(from, to), base);
      if (this.ids !== null && other.edgeIdBytes && other.edgeIdEnds) {
        this.ids.appendRange(other.edgeIdBytes, other.edgeIdEnds, from, to);
        if (this.idHash && other.edgeIdHashes) this.idHash.set(other.edgeIdHashes.subarray(from, to), base);
      }
    }
    const noPredicate = other.noPredicateLines.map((l, i) => lineBefore.get(other.noPredicatePieces[i]!)! + l).sort((a, b) => a - b);
    for (const l of noPredicate) if (this.noPredicateLines.length < MAX_EXAMPLES) this.noPredicateLines.push(l);
    this.noPredicate += other.noPredicate;
    this.count = at;
    this.line = lines;
  }

  /** The line of the worker's error (RangeRows.error with a line), counted as append counts them. */
  lineOfError(other: RangeRows, piece: number, line: number): number {
    let lines = this.line;
    other.pieces.index.forEach((j, i) => {
      if (j < piece) lines += other.pieces.lines[i]!;
    });
    return lines + line;
  }
}

/**
 * What the worker hands over: the rows of the pieces it claimed (kgx-edge-pieces.ts), parsed last piece
 * first, as typed arrays posted without copying. Lines are counted within each piece; the loader puts the
 * pieces in file order (EdgeTable.append).
 */
export interface RangeRows {
  count: number;
  /** The pieces, in the order parsed: piece number, first edge, edges, lines. */
  pieces: { index: number[]; start: number[]; count: number[]; lines: number[] };
  source: Int32Array;
  target: Int32Array;
  kind: Uint16Array;
  lineOffset: Float64Array;
  /** Each edge's line within its piece (1-based). */
  edgeLine: Int32Array;
  /** The edge ids ('' when none), as pool bytes and end offsets; absent without an id column. */
  edgeIdBytes?: Uint8Array;
  edgeIdEnds?: Uint32Array;
  edgeIdHashes?: Int32Array;
  noPredicate: number;
  /** The first few rows without a predicate of each piece: line within the piece, and the piece. */
  noPredicateLines: number[];
  noPredicatePieces: number[];
  kinds: EdgeKind[];
  kindTexts: string[];
  /** Where file order first meets each kind: line within the piece, and the piece. */
  kindLines: number[];
  kindPieces: number[];
  /** Node ids, numbered as the worker met them: UTF-8 bytes, end offsets, fnv1a hashes. */
  idBytes: Uint8Array;
  idEnds: Uint32Array;
  idHashes: Int32Array;
  /**
   * The error that stopped the worker, in its last (lowest) piece: `${file}:${line}${rest}` with the line
   * within that piece, a row over the length limit at a file offset, or another message.
   */
  error?: { piece: number; line: number; rest: string } | { tooLong: number; limit: number } | { message: string };
}

/** Node ids met by the worker, numbered in the order it met them. */
export class LocalEndpoints implements EndpointSink {
  readonly interner = new ByteInterner(1 << 14);

  find(buf: Uint8Array, start: number, end: number, hash: number): number {
    return this.interner.find(buf, start, end, hash);
  }

  findMany(buf: Uint8Array, keys: Int32Array, count: number, out: Int32Array): void {
    this.interner.findMany(buf, keys, count, out);
  }

  addEndpoint(buf: Uint8Array, start: number, end: number, hash: number): number {
    return this.interner.add(buf, start, end, hash);
  }
}

/** The worker's job: the shared piece plan, the header's columns, and rows to make room for. */
export interface BackPiecesJob {
  plan: PiecePlan;
  columns: string[];
  expectedRows: number;
  /** Lowest piece the worker may claim (tests pin the split with it; default 0). */
  floor?: number;
}

/**
 * Claims pieces from the back of the file, last first, and parses each, until the other thread has the
 * next one (or `floor`). The first bad row stops it: it is then in the lowest piece parsed, and every row
 * before it in file order is the other thread's to check, so the loader names the first bad row of the file.
 */
export async function parseBackPieces(job: BackPiecesJob): Promise<RangeRows> {
  const { plan, columns } = job;
  const endpoints = new LocalEndpoints();
  const table = new EdgeTable(plan.path, endpoints, columns, Math.max(1024, job.expectedRows), 0, true);
  const reader = new PieceReader(plan);
  const parts: RangeRows['pieces'] = { index: [], start: [], count: [], lines: [] };
  let error: RangeRows['error'];
  try {
    for (let j = plan.count - 1; j >= (job.floor ?? 0) && claimPiece(plan, j, BACK); j--) {
      table.startPiece(j);
      const start = table.count;
      parts.index.push(j);
      parts.start.push(start);
      try {
        await reader.read(j, (buf, s, e, offset) => table.parse(buf, s, e, offset));
      } finally {
        parts.count.push(table.count - start);
        parts.lines.push(table.line);
      }
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const m = err instanceof MechkgError && message.startsWith(`${plan.path}:`) ? /^(\d+)([^]*)$/.exec(message.slice(plan.path.length + 1)) : null;
    if (err instanceof LineTooLongError) error = { tooLong: err.offset, limit: err.limit };
    else if (m) error = { piece: parts.index[parts.index.length - 1]!, line: Number(m[1]), rest: m[2]! };
    else error = { message };
  } finally {
    reader.close();
  }
  return table.rangeRows(endpoints, parts, error);
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
