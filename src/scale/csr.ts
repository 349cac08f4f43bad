/**
 * Compressed sparse row adjacency: the edges of node n are list[offsets[n] .. offsets[n + 1]), as edge
 * numbers in increasing order (a stable counting sort keeps file order, as graphology's insertion order).
 */
export interface Csr {
  offsets: Int32Array;
  list: Int32Array;
}

/** Groups edge numbers 0..keys.length-1 by keys[e] (the source for out-adjacency, the target for in). */
export function buildCsr(keys: Int32Array, nodeCount: number): Csr {
  const offsets = new Int32Array(nodeCount + 1);
  const m = keys.length;
  for (let e = 0; e < m; e++) offsets[keys[e]! + 1]!++;
  for (let n = 0; n < nodeCount; n++) offsets[n + 1]! += offsets[n]!;
  const cursor = offsets.slice(0, nodeCount);
  const list = new Int32Array(m);
  for (let e = 0; e < m; e++) list[cursor[keys[e]!]!++] = e;
  return { offsets, list };
}
