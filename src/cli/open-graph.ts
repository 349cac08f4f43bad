/**
 * The one place query commands open a graph: the curated graph, a graph directory or another format.
 * The scale issue adds a branch here that opens huge KGX files as a compact index (a QueryIndex).
 */
import type { QueryInput } from '../query/query-input.js';

export async function openQueryGraph(path?: string): Promise<QueryInput> {
  const compact = path === undefined ? null : await (await import('../scale/open-large-kgx.js')).openLargeKgx(path);
  if (compact) return compact;
  const { loadGraph } = await import('../node/load-graph.js');
  return loadGraph(path);
}
