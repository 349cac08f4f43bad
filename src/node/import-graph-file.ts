/**
 * Node-only: reads a graph file another tool wrote. The format is told by content (src/import); the name only
 * pairs KGX files: `X_edges.tsv` / `edges.tsv` brings `X_nodes.tsv` / `nodes.tsv` beside it along and vice
 * versa (either alone is fine). `.gz` files are decompressed; a tar archive (`.tar`, `.tar.gz`, as KGX releases
 * come) is read as KGX reads one: its nodes files, then its edges files. Files are read within the input limits.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { MechkgError } from '../errors.js';
import type { LoadResult } from '../graph/load-graph.js';
import { importGraph, sniffFormat, tryImportGraph, type ImportFile } from '../import/import-graph.js';
import { MAX_IMPORT_FILE_BYTES, MAX_LIST_ITEMS, MAX_ROW_BYTES } from '../model/input-limits.js';
import type { KnowledgeGraph, Problem } from '../model/types.js';
import { decodeUtf8 } from './read-graph-dir.js';
import { isTar, tarEntries } from './tar-archive.js';

/**
 * The text of a file, gunzipped when it is gzip (by its magic bytes, not its name), within the size limit
 * (compressed and decompressed); invalid UTF-8 is a located warning.
 */
export function readGraphText(path: string, warnings: Problem[] = []): string {
  return decodeUtf8(readGraphBytes(path), path, warnings);
}

/** The bytes of a file, gunzipped when it is gzip, within the size limit (compressed and decompressed). */
function readGraphBytes(path: string): Uint8Array {
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
  return bytes;
}

/** KGX's rule for the members of an archive: names with nodes.FORMAT or edges.FORMAT (tsv, csv, jsonl). */
const KGX_MEMBER = /(nodes|edges)\.(tsv|csv|jsonl)$/i;

/** The KGX files of a tar archive at path (nodes files first, as KGX reads them), each named path/member. */
function archiveFiles(path: string, bytes: Uint8Array, warnings: Problem[]): ImportFile[] {
  let entries;
  try {
    entries = tarEntries(bytes);
  } catch (err) {
    throw new MechkgError(`${path}: a tar archive that does not read (${err instanceof Error ? err.message : String(err)})`);
  }
  const members = entries.filter((e) => KGX_MEMBER.test(e.name) && !/(^|\/)\._/.test(e.name)); // not macOS ._ resource forks
  if (members.length === 0) throw new MechkgError(`${path}: a tar archive with no KGX nodes or edges file (KGX reads members named *nodes.tsv, *edges.tsv, .csv or .jsonl); it holds ${entries.slice(0, 8).map((e) => `"${e.name}"`).join(', ') || 'no files'}`);
  const files = members
    .sort((a, b) => Number(/edges\./i.test(a.name)) - Number(/edges\./i.test(b.name)))
    .map((e) => ({ path: `${path}/${e.name}`, text: decodeUtf8(e.data, `${path}/${e.name}`, warnings) }));
  for (const f of files) {
    const format = sniffFormat(f.text).format;
    if (format === 'kgx' || format === 'kgx-csv' || format === 'kgx-jsonl') checkRows(f, format);
  }
  return files;
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
  const bytes = readGraphBytes(path);
  if (isTar(bytes)) return archiveFiles(path, bytes, warnings);
  const main: ImportFile = { path, text: decodeUtf8(bytes, path, warnings) };
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
