/** Node-only: reads a graph file in another tool's format (KGX, Cytoscape JSON, GraphML) by its name. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { MechkgError } from '../errors.js';
import type { LoadResult } from '../graph/load-graph.js';
import { detectImportFormat, importGraph, tryImportGraph, type ImportFile, type ImportFormat } from '../import/import-graph.js';
import { MAX_IMPORT_FILE_BYTES, MAX_LIST_ITEMS, MAX_ROW_BYTES } from '../model/input-limits.js';
import type { KnowledgeGraph, Problem } from '../model/types.js';
import { decodeUtf8 } from './read-graph-dir.js';

/** The files and format a path stands for: a KGX edges file brings its nodes file (same prefix) along. */
export function importFilesFor(path: string, warnings: Problem[] = []): { files: ImportFile[]; format: ImportFormat } {
  const format = detectImportFormat(path);
  if (!format) {
    throw new MechkgError(`${path}: cannot tell the format from the name; expected PREFIX_edges.tsv (KGX), PREFIX_edges.jsonl (KGX JSON Lines), *.cyjs or *.json (Cytoscape JSON) or *.graphml`);
  }
  const read = (p: string): ImportFile => readImportFile(p, format, warnings);
  if (format === 'kgx' || format === 'kgx-jsonl') {
    const m = /^(.*)_(nodes|edges)\.(tsv|jsonl)$/i.exec(path);
    if (!m) throw new MechkgError(`${path}: a KGX file must be named PREFIX_edges.${m ? m[3] : format === 'kgx' ? 'tsv' : 'jsonl'} with PREFIX_nodes beside it`);
    const [, prefix, , ext] = m;
    const nodes = `${prefix}_nodes.${ext}`;
    const edges = `${prefix}_edges.${ext}`;
    const files = [nodes, edges].filter((p) => existsSync(p));
    if (!existsSync(edges)) throw new MechkgError(`${path}: no edges file ${basename(edges)} beside it`);
    return { files: files.map(read), format };
  }
  return { files: [read(path)], format };
}

export function importGraphFile(path: string): KnowledgeGraph {
  const { files, format } = importFilesFor(path);
  return importGraph(files, format);
}

export function tryImportGraphFile(path: string): LoadResult {
  const warnings: Problem[] = [];
  const { files, format } = importFilesFor(path, warnings);
  const result = tryImportGraph(files, format);
  return warnings.length ? { ...result, problems: [...warnings, ...result.problems] } : result;
}

/**
 * Reads one file for an importer within the input limits (src/model/input-limits.ts): the whole file, each
 * row of a TSV or JSON Lines file, and the items of a list in a row; each limit is an error naming the file
 * and row. Invalid UTF-8 is a located warning.
 */
function readImportFile(path: string, format: ImportFormat, warnings: Problem[]): ImportFile {
  const size = statSync(path).size;
  if (size > MAX_IMPORT_FILE_BYTES) throw new MechkgError(`${path}: ${size} bytes, over the ${MAX_IMPORT_FILE_BYTES}-byte limit for a file read whole; use a KGX TSV (read as a compact index)`);
  const text = decodeUtf8(readFileSync(path), path, warnings);
  if (format === 'kgx' || format === 'kgx-jsonl') {
    let line = 1;
    for (let start = 0; start < text.length; line++) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      if (end - start > MAX_ROW_BYTES) throw new MechkgError(`${path}:${line}: row over ${MAX_ROW_BYTES} characters, the limit for one row`);
      let items = 0; // list items of a TSV row are |-separated (JSON Lines rows are bounded by their size)
      if (format === 'kgx') for (let i = text.indexOf('|', start); i >= 0 && i < end; i = text.indexOf('|', i + 1)) items++;
      if (items >= MAX_LIST_ITEMS) throw new MechkgError(`${path}:${line}: a row with over ${MAX_LIST_ITEMS} list items, the limit for one row`);
      start = end + 1;
    }
  }
  return { path, text };
}
