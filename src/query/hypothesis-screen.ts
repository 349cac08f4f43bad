/**
 * Every candidate's counts at once, by one backward signed search per observation instead of one forward
 * search per candidate: from an observed node o, a breadth-first search over (node, sign) states along
 * in-edges gives, for every upstream u, the shortest walks u -> o of each sign within the depth. That is
 * exactly what the forward rule of hypothesis-predictions.ts needs, although the forward search is
 * clamped (no walk passes back through u) and this one is not: a shortest walk of the winning sign never
 * revisits u, since its part after the last visit would be a shorter signed walk u -> o; so the winning
 * sign, a tie, and the distance are the same either way.
 *
 * Cost: O(edges within the depth) per observation, spent on the budget; O(nodes) counters per query.
 */
import type { Budget } from './budget.js';
import { signedState } from './distances.js';
import type { PathIndex } from './path-index.js';
import type { Traversal } from './query-options.js';
import { withLease, type Lease, type Stamped } from './scratch.js';

export interface ObservedNode {
  n: number;
  /** +1 raised, -1 lowered, 0 measured but unchanged. */
  sign: 1 | -1 | 0;
  weight: number;
}

/** Counts for raising each candidate (lowering swaps correct and incorrect). */
export interface Screen {
  /** Nodes that reach at least one changed observation, in first-found order. */
  candidates: number[];
  correct: Int32Array;
  incorrect: Int32Array;
  ambiguous: Int32Array;
  /** Unchanged observations reached. */
  reachedUnchanged: Int32Array;
  weightCorrect: Float64Array;
  weightIncorrect: Float64Array;
  /** Sum of the distances of the routes behind the predictions on changed observations. */
  distanceSum: Int32Array;
  /** Observations fully searched (all of them unless the budget ran out). */
  screened: number;
}

export function screenCandidates(index: PathIndex, trav: Traversal, observed: readonly ObservedNode[], depth: number, budget: Budget): Screen {
  const size = index.nodeCount;
  const s: Screen = {
    candidates: [],
    correct: new Int32Array(size),
    incorrect: new Int32Array(size),
    ambiguous: new Int32Array(size),
    reachedUnchanged: new Int32Array(size),
    weightCorrect: new Float64Array(size),
    weightIncorrect: new Float64Array(size),
    distanceSum: new Int32Array(size),
    screened: 0,
  };
  const isCandidate = new Uint8Array(size);
  for (const o of observed) {
    const finished = withLease(index, (lease) => {
      const reach = backwardSearch(index, trav, o.n, depth, lease, budget);
      if (!reach) return false;
      const { dist, states } = reach;
      const done = lease.stamped(size);
      const at = (u: number, sign: number) => dist.get(signedState(u, sign), -1);
      for (const state of states) {
        const u = (state / 3) | 0;
        if (u === o.n || done.has(u)) continue;
        done.set(u, 1);
        if (o.sign === 0) {
          s.reachedUnchanged[u]!++;
          continue;
        }
        if (!isCandidate[u]) {
          isCandidate[u] = 1;
          s.candidates.push(u);
        }
        const up = at(u, 1);
        const down = at(u, -1);
        if (up >= 0 && (down < 0 || up < down)) {
          tally(s, u, o.sign === 1, o.weight);
          s.distanceSum[u]! += up;
        } else if (down >= 0 && (up < 0 || down < up)) {
          tally(s, u, o.sign === -1, o.weight);
          s.distanceSum[u]! += down;
        } else {
          s.ambiguous[u]!++;
          s.distanceSum[u]! += up >= 0 ? up : at(u, 0);
        }
      }
      return true;
    });
    if (!finished) break;
    s.screened++;
  }
  return s;
}

function tally(s: Screen, u: number, agrees: boolean, weight: number): void {
  if (agrees) {
    s.correct[u]!++;
    s.weightCorrect[u]! += weight;
  } else {
    s.incorrect[u]!++;
    s.weightIncorrect[u]! += weight;
  }
}

/**
 * Shortest signed walks into root along in-edges, every state within depth (dist[signedState(u, s)] =
 * steps of the shortest walk u -> root whose sign product is s); null when the budget ran out.
 */
function backwardSearch(index: PathIndex, trav: Traversal, root: number, depth: number, lease: Lease, budget: Budget): { dist: Stamped; states: Int32Array } | null {
  const dist = lease.stamped(index.nodeCount * 3);
  const queue = lease.ints(index.nodeCount * 3);
  let head = 0;
  let tail = 0;
  const first = signedState(root, 1);
  dist.set(first, 0);
  queue[tail++] = first;
  while (head < tail) {
    const state = queue[head++]!;
    const d = dist.value[state]! + 1;
    if (d > depth) break;
    const v = (state / 3) | 0;
    const sign = (state % 3) - 1;
    const edges = index.inEdges(v);
    if (!budget.spend(edges.length)) return null;
    for (let i = 0; i < edges.length; i++) {
      const e = edges[i]!;
      const u = index.edgeSource(e);
      if (trav.blocked[u] || !trav.edgeAllowed(e)) continue;
      const next = signedState(u, index.edgeSign(e) * sign);
      if (dist.has(next)) continue;
      dist.set(next, d);
      queue[tail++] = next;
    }
  }
  return { dist, states: queue.subarray(0, tail) };
}
