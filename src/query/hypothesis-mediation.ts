/**
 * Parsimony for `hypotheses`: does a hypothesis explain the observations only through another node?
 *
 * Raising a cause of liver damage (alcohol, fibrosis, lowered glutathione peroxidase 4) predicts a panel of
 * liver damage's effects only through liver damage: every shortest route to every observation it gets right
 * passes through it. Such an upstream node reaches fewer nodes within the depth (its first steps are spent
 * on getting to liver damage), so the richness test alone ranks it above liver damage: an artefact of
 * where the depth cap falls, not evidence. The rule: hypothesis H = (u, direction) acts through M =
 * (m, implied direction) when
 *
 * 1. every shortest route of the predicted sign from u to every correctly predicted observation passes
 *    through m (m is not one of those observations; u clamped, as in every prediction);
 * 2. raising u moves m one way by the dominant-direction rule (up or down, not mixed or unknown); that
 *    times H's direction is M's direction;
 * 3. M does at least as well on concordance: pConcordance no larger and score no smaller than H's.
 *
 * Of several such m, the one farthest from u (nearest the observations) is named; ties by id.
 * explainObservations then ranks H after M (hypothesis-ranking.ts). Condition 1 is tested exactly: with m
 * blocked, the predicted sign must lose every route of the prediction's length to each observation.
 */
import type { Budget } from './budget.js';
import { signedState } from './distances.js';
import { dominantReach, type DominantReach } from './dominant-reach.js';
import { isFlowIndex } from './flow-index.js';
import { dominantVerdict } from './hypothesis-predictions.js';
import type { Predictions } from './hypothesis-predictions.js';
import type { ObservedNode } from './hypothesis-screen.js';
import type { Ranked } from './hypothesis-ranking.js';
import type { PathIndex } from './path-index.js';
import type { Traversal } from './query-options.js';
import { withLease } from './scratch.js';

export interface MediationSearch {
  /** The flow view and the traversal of a search from each node (traversalsFrom: every search here runs from a hypothesis's node). */
  flow: PathIndex;
  trav: (start: number) => Traversal;
  depth: number;
  observed: readonly ObservedNode[];
  budget: Budget;
  /** The screened hypothesis (n, direction), if it has any correct prediction. */
  hypothesis(n: number, dir: 1 | -1): Ranked | undefined;
}

/**
 * The hypothesis `h` acts through, or null. `pred` holds h's node's forward predictions (raising it) with
 * routes for the observed nodes. Spends on the budget; null when the budget runs out.
 */
export function findMediator(h: Ranked, pred: Predictions, s: MediationSearch): Ranked | null {
  const { flow, budget } = s;
  const correct = s.observed.filter((o) => {
    if (o.sign === 0 || o.n === h.n) return false;
    const e = pred.effect(o.n);
    return (e === 'up' || e === 'down') && (e === 'up' ? 1 : -1) * h.dir === o.sign;
  });
  if (correct.length === 0) return null;

  // A node on every such route is on the route shown for each of them: those are the only candidates.
  let common: number[] | null = null;
  for (const o of correct) {
    const route = pred.routes(o.n)[0];
    if (!route) continue;
    const inner = new Set(route.nodes.slice(1, -1).map((x) => flow.indexOf(x.id)).filter((n) => n >= 0 && n !== h.n));
    common = common ? common.filter((n) => inner.has(n)) : [...inner];
    if (common.length === 0) return null;
  }
  if (!common) return null;
  const candidates = new Set(common);
  for (const o of correct) candidates.delete(o.n);
  if (candidates.size === 0) return null;

  // Conditions 2 and 3, from one unblocked search from u.
  const qualified = withLease(flow, (lease) => {
    const reach = dominantReach(flow, h.n, s.trav(h.n), s.depth, lease, budget);
    if (budget.exhausted) return null;
    const out: { m: Ranked; distance: number }[] = [];
    for (const n of candidates) {
      const { effect, distance } = verdictAt(reach, n, s.depth);
      if (effect !== 'up' && effect !== 'down') continue;
      const m = s.hypothesis(n, ((effect === 'up' ? 1 : -1) * h.dir) as 1 | -1);
      if (m && m.pConcordance <= h.pConcordance && m.score >= h.score) out.push({ m, distance });
    }
    return out.sort((a, b) => b.distance - a.distance || (a.m.id < b.m.id ? -1 : a.m.id > b.m.id ? 1 : 0));
  });
  if (!qualified) return null;

  // Condition 1, exactly: block m and look for a route as short as the prediction's, of its sign.
  for (const { m } of qualified) {
    const through = withBlocked(s, s.trav(h.n), m.n, (trav) =>
      withLease(flow, (lease) => {
        const reach = dominantReach(flow, h.n, trav, s.depth, lease, budget);
        if (budget.exhausted) return false;
        return correct.every((o) => {
          const raised = pred.effect(o.n) === 'up' ? 1 : -1;
          return reach.dist(signedState(o.n, raised)) > pred.distance(o.n);
        });
      }),
    );
    if (budget.exhausted) return null;
    if (through) return m;
  }
  return null;
}

function verdictAt(reach: DominantReach, n: number, depth: number) {
  const up = signedState(n, 1);
  const down = signedState(n, -1);
  return dominantVerdict(reach.dist(up), reach.dist(down), reach.weakest[up]!, reach.weakest[down]!, reach.dist(signedState(n, 0)), Math.min(depth, reach.finalDepth));
}

/** Runs fn with node n (and its reaction twins) blocked in a copy of the traversal `base`. */
function withBlocked<T>(s: MediationSearch, base: Traversal, n: number, fn: (trav: Traversal) => T): T {
  const state = blockedCopy(s, base);
  const twins = state.twins.get(n) ?? [];
  const was = [n, ...twins].map((x) => state.blocked[x]!);
  state.blocked[n] = 1;
  for (const t of twins) state.blocked[t] = 1;
  try {
    return fn({ blocked: state.blocked, edgeAllowed: base.edgeAllowed });
  } finally {
    state.blocked[n] = was[0]!;
    twins.forEach((t, i) => (state.blocked[t] = was[i + 1]!));
  }
}

interface BlockedCopy {
  blocked: Uint8Array;
  /** Reaction twins of each enzyme in the flow view. */
  twins: Map<number, number[]>;
}

const copies = new WeakMap<MediationSearch, BlockedCopy>();

/** One writable copy of the blocked nodes per query (O(nodes) once, not per check; every traversal of a query blocks the same nodes). */
function blockedCopy(s: MediationSearch, base: Traversal): BlockedCopy {
  let c = copies.get(s);
  if (!c) {
    const blocked = Uint8Array.from(base.blocked);
    const twins = new Map<number, number[]>();
    if (isFlowIndex(s.flow)) {
      for (let t = s.flow.realNodeCount; t < s.flow.nodeCount; t++) {
        const o = s.flow.nodeOrigin(t);
        const list = twins.get(o);
        if (list) list.push(t);
        else twins.set(o, [t]);
      }
    }
    c = { blocked, twins };
    copies.set(s, c);
  }
  return c;
}
