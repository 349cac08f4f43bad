/**
 * Signed breadth-first search over (node, sign) states: which nodes a change in one node reaches, with
 * which sign, and by which shortest walk. 3 states per node, so O(nodes + edges): polynomial, never
 * path enumeration. Used downstream by effects and upstream by regulators. A depth-bounded search costs
 * what it reaches: its arrays are epoch-stamped scratch borrowed from the index's pool (no O(nodes)
 * allocation or fill per query), and the reached states are listed, so nobody scans every node after.
 */
import { FAR, signedState } from './distances.js';
import { isBounce, originNode } from './flow-index.js';
import type { PathIndex } from './path-index.js';
import type { Traversal } from './query-options.js';
import { Lease } from './scratch.js';

export interface SignedReach {
  /** Walk length of state signedState(n, s), FAR when not reached. */
  dist(state: number): number;
  /** The states reached, in BFS order (the start state first). */
  states: Int32Array;
  /** Edge that first reached each reached state (-1 at the start); meaningless for other states. */
  viaEdge: Int32Array;
  /** The state it came from (-1 at the start); meaningless for states not reached. */
  prevState: Int32Array;
}

/**
 * From `start` with sign +1, follows out-edges ('out': what start changes) or in-edges ('in': what
 * changes start) up to maxDepth steps. A state's sign is the product of the edge signs (0 once a step is
 * unsigned). Start is clamped, as in a perturbation experiment: it is held at its changed value, so no
 * walk passes back through it (otherwise every loop through start would make its whole downstream
 * "mixed"); clampStart=false gives the plain signed walk search. Other nodes may repeat only when the sign came back round a feedback loop. The result
 * lives in arrays of `lease` (valid until it is released); without one, in fresh arrays.
 */
export function signedReach(
  index: PathIndex,
  start: number,
  trav: Traversal,
  direction: 'out' | 'in',
  maxDepth: number,
  lease: Lease = new Lease({}),
  clampStart = true,
): SignedReach {
  const size = index.nodeCount * 3;
  const dist = lease.stamped(size);
  const viaEdge = lease.ints(size);
  const prevState = lease.ints(size);
  const queue = lease.ints(size);
  let head = 0;
  let tail = 0;
  const first = signedState(start, 1);
  dist.set(first, 0);
  viaEdge[first] = -1;
  prevState[first] = -1;
  queue[tail++] = first;
  while (head < tail) {
    const state = queue[head++]!;
    const d = dist.value[state]! + 1;
    if (d > maxDepth) break;
    const u = (state / 3) | 0;
    const s = (state % 3) - 1;
    const edges = direction === 'out' ? index.outEdges(u) : index.inEdges(u);
    for (let i = 0; i < edges.length; i++) {
      const e = edges[i]!;
      const v = direction === 'out' ? index.edgeTarget(e) : index.edgeSource(e);
      if ((clampStart && (v === start || originNode(index, v) === start)) || trav.blocked[v] || !trav.edgeAllowed(e)) continue;
      // Walking out, the pair is (how we came, e); walking in, the route runs e then how we came.
      const via = viaEdge[state]!;
      if (via >= 0 && (direction === 'out' ? isBounce(index, via, e) : isBounce(index, e, via))) continue;
      const next = signedState(v, s * index.edgeSign(e));
      if (dist.has(next)) continue;
      dist.set(next, d);
      viaEdge[next] = e;
      prevState[next] = state;
      queue[tail++] = next;
    }
  }
  return { dist: (state) => dist.get(state, FAR), states: queue.subarray(0, tail), viaEdge, prevState };
}

/** The edges of the shortest walk to a state, in walk order (for 'in', the order leads towards start). */
export function walkTo(reach: SignedReach, state: number): number[] {
  const edges: number[] = [];
  for (let s = state; reach.viaEdge[s]! >= 0; s = reach.prevState[s]!) edges.push(reach.viaEdge[s]!);
  return edges.reverse();
}
