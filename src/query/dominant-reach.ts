/**
 * The counting search behind dominantEffects: a breadth-first search over (node, sign) states that, for
 * every state it reaches, knows the length of its shortest routes, how many shortest routes there are,
 * and the best evidence among them (the largest weakest-link strength, then the largest strength sum),
 * with the step that best route arrived by. Layer by layer, so counts are final once a layer is done;
 * O(states + edges scanned), never path enumeration. Scratch arrays come from the index's pool, so
 * calling it many times on one index allocates nothing per call.
 *
 * Like signedReach, the perturbed node is clamped (no route passes back through it, nor through its
 * reaction twin in the flow view). Every edge scanned is spent on the budget; when it runs out, states
 * up to `finalDepth` are exact and the layer being built is incomplete.
 */
import type { Budget } from './budget.js';
import { FAR, signedState } from './distances.js';
import { isBounce, originNode } from './flow-index.js';
import type { PathIndex } from './path-index.js';
import { massAfter, refusedBefore, type Consumers } from './conversion-cycle.js';
import type { Traversal } from './query-options.js';
import type { Lease, Stamped } from './scratch.js';

export interface DominantReach {
  /** Shortest route length of a state, FAR when not reached. */
  dist(state: number): number;
  /** Number of shortest routes of a reached state (a float: counts can be astronomically large). */
  count: Float64Array;
  /** Best weakest-link strength among the shortest routes of a reached state. */
  weakest: Int32Array;
  /** Largest strength sum among the shortest routes with that weakest link. */
  sum: Int32Array;
  /**
   * Edge and previous search state of that best route (-1 at the start). A search state is a (node, sign)
   * state, or, when the search keeps rule 8 along the route (`consumers`), that state with the route's bit:
   * `bestOf` then gives each state's best search state.
   */
  viaEdge: Int32Array;
  prevState: Int32Array;
  bestOf?: Int32Array;
  /** Reached states in BFS order (the start first). */
  states: Int32Array;
  /** Every state at most this many steps away is known exactly (maxDepth when the search was not cut). */
  finalDepth: number;
}

const NONE = 0x7fffffff;

/**
 * direction 'out' (default) follows what start changes; 'in' walks in-edges to what changes start (for
 * regulators: a route's sign, length and weakest link do not depend on the end it is walked from).
 */
export function dominantReach(
  index: PathIndex,
  start: number,
  trav: Traversal,
  maxDepth: number,
  lease: Lease,
  budget: Budget,
  direction: 'out' | 'in' = 'out',
  consumers: Consumers | null = null,
): DominantReach {
  const out = direction === 'out';
  // Walking in with the start's consumers, rule 8 is kept along the route (conversion-cycle.ts): each state
  // carries whether every step from it to the start is mass flow (1 at the start), and a production step
  // of a reaction consuming the start is refused while it is 1. The states are then (node, sign, bit).
  const ruled = !out && consumers !== null;
  const stride = ruled ? 2 : 1;
  const size = index.nodeCount * 3 * stride;
  const dist: Stamped = lease.stamped(size);
  const count = lease.floats(size);
  const weakest = lease.ints(size);
  const sum = lease.ints(size);
  const viaEdge = lease.ints(size);
  const prevState = lease.ints(size);
  const queue = lease.ints(size);
  let head = 0;
  let tail = 0;
  const first = signedState(start, 1) * stride + (ruled ? 1 : 0);
  dist.set(first, 0);
  count[first] = 1;
  weakest[first] = NONE;
  sum[first] = 0;
  viaEdge[first] = -1;
  prevState[first] = -1;
  queue[tail++] = first;
  let finalDepth = maxDepth;
  while (head < tail) {
    const state = queue[head++]!;
    const d = dist.value[state]! + 1;
    if (d > maxDepth) break;
    const base = ruled ? state >> 1 : state;
    const bit = ruled ? state & 1 : 0;
    const u = (base / 3) | 0;
    const s = (base % 3) - 1;
    const edges = out ? index.outEdges(u) : index.inEdges(u);
    if (!budget.spend(edges.length)) {
      finalDepth = d - 1;
      break;
    }
    const c = count[state]!;
    const w = weakest[state]!;
    const sm = sum[state]!;
    for (let i = 0; i < edges.length; i++) {
      const e = edges[i]!;
      const v = out ? index.edgeTarget(e) : index.edgeSource(e);
      if (v === start || trav.blocked[v] || !trav.edgeAllowed(e) || originNode(index, v) === start) continue;
      // Walking in, the route runs e then the step we came by.
      const via = viaEdge[state]!;
      if (out ? isBounce(index, via, e) : via >= 0 && isBounce(index, e, via)) continue;
      if (ruled && refusedBefore(index, consumers, bit, e)) continue;
      const next = ruled ? signedState(v, s * index.edgeSign(e)) * 2 + massAfter(index, bit, e) : signedState(v, s * index.edgeSign(e));
      const strength = index.edgeStrength(e);
      const nw = strength < w ? strength : w;
      const ns = sm + strength;
      if (!dist.has(next)) {
        dist.set(next, d);
        count[next] = c;
        weakest[next] = nw;
        sum[next] = ns;
        viaEdge[next] = e;
        prevState[next] = state;
        queue[tail++] = next;
      } else if (dist.value[next] === d) {
        count[next]! += c;
        if (nw > weakest[next]! || (nw === weakest[next]! && ns > sum[next]!)) {
          weakest[next] = nw;
          sum[next] = ns;
          viaEdge[next] = e;
          prevState[next] = state;
        }
      }
    }
  }
  const states = queue.subarray(0, tail);
  if (!ruled) return { dist: (st) => dist.get(st, FAR), count, weakest, sum, viaEdge, prevState, states, finalDepth };
  // Each (node, sign) state from its two search states: the shorter, or at one length both, summed.
  const n3 = index.nodeCount * 3;
  const mDist = lease.stamped(n3);
  const mCount = lease.floats(n3);
  const mWeakest = lease.ints(n3);
  const mSum = lease.ints(n3);
  const bestOf = lease.ints(n3);
  const order = lease.ints(n3);
  let reached = 0;
  for (let i = 0; i < states.length; i++) {
    const x = states[i]!;
    const st = x >> 1;
    const d = dist.value[x]!;
    if (!mDist.has(st)) {
      mDist.set(st, d);
      mCount[st] = count[x]!;
      mWeakest[st] = weakest[x]!;
      mSum[st] = sum[x]!;
      bestOf[st] = x;
      order[reached++] = st;
    } else if (mDist.value[st] === d) {
      mCount[st]! += count[x]!;
      if (weakest[x]! > mWeakest[st]! || (weakest[x] === mWeakest[st] && sum[x]! > mSum[st]!)) {
        mWeakest[st] = weakest[x]!;
        mSum[st] = sum[x]!;
        bestOf[st] = x;
      }
    }
  }
  return { dist: (st) => mDist.get(st, FAR), count: mCount, weakest: mWeakest, sum: mSum, viaEdge, prevState, bestOf, states: order.subarray(0, reached), finalDepth };
}

/** The edges of the best shortest route to a reached state, in search order (for 'in': towards start). */
export function bestRoute(reach: DominantReach, state: number): number[] {
  const edges: number[] = [];
  for (let s = reach.bestOf ? reach.bestOf[state]! : state; reach.viaEdge[s]! >= 0; s = reach.prevState[s]!) edges.push(reach.viaEdge[s]!);
  return edges.reverse();
}
