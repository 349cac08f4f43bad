/**
 * Node-only: builds a CompactIndex straight from a KGX edges TSV (and the `*_nodes.tsv` beside it), streamed
 * line by line, without graphology. Node ids are interned to numbers, the per-edge columns go to typed arrays,
 * and what depends only on low-cardinality columns (predicate, direction qualifier, knowledge level, agent
 * type) is computed once per distinct combination. Evidence stays in the file: an edge's line is re-read when
 * a result shows it. A 1M-edge file loads in about a second in a few hundred MB (see BENCHMARKS.md).
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { MechkgError } from '../errors.js';
import type { EvidenceData } from '../model/schema.js';
import type { Problem, ProblemCode } from '../model/types.js';
import { CompactIndex, type CompactNodes } from './compact-index.js';
import { EDGE_KIND_COLUMNS, categoryFromKgx, describeEdgeKind, type EdgeKind } from './kgx-edge-kind.js';
import { ByteInterner } from './byte-interner.js';
import { StringPool } from './string-pool.js';
import { fieldText, forEachLine, splitFields, type LineProgress } from './tsv-lines.js';

export interface LoadKgxOptions {
  /** Called at most every 250 ms while reading, and once per file at the end. */
  onProgress?: (progress: LineProgress) => void;
  /** The nodes file; default: `<name>_nodes.tsv` beside `<name>_edges.tsv` when it exists. null: none. */
  nodesPath?: string | null;
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
  if (nodesPath) await readNodes(nodesPath, nodes, problems, onProgress);
  const edges = await readEdges(edgesPath, nodes, nodesPath !== null, problems, onProgress);
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

/** Nodes in number order: ids (interned from their bytes), category bytes and the name pools. */
class NodeTable {
  readonly ids: string[] = [];
  readonly interner = new ByteInterner(1 << 16);
  private category = new Uint8Array(1024);
  private readonly categoryNames: string[] = [];
  private readonly categoryNumbers = new Map<string, number>();
  readonly labels = new StringPool(1024);
  readonly synonyms = new StringPool(1024, 1024);
  readonly identifiers = new StringPool(1024, 1024);

  /** Number of the node whose id is buf[start, end) (hash: its fnv1a), or -1. */
  find(buf: Buffer, start: number, end: number, hash: number): number {
    return this.interner.find(buf, start, end, hash);
  }

  /** Adds a node (from the nodes file, or an edge endpoint missing from it); returns its number. */
  add(buf: Buffer, start: number, end: number, hash: number, ascii: boolean, category: string): number {
    const n = this.interner.intern(buf, start, end, hash);
    this.ids.push(fieldText(buf, start, end, ascii));
    if (n === this.category.length) {
      const grown = new Uint8Array(n * 2);
      grown.set(this.category);
      this.category = grown;
    }
    this.category[n] = this.categoryNumber(category);
    return n;
  }

  private categoryNumber(name: string): number {
    let c = this.categoryNumbers.get(name);
    if (c === undefined) {
      c = this.categoryNames.length;
      if (c > 255) throw new MechkgError(`KGX nodes: more than 256 distinct categories; the compact index stores one byte per node`);
      this.categoryNames.push(name);
      this.categoryNumbers.set(name, c);
    }
    return c;
  }

  finish(): CompactNodes {
    const interner = this.interner;
    return {
      ids: this.ids,
      indexOf: (id) => interner.lookup(id),
      category: this.category.slice(0, this.ids.length),
      categoryNames: this.categoryNames,
      labels: this.labels.trim(),
      synonyms: this.synonyms.trim(),
      identifiers: this.identifiers.trim(),
    };
  }
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

async function readNodes(path: string, nodes: NodeTable, problems: ProblemLog, onProgress?: (p: LineProgress) => void): Promise<void> {
  let header: Header | null = null;
  let cols = { id: 0, category: -1, name: -1, synonym: -1, xref: -1 };
  let starts = new Int32Array(0);
  let ends = new Int32Array(0);
  let hashes = new Int32Array(0);
  const categoryCache = new Map<string, string>();
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
      let category = '';
      if (cols.category >= 0 && cols.category < fields) {
        const raw = fieldText(buf, starts[cols.category]!, ends[cols.category]!, ascii);
        category = categoryCache.get(raw) ?? categoryFromKgx(raw);
        categoryCache.set(raw, category);
      }
      nodes.add(buf, idStart, idEnd, hashes[cols.id]!, ascii, category);
      append(nodes.labels, buf, cols.name, fields);
      append(nodes.synonyms, buf, cols.synonym, fields);
      append(nodes.identifiers, buf, cols.xref, fields);
    },
    onProgress,
  );
  if (!header) throw new MechkgError(`${path}: empty file (a KGX nodes TSV starts with a header line)`);
}

type KindColumn = (typeof EDGE_KIND_COLUMNS)[number];

async function readEdges(path: string, nodes: NodeTable, haveNodesFile: boolean, problems: ProblemLog, onProgress?: (p: LineProgress) => void) {
  let header: Header | null = null;
  let colId = -1;
  let colSubject = 0;
  let colObject = 0;
  let kindCols: number[] = []; // header index per EDGE_KIND_COLUMNS entry, -1 when absent
  let required = 0; // fields a row must have
  let starts = new Int32Array(0);
  let ends = new Int32Array(0);
  let hashes = new Int32Array(0);

  let capacity = 1024;
  let count = 0;
  let source = new Int32Array(capacity);
  let target = new Int32Array(capacity);
  let kind = new Uint16Array(capacity);
  let lineOffset = new Float64Array(capacity);
  const ids = new StringPool(capacity);

  // kinds: one entry per distinct combination of the kind columns, found by a hash of their bytes
  const kinds: EdgeKind[] = [];
  const kindKeys: Uint8Array[] = [];
  const kindByHash = new Map<number, number>();
  const kindByText = new Map<string, number>(); // fallback on a hash collision
  const kindValues = (buf: Buffer, fields: number, ascii: boolean): Record<KindColumn, string> => {
    const values = {} as Record<KindColumn, string>;
    EDGE_KIND_COLUMNS.forEach((name, k) => {
      const c = kindCols[k]!;
      values[name] = c >= 0 && c < fields ? fieldText(buf, starts[c]!, ends[c]!, ascii).trim() : '';
    });
    return values;
  };
  const newKind = (values: Record<KindColumn, string>, key: Uint8Array, line: number): number => {
    const k = kinds.length;
    if (k === 0xffff) throw new MechkgError(`${path}:${line}: more than 65,535 distinct predicate/qualifier combinations`);
    kinds.push(describeEdgeKind(values));
    kindKeys.push(key);
    return k;
  };

  const nodeNumber = (buf: Buffer, start: number, end: number, hash: number, ascii: boolean, line: number): number => {
    const n = nodes.find(buf, start, end, hash);
    if (n >= 0) return n;
    const added = nodes.add(buf, start, end, hash, ascii, '');
    if (haveNodesFile) problems.warn('dangling_endpoint', path, line, nodes.ids[added]!, `node is not in the nodes file; added without name or category`);
    nodes.labels.append('');
    nodes.synonyms.append('');
    nodes.identifiers.append('');
    return added;
  };

  const grow = () => {
    capacity = Math.ceil(capacity * 1.6);
    const resize = <T extends Int32Array | Uint16Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    source = resize(source, (n) => new Int32Array(n));
    target = resize(target, (n) => new Int32Array(n));
    kind = resize(kind, (n) => new Uint16Array(n));
    lineOffset = resize(lineOffset, (n) => new Float64Array(n));
  };

  await forEachLine(
    path,
    (buf, start, end, line, offset) => {
      if (!header) {
        header = readHeader(path, buf, start, end, ['subject', 'predicate', 'object']);
        colId = header.at('id');
        colSubject = header.at('subject');
        colObject = header.at('object');
        kindCols = EDGE_KIND_COLUMNS.map((c) => header!.at(c));
        required = Math.max(colSubject, colObject, header.at('predicate')) + 1;
        const width = Math.max(required, colId + 1, ...kindCols.map((c) => c + 1));
        starts = new Int32Array(width);
        ends = new Int32Array(width);
        hashes = new Int32Array(width);
        return;
      }
      if (start === end) return;
      let fields = splitFields(buf, start, end, starts, ends, hashes);
      const ascii = fields > 0;
      if (fields < 0) fields = -fields;
      if (fields < required) throw badLine(path, line, buf, start, end, `${fields} tab-separated field(s), expected at least ${required} (subject, predicate, object)`);
      const s = starts[colSubject]!;
      const o = starts[colObject]!;
      const p = kindCols[0]!;
      if (s === ends[colSubject] || o === ends[colObject] || starts[p] === ends[p]) {
        throw badLine(path, line, buf, start, end, `empty ${s === ends[colSubject] ? 'subject' : o === ends[colObject] ? 'object' : 'predicate'}`);
      }

      // kind: a hash of the kind columns' hashes, verified against the stored bytes
      let h = 0x811c9dc5;
      let keyLength = 0;
      for (let k = 0; k < kindCols.length; k++) {
        const c = kindCols[k]!;
        if (c >= 0 && c < fields) {
          h = Math.imul(h ^ hashes[c]!, 16777619);
          keyLength += ends[c]! - starts[c]! + 1;
        } else {
          h = Math.imul(h ^ 9, 16777619);
          keyLength++;
        }
      }
      let k = kindByHash.get(h);
      if (k === undefined || !sameKey(kindKeys[k]!, buf, fields, keyLength)) {
        const values = kindValues(buf, fields, ascii);
        const text = EDGE_KIND_COLUMNS.map((c) => values[c]).join('\t');
        k = kindByText.get(text);
        if (k === undefined) {
          k = newKind(values, keyBytes(buf, fields, keyLength), line);
          kindByText.set(text, k);
          if (!kindByHash.has(h)) kindByHash.set(h, k);
        }
      }

      if (count === capacity) grow();
      source[count] = nodeNumber(buf, s, ends[colSubject]!, hashes[colSubject]!, ascii, line);
      target[count] = nodeNumber(buf, o, ends[colObject]!, hashes[colObject]!, ascii, line);
      kind[count] = k;
      lineOffset[count] = offset;
      if (colId >= 0 && colId < fields && starts[colId] !== ends[colId]) ids.appendBytes(buf, starts[colId]!, ends[colId]!);
      else ids.append(`${path.replace(/^.*[\\/]/, '')}:${line}`);
      count++;
    },
    onProgress,
  );
  if (!header) throw new MechkgError(`${path}: empty file (a KGX edges TSV starts with a header line)`);

  // the bytes of a kind key, as the line holds them: the kind columns joined by tabs
  function keyBytes(buf: Buffer, fields: number, keyLength: number): Uint8Array {
    const key = new Uint8Array(keyLength);
    let p = 0;
    for (const c of kindCols) {
      if (c >= 0 && c < fields) for (let i = starts[c]!; i < ends[c]!; i++) key[p++] = buf[i]!;
      key[p++] = 9;
    }
    return key;
  }
  function sameKey(key: Uint8Array, buf: Buffer, fields: number, keyLength: number): boolean {
    if (key.length !== keyLength) return false;
    let p = 0;
    for (const c of kindCols) {
      if (c >= 0 && c < fields) for (let i = starts[c]!; i < ends[c]!; i++) if (key[p++] !== buf[i]) return false;
      if (key[p++] !== 9) return false;
    }
    return true;
  }

  const sign = new Int8Array(count);
  const causal = new Uint8Array(count);
  const strength = new Uint8Array(count);
  for (let e = 0; e < count; e++) {
    const d = kinds[kind[e]!]!;
    sign[e] = d.sign;
    causal[e] = d.causal ? 1 : 0;
    strength[e] = d.strength;
  }
  const offsets = lineOffset.slice(0, count);
  const columns = (header as Header).columns;
  return {
    count,
    source: source.slice(0, count),
    target: target.slice(0, count),
    sign,
    causal,
    strength,
    kind: kind.slice(0, count),
    predicates: kinds.map((d) => d.predicate),
    ids: ids.trim(),
    evidence: (e: number) => evidenceFromRow(readRow(path, columns, offsets[e]!)),
  };
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

/** PROVISIONAL (see kgx-edge-kind.ts): to be the KGX importer's row -> evidence mapping. */
function evidenceFromRow(_row: Record<string, string>): EvidenceData[] {
  return [];
}

function ttyProgress(p: LineProgress): void {
  const mb = p.bytes / 1e6;
  const rate = p.elapsedMs > 0 ? mb / (p.elapsedMs / 1000) : 0;
  const pct = p.totalBytes > 0 ? ` (${Math.round((100 * p.bytes) / p.totalBytes)}%)` : '';
  process.stderr.write(`\rmechkg: ${p.file.replace(/^.*[\\/]/, '')}: ${p.lines.toLocaleString('en')} lines, ${mb.toFixed(0)} MB${pct}, ${rate.toFixed(0)} MB/s   `);
}
