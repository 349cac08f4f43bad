/**
 * What raising one node predicts for every node downstream: the one place `hypotheses` takes its
 * predictions from, so the rule can change in one file.
 *
 * The rule (issue 10's dominant direction, in its shortest-route form): from the raised node, clamped as
 * in `effects`, a reached node goes the way of its shortest signed causal route; when the shortest routes
 * of both signs have the same length it is `mixed`; reached only through unsigned steps it is `unknown`.
 * A longer route of the other sign never flips it. hypothesis-screen.ts computes the same rule backwards
 * from each observation (see there why the two agree exactly).
 */
import type { Budget } from './budget.js';
import { FAR, signedState } from './distances.js';
import type { EffectKind } from './effect-entries.js';
import type { PathIndex } from './path-index.js';
import { buildPath, type EdgeMemo, type Path } from './path-result.js';
import type { Traversal } from './query-options.js';
import type { Lease } from './scratch.js';
import { signedReach, walkTo } from './signed-reach.js';

export interface Predictions {
  /** What raising start does to node n, or null when n is not reached within the depth. */
  effect(n: number): EffectKind | null;
  /** Steps of the route behind the prediction for n (FAR when not reached). */
  distance(n: number): number;
  /** Routes behind the prediction for n: one for up / down / unknown, the '+' then the '-' route for mixed. */
  routes(n: number, memo: EdgeMemo): Path[];
  /** Nodes reached, start excluded. */
  readonly reachedCount: number;
}

/** Predictions of raising `start`, valid while `lease` is held; the edges scanned are spent on `budget`. */
export function predictionsFrom(index: PathIndex, start: number, trav: Traversal, depth: number, lease: Lease, budget: Budget | null): Predictions {
  const reach = signedReach(index, start, trav, 'out', depth, lease);
  const seen = lease.stamped(index.nodeCount);
  let reachedCount = -1; // the start is among the states
  let scanned = 0;
  for (const state of reach.states) {
    const n = (state / 3) | 0;
    if (reach.dist(state) < depth) scanned += index.outEdges(n).length;
    if (!seen.has(n)) {
      seen.set(n, 1);
      reachedCount++;
    }
  }
  budget?.spend(scanned);
  const effect = (n: number): EffectKind | null => {
    if (n === start) return null;
    const up = reach.dist(signedState(n, 1));
    const down = reach.dist(signedState(n, -1));
    if (up < down) return 'up';
    if (down < up) return 'down';
    if (up < FAR) return 'mixed';
    return reach.dist(signedState(n, 0)) < FAR ? 'unknown' : null;
  };
  return {
    effect,
    distance(n) {
      const kind = effect(n);
      return kind === null ? FAR : reach.dist(signedState(n, kind === 'down' ? -1 : kind === 'unknown' ? 0 : 1));
    },
    routes(n, memo) {
      const kind = effect(n);
      if (kind === null) return [];
      const signs = kind === 'up' ? [1] : kind === 'down' ? [-1] : kind === 'mixed' ? [1, -1] : [0];
      return signs.map((s) => buildPath(index, start, walkTo(reach, signedState(n, s)), memo));
    },
    reachedCount,
  };
}
