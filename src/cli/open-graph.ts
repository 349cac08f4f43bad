/**
 * The one place query commands open a graph: the curated graph, a graph directory or another format.
 * Graph directories go through a snapshot cache (graph-cache.ts) so repeated queries skip YAML parsing
 * and validation; the data files are read once, and those same bytes are both the cache key and, on a miss,
 * what the loader validates. Huge KGX files open as a compact index.
 */
import { statSync } from 'node:fs';
import type { QueryInput } from '../query/query-input.js';
import { formatProblem, ValidationError } from '../errors.js';
import type { KnowledgeGraph, Problem } from '../model/types.js';
import { oneLine, terminalSafe } from './terminal-text.js';

export async function openQueryGraph(path?: string): Promise<QueryInput> {
  const compact = path === undefined ? null : await (await import('../scale/open-large-kgx.js')).openLargeKgx(path);
  if (compact) {
    printLoadWarnings(compact.problems);
    return compact;
  }
  if (path !== undefined && isFile(path)) return loadGraphFile(path);
  // The YAML loader (yaml, zod, the import pipeline) is imported only on a cache miss: a cached query
  // reads the data files' bytes for the key and the snapshot, nothing more.
  const [{ bundledGraphDir, readGraphDirContents }, cache] = await Promise.all([import('../node/read-graph-dir.js'), import('./graph-cache.js')]);
  const dir = path ?? bundledGraphDir();
  const read = readGraphDirContents(dir);
  const load = async () => {
    const { loadGraphDirContents, graphName } = await import('../node/load-graph.js');
    return loadGraphDirContents(read, graphName(dir, path));
  };
  if (process.env.MECHKG_NO_CACHE || read.problems.some((p) => p.level === 'error')) return load();
  const cacheDir = cache.openCacheDir();
  if (!cacheDir.ok) {
    if (cacheDir.warning) process.stderr.write(`mechkg: warning: ${terminalSafe(cacheDir.warning)}\n`);
    return load();
  }
  const fingerprint = cache.graphFingerprint(dir, read.files);
  const cached = cache.readCachedGraph(cacheDir.path, dir, fingerprint);
  if (cached) return cached;
  const graph = await load();
  cache.writeCachedGraph(cacheDir.path, dir, fingerprint, graph);
  return graph;
}

export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Another tool's file read whole (the importer): its warnings (stub nodes, merged rows, what was completed or not
 * kept) go to stderr as the compact index's do, so a file says the same whichever reader its size picks.
 */
export async function loadGraphFile(path: string): Promise<KnowledgeGraph> {
  const result = (await import('../node/load-graph.js')).tryLoadGraph(path);
  if (!result.ok) throw new ValidationError(result.problems);
  printLoadWarnings(result.problems);
  return result.graph;
}

/** A reader's warnings on stderr (never in --json stdout), by file and line, the per-kind counts last. */
export function printLoadWarnings(problems: readonly Problem[]): void {
  const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? Infinity) - (b.line ?? Infinity));
  for (const p of sorted) process.stderr.write(`mechkg: ${terminalSafe(oneLine(formatProblem(p)))}\n`);
}
