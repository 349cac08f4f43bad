/**
 * Reverse breadth-first distances to a target over the edges a traversal may follow: the lower bounds
 * that prune path and loop enumeration. Walk lengths (nodes may repeat), so they never over-estimate.
 */
import type { PathIndex } from './path-index.js';
import type { Traversal } from './query-options.js';

export const FAR = 0x3fffffff;

/** Shortest walk length from each node to target (FAR when unreachable within maxDepth). */
export function distancesTo(index: PathIndex, target: number, trav: Traversal, maxDepth = FAR): Int32Array {
  const dist = new Int32Array(index.nodeCount).fill(FAR);
  const queue = new Int32Array(index.nodeCount);
  let head = 0;
  let tail = 0;
  dist[target] = 0;
  queue[tail++] = target;
  while (head < tail) {
    const v = queue[head++]!;
    const d = dist[v]! + 1;
    if (d > maxDepth) break;
    const ins = index.inEdges(v);
    for (let i = 0; i < ins.length; i++) {
      const e = ins[i]!;
      const u = index.edgeSource(e);
      if (dist[u] !== FAR || trav.blocked[u] || !trav.edgeAllowed(e)) continue;
      dist[u] = d;
      queue[tail++] = u;
    }
  }
  return dist;
}

/** State number of (node, sign): sign codes -1 / 0 / +1 map to slots 0 / 1 / 2. */
export function signedState(n: number, sign: number): number {
  return n * 3 + sign + 1;
}

/**
 * Shortest walk length from each node to target whose sign product is s, for s in -1, 0 (some step
 * unsigned), +1: dist[signedState(n, s)]. The empty walk at the target has sign +1.
 */
export function signedDistancesTo(index: PathIndex, target: number, trav: Traversal): Int32Array {
  const dist = new Int32Array(index.nodeCount * 3).fill(FAR);
  const queue = new Int32Array(index.nodeCount * 3);
  let head = 0;
  let tail = 0;
  const start = signedState(target, 1);
  dist[start] = 0;
  queue[tail++] = start;
  while (head < tail) {
    const state = queue[head++]!;
    const v = (state / 3) | 0;
    const s = (state % 3) - 1;
    const d = dist[state]! + 1;
    const ins = index.inEdges(v);
    for (let i = 0; i < ins.length; i++) {
      const e = ins[i]!;
      const u = index.edgeSource(e);
      if (trav.blocked[u] || !trav.edgeAllowed(e)) continue;
      const prev = signedState(u, index.edgeSign(e) * s);
      if (dist[prev] !== FAR) continue;
      dist[prev] = d;
      queue[tail++] = prev;
    }
  }
  return dist;
}
