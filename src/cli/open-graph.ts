/**
 * The one place query commands open a graph: the curated graph, a graph directory or another format.
 * Graph directories go through a snapshot cache (graph-cache.ts) so repeated queries skip YAML parsing
 * and validation. The scale issue adds a branch here that opens huge KGX files as a compact index.
 */
import { statSync } from 'node:fs';
import type { QueryInput } from '../query/query-input.js';

export async function openQueryGraph(path?: string): Promise<QueryInput> {
  const compact = path === undefined ? null : await (await import('../scale/open-large-kgx.js')).openLargeKgx(path);
  if (compact) return compact;
  const loadGraph = async (p?: string) => (await import('../node/load-graph.js')).loadGraph(p);
  if ((path !== undefined && isFile(path)) || process.env.MECHKG_NO_CACHE) return loadGraph(path);
  const [{ bundledGraphDir }, cache] = await Promise.all([import('../node/read-graph-dir.js'), import('./graph-cache.js')]);
  const dir = path ?? bundledGraphDir();
  let fingerprint: string;
  try {
    fingerprint = cache.graphFingerprint(dir);
  } catch {
    return loadGraph(path); // a missing or unreadable directory: let the loader report it with its name
  }
  const cached = cache.readCachedGraph(dir, fingerprint);
  if (cached) return cached;
  const graph = await loadGraph(path);
  cache.writeCachedGraph(dir, fingerprint, graph);
  return graph;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
