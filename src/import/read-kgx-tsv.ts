/**
 * KGX TSV (a nodes file, an edges file, or both) to common records, read as KGX reads it: tab-separated with
 * no quoting (a `"` is an ordinary character), a header row, rows that may leave trailing empty fields off,
 * `|` lists (src/import/kgx-fields.ts). Which file holds nodes and which edges is told by the header
 * (subject + object columns make an edges file), not by the name. KGX CSV is read the same way but for its
 * quoting: KGX reads CSV with pandas' default quoting (a field in double quotes may hold commas, a doubled
 * quote is a quote), and TSV with none.
 */
import type { Problem } from '../model/types.js';
import { kgxEdge, kgxNode, ownEdgeFields, ownNodeFields, ownSources, tsvValue, type RowValue } from './kgx-fields.js';
import { DelimitedSyntaxError, parseDelimited } from './delimited-text.js';
import { emptyRecords, type RecordsIn, type Where } from './records.js';

export interface TextFile {
  path: string;
  text: string;
}

export type KgxTableKind = 'nodes' | 'edges';

/** The columns of a KGX TSV header line (BOM and CR removed, names trimmed). */
export function tsvHeader(text: string): string[] {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  return text.slice(start, end).replace(/\r$/, '').split('\t').map((c) => c.trim());
}

/** Whether a header is a KGX edges table (subject and object), a nodes table (id), or neither. */
export function kgxTableKind(columns: readonly string[]): KgxTableKind | null {
  if (columns.includes('subject') && columns.includes('object')) return 'edges';
  if (columns.includes('id') || columns.includes('category') || columns.includes('name')) return 'nodes';
  return null;
}

/** Splits a KGX TSV into rows: one per non-empty line, with its 1-based line number; `\r\n` is accepted. */
export function* tsvLines(text: string): Generator<{ line: number; fields: string[] }> {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    line++;
    let end = nl;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    if (end > pos) yield { line, fields: text.slice(pos, end).split('\t') };
    pos = nl + 1;
  }
}

export function readKgxTsv(files: readonly TextFile[]): RecordsIn {
  const r = emptyRecords('KGX TSV');
  for (const f of files) readTable(f, r, tsvHeader(f.text), tsvLines(f.text), 'TSV');
  return r;
}

/** The columns of a KGX CSV header (its first record), or null when the first line is not a CSV record. */
export function csvHeader(text: string): string[] | null {
  const nl = text.indexOf('\n');
  try {
    const first = parseDelimited(nl < 0 ? text : text.slice(0, nl + 1), ',')[0];
    return first ? first.fields.map((c) => c.trim()) : null;
  } catch {
    return null;
  }
}

export function readKgxCsv(files: readonly TextFile[]): RecordsIn {
  const r = emptyRecords('KGX CSV');
  for (const f of files) {
    let records;
    try {
      records = parseDelimited(f.text, ',');
    } catch (err) {
      if (!(err instanceof DelimitedSyntaxError)) throw err;
      r.problems.push({ level: 'error', code: 'malformed_file', file: f.path, line: err.line, column: err.column, message: `not valid CSV: ${err.message}` });
      continue;
    }
    const [head, ...rows] = records;
    if (!head) continue;
    readTable(f, r, head.fields.map((c) => c.trim()), rows, 'CSV', true);
  }
  return r;
}

function readTable(f: TextFile, r: RecordsIn, columns: string[], lines: Iterable<{ line: number; fields: string[] }>, format: 'TSV' | 'CSV', headerRead = false): void {
  const kind = kgxTableKind(columns);
  const separated = format === 'TSV' ? 'tab-separated' : 'comma-separated';
  if (!kind) {
    r.problems.push({ level: 'error', code: 'malformed_file', file: f.path, line: 1, message: `not a KGX ${format} table: the header names neither an "id" column (nodes) nor "subject" and "object" (edges); found ${columns.slice(0, 8).map((c) => `"${c}"`).join(', ')}` });
    return;
  }
  if (kind === 'nodes' && !columns.includes('id')) {
    r.problems.push({ level: 'error', code: 'invalid_field', file: f.path, line: 1, message: `a KGX nodes file needs an "id" column (KGX rejects nodes without one); the header has ${columns.map((c) => `"${c}"`).join(', ')}` });
    return;
  }
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c)) r.problems.push({ level: 'warning', code: 'duplicate_id', file: f.path, line: 1, message: `column "${c}" appears twice in the header; the last one is read` });
    seen.add(c);
  }
  let first = !headerRead;
  for (const { line, fields } of lines) {
    if (first) {
      first = false;
      continue;
    }
    const where: Where = { file: f.path, line };
    if (fields.length > columns.length) {
      r.problems.push({ level: 'error', code: 'malformed_file', file: f.path, line, message: `${fields.length} ${separated} fields, but the header has ${columns.length} columns` });
      continue;
    }
    const row = new Map<string, RowValue>();
    for (let i = 0; i < fields.length; i++) {
      const v = tsvValue(columns[i]!, fields[i]!);
      if (v !== undefined) row.set(columns[i]!, v);
    }
    if (kind === 'nodes') {
      const n = kgxNode(row, where);
      ownNodeFields(n, row, false, r.problems);
      r.nodes.push(n);
    } else {
      const e = kgxEdge(row, where);
      ownEdgeFields(e, row, r.problems);
      for (const s of ownSources(row, where, r.problems, e.id)) r.sources.push({ where, data: s });
      r.edges.push(e);
    }
  }
}

export type { Problem };
