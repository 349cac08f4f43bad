/**
 * Signed breadth-first search over (node, sign) states: which nodes a change in one node reaches, with
 * which sign, and by which shortest walk. 3 states per node, so O(nodes + edges): polynomial, never
 * path enumeration. Used downstream by effects and upstream by regulators.
 */
import { FAR, signedState } from './distances.js';
import type { PathIndex } from './path-index.js';
import type { Traversal } from './query-options.js';

export interface SignedReach {
  /** Walk length of each state signedState(n, s), FAR when not reached. */
  dist: Int32Array;
  /** Edge that first reached each state (-1 at the start). */
  viaEdge: Int32Array;
  /** The state it came from. */
  prevState: Int32Array;
}

/**
 * From `start` with sign +1, follows out-edges ('out': what start changes) or in-edges ('in': what
 * changes start) up to maxDepth steps. A state's sign is the product of the edge signs (0 once a step is
 * unsigned). Walks may repeat a node only when the sign came back round a feedback loop.
 */
export function signedReach(index: PathIndex, start: number, trav: Traversal, direction: 'out' | 'in', maxDepth: number): SignedReach {
  const size = index.nodeCount * 3;
  const dist = new Int32Array(size).fill(FAR);
  const viaEdge = new Int32Array(size).fill(-1);
  const prevState = new Int32Array(size).fill(-1);
  const queue = new Int32Array(size);
  let head = 0;
  let tail = 0;
  const first = signedState(start, 1);
  dist[first] = 0;
  queue[tail++] = first;
  while (head < tail) {
    const state = queue[head++]!;
    const d = dist[state]! + 1;
    if (d > maxDepth) break;
    const u = (state / 3) | 0;
    const s = (state % 3) - 1;
    const edges = direction === 'out' ? index.outEdges(u) : index.inEdges(u);
    for (let i = 0; i < edges.length; i++) {
      const e = edges[i]!;
      const v = direction === 'out' ? index.edgeTarget(e) : index.edgeSource(e);
      if (trav.blocked[v] || !trav.edgeAllowed(e)) continue;
      const next = signedState(v, s * index.edgeSign(e));
      if (dist[next] !== FAR) continue;
      dist[next] = d;
      viaEdge[next] = e;
      prevState[next] = state;
      queue[tail++] = next;
    }
  }
  return { dist, viaEdge, prevState };
}

/** The edges of the shortest walk to a state, in walk order (for 'in', the order leads towards start). */
export function walkTo(reach: SignedReach, state: number): number[] {
  const edges: number[] = [];
  for (let s = state; reach.viaEdge[s]! >= 0; s = reach.prevState[s]!) edges.push(reach.viaEdge[s]!);
  return edges.reverse();
}
