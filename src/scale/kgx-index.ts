/**
 * Node-only: builds a CompactIndex straight from a KGX edges TSV (and the `*_nodes.tsv` beside it), streamed
 * line by line, without graphology. Node ids are interned to numbers, the per-edge columns go to typed arrays,
 * and what depends only on low-cardinality columns (predicate, direction qualifier, knowledge level, agent
 * type) is computed once per distinct combination. Evidence stays in the file: an edge's line is re-read when
 * a result shows it. A 1M-edge file loads in about a second in a few hundred MB (see BENCHMARKS.md).
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MechkgError } from '../errors.js';
import type { EvidenceData } from '../model/schema.js';
import type { Problem, ProblemCode } from '../model/types.js';
import { CompactIndex, type CompactEdges, type CompactNodes } from './compact-index.js';
import { mapCategory } from '../import/vocabulary-map.js';
import { splitList } from '../import/delimited-text.js';
import { KIND_OF_KNOWLEDGE_LEVEL, categoryFromKgx, nodeSlug, slugify } from './kgx-edge-kind.js';
import { ByteInterner, fnv1a } from './byte-interner.js';
import { EdgeTable, badLine, expectedRows, fit, parseEdgeRange, type EndpointSink, type RangeRows } from './kgx-edge-rows.js';
import type { EdgeRangeJob } from './kgx-edges-worker.js';
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
   * Read the second part of a big edges file in a worker thread while this one reads the nodes file and the
   * first part (default: for edges files of PARALLEL_MIN_BYTES or more, when the compiled worker is there).
   * 'inline': split the same way but read both parts in this thread (tests of the merge). false: one pass.
   */
  parallel?: boolean | 'inline';
  /** Where the second part starts, as a share of the rows' bytes (default SPLIT_SHARE). */
  splitShare?: number;
}

/** Edges files from 32 MB (about 200,000 rows) are read by two threads. */
export const PARALLEL_MIN_BYTES = 32 << 20;
/** The worker takes the rows after this share of the bytes; this thread also reads the nodes file. */
export const SPLIT_SHARE = 0.4;
const WORKER_URL = new URL('./kgx-edges-worker.js', import.meta.url);

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
  nodes.warnDangling = nodesPath !== null ? (line, id) => problems.warn('dangling_endpoint', edgesPath, line, id, `node is not in the nodes file; added without name or category`) : null;
  const started = Date.now();
  const mode = options.parallel ?? 'auto';
  const twoThreads =
    mode === 'inline' || (mode !== false && (mode === true || statSync(edgesPath).size >= PARALLEL_MIN_BYTES) && workerBuilt());
  const plan = twoThreads ? planSplit(edgesPath, options.splitShare ?? SPLIT_SHARE) : null;
  const rest = plan ? parseRest(edgesPath, plan, mode === 'inline' ? 'inline' : 'worker', options.chunkSize) : null;
  let table: EdgeTable;
  try {
    if (nodesPath) await readNodes(nodesPath, nodes, problems, onProgress, chunk);
    table = await readEdges(edgesPath, nodes, onProgress, chunk, plan?.at);
    if (rest) appendRest(edgesPath, table, nodes, await rest.rows);
  } catch (err) {
    if (err instanceof LineTooLongError) throw new MechkgError(`${err.path}:${lineNumberAt(err.path, err.offset)}: row over ${err.limit} bytes, the limit for one row; nothing after it was read`);
    throw err;
  } finally {
    rest?.stop();
  }
  const size = statSync(edgesPath).size;
  onProgress?.({ file: edgesPath, lines: table.line, bytes: size, totalBytes: size, elapsedMs: Date.now() - started });
  if (onProgress === ttyProgress) process.stderr.write('\n');
  const index = new CompactIndex(nodes.finish(), finishEdges(edgesPath, table, table.columns, nodes), edgesPath) as CompactIndex & KgxLoadReport;
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
class NodeTable implements EndpointSink {
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

  /** Warns about an edge endpoint missing from the nodes file (null: there is no nodes file). */
  warnDangling: ((line: number, id: string) => void) | null = null;

  /** Number of the node whose original id is buf[start, end) (hash: its fnv1a), or -1. */
  find(buf: Uint8Array, start: number, end: number, hash: number): number {
    return this.interner.find(buf, start, end, hash);
  }

  /** An edge endpoint missing from the nodes file (or without one): added with no name or category. */
  addEndpoint(buf: Buffer, start: number, end: number, hash: number, line: number): number {
    const added = this.add(buf, start, end, hash, '', 0, 0);
    this.warnDangling?.(line, this.ids[added]!);
    this.labels.append('');
    this.synonyms.append('');
    this.identifiers.append('');
    return added;
  }

  /**
   * Adds a node (from the nodes file, or an edge endpoint missing from it; the caller found it new) with its
   * KGX category cell and its xref cell at buf[xrefStart, xrefEnd); returns its number. The caller appends
   * its label, synonyms and identifiers next.
   */
  add(buf: Buffer, start: number, end: number, hash: number, categoryCell: string, xrefStart: number, xrefEnd: number): number {
    const n = this.interner.add(buf, start, end, hash);
    const original = buf.toString('utf8', start, end);
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
    if (category === null) category = categoryFromKgx(splitList(categoryCell), [original, ...splitList(buf.toString('utf8', xrefStart, xrefEnd))]);
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

async function readNodes(path: string, nodes: NodeTable, problems: ProblemLog, onProgress?: (p: LineProgress) => void, chunk: ChunkOptions = {}): Promise<void> {
  let header: Header | null = null;
  let cols = { id: 0, category: -1, name: -1, synonym: -1, xref: -1 };
  let starts = new Int32Array(0);
  let ends = new Int32Array(0);
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
        return;
      }
      if (start === end) return;
      const fields = splitTabs(buf, start, end, starts, ends);
      if (cols.id >= fields) throw badLine(path, line, buf, start, end, `no "id" field: ${fields} tab-separated field(s), expected at least ${cols.id + 1}`);
      const idStart = starts[cols.id]!;
      const idEnd = ends[cols.id]!;
      if (idStart === idEnd) throw badLine(path, line, buf, start, end, 'empty node id');
      const hash = fnv1a(buf, idStart, idEnd);
      if (nodes.find(buf, idStart, idEnd, hash) >= 0) {
        problems.warn('duplicate_id', path, line, buf.toString('utf8', idStart, idEnd), `node listed again; the first row is kept`);
        return;
      }
      const category = cols.category >= 0 && cols.category < fields ? buf.toString('utf8', starts[cols.category]!, ends[cols.category]!) : '';
      const hasXref = cols.xref >= 0 && cols.xref < fields;
      nodes.add(buf, idStart, idEnd, hash, category, hasXref ? starts[cols.xref]! : 0, hasXref ? ends[cols.xref]! : 0);
      append(nodes.labels, buf, cols.name, fields);
      append(nodes.synonyms, buf, cols.synonym, fields);
      append(nodes.identifiers, buf, cols.xref, fields);
    },
    onProgress,
    chunk,
  );
  if (!header) throw new MechkgError(`${path}: empty file (a KGX nodes TSV starts with a header line)`);
}

/** Whether the worker's compiled module is there (not when running from the TypeScript sources, e.g. in tests). */
function workerBuilt(): boolean {
  try {
    return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));
  } catch {
    return false;
  }
}

/** Parses the rows of the edges file up to byte `to` (default: the end) into a table over the global nodes. */
async function readEdges(path: string, nodes: NodeTable, onProgress: ((p: LineProgress) => void) | undefined, chunk: ChunkOptions, to?: number): Promise<EdgeTable> {
  let table: EdgeTable | null = null;
  let lastReport = Date.now();
  await forEachChunk(
    path,
    (buf, start, end, fileOffset) => {
      let pos = start;
      if (!table) {
        let nl = buf.indexOf(10, start);
        if (nl < 0 || nl >= end) nl = end;
        const header = readHeader(path, buf, start, trimCr(buf, start, nl), ['subject', 'predicate', 'object']);
        pos = Math.min(nl + 1, end);
        table = new EdgeTable(path, nodes, header.columns, expectedRows(buf, pos, end, statSync(path).size));
      }
      table.parse(buf, pos, end, fileOffset + (pos - start));
    },
    {
      ...chunk,
      ...(to === undefined ? {} : { end: to }),
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

/**
 * Where a second thread should start on the edges file: the start of the line after `share` of the rows'
 * bytes, with the header's columns and the rows expected there; null when the file is too small or odd
 * (no header, no line end near the split): then one thread reads it all, and reports any problem.
 */
function planSplit(path: string, share: number): { columns: string[]; at: number; expectedRows: number } | null {
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.allocUnsafe(Math.min(size, 1 << 18));
    const n = readSync(fd, head, 0, head.length, 0);
    const nl = head.subarray(0, n).indexOf(10);
    if (nl < 0) return null;
    const columns = head.toString('utf8', 0, trimCr(head, 0, nl)).split('\t').map((c) => c.trim());
    if (!['subject', 'predicate', 'object'].every((c) => columns.includes(c))) return null;
    const rowsStart = nl + 1;
    const target = rowsStart + Math.floor((size - rowsStart) * share);
    if (target <= rowsStart || target >= size) return null;
    const window = Buffer.allocUnsafe(Math.min(1 << 16, size - target + 1));
    const m = readSync(fd, window, 0, window.length, target - 1);
    const cut = window.subarray(0, m).indexOf(10);
    if (cut < 0 || target + cut >= size) return null;
    const at = target + cut; // just after the newline found at target - 1 + cut
    const rows = expectedRows(head, rowsStart, n, size);
    return { columns, at, expectedRows: Math.ceil((rows * (size - at)) / (size - rowsStart)) };
  } finally {
    closeSync(fd);
  }
}

/** Parses bytes [at, end) of the edges file in a worker thread (or in this one: 'inline'), as RangeRows. */
function parseRest(path: string, plan: { columns: string[]; at: number; expectedRows: number }, mode: 'worker' | 'inline', chunkSize?: number): { rows: Promise<RangeRows>; stop: () => void } {
  const size = statSync(path).size;
  if (mode === 'inline') {
    const chunk = chunkSize === undefined ? {} : { chunkSize, carryRoom: Math.min(chunkSize, 1 << 16) };
    return { rows: parseEdgeRange(path, plan.columns, plan.at, size, plan.expectedRows, chunk), stop: () => {} };
  }
  const job: EdgeRangeJob = { path, columns: plan.columns, from: plan.at, to: size, expectedRows: plan.expectedRows, ...(chunkSize === undefined ? {} : { chunkSize }) };
  const worker = new Worker(WORKER_URL, { workerData: job });
  worker.unref();
  const rows = new Promise<RangeRows>((resolve, reject) => {
    worker.once('message', (m: RangeRows | { failed: string }) => ('failed' in m ? reject(new MechkgError(m.failed)) : resolve(m)));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new MechkgError(`${path}: the edge reader thread stopped (exit code ${code})`)));
  });
  rows.catch(() => undefined); // handled by the caller, unless the first part failed first
  return { rows, stop: () => void worker.terminate() };
}

/** Appends the rows a second thread parsed (nodes new to the table added in order, with their warnings). */
function appendRest(path: string, table: EdgeTable, nodes: NodeTable, rows: RangeRows): void {
  const lineBase = table.line;
  const ids = Buffer.from(rows.idBytes.buffer, rows.idBytes.byteOffset, rows.idBytes.byteLength);
  const nodeOf = new Int32Array(rows.idEnds.length);
  let start = 0;
  for (let l = 0; l < nodeOf.length; l++) {
    const end = rows.idEnds[l]!;
    const hash = rows.idHashes[l]!;
    const n = nodes.find(ids, start, end, hash);
    nodeOf[l] = n >= 0 ? n : nodes.addEndpoint(ids, start, end, hash, lineBase + rows.idLines[l]!);
    start = end;
  }
  table.append(rows, nodeOf);
  const error = rows.error;
  if (error) throw new MechkgError('line' in error ? `${path}:${lineBase + error.line}${error.rest}` : error.message);
}

/** The edges' typed arrays for the CompactIndex (sign, causal flag and strength from each edge's kind). */
function finishEdges(path: string, table: EdgeTable, columns: readonly string[], nodes: NodeTable): CompactEdges {
  const { count, kinds } = table;
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
  const source = fit(table.source, count);
  const target = fit(table.target, count);
  const offsets = fit(table.lineOffset, count);
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
    ownIds: table.ownIds,
    evidence: evidenceReader(path, columns, (e) => offsets[e]!, (e) => nodes.ids[source[e]!]!, (e) => nodes.ids[target[e]!]!),
  };
}

/**
 * Evidence is not held in memory: an edge shown in a result has its row re-read from the file. The file
 * stays open for the life of the index (one open, not one per edge), and recent edges are memoized, since
 * the paths of one result share most of their edges.
 */
function evidenceReader(
  path: string,
  columns: readonly string[],
  offsetOf: (e: number) => number,
  sourceOf: (e: number) => string,
  targetOf: (e: number) => string,
): (e: number) => EvidenceData[] {
  let fd: number | null = null;
  const buf = Buffer.allocUnsafe(4096);
  const memo = new Map<number, EvidenceData[]>();
  const readRow = (offset: number): Record<string, string> => {
    fd ??= openSync(path, 'r');
    const parts: Buffer[] = [];
    let position = offset;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, position);
      const nl = buf.subarray(0, n).indexOf(10);
      parts.push(Buffer.from(buf.subarray(0, nl >= 0 ? nl : n)));
      if (nl >= 0 || n === 0) break;
      position += n;
    }
    const values = Buffer.concat(parts).toString('utf8').replace(/\r$/, '').split('\t');
    return Object.fromEntries(columns.map((c, i) => [c, values[i] ?? '']));
  };
  return (e) => {
    let evidence = memo.get(e);
    if (!evidence) {
      evidence = evidenceFromRow(path, readRow(offsetOf(e)), sourceOf(e), targetOf(e));
      if (memo.size >= 10_000) memo.clear();
      memo.set(e, evidence);
    }
    return evidence;
  };
}

/**
 * Evidence of an imported KGX edge, as the importer synthesizes it (src/import/assemble-graph.ts): one entry
 * per PMID / doi publication, else one for the primary knowledge source, else one for the file; its kind from
 * knowledge_level.
 */
function evidenceFromRow(file: string, row: Record<string, string>, source: string, target: string): EvidenceData[] {
  const kind = ownValue(KIND_OF_KNOWLEDGE_LEVEL, row.knowledge_level) ?? 'review_statement';
  const statement = `${file} asserts ${source} ${row.predicate} ${target}`;
  const refs: string[] = [];
  const publications = splitList(row.publications ?? '');
  if (publications.length > MAX_LIST_ITEMS) throw new MechkgError(`${file}: edge ${source} -> ${target}: ${publications.length} publications, over the limit of ${MAX_LIST_ITEMS} for one list`);
  for (const pub of publications) {
    const m = /^(pmid|doi):\s*(.+)$/i.exec(pub.trim());
    if (m) refs.push(slugify(`${m[1]}-${m[2]}`));
  }
  if (refs.length === 0) refs.push(slugify(row.primary_knowledge_source || file));
  return refs.map((ref) => ({ source: ref, kind, stance: 'supports', statement }));
}

function ttyProgress(p: LineProgress): void {
  const mb = p.bytes / 1e6;
  const rate = p.elapsedMs > 0 ? mb / (p.elapsedMs / 1000) : 0;
  const pct = p.totalBytes > 0 ? ` (${Math.round((100 * p.bytes) / p.totalBytes)}%)` : '';
  process.stderr.write(`\rmechkg: ${p.file.replace(/^.*[\\/]/, '').replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')}: ${p.lines.toLocaleString('en')} lines, ${mb.toFixed(0)} MB${pct}, ${rate.toFixed(0)} MB/s   `);
}
