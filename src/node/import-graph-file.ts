/** Node-only: reads a graph file in another tool's format (KGX, Cytoscape JSON, GraphML) by its name. */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { MechkgError } from '../errors.js';
import type { LoadResult } from '../graph/load-graph.js';
import { detectImportFormat, importGraph, tryImportGraph, type ImportFile, type ImportFormat } from '../import/import-graph.js';
import type { KnowledgeGraph } from '../model/types.js';

/** The files and format a path stands for: a KGX edges file brings its nodes file (same prefix) along. */
export function importFilesFor(path: string): { files: ImportFile[]; format: ImportFormat } {
  const format = detectImportFormat(path);
  if (!format) {
    throw new MechkgError(`${path}: cannot tell the format from the name; expected PREFIX_edges.tsv (KGX), PREFIX_edges.jsonl (KGX JSON Lines), *.cyjs or *.json (Cytoscape JSON) or *.graphml`);
  }
  const read = (p: string): ImportFile => ({ path: p, text: readFileSync(p, 'utf8') });
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
  const { files, format } = importFilesFor(path);
  return tryImportGraph(files, format);
}
