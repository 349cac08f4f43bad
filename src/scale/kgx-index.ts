/**
 * Node-only: builds a CompactIndex straight from a KGX edges TSV (and the `*_nodes.tsv` beside it), streamed
 * line by line, without graphology. Node ids are interned to numbers, the per-edge columns go to typed arrays,
 * and what depends only on low-cardinality columns (predicate, direction qualifier, knowledge level, agent
 * type) is computed once per distinct combination. Evidence stays in the file: an edge's line is re-read when
 * a result shows it. A 1M-edge file loads in a few seconds in a few hundred MB (see BENCHMARKS.md).
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { MechkgError } from '../errors.js';
import type { EvidenceData } from '../model/schema.js';
import type { Problem, Provenance } from '../model/types.js';
import { CompactIndex, type CompactEdges, type CompactNodes } from './compact-index.js';
import { graphId, kgxEdge, ownSlug, OWN_PREFIX, tsvValue, type RowValue } from '../import/kgx-fields.js';
import { displayName } from '../import/display-name.js';
import { importedModuleId } from '../import/imported-module.js';
import { MAX_EXAMPLES, WARN, WarningLog } from '../import/warning-log.js';
import { categoryOfCell } from './kgx-edge-kind.js';
import { ByteInterner, fnv1a } from './byte-interner.js';
import { repeatedUses } from './repeated-ids.js';
import { EdgeTable, badLine, expectedRows, fit, parseBackPieces, type BackPiecesJob, type EndpointSink, type RangeRows } from './kgx-edge-rows.js';
import { BACK, FRONT, PIECE_BYTES, PieceReader, claimPiece, claimedBy, makePiecePlan, type PiecePlan } from './edge-pieces.js';
import { PARALLEL_MIN_BYTES, edgeWorker, workerBuilt } from './edge-worker.js';
import { StringPool } from './string-pool.js';
import { LineTooLongError, forEachChunk, forEachLine, lineNumberAt, splitTabs, trimCr, type ChunkOptions, type LineProgress } from './tsv-lines.js';
import { ownValue } from '../model/own-key.js';
import { MAX_LIST_ITEMS } from '../model/input-limits.js';

export interface LoadKgxOptions {
  /** Called at most every 250 ms while reading, and once per file at the end. */
  onProgress?: (progress: LineProgress) => void;
  /** The nodes file; default: `<name>_nodes.tsv` beside `<name>_edges.tsv` when it exists. null: none. */
  nodesPath?: string | null;
  /** Bytes per read (default 4 MB); tests use tiny reads so rows are cut anywhere. */
  chunkSize?: number;
  /**
   * Read a big edges file with two threads, which share its rows out piece by piece (edge-pieces.ts):
   * this one (after the nodes file) from the front, a worker from the back (default: for edges files of
   * PARALLEL_MIN_BYTES or more, when the compiled worker is there). 'inline': the same pieces, both sides
   * in this thread (tests of the merge). false: one pass.
   */
  parallel?: boolean | 'inline';
  /** Tests: the worker's side takes no piece before this share of the rows (default 0: wherever they meet). */
  splitShare?: number;
  /** Tests: bytes per piece (default PIECE_BYTES, or chunkSize when that is given). */
  pieceBytes?: number;
}

export { PARALLEL_MIN_BYTES };

/** Problems the loader skipped over (each with a count); errors are thrown instead. */
export interface KgxLoadReport {
  problems: Problem[];
}


/** Loads a KGX edges TSV into a CompactIndex; throws a MechkgError naming file and line on a bad row. */
export async function loadKgxIndex(edgesPath: string, options: LoadKgxOptions = {}): Promise<CompactIndex & KgxLoadReport> {
  if (!existsSync(edgesPath)) throw new MechkgError(`${edgesPath}: no such file`);
  const onProgress = options.onProgress ?? (process.stderr.isTTY ? ttyProgress : undefined);
  const problems = new WarningLog();
  const nodes = new NodeTable();
  const nodesPath = options.nodesPath === undefined ? nodesFileBeside(edgesPath) : options.nodesPath;
  const chunk: ChunkOptions = options.chunkSize === undefined ? {} : { chunkSize: options.chunkSize, carryRoom: Math.min(options.chunkSize, 1 << 16) };
  const edgesName = displayName(edgesPath);
  nodes.warnDangling = (line, n) => nodes.warnAbout(n, problems, edgesPath, line, WARN.stub);
  const started = Date.now();
  const mode = options.parallel ?? 'auto';
  const twoThreads =
    mode === 'inline' || (mode !== false && (mode === true || statSync(edgesPath).size >= PARALLEL_MIN_BYTES) && workerBuilt());
  const plan = twoThreads ? planPieces(edgesPath, options.pieceBytes ?? options.chunkSize ?? PIECE_BYTES, mode !== 'inline') : null;
  const rest = plan ? parseRest(plan, options.splitShare ?? 0, mode === 'inline' ? 'inline' : 'worker') : null;
  let table: EdgeTable;
  let descriptionColumn = -1;
  try {
    if (nodesPath) {
      descriptionColumn = await readNodes(nodesPath, nodes, problems, onProgress, chunk);
      nodes.warnUnknownCategories(problems, nodesPath);
    }
    table = plan ? await readFrontPieces(plan, nodes, onProgress) : await readEdges(edgesPath, nodes, onProgress, chunk);
    if (rest) appendRest(edgesPath, table, nodes, await rest.rows);
  } catch (err) {
    if (err instanceof LineTooLongError) throw tooLong(err.path, err.offset, err.limit);
    throw err;
  } finally {
    rest?.stop();
  }
  const size = statSync(edgesPath).size;
  onProgress?.({ file: edgesPath, lines: table.line, bytes: size, totalBytes: size, elapsedMs: Date.now() - started });
  if (onProgress === ttyProgress) process.stderr.write('\n');
  const edges = finishEdges(edgesPath, table, table.columns, nodes, problems);
  const index = new CompactIndex({ ...nodes.finish(nodesPath ?? null, descriptionColumn), module: importedModuleId(edgesPath) }, edges, edgesName) as CompactIndex & KgxLoadReport;
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

/**
 * Nodes in number order: original ids (interned from their bytes), graph ids (the file's; `mechkg:` own ids
 * unprefixed unless the file also uses the bare slug, decided by finish once every id is in), display category bytes (one per distinct category cell), name pools. A node row listed again is
 * merged into the first as KGX (and the importer) does: lists joined, a later name wins.
 */
class NodeTable implements EndpointSink {
  readonly ids: string[] = [];
  readonly interner = new ByteInterner(1 << 16);
  /**
   * Graph id -> number for the nodes whose graph id is not their id as the file spells it (`mechkg:` own
   * ids, unprefixed); every other node is found through the interner, so no Map holds all ids.
   */
  private readonly renamed = new Map<string, number>();
  /** Nodes whose id is `mechkg:<slug>`: their graph id is the slug until finish sees the file use it bare. */
  private readonly own: number[] = [];
  /** Warnings kept as examples that name an own node, remade if finish gives it back its prefix. */
  private readonly ownWarnings: { n: number; problem: Problem; remake: (id: string) => string }[] = [];
  /** Distinct category cells by their bytes (cell numbers), so a row makes no string for its cell. */
  private readonly cellBytes = new ByteInterner(64);
  private category = new Uint8Array(1024);
  private cell = new Int32Array(1024);
  private line = new Int32Array(1024);
  private readonly categoryNames: string[] = [];
  private readonly categoryNumbers = new Map<string, number>();
  /** Distinct category cells, and their number. */
  private readonly cells: string[] = [];
  /** Display category number of each distinct cell (derived once per cell, not once per node). */
  private readonly cellCategory: number[] = [];
  labels = new StringPool(1024);
  synonyms = new StringPool(1024, 1024);
  identifiers = new StringPool(1024, 1024);
  /** Nodes listed more than once: their merged fields (applied by finish). */
  private readonly merged = new Map<number, { name: string; categories: string[]; synonyms: string[]; xrefs: string[] }>();
  /** Byte offset of each node's row in the nodes file (-1: a stub from the edges file), to re-read its description. */
  private rowOffset = new Float64Array(1024);
  /** A later row's description of a node listed again (KGX: later values win). */
  private readonly laterDescription = new Map<number, string>();

  /** Warns about an edge endpoint missing from the nodes file (a stub node, number n, is added). */
  warnDangling: ((line: number, n: number) => void) | null = null;

  /** Logs a warning about node n (make: the WARN text for its id), kept up to date with its final id. */
  warnAbout(n: number, log: WarningLog, file: string, line: number | undefined, make: (id: string) => readonly [string, Problem['code'], string]): void {
    const [kind, code, message] = make(this.ids[n]!);
    const problem = log.warn(kind, code, file, line, this.ids[n], message);
    if (problem && this.ids[n] !== this.interner.pool.get(n)) this.ownWarnings.push({ n, problem, remake: (id) => make(id)[2] });
  }

  /** Number of the node whose original id is buf[start, end) (hash: its fnv1a), or -1. */
  find(buf: Uint8Array, start: number, end: number, hash: number): number {
    return this.interner.find(buf, start, end, hash);
  }

  findMany(buf: Uint8Array, keys: Int32Array, count: number, out: Int32Array): void {
    this.interner.findMany(buf, keys, count, out);
  }

  /** An edge endpoint missing from the nodes file (or without one): added with no name or category. */
  addEndpoint(buf: Buffer, start: number, end: number, hash: number, line: number): number {
    const added = this.add(buf, start, end, hash, this.cellNumber(buf, 0, 0), line, -1);
    this.warnDangling?.(line, added);
    this.labels.append('');
    this.synonyms.append('');
    this.identifiers.append('');
    return added;
  }

  /** Adds a node (the caller found it new) with its KGX category cell (cellNumber); the caller appends its label, synonyms and xrefs next. */
  add(buf: Buffer, start: number, end: number, hash: number, cell: number, line: number, offset: number): number {
    const n = this.interner.add(buf, start, end, hash);
    const original = buf.toString('utf8', start, end);
    const slug = ownSlug(original);
    this.ids.push(slug ?? original);
    if (slug !== null) this.own.push(n);
    if (n === this.category.length) {
      this.category = grownBytes(this.category);
      this.cell = grownInts(this.cell);
      this.line = grownInts(this.line);
      const offsets = new Float64Array(this.rowOffset.length * 2);
      offsets.set(this.rowOffset);
      this.rowOffset = offsets;
    }
    this.rowOffset[n] = offset;
    this.cell[n] = cell;
    this.line[n] = line;
    this.category[n] = this.cellCategory[cell]!;
    return n;
  }

  /** The number of the category cell buf[start, end) (the empty cell when start === end). */
  cellNumber(buf: Uint8Array, start: number, end: number): number {
    const hash = fnv1a(buf, start, end);
    const c = this.cellBytes.find(buf, start, end, hash);
    if (c >= 0) return c;
    this.cellBytes.add(buf, start, end, hash);
    return this.newCell(new TextDecoder().decode(buf.subarray(start, end)));
  }

  private newCell(text: string): number {
    const c = this.cells.length;
    this.cells.push(text);
    this.cellCategory.push(this.categoryNumber(categoryOfCell(text)));
    return c;
  }

  /** A row for a node already listed: merged into it (lists joined, a later non-empty name wins). */
  merge(n: number, categoryCell: string, name: string, synonyms: string, xrefs: string, description: string): void {
    if (description !== '') this.laterDescription.set(n, description);
    const split = (s: string) => (s === '' ? [] : s.split('|').filter((x) => x !== ''));
    let m = this.merged.get(n);
    if (!m) {
      m = { name: this.labels.get(n), categories: split(this.cells[this.cell[n]!]!), synonyms: split(this.synonyms.get(n)), xrefs: split(this.identifiers.get(n)) };
      this.merged.set(n, m);
    }
    const union = (a: string[], b: string[]) => {
      for (const x of b) if (!a.includes(x)) a.push(x);
    };
    union(m.categories, split(categoryCell));
    union(m.synonyms, split(synonyms));
    union(m.xrefs, split(xrefs));
    if (name !== '') m.name = name;
  }

  firstLine(n: number): number {
    return this.line[n]!;
  }

  /** Applies merged rows, then warns (as the importer) about nodes whose categories derive no mechkg category. */
  warnUnknownCategories(log: WarningLog, file: string): void {
    if (this.merged.size > 0) this.applyMerges();
    const unknown = this.categoryNames.indexOf('unknown');
    if (unknown < 0) return;
    // One warning text per category cell: a file of a million biolink:NamedThing nodes has one cell.
    const byCell = new Map<number, ReturnType<typeof WARN.unknownCategory> | null>();
    const warning = (terms: string[]) => (terms.length === 0 ? null : WARN.unknownCategory(terms));
    for (let n = 0; n < this.ids.length; n++) {
      if (this.category[n] !== unknown) continue;
      const m = this.merged.get(n);
      let w: ReturnType<typeof WARN.unknownCategory> | null | undefined;
      if (m) w = warning(m.categories);
      else {
        const cell = this.cell[n]!;
        w = byCell.get(cell);
        if (w === undefined) byCell.set(cell, (w = warning(this.cells[cell]!.split('|').filter((x) => x !== ''))));
      }
      if (w === null) continue;
      const found = w;
      this.warnAbout(n, log, file, this.line[n], () => found);
    }
  }

  private applyMerges(): void {
    const count = this.ids.length;
    const labels = new StringPool(count);
    const synonyms = new StringPool(count, count * 4);
    const identifiers = new StringPool(count, count * 4);
    for (let n = 0; n < count; n++) {
      const m = this.merged.get(n);
      if (m) {
        labels.append(m.name);
        synonyms.append(m.synonyms.join('|'));
        identifiers.append(m.xrefs.join('|'));
        this.category[n] = this.categoryNumber(categoryOfCell(m.categories.join('|')));
      } else {
        labels.appendCopy(this.labels, n);
        synonyms.appendCopy(this.synonyms, n);
        identifiers.appendCopy(this.identifiers, n);
      }
    }
    this.labels = labels;
    this.synonyms = synonyms;
    this.identifiers = identifiers;
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

  finish(nodesPath: string | null, descriptionColumn: number): CompactNodes {
    const { renamed, interner, ids } = this;
    // Every id is in: `mechkg:x` keeps its prefix when the file also has a node x (as the importer decides).
    const reverted = new Set<number>();
    for (const n of this.own) {
      const id = graphId(interner.pool.get(n), (bare) => interner.lookup(bare) >= 0);
      if (id !== ids[n]) {
        ids[n] = id;
        reverted.add(n);
      } else renamed.set(id, n);
    }
    for (const w of this.ownWarnings) {
      if (!reverted.has(w.n)) continue;
      w.problem.id = ids[w.n]!;
      w.problem.message = w.remake(ids[w.n]!);
    }
    // each node's row offset, kept only when there are descriptions to re-read
    const rowOffset = nodesPath !== null && descriptionColumn >= 0 ? this.rowOffset.slice(0, ids.length) : new Float64Array(0);
    return {
      ids,
      originals: interner.pool.trim(),
      ...nodeLookups(ids, renamed, interner),
      category: this.category.slice(0, ids.length),
      categoryNames: this.categoryNames,
      labels: this.labels.trim(),
      synonyms: this.synonyms.trim(),
      identifiers: this.identifiers.trim(),
      description: descriptionReader(nodesPath, descriptionColumn, rowOffset, this.laterDescription),
      // the interner's hash table (every lookup by id) and each node's row offset (its description, re-read)
      heldBytes: interner.tableBytes + rowOffset.byteLength,
    };
  }
}

/**
 * Id lookups for the index, made outside NodeTable so that their closures hold the interner and the ids, not
 * the table (its parse-time arrays: category cells, lines, row-offset spare capacity) for the life of the index.
 */
function nodeLookups(ids: readonly string[], renamed: ReadonlyMap<string, number>, interner: ByteInterner): Pick<CompactNodes, 'indexOf' | 'originalIndexOf'> {
  return {
    indexOf: (id) => {
      const r = renamed.get(id);
      if (r !== undefined) return r;
      const n = interner.lookup(id);
      return n >= 0 && ids[n] === id ? n : -1;
    },
    originalIndexOf: (id) => interner.lookup(id),
  };
}

/** A node's description as the importer keeps it: its row's `description` cell re-read from the file ('' when none). */
function descriptionReader(path: string | null, column: number, offsets: Float64Array, later: ReadonlyMap<number, string>): (n: number) => string {
  if (path === null || column < 0) return () => '';
  const row = rowReader(path);
  return (n) => later.get(n) ?? (offsets[n]! < 0 ? '' : (row(offsets[n]!)[column] ?? ''));
}

function grownInts(a: Int32Array): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(a.length * 2);
  grown.set(a);
  return grown;
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

/** Reads the nodes file into the table; returns the column of `description` (-1 when none). */
async function readNodes(path: string, nodes: NodeTable, problems: WarningLog, onProgress?: (p: LineProgress) => void, chunk: ChunkOptions = {}): Promise<number> {
  let header: Header | null = null;
  let cols = { id: 0, category: -1, name: -1, synonym: -1, xref: -1, description: -1 };
  let width = 0;
  let starts = new Int32Array(0);
  let ends = new Int32Array(0);
  const name = path;
  const cellOf = (buf: Buffer, col: number, fields: number) => (col >= 0 && col < fields ? buf.toString('utf8', starts[col]!, ends[col]!) : '');
  const append = (pool: StringPool, buf: Buffer, col: number, fields: number) =>
    col >= 0 && col < fields ? pool.appendBytes(buf, starts[col]!, ends[col]!) : pool.append('');
  await forEachLine(
    path,
    (buf, start, end, line, offset) => {
      if (!header) {
        header = readHeader(path, buf, start, end, ['id']);
        cols = { id: header.at('id'), category: header.at('category'), name: header.at('name'), synonym: header.at('synonym'), xref: header.at('xref'), description: header.at('description') };
        width = header.columns.length;
        starts = new Int32Array(width + 1);
        ends = new Int32Array(width + 1);
        return;
      }
      if (start === end) return;
      const fields = splitTabs(buf, start, end, starts, ends);
      if (fields > width) throw badLine(path, line, buf, start, end, `${fields} tab-separated fields, but the header has ${width} columns`);
      const idStart = cols.id < fields ? starts[cols.id]! : 0;
      const idEnd = cols.id < fields ? ends[cols.id]! : 0;
      if (idStart === idEnd) throw badLine(path, line, buf, start, end, 'id: is required (KGX rejects a node without one)');
      const hash = fnv1a(buf, idStart, idEnd);
      const known = nodes.find(buf, idStart, idEnd, hash);
      if (known >= 0) {
        nodes.warnAbout(known, problems, name, line, (id) => WARN.merged(id, nodes.firstLine(known)));
        nodes.merge(known, cellOf(buf, cols.category, fields), cellOf(buf, cols.name, fields), cellOf(buf, cols.synonym, fields), cellOf(buf, cols.xref, fields), cellOf(buf, cols.description, fields));
        return;
      }
      const cell = cols.category >= 0 && cols.category < fields ? nodes.cellNumber(buf, starts[cols.category]!, ends[cols.category]!) : nodes.cellNumber(buf, 0, 0);
      nodes.add(buf, idStart, idEnd, hash, cell, line, offset);
      append(nodes.labels, buf, cols.name, fields);
      append(nodes.synonyms, buf, cols.synonym, fields);
      append(nodes.identifiers, buf, cols.xref, fields);
    },
    onProgress,
    chunk,
  );
  if (!header) throw new MechkgError(`${path}: empty file (a KGX nodes TSV starts with a header line)`);
  return cols.description;
}

/** Parses the rows of the edges file into a table over the global nodes, in one pass. */
async function readEdges(path: string, nodes: NodeTable, onProgress: ((p: LineProgress) => void) | undefined, chunk: ChunkOptions): Promise<EdgeTable> {
  let table: EdgeTable | null = null;
  let lastReport = Date.now();
  await forEachChunk(
    path,
    (buf, start, end, fileOffset) => {
      let pos = start;
      if (!table) {
        let nl = buf.indexOf(10, start);
        if (nl < 0 || nl >= end) nl = end;
        const header = readHeader(path, buf, start, trimCr(buf, start, nl), ['subject', 'object']);
        pos = Math.min(nl + 1, end);
        table = new EdgeTable(path, nodes, header.columns, expectedRows(buf, pos, end, statSync(path).size));
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
              onProgress({ file: path, lines: table?.line ?? 0, bytes, totalBytes, elapsedMs });
            }
          }
        : undefined,
    },
  );
  if (!table) throw new MechkgError(`${path}: empty file (a KGX edges TSV starts with a header line)`);
  return table;
}

/** How two threads read a big edges file: its header's columns, rows expected in all, and the shared pieces. */
interface TwoThreadPlan {
  columns: string[];
  expectedRows: number;
  pieces: PiecePlan;
}

/**
 * The piece plan for an edges file, with the header's columns and the rows expected in all; null when the
 * file is odd (no header line, no subject or object column): then one thread reads it all, and reports
 * the problem as a single pass does.
 */
function planPieces(path: string, pieceBytes: number, shared: boolean): TwoThreadPlan | null {
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.allocUnsafe(Math.min(size, 1 << 18));
    const n = readSync(fd, head, 0, head.length, 0);
    const nl = head.subarray(0, n).indexOf(10);
    if (nl < 0) return null;
    const columns = head.toString('utf8', 0, trimCr(head, 0, nl)).split('\t').map((c) => c.trim());
    if (!['subject', 'object'].every((c) => columns.includes(c))) return null;
    const rowsStart = nl + 1;
    if (rowsStart >= size) return null;
    return { columns, expectedRows: expectedRows(head, rowsStart, n, size), pieces: makePiecePlan(path, rowsStart, size, pieceBytes, shared) };
  } finally {
    closeSync(fd);
  }
}

/** This thread's side: claims pieces from the front and parses them in order, until the worker has the next one. */
async function readFrontPieces(plan: TwoThreadPlan, nodes: NodeTable, onProgress: ((p: LineProgress) => void) | undefined): Promise<EdgeTable> {
  const { pieces } = plan;
  const table = new EdgeTable(pieces.path, nodes, plan.columns, plan.expectedRows);
  const reader = new PieceReader(pieces);
  const started = Date.now();
  let lastReport = started;
  try {
    for (let j = 0; j < pieces.count && claimPiece(pieces, j, FRONT); j++) {
      await reader.read(j, (buf, start, end, offset) => table.parse(buf, start, end, offset));
      const now = Date.now();
      if (onProgress && now - lastReport >= 250) {
        lastReport = now;
        const bytes = Math.min(pieces.size, pieces.rowsStart + (j + 1 + claimedBy(pieces, BACK)) * pieces.pieceBytes);
        onProgress({ file: pieces.path, lines: table.line, bytes, totalBytes: pieces.size, elapsedMs: now - started });
      }
    }
  } finally {
    reader.close();
  }
  return table;
}

/** The worker's side: pieces claimed from the back, in a worker thread (or in this one: 'inline'), as RangeRows. */
function parseRest(plan: TwoThreadPlan, floorShare: number, mode: 'worker' | 'inline'): { rows: Promise<RangeRows>; stop: () => void } {
  const job: BackPiecesJob = { plan: plan.pieces, columns: plan.columns, expectedRows: Math.ceil(plan.expectedRows * 0.6), floor: Math.ceil(plan.pieces.count * floorShare) };
  if (mode === 'inline') return { rows: parseBackPieces(job), stop: () => {} };
  const path = plan.pieces.path;
  const worker = edgeWorker(path);
  const rows = new Promise<RangeRows>((resolve, reject) => {
    worker.once('message', (m: RangeRows | { failed: string }) => ('failed' in m ? reject(new MechkgError(m.failed)) : resolve(m)));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new MechkgError(`${path}: the edge reader thread stopped (exit code ${code})`)));
  });
  rows.catch(() => undefined); // handled by the caller, unless the front failed first
  worker.postMessage(job);
  return { rows, stop: () => void worker.terminate() };
}

/** Appends the rows the worker parsed, in file order (nodes new to the table added as one pass would, with their warnings). */
function appendRest(path: string, table: EdgeTable, nodes: NodeTable, rows: RangeRows): void {
  const ids = Buffer.from(rows.idBytes.buffer, rows.idBytes.byteOffset, rows.idBytes.byteLength);
  const error = rows.error;
  const errorLine = error && 'piece' in error ? table.lineOfError(rows, error.piece, error.line) : 0;
  table.append(rows, (l, line) => {
    const start = l === 0 ? 0 : rows.idEnds[l - 1]!;
    const end = rows.idEnds[l]!;
    const hash = rows.idHashes[l]!;
    const n = nodes.find(ids, start, end, hash);
    return n >= 0 ? n : nodes.addEndpoint(ids, start, end, hash, line);
  });
  if (!error) return;
  if ('piece' in error) throw new MechkgError(`${path}:${errorLine}${error.rest}`);
  if ('tooLong' in error) throw tooLong(path, error.tooLong, error.limit);
  throw new MechkgError(error.message);
}

function tooLong(path: string, offset: number, limit: number): MechkgError {
  return new MechkgError(`${path}:${lineNumberAt(path, offset)}: row over ${limit} bytes, the limit for one row; nothing after it was read`);
}

/**
 * The edges' typed arrays for the CompactIndex (sign, causal flag and strength from each edge's kind), with the
 * importer's warnings: rows without a predicate, predicates Biolink does not have or deprecates (once each, at
 * their first line), and edge ids used twice (the later ones renamed "<id>--k").
 */
function finishEdges(path: string, table: EdgeTable, columns: readonly string[], nodes: NodeTable, log: WarningLog): CompactEdges {
  const { count, kinds } = table;
  const file = path;
  const sign = new Int8Array(count);
  const causal = new Uint8Array(count);
  const strength = new Uint8Array(count);
  const kind = fit(table.kind, count);
  for (let e = 0; e < count; e++) {
    const d = kinds[kind[e]!]!;
    sign[e] = d.sign;
    causal[e] = d.causal ? 1 : 0;
    strength[e] = d.strength;
  }
  for (let i = 0; i < table.noPredicate; i++) {
    const [k, code, message] = WARN.noPredicate();
    log.warn(k, code, file, table.noPredicateLines[i], undefined, message);
  }
  const kindLines = table.kindLines;
  const order = kinds.map((_, k) => k).sort((a, b) => kindLines[a]! - kindLines[b]!);
  const warned = new Set<string>();
  for (const k of order) {
    const d = kinds[k]!;
    if (d.note === 'missing' || d.note === 'none' || warned.has(d.predicate)) continue;
    warned.add(d.predicate);
    const [w, code, message] = d.note === 'not-biolink' ? WARN.notBiolink(d.predicate) : WARN.deprecated(d.predicate);
    log.warn(w, code, file, table.kindLines[k], undefined, message);
  }
  const source = fit(table.source, count);
  const target = fit(table.target, count);
  const offsets = fit(table.lineOffset, count);
  const ids = table.ids ? table.ids.trim() : null;
  const bareOwnIds = ids ? ownIdsUsedBare(ids) : new Set<string>();
  const renamed = ids ? renamedDuplicates(ids, table.idHash, count, file, log, (e) => offsets[e]!, bareOwnIds) : new Map<number, string>();
  return {
    count,
    source,
    target,
    sign,
    causal,
    strength,
    kind,
    predicates: kinds.map((d) => d.predicate),
    relations: Uint8Array.from(kinds, (d) => d.relation),
    ids,
    bareOwnIds,
    renamed,
    ...edgeReaders(path, columns, offsets),
  };
}

const NO_EVIDENCE = (): EvidenceData[] => [];

/**
 * The index's per-edge readers, made apart from finishEdges so that their closures hold only the row offsets
 * (a closure made in finishEdges would share its scope, and with it the whole parse table and read buffer).
 */
function edgeReaders(path: string, columns: readonly string[], offsets: Float64Array): Pick<CompactEdges, 'evidence' | 'provenance' | 'heldBytes'> {
  return { evidence: NO_EVIDENCE, provenance: provenanceReader(path, columns, (e) => offsets[e]!), heldBytes: offsets.buffer.byteLength };
}

/** Edge ids given twice or more: the k-th use is kept as "<id>--k", with the importer's warning. */
function renamedDuplicates(ids: StringPool, hashes: Int32Array | null, count: number, file: string, log: WarningLog, offsetOf: (e: number) => number, bareOwnIds: ReadonlySet<string>): Map<number, string> {
  const renamed = new Map<number, string>();
  const { bytes, ends } = ids.contents();
  const dups = repeatedUses(bytes, ends, count, hashes ?? undefined).map(({ at: e, use }) => {
    const given = graphId(ids.get(e), (bare) => bareOwnIds.has(bare));
    const name = `${given}--${use}`;
    renamed.set(e, name);
    return { e, given, name };
  });
  // the warnings name the line, as the importer's do: found for the first few in one pass over the file
  const lines = linesOf(file, dups.slice(0, MAX_EXAMPLES).map((d) => offsetOf(d.e)));
  dups.forEach((d, i) => {
    const [w, code, message] = WARN.duplicateEdge(d.given, d.name);
    log.warn(w, code, file, lines[i], d.given, message);
  });
  return renamed;
}

/**
 * The slugs x of the edge ids `mechkg:x` that the file also uses bare: those edges keep the prefix (graphId).
 * One pass over the id bytes; strings are made only for `mechkg:` ids and for bare ids of a candidate's length.
 */
/** The non-empty id that starts at byte p (ends: the ids' end offsets, ascending), or -1 when none starts there. */
function idStartingAt(ends: Uint32Array, p: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ends[mid]! > p) hi = mid;
    else lo = mid + 1;
  }
  if (lo === ends.length) return -1;
  return (lo === 0 ? 0 : ends[lo - 1]!) === p ? lo : -1;
}

function ownIdsUsedBare(ids: StringPool): Set<string> {
  const { bytes, ends } = ids.contents();
  const prefix = new TextEncoder().encode(OWN_PREFIX);
  const candidates = new Set<string>();
  const lengths = new Set<number>();
  const hasPrefix = (start: number, end: number) => end - start > prefix.length && prefix.every((b, i) => bytes[start + i] === b);
  // Most files have no `mechkg:` id: one search through all the bytes finds every place the prefix occurs,
  // and only those are looked at (a test of each id's first bytes cost 30 to 60 ms on a million edges).
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let p = text.indexOf(prefix); p >= 0; p = text.indexOf(prefix, p + 1)) {
    const e = idStartingAt(ends, p);
    if (e < 0 || !hasPrefix(p, ends[e]!)) continue;
    const start = p;
    const slug = ownSlug(ids.get(e));
    if (slug === null) continue;
    candidates.add(slug);
    lengths.add(ends[e]! - start - prefix.length);
  }
  const used = new Set<string>();
  if (candidates.size === 0) return used;
  for (let e = 0, start = 0; e < ends.length; start = ends[e++]!) {
    if (!lengths.has(ends[e]! - start) || hasPrefix(start, ends[e]!)) continue;
    const id = ids.get(e);
    if (candidates.has(id)) used.add(id);
  }
  return used;
}

/** The 1-based line of each byte offset (ascending, as edges are in file order) in one read of the file. */
function linesOf(path: string, offsets: readonly number[]): number[] {
  if (offsets.length === 0) return [];
  const out: number[] = [];
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let line = 1;
    let pos = 0;
    let k = 0;
    while (k < offsets.length) {
      const n = readSync(fd, buf, 0, buf.length, pos);
      if (n === 0) break;
      for (let i = 0; i < n && k < offsets.length; i++) {
        while (k < offsets.length && pos + i === offsets[k]) out[k++] = line;
        if (buf[i] === 10) line++;
      }
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
  return out;
}

/** The tab-separated cells of the row at a byte offset of a file (opened once, on first use, for the life of the index). */
function rowReader(path: string): (offset: number) => string[] {
  let fd: number | null = null;
  let buf: Buffer | null = null;
  return (offset) => {
    fd ??= openSync(path, 'r');
    buf ??= Buffer.allocUnsafe(4096);
    const parts: Buffer[] = [];
    let position = offset;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, position);
      const nl = buf.subarray(0, n).indexOf(10);
      parts.push(Buffer.from(buf.subarray(0, nl >= 0 ? nl : n)));
      if (nl >= 0 || n === 0) break;
      position += n;
    }
    return Buffer.concat(parts).toString('utf8').replace(/\r$/, '').split('\t');
  };
}

/**
 * Provenance is not held in memory: an edge shown in a result has its row re-read from the file and read by
 * the importer's KGX field rules (src/import/kgx-fields.ts). The file stays open for the life of the index
 * (one open, not one per edge), and recent edges are memoized, since the paths of one result share most edges.
 */
function provenanceReader(path: string, columns: readonly string[], offsetOf: (e: number) => number): (e: number) => Provenance | undefined {
  const memo = new Map<number, Provenance | undefined>();
  const cells = rowReader(path);
  const readRow = (offset: number): Map<string, RowValue> => {
    const values = cells(offset);
    const row = new Map<string, RowValue>();
    columns.forEach((c, i) => {
      const v = tsvValue(c, values[i] ?? '');
      if (v !== undefined) row.set(c, v);
    });
    return row;
  };
  return (e) => {
    if (memo.has(e)) return memo.get(e);
    const p = kgxEdge(readRow(offsetOf(e)), { file: displayName(path) }).provenance;
    if ((p.publications?.length ?? 0) > MAX_LIST_ITEMS) throw new MechkgError(`${path}: edge ${e + 1}: ${p.publications!.length} publications, over the limit of ${MAX_LIST_ITEMS} for one list`);
    const provenance = Object.keys(p).length > 0 ? p : undefined;
    if (memo.size >= 10_000) memo.clear();
    memo.set(e, provenance);
    return provenance;
  };
}

function ttyProgress(p: LineProgress): void {
  const mb = p.bytes / 1e6;
  const rate = p.elapsedMs > 0 ? mb / (p.elapsedMs / 1000) : 0;
  const pct = p.totalBytes > 0 ? ` (${Math.round((100 * p.bytes) / p.totalBytes)}%)` : '';
  process.stderr.write(`\rmechkg: ${p.file.replace(/^.*[\\/]/, '').replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')}: ${p.lines.toLocaleString('en')} lines, ${mb.toFixed(0)} MB${pct}, ${rate.toFixed(0)} MB/s   `);
}
