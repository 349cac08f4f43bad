/**
 * What raising one node predicts for every node downstream: the one place `hypotheses` takes its
 * predictions from, so the rule can change in one file.
 *
 * The rule is issue 10's dominant direction: from the raised node, clamped as in `effects` (no route
 * passes back through it), a reached node's distance is the length of its shortest signed causal route,
 * and only routes of that length vote; each sign votes with its best route's evidence (the strongest
 * weakest link among its shortest routes); the stronger sign wins, equal evidence on both signs is
 * `mixed`, and a node reached only through unsigned steps is `unknown`. A longer route of the other sign
 * never flips it. hypothesis-screen.ts applies the same rule backwards from each observation.
 */
import type { Budget } from './budget.js';
import { FAR, signedState } from './distances.js';
import type { EffectKind } from './effect-entries.js';
import type { PathIndex } from './path-index.js';
import { buildPath, type EdgeMemo, type Path } from './path-result.js';
import type { Traversal } from './query-options.js';
import type { Lease } from './scratch.js';

/** Weakest link of the empty route (the start): stronger than any edge. */
export const NO_LINK = 0x7fffffff;

/**
 * The dominant direction from the shortest distance and best weakest link of each sign (distances FAR or
 * above the depth mean not reached), and the distance of the unsigned state.
 */
export function dominantVerdict(dUp: number, dDown: number, bUp: number, bDown: number, dNone: number, depth: number): { effect: EffectKind | null; distance: number } {
  const up = dUp <= depth ? dUp : FAR;
  const down = dDown <= depth ? dDown : FAR;
  const d = Math.min(up, down);
  if (d >= FAR) return dNone <= depth ? { effect: 'unknown', distance: dNone } : { effect: null, distance: FAR };
  const vUp = up === d ? bUp : -1;
  const vDown = down === d ? bDown : -1;
  return { effect: vUp > vDown ? 'up' : vDown > vUp ? 'down' : 'mixed', distance: d };
}

export interface Predictions {
  /** What raising start does to node n, or null when n is not reached within the depth. */
  effect(n: number): EffectKind | null;
  /** Steps of the route behind the prediction for n (FAR when not reached). */
  distance(n: number): number;
  /** Routes behind the prediction for n: the winning sign's best route; for mixed the '+' then the '-' one; for unknown an unsigned one. */
  routes(n: number, memo: EdgeMemo): Path[];
  /** Nodes reached, start excluded. */
  readonly reachedCount: number;
}

/** Predictions of raising `start`, valid while `lease` is held; the edges scanned are spent on `budget`. */
export function predictionsFrom(index: PathIndex, start: number, trav: Traversal, depth: number, lease: Lease, budget: Budget | null): Predictions {
  const size = index.nodeCount * 3;
  const dist = lease.stamped(size);
  const weakest = lease.ints(size);
  const sum = lease.ints(size);
  const viaEdge = lease.ints(size);
  const prevState = lease.ints(size);
  const queue = lease.ints(size);
  const seen = lease.stamped(index.nodeCount);
  let head = 0;
  let tail = 0;
  const first = signedState(start, 1);
  dist.set(first, 0);
  weakest[first] = NO_LINK;
  sum[first] = 0;
  viaEdge[first] = -1;
  queue[tail++] = first;
  seen.set(start, 1);
  let reachedCount = 0;
  // Breadth-first over (node, sign) states; every shortest arrival at a state may improve its best route.
  while (head < tail) {
    const state = queue[head++]!;
    const d = dist.value[state]! + 1;
    if (d > depth) break;
    const u = (state / 3) | 0;
    const s = (state % 3) - 1;
    const edges = index.outEdges(u);
    budget?.spend(edges.length);
    for (let i = 0; i < edges.length; i++) {
      const e = edges[i]!;
      const v = index.edgeTarget(e);
      if (v === start || trav.blocked[v] || !trav.edgeAllowed(e)) continue;
      const next = signedState(v, s * index.edgeSign(e));
      const strength = index.edgeStrength(e);
      const w = Math.min(strength, weakest[state]!);
      const total = sum[state]! + strength;
      if (!dist.has(next)) {
        dist.set(next, d);
        queue[tail++] = next;
        if (!seen.has(v)) {
          seen.set(v, 1);
          reachedCount++;
        }
      } else if (dist.value[next] !== d || w < weakest[next]! || (w === weakest[next]! && total <= sum[next]!)) continue;
      weakest[next] = w;
      sum[next] = total;
      viaEdge[next] = e;
      prevState[next] = state;
    }
  }
  const at = (n: number, sign: number) => dist.get(signedState(n, sign), FAR);
  const verdict = (n: number) =>
    n === start ? { effect: null, distance: FAR } : dominantVerdict(at(n, 1), at(n, -1), weakest[signedState(n, 1)]!, weakest[signedState(n, -1)]!, at(n, 0), depth);
  const walk = (state: number) => {
    const edges: number[] = [];
    for (let x = state; viaEdge[x]! >= 0; x = prevState[x]!) edges.push(viaEdge[x]!);
    return edges.reverse();
  };
  return {
    effect: (n) => verdict(n).effect,
    distance: (n) => verdict(n).distance,
    routes(n, memo) {
      const kind = verdict(n).effect;
      if (kind === null) return [];
      const signs = kind === 'up' ? [1] : kind === 'down' ? [-1] : kind === 'mixed' ? [1, -1] : [0];
      return signs.map((s) => buildPath(index, start, walk(signedState(n, s)), memo));
    },
    reachedCount,
  };
}
