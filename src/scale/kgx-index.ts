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
import { mapCategory } from '../import/vocabulary-map.js';
import { splitList } from '../import/delimited-text.js';
import { EDGE_KIND_COLUMNS, KIND_OF_KNOWLEDGE_LEVEL, categoryFromKgx, describeEdgeKind, isOwnEdgeId, nodeSlug, slugify, type EdgeKind, type KindColumn } from './kgx-edge-kind.js';
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

async function readNodes(path: string, nodes: NodeTable, problems: ProblemLog, onProgress?: (p: LineProgress) => void): Promise<void> {
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
  );
  if (!header) throw new MechkgError(`${path}: empty file (a KGX nodes TSV starts with a header line)`);
}

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
  const ownIds = new Map<number, string>();

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
    const added = nodes.add(buf, start, end, hash, ascii, '', '');
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
      if (colId >= 0 && colId < fields && starts[colId] !== ends[colId] && mayBeOwnId(buf, starts[colId]!, ends[colId]!)) {
        const given = fieldText(buf, starts[colId]!, ends[colId]!, ascii);
        const own = given.startsWith('mechkg:') ? given.slice(7) : given;
        if (isOwnEdgeId(own)) ownIds.set(count, own);
      }
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
    ownIds,
    evidence: (e: number) => evidenceFromRow(path, readRow(path, columns, offsets[e]!), nodes.ids[source[e]!]!, nodes.ids[target[e]!]!),
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
  if (end - start > 7 && buf.toString('latin1', start, start + 7) === 'mechkg:') i += 7;
  for (; i < end; i++) {
    const c = buf[i]!;
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95)) return false;
  }
  return true;
}

function ttyProgress(p: LineProgress): void {
  const mb = p.bytes / 1e6;
  const rate = p.elapsedMs > 0 ? mb / (p.elapsedMs / 1000) : 0;
  const pct = p.totalBytes > 0 ? ` (${Math.round((100 * p.bytes) / p.totalBytes)}%)` : '';
  process.stderr.write(`\rmechkg: ${p.file.replace(/^.*[\\/]/, '')}: ${p.lines.toLocaleString('en')} lines, ${mb.toFixed(0)} MB${pct}, ${rate.toFixed(0)} MB/s   `);
}
