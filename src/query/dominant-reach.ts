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
import { isBounce, originNode, restrictingSteps } from './flow-index.js';
import type { PathIndex } from './path-index.js';
import { cycleAfter, massAfter, refusedBefore, type Consumers } from './conversion-cycle.js';
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
  /** The edges of the best of the shortest routes to a reached state, in search order (for 'in': towards start). */
  route(state: number): number[];
  /** Reached states in BFS order (the start first). */
  states: Int32Array;
  /** Every state at most this many steps away is known exactly (maxDepth when the search was not cut). */
  finalDepth: number;
}

const NONE = 0x7fffffff;

/**
 * direction 'out' (default) follows what start changes; 'in' walks in-edges to what changes start (for
 * regulators: a route's sign, length and weakest link do not depend on the end it is walked from).
 *
 * `consumers` keeps rule 8 along the route for one end T (conversion-cycle.ts): those of T, the node whose
 * states are read ('out': effects' search of T's own, where the states of other nodes mean nothing) or the
 * start ('in': regulators of start, the hypotheses screen of an observation). The search states then carry
 * one more bit: 'out', a production step of a reaction consuming T with only mass flow since (a route
 * arriving at T so is not counted); 'in', whether every step from here to start is mass flow (a production
 * step of such a reaction is then refused).
 *
 * Exact for the step pairs of rules 5 and 10 (isBounce): which step may follow depends on the step before,
 * so a state arrived at by a step that can refuse a neighbouring one (restrictingSteps) is a search state of
 * its own, one per arriving edge (and sign and bit), with its own counts; the other arrivals share one free
 * search state, which refuses nothing. A restricted search state is dropped when the free one of its
 * (node, sign, bit) is nearer (that allows every step, sooner). A (node, sign)'s counts are those of its
 * search states at its shortest length, summed. Without restricting steps or `consumers` the search states
 * are the (node, sign) states and nothing is summed. clampStart false lets routes pass through start (the
 * hypotheses screen, whose routes start elsewhere and end at start).
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
  clampStart = true,
): DominantReach {
  const out = direction === 'out';
  const ruled = consumers !== null;
  const stride = ruled ? 2 : 1;
  const size = index.nodeCount * 3 * stride;
  const restricting = restrictingSteps(index, direction);
  // Free search states: (node, sign[, bit]) keys below size, in these arrays.
  const dist: Stamped = lease.stamped(size);
  const count = lease.floats(size);
  const weakest = lease.ints(size);
  const sum = lease.ints(size);
  const viaEdge = lease.ints(size);
  const prevState = lease.ints(size);
  let queue = lease.ints(size);
  // Restricted search states: number size + r, found by (arriving edge, sign, bit), kept in these lists.
  const rIndex = new Map<number, number>();
  const rKey: number[] = [];
  const rDist: number[] = [];
  const rCount: number[] = [];
  const rWeakest: number[] = [];
  const rSum: number[] = [];
  const rVia: number[] = [];
  const rPrev: number[] = [];
  let head = 0;
  let tail = 0;
  const first = signedState(start, 1) * stride + (ruled && !out ? 1 : 0);
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
    const r = state >= size ? state - size : -1;
    const key = r < 0 ? state : rKey[r]!;
    const d = (r < 0 ? dist.value[state]! : rDist[r]!) + 1;
    if (d > maxDepth) break;
    const base = ruled ? key >> 1 : key;
    const bit = ruled ? key & 1 : 0;
    const u = (base / 3) | 0;
    const s = (base % 3) - 1;
    const edges = out ? index.outEdges(u) : index.inEdges(u);
    if (!budget.spend(edges.length)) {
      finalDepth = d - 1;
      break;
    }
    const c = r < 0 ? count[state]! : rCount[r]!;
    const w = r < 0 ? weakest[state]! : rWeakest[r]!;
    const sm = r < 0 ? sum[state]! : rSum[r]!;
    // A free search state was reached by no step that can refuse the next: only restricted ones check the pair.
    const via = r < 0 ? -1 : rVia[r]!;
    for (let i = 0; i < edges.length; i++) {
      const e = edges[i]!;
      const v = out ? index.edgeTarget(e) : index.edgeSource(e);
      if ((clampStart && (v === start || originNode(index, v) === start)) || trav.blocked[v] || !trav.edgeAllowed(e)) continue;
      // Walking in, the route runs e then the step we came by.
      if (via >= 0 && (out ? isBounce(index, via, e) : isBounce(index, e, via))) continue;
      let nextBit = 0;
      if (ruled) {
        if (out) nextBit = cycleAfter(index, consumers, bit, e);
        else if (refusedBefore(index, consumers, bit, e)) continue;
        else nextBit = massAfter(index, bit, e);
      }
      const sv = signedState(v, s * index.edgeSign(e));
      const next = ruled ? sv * 2 + nextBit : sv;
      const strength = index.edgeStrength(e);
      const nw = strength < w ? strength : w;
      const ns = sm + strength;
      if (restricting !== null && restricting[e] === 1) {
        if (dist.has(next) && dist.value[next]! < d) continue;
        const rk = (e * 3 + (sv % 3)) * stride + nextBit;
        const known = rIndex.get(rk);
        if (known === undefined) {
          rIndex.set(rk, rKey.length);
          if (tail === queue.length) queue = grown(queue);
          queue[tail++] = size + rKey.length;
          rKey.push(next);
          rDist.push(d);
          rCount.push(c);
          rWeakest.push(nw);
          rSum.push(ns);
          rVia.push(e);
          rPrev.push(state);
        } else if (rDist[known] === d) {
          rCount[known]! += c;
          if (nw > rWeakest[known]! || (nw === rWeakest[known]! && ns > rSum[known]!)) {
            rWeakest[known] = nw;
            rSum[known] = ns;
            rPrev[known] = state;
          }
        }
        continue;
      }
      if (!dist.has(next)) {
        dist.set(next, d);
        count[next] = c;
        weakest[next] = nw;
        sum[next] = ns;
        viaEdge[next] = e;
        prevState[next] = state;
        if (tail === queue.length) queue = grown(queue);
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
  const searched = queue.subarray(0, tail);
  const walkBack = (x: number): number[] => {
    const edges: number[] = [];
    for (;;) {
      const r = x >= size ? x - size : -1;
      const e = r < 0 ? viaEdge[x]! : rVia[r]!;
      if (e < 0) break;
      edges.push(e);
      x = r < 0 ? prevState[x]! : rPrev[r]!;
    }
    return edges.reverse();
  };
  if (!ruled && rKey.length === 0) return { dist: (st) => dist.get(st, FAR), count, weakest, sum, route: walkBack, states: searched, finalDepth };
  // Each (node, sign) state from its search states: the nearest, or at one length all of them, summed.
  // Walking out under rule 8 a route with the bit set has not reached its node (T) by a route yet.
  const n3 = index.nodeCount * 3;
  const mDist = lease.stamped(n3);
  const mCount = lease.floats(n3);
  const mWeakest = lease.ints(n3);
  const mSum = lease.ints(n3);
  const bestOf = lease.ints(n3);
  const order = lease.ints(n3);
  let reached = 0;
  for (let i = 0; i < searched.length; i++) {
    const x = searched[i]!;
    const r = x >= size ? x - size : -1;
    const key = r < 0 ? x : rKey[r]!;
    if (ruled && out && (key & 1) === 1) continue;
    const st = ruled ? key >> 1 : key;
    const d = r < 0 ? dist.value[x]! : rDist[r]!;
    const xc = r < 0 ? count[x]! : rCount[r]!;
    const xw = r < 0 ? weakest[x]! : rWeakest[r]!;
    const xs = r < 0 ? sum[x]! : rSum[r]!;
    if (!mDist.has(st)) {
      mDist.set(st, d);
      mCount[st] = xc;
      mWeakest[st] = xw;
      mSum[st] = xs;
      bestOf[st] = x;
      order[reached++] = st;
    } else if (mDist.value[st] === d) {
      mCount[st]! += xc;
      if (xw > mWeakest[st]! || (xw === mWeakest[st] && xs > mSum[st]!)) {
        mWeakest[st] = xw;
        mSum[st] = xs;
        bestOf[st] = x;
      }
    }
  }
  return { dist: (st) => mDist.get(st, FAR), count: mCount, weakest: mWeakest, sum: mSum, route: (st) => walkBack(bestOf[st]!), states: order.subarray(0, reached), finalDepth };
}

/** A queue twice as long holding the same entries (restricted search states can outnumber the free ones). */
function grown(queue: Int32Array): Int32Array {
  const bigger = new Int32Array(queue.length * 2);
  bigger.set(queue);
  return bigger;
}

/** The edges of the best shortest route to a reached state, in search order (for 'in': towards start). */
export function bestRoute(reach: DominantReach, state: number): number[] {
  return reach.route(state);
}
