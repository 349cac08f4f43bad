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
import type { Budget, StopReason } from './budget.js';
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
  /** What raising start does to node n, or null when n is not reached within the depth (every node when `everywhere`, else the targets). */
  effect(n: number): EffectKind | null;
  /** Steps of the route behind the prediction for a target (FAR when not reached). */
  distance(n: number): number;
  /** dominantEffects' confidence in the prediction for a target (0 for mixed or unknown), null when not reached. */
  confidence(n: number): number | null;
  /** Routes behind the prediction for a target: the winning sign's best route (for mixed the '+' then the '-' one); none for unknown. */
  routes(n: number): Path[];
  /** False when the budget cut a search: predictions farther out are missing. */
  readonly complete: boolean;
  /** Which limit cut it (null when complete). */
  readonly stoppedBy: StopReason | null;
}

export interface PredictionOptions {
  depth: number;
  minEvidence?: EvidenceKind;
  /** Nodes whose predictions, confidence and routes are wanted. */
  targets: number[];
  /** Also know the direction of every reached node (the permutation test deals observations anywhere). */
  everywhere: boolean;
  /** What is left of the caller's work budget. */
  maxExpansions: number;
  maxMillis: number;
}

/**
 * Predictions of raising `start` by dominantEffects: one search reporting the targets with their routes,
 * and, when `everywhere`, one reporting every reached node without routes. Edges scanned are spent on `budget`.
 */
export function predictionsFrom(input: QueryInput, ctx: QueryContext, start: number, o: PredictionOptions, budget: Budget): Predictions {
  const id = ctx.index.nodeId(start);
  const common = { depth: o.depth, ...(o.minEvidence ? { minEvidence: o.minEvidence } : {}), maxExpansions: Math.max(1, o.maxExpansions), maxMillis: Math.max(1, o.maxMillis) };
  const byNode = new Map<number, DominantEffect>();
  const targets = o.targets.filter((n) => n !== start);
  let complete = true;
  let stoppedBy: StopReason | null = null;
  if (targets.length > 0) {
    const r = dominantEffects(input, id, { ...common, targets: targets.map((n) => ctx.index.nodeId(n)) });
    budget.spend(r.stats.expansions);
    complete = r.complete;
    stoppedBy = r.stats.stoppedBy;
    for (const e of r.effects) byNode.set(ctx.index.indexOf(e.node.id), e);
  }
  let everywhere: Map<number, EffectKind> | null = null;
  if (o.everywhere && complete) {
    const all = dominantEffects(input, id, { ...common, maxExpansions: Math.max(1, o.maxExpansions - budget.expansions), routes: false });
    budget.spend(all.stats.expansions);
    complete = all.complete;
    stoppedBy = all.stats.stoppedBy;
    everywhere = new Map(all.effects.map((e) => [ctx.index.indexOf(e.node.id), e.effect]));
  }
  const routes = (n: number): Path[] => {
    const e = byNode.get(n);
    if (!e) return [];
    // paths holds each sign's best route (the winner first) when it visits no node twice; dominantEffects
    // ran for raising start, so a '+' route raises n.
    const want: ('+' | '-')[] = e.effect === 'up' ? ['+'] : e.effect === 'down' ? ['-'] : e.effect === 'mixed' ? ['+', '-'] : [];
    return want.flatMap((sign) => e.paths.filter((p) => p.sign === sign).slice(0, 1));
  };
  return {
    effect: (n) => (everywhere ? everywhere.get(n) : byNode.get(n)?.effect) ?? null,
    distance: (n) => byNode.get(n)?.distance ?? FAR,
    confidence: (n) => byNode.get(n)?.confidence ?? null,
    routes,
    complete,
    stoppedBy: complete ? null : (stoppedBy ?? 'expansions'),
  };
}
