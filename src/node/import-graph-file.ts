/**
 * Node-only: reads a graph file another tool wrote. The format is told by content (src/import); the name only
 * pairs KGX files: `X_edges.tsv` / `edges.tsv` brings `X_nodes.tsv` / `nodes.tsv` beside it along and vice
 * versa (either alone is fine). `.gz` files are decompressed. Files are read within the input limits.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { MechkgError } from '../errors.js';
import type { LoadResult } from '../graph/load-graph.js';
import { importGraph, sniffFormat, tryImportGraph, type ImportFile } from '../import/import-graph.js';
import { MAX_IMPORT_FILE_BYTES, MAX_LIST_ITEMS, MAX_ROW_BYTES } from '../model/input-limits.js';
import type { KnowledgeGraph, Problem } from '../model/types.js';
import { decodeUtf8 } from './read-graph-dir.js';

/**
 * The text of a file, gunzipped when it is gzip (by its magic bytes, not its name), within the size limit
 * (compressed and decompressed); invalid UTF-8 is a located warning.
 */
export function readGraphText(path: string, warnings: Problem[] = []): string {
  const size = statSync(path).size;
  const over = (n: number) => `${path}: ${n} bytes, over the ${MAX_IMPORT_FILE_BYTES}-byte limit for a file read whole; use a KGX TSV (read as a compact index)`;
  if (size > MAX_IMPORT_FILE_BYTES) throw new MechkgError(over(size));
  let bytes: Buffer = readFileSync(path);
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_IMPORT_FILE_BYTES });
    } catch (err) {
      if (err instanceof RangeError) throw new MechkgError(over(MAX_IMPORT_FILE_BYTES + 1).replace(/\d+ bytes/, 'decompressed, more bytes'));
      throw new MechkgError(`${path}: a gzip file that does not decompress (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  return decodeUtf8(bytes, path, warnings);
}

/** The KGX file paired with path (nodes <-> edges, same prefix and extension), when the name says so. */
export function kgxPartner(path: string): string | null {
  const m = /^(.*?)(^|[\\/_.-])(nodes|edges)(\.[a-z]+(?:\.gz)?)$/i.exec(path);
  if (!m) return null;
  const [, head, sep, part, ext] = m;
  return `${head}${sep}${part!.toLowerCase() === 'nodes' ? 'edges' : 'nodes'}${ext}`;
}

/** The files a path stands for: the file, and its KGX partner when both are KGX of the same kind. */
export function importFilesFor(path: string, warnings: Problem[] = []): ImportFile[] {
  const main: ImportFile = { path, text: readGraphText(path, warnings) };
  const sniffed = sniffFormat(main.text);
  if (sniffed.format !== 'kgx' && sniffed.format !== 'kgx-csv' && sniffed.format !== 'kgx-jsonl') return [main];
  checkRows(main, sniffed.format);
  const partner = kgxPartner(path);
  if (!partner || !existsSync(partner)) return [main];
  const other: ImportFile = { path: partner, text: readGraphText(partner, warnings) };
  if (sniffFormat(other.text).format !== sniffed.format) return [main];
  checkRows(other, sniffed.format);
  return /nodes(\.[a-z]+)+$/i.test(partner) ? [other, main] : [main, other];
}

export function importGraphFile(path: string): KnowledgeGraph {
  return importGraph(importFilesFor(path), 'auto');
}

export function tryImportGraphFile(path: string): LoadResult {
  const warnings: Problem[] = [];
  const result = tryImportGraph(importFilesFor(path, warnings), 'auto');
  return warnings.length ? { ...result, problems: [...warnings, ...result.problems] } : result;
}

/**
 * The row limits of src/model/input-limits.ts on a TSV or JSON Lines file: each row's size and the items of
 * the lists in a TSV row; each is an error naming the file and row.
 */
function checkRows(f: ImportFile, format: 'kgx' | 'kgx-csv' | 'kgx-jsonl'): void {
  const text = f.text;
  let line = 1;
  for (let start = 0; start < text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > MAX_ROW_BYTES) throw new MechkgError(`${f.path}:${line}: row over ${MAX_ROW_BYTES} characters, the limit for one row`);
    let items = 0; // list items of a TSV row are |-separated (JSON Lines rows are bounded by their size)
    if (format !== 'kgx-jsonl') for (let i = text.indexOf('|', start); i >= 0 && i < end; i = text.indexOf('|', i + 1)) items++;
    if (items >= MAX_LIST_ITEMS) throw new MechkgError(`${f.path}:${line}: a row with over ${MAX_LIST_ITEMS} list items, the limit for one row`);
    start = end + 1;
  }
}
