/**
 * importGraph: KGX (TSV, JSON Lines), Cytoscape JSON or GraphML text in, a KnowledgeGraph out, built and
 * validated exactly like a loaded graph. Browser-safe: it takes text, never paths to read.
 */
import { UsageError, ValidationError } from '../errors.js';
import type { LoadResult } from '../graph/load-graph.js';
import type { KnowledgeGraph } from '../model/types.js';
import { assembleGraph } from './assemble-graph.js';
import type { Candidates } from './candidates.js';
import { readCytoscapeJson } from './read-cytoscape-json.js';
import { readGraphml } from './read-graphml.js';
import { readKgx } from './read-kgx.js';

export const IMPORT_FORMATS = ['kgx', 'kgx-jsonl', 'cyjs', 'graphml'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** A file to import: a path (for messages and for telling KGX nodes from edges) and its text. */
export interface ImportFile {
  path: string;
  text: string;
}

export interface ImportOptions {
  /** Graph name (default: the graph's own name in the file, else the first file's name). */
  name?: string;
}

/** The import format a file name implies, or undefined. */
export function detectImportFormat(path: string): ImportFormat | undefined {
  const p = path.toLowerCase();
  if (p.endsWith('.tsv')) return 'kgx';
  if (p.endsWith('.jsonl')) return 'kgx-jsonl';
  if (p.endsWith('.cyjs') || p.endsWith('.json')) return 'cyjs';
  if (p.endsWith('.graphml') || p.endsWith('.xml')) return 'graphml';
  return undefined;
}

/** Validates and builds; never throws for bad data (problems are returned with file, line or element). */
export function tryImportGraph(input: string | ImportFile | readonly ImportFile[], format: ImportFormat, options: ImportOptions = {}): LoadResult {
  const files = typeof input === 'string' ? [{ path: `(${format} text)`, text: input }] : Array.isArray(input) ? (input as readonly ImportFile[]) : [input as ImportFile];
  if (files.length === 0) throw new UsageError('importGraph: no files given');
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`importGraph: unknown format "${format}"; expected one of ${IMPORT_FORMATS.join(', ')}`);
  const single = (what: string) => {
    if (files.length !== 1) throw new UsageError(`importGraph: ${what} takes one file, got ${files.length}`);
    return files[0]!;
  };
  let candidates: Candidates;
  if (format === 'kgx' || format === 'kgx-jsonl') candidates = readKgx(files, format === 'kgx' ? 'tsv' : 'jsonl');
  else if (format === 'cyjs') candidates = readCytoscapeJson(single('cyjs').path, single('cyjs').text);
  else candidates = readGraphml(single('graphml').path, single('graphml').text);
  const fallback = options.name ?? baseName(files[0]!.path);
  if (options.name) candidates.name = options.name;
  return assembleGraph(candidates, fallback);
}

/** Like tryImportGraph, but throws a ValidationError carrying every problem. */
export function importGraph(input: string | ImportFile | readonly ImportFile[], format: ImportFormat, options: ImportOptions = {}): KnowledgeGraph {
  const result = tryImportGraph(input, format, options);
  if (!result.ok) throw new ValidationError(result.problems);
  return result.graph;
}

function baseName(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/_(nodes|edges)\.(tsv|jsonl)$/i, '').replace(/\.(cyjs|json|graphml|xml|tsv|jsonl)$/i, '') || 'imported';
}
