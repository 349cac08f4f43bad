/**
 * What raising one node predicts for every node downstream: the one place `hypotheses` takes its
 * predictions from. They are issue 10's dominantEffects (docs/semantics.md#dominant-direction): over the
 * flow view (conversions by the SBGN rules), from the raised node, clamped, a reached node's distance is
 * the length of its shortest signed causal route and only routes of that length vote; each sign votes
 * with its best route's evidence (the strongest weakest link among its shortest routes), the stronger
 * sign wins, equal evidence is `mixed`, only unsigned routes is `unknown`.
 *
 * dominantVerdict states that rule on a state's numbers, for hypothesis-screen.ts, which applies it
 * backwards from each observation to rank every candidate at once.
 */
import type { Budget } from './budget.js';
import { FAR } from './distances.js';
import { dominantEffects, type DominantEffect } from './dominant-effects.js';
import type { EffectKind } from './effect-entries.js';
import type { Path } from './path-result.js';
import type { QueryContext, QueryInput } from './query-input.js';
import type { EvidenceKind } from '../model/vocabulary.js';

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
  /** Routes behind the prediction for a target: the winning sign's best route first (both for mixed); none for unknown. */
  routes(n: number): Path[];
  /** Real nodes reached, start excluded. */
  readonly reachedCount: number;
  /** False when the dominantEffects budget cut a search. */
  readonly complete: boolean;
}

export interface PredictionOptions {
  depth: number;
  minEvidence?: EvidenceKind;
  /** Nodes whose routes are built. */
  targets: number[];
  /** Most edge expansions left for the two searches. */
  maxExpansions: number;
}

/** Predictions of raising `start`: every reached node's direction, and the routes to the targets. */
export function predictionsFrom(input: QueryInput, ctx: QueryContext, start: number, o: PredictionOptions, budget: Budget | null): Predictions {
  const id = ctx.index.nodeId(start);
  const common = { depth: o.depth, ...(o.minEvidence ? { minEvidence: o.minEvidence } : {}), maxExpansions: Math.max(1, o.maxExpansions), maxMillis: 60_000 };
  const all = dominantEffects(input, id, { ...common, routes: false });
  budget?.spend(all.stats.expansions);
  const byNode = new Map<number, DominantEffect>();
  for (const e of all.effects) byNode.set(ctx.index.indexOf(e.node.id), e);
  const shown = new Map<number, DominantEffect>();
  let complete = all.complete;
  const targets = o.targets.filter((n) => n !== start && byNode.has(n));
  if (targets.length > 0) {
    const r = dominantEffects(input, id, { ...common, targets: targets.map((n) => ctx.index.nodeId(n)) });
    budget?.spend(r.stats.expansions);
    complete &&= r.complete;
    for (const e of r.effects) shown.set(ctx.index.indexOf(e.node.id), e);
  }
  const routes = (n: number): Path[] => {
    const e = shown.get(n);
    if (!e) return [];
    const sides = e.effect === 'up' ? [e.up] : e.effect === 'down' ? [e.down] : e.effect === 'mixed' ? [e.up, e.down] : [];
    return sides.flatMap((side) => (side?.path ? [side.path] : []));
  };
  return {
    effect: (n) => byNode.get(n)?.effect ?? null,
    distance: (n) => byNode.get(n)?.distance ?? FAR,
    routes,
    reachedCount: all.total,
    complete,
  };
}
