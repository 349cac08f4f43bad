/**
 * regulators: what raises or lowers a node, upstream. By default each regulator gets the dominant direction
 * of its shortest signed routes into the node, weighted by their evidence (the rule of effects, walked
 * backwards: dominant-effects.ts), with a work budget and a `complete` flag; allRoutes gives the exhaustive
 * view (every sign some walk within depth gives, "mixed" when both).
 */
import { Budget, type BudgetOptions, type WorkStats } from './budget.js';
import { runDominantRegulators, type DominantEffect } from './dominant-effects.js';
import { flowIndex } from './flow-index.js';
import { nodeRef, type NodeRef } from './path-result.js';
import { queryContext, type QueryInput } from './query-input.js';
import { consumersOf, makeTraversal, resolveAvoid, resolveNumber } from './query-options.js';
import { withLease } from './scratch.js';
import { signedReach } from './signed-reach.js';
import { checkReachOptions, effectEntries, routeCheck, type EffectEntry, type ReachOptions } from './effect-entries.js';

export interface RegulatorsOptions extends ReachOptions, BudgetOptions {
  /** The exhaustive view: every sign some route within depth gives ("mixed" when both). */
  allRoutes?: boolean;
}

export interface RegulatorsResult {
  node: NodeRef;
  depth: number;
  /** 'dominant' (default) or 'all-routes'. */
  view: 'dominant' | 'all-routes';
  /**
   * False when the work budget cut the search: the entries listed are exact, farther ones missing (in the
   * all-routes view: a sign the budget left unchecked keeps its walk, effect-entries.ts routeCheck).
   */
  complete: boolean;
  total: number;
  truncated: boolean;
  /**
   * Nearest first; `effect` is what raising each regulator does to `node` (up = activator, down = inhibitor).
   * In the dominant view each entry also has confidence, routes {up, down} and the best route of each sign.
   */
  regulators: (EffectEntry | DominantEffect)[];
  stats?: WorkStats;
}

const WHERE = 'regulators';

export function regulators(input: QueryInput, node: string, options: RegulatorsOptions = {}): RegulatorsResult {
  if (!options.allRoutes) {
    const { node: ref, depth, complete, total, truncated, effects: entries, stats } = runDominantRegulators(WHERE, input, node, { ...options, direction: 'up' });
    return { node: ref, depth, view: 'dominant', complete, total, truncated, regulators: entries, stats };
  }
  const opts = checkReachOptions(WHERE, options);
  const ctx = queryContext(input);
  const target = resolveNumber(ctx, node);
  const flow = flowIndex(ctx.index);
  const avoid = resolveAvoid(ctx, opts.avoid);
  // Rule 8 along each walk (signedReach with the target's consumers), not by refusing production steps outright.
  const trav = makeTraversal({ ...ctx, index: flow }, { ...opts, avoid, keep: [target], to: target, cycleByRoute: true });
  const budget = new Budget(WHERE, options);
  // Each sign is a route's, as `paths` from the regulator lists them (effect-entries.ts, routeCheck).
  const check = routeCheck({ ...ctx, index: flow }, target, 'in', opts, avoid, budget);
  const { total, entries } = withLease(flow, (lease) =>
    effectEntries(flow, target, signedReach(flow, target, trav, 'in', opts.depth, lease, true, consumersOf(flow, target)), 1, true, opts.limit, null, check),
  );
  return { node: nodeRef(ctx.index, target), depth: opts.depth, view: 'all-routes', complete: !budget.exhausted, total, truncated: total > entries.length, regulators: entries, stats: budget.stats() };
}
