/**
 * Every candidate's counts at once, by one backward signed search per observation instead of one forward
 * search per candidate: from an observed node o, a breadth-first search over (node, sign) states along
 * in-edges gives, for every upstream u, the length of the shortest walks u -> o of each sign within the
 * depth and the best weakest link among them. That is exactly what the forward rule of
 * hypothesis-predictions.ts (dominantVerdict) needs, although the forward search is clamped (no walk
 * passes back through u) and this one is not: a walk of the shortest length d = min over signs never
 * revisits u, since its part after the last visit would be a shorter signed walk u -> o; so the walks
 * that vote, hence the verdict and the distance, are the same either way.
 *
 * The search is regulators' counting search (dominantReach walked in from o, not clamped at o), so it keeps
 * what the forward one keeps: rules 5 and 10 against each step a node is reached by, and rule 8 for o read
 * along the route (its mass bit).
 *
 * Cost: O(edges within the depth) per observation, spent on the budget; O(nodes) counters per query.
 */
import type { Budget } from './budget.js';
import { FAR, signedState } from './distances.js';
import type { PathIndex } from './path-index.js';
import { dominantReach } from './dominant-reach.js';
import { consumersOf, type Traversal } from './query-options.js';
import { isFlowIndex } from './flow-index.js';
import { dominantVerdict } from './hypothesis-predictions.js';
import { withLease } from './scratch.js';

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
  /** Distances to the unchanged observations each candidate reaches (richness against the measured nodes). */
  unchangedAt: Map<number, number[]>;
  /** Farthest changed observation reached: the radius of the richness test's draws. */
  horizon: Int32Array;
  weightCorrect: Float64Array;
  weightIncorrect: Float64Array;
  /** Sum of the distances of the routes behind the predictions on changed observations. */
  distanceSum: Int32Array;
  /** Observations fully searched (all of them unless the budget ran out). */
  screened: number;
}

/**
 * `index` is the flow view (flowIndex): its reaction twins are walked through but are never candidates.
 * `from(u)` is the traversal of a forward search from u (traversalsFrom): `trav` itself for most nodes;
 * for a node with deficiency or excess states (or one of them) the traversal that keeps rule 9 at the start
 * (no route re-enters the start's concept once it has left it), which the plain backward search cannot
 * mirror (the shortest walk may leave the concept and come back through another of its nodes). Such
 * candidates are counted from one more backward search per concept and observation, over their own traversal.
 */
export function screenCandidates(index: PathIndex, trav: Traversal, observed: readonly ObservedNode[], depth: number, budget: Budget, from: (u: number) => Traversal = () => trav): Screen {
  const size = index.nodeCount;
  const real = isFlowIndex(index) ? index.realNodeCount : size;
  const s: Screen = {
    candidates: [],
    correct: new Int32Array(size),
    incorrect: new Int32Array(size),
    ambiguous: new Int32Array(size),
    unchangedAt: new Map(),
    horizon: new Int32Array(size),
    weightCorrect: new Float64Array(size),
    weightIncorrect: new Float64Array(size),
    distanceSum: new Int32Array(size),
    screened: 0,
  };
  const isCandidate = new Uint8Array(size);
  /** Counts o for the candidates reached by a backward search over `t` whose own traversal is `t`; the other traversals met, or null when the budget ran out. */
  const count = (o: ObservedNode, t: Traversal): Set<Traversal> | null =>
    withLease(index, (lease) => {
      // Rule 8 for the observation, read along the route as dominantEffects reads it (a production step of a
      // reaction consuming o refused only when mass flow alone follows it into o), and rules 5 and 10 exact:
      // the upstream counting search of regulators, not clamped at o (the forward search from u is not).
      const reach = dominantReach(index, o.n, t, depth, lease, budget, 'in', consumersOf(index, o.n), false);
      if (reach.finalDepth < depth) return null;
      const { weakest, states } = reach;
      const done = lease.stamped(size);
      const others = new Set<Traversal>();
      const at = (u: number, sign: number) => reach.dist(signedState(u, sign));
      for (const state of states) {
        const u = (state / 3) | 0;
        if (u === o.n || u >= real || done.has(u)) continue;
        done.set(u, 1);
        const own = from(u);
        if (own !== t) {
          if (t === trav) others.add(own);
          continue;
        }
        const { effect, distance } = dominantVerdict(at(u, 1), at(u, -1), weakest[signedState(u, 1)]!, weakest[signedState(u, -1)]!, at(u, 0), depth);
        if (o.sign === 0) {
          const list = s.unchangedAt.get(u);
          if (list) list.push(distance);
          else s.unchangedAt.set(u, [distance]);
          continue;
        }
        if (!isCandidate[u]) {
          isCandidate[u] = 1;
          s.candidates.push(u);
        }
        s.distanceSum[u]! += distance;
        if (distance > s.horizon[u]!) s.horizon[u] = distance;
        if (effect === 'up' || effect === 'down') tally(s, u, (effect === 'up') === (o.sign === 1), o.weight);
        else s.ambiguous[u]!++;
      }
      return others;
    });
  screening: for (const o of observed) {
    const others = count(o, trav);
    if (others === null) break;
    // A concept's traversal allows only walks the plain one allows, so the plain search has met every
    // candidate that needs a search of its own.
    for (const t of others) if (count(o, t) === null) break screening;
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
