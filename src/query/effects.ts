/**
 * effects: what rises and what falls downstream when a node is raised (or lowered). By default each
 * node gets its dominant direction (dominantEffects: the shortest signed routes, weighted by evidence);
 * allRoutes gives the exhaustive view (every sign a walk within depth reaches, "mixed" when both).
 * Both follow conversions by the rules of docs/semantics.md (the flow view, flow-index.ts).
 */
import type { BudgetOptions, WorkStats } from './budget.js';
import { runDominantEffects, type DominantEffect } from './dominant-effects.js';
import { flowIndex } from './flow-index.js';
import { nodeRef, type Confounder, type NodeRef } from './path-result.js';
import { byConfounder, confoundedBy, routeConfounders, type ConfounderMemo } from './route-confounders.js';
import { queryContext, type QueryInput } from './query-input.js';
import { checkChoice, makeTraversal, resolveAvoid, resolveNumber } from './query-options.js';
import { withLease } from './scratch.js';
import { signedReach } from './signed-reach.js';
import { checkReachOptions, effectEntries, type EffectEntry, type ReachOptions } from './effect-entries.js';

export interface EffectsOptions extends ReachOptions, BudgetOptions {
  /** Raise ('up', default) or lower ('down') the node. */
  direction?: 'up' | 'down';
  /** The exhaustive view: every sign some route within depth gives a node ("mixed" when both). */
  allRoutes?: boolean;
}

export interface EffectsResult {
  node: NodeRef;
  direction: 'up' | 'down';
  depth: number;
  /** 'dominant' (default) or 'all-routes'. */
  view: 'dominant' | 'all-routes';
  /** False when the work budget cut the search (dominant view only; the all-routes view is never cut). */
  complete: boolean;
  /** Nodes affected (before limit). */
  total: number;
  /** True when limit cut the list. */
  truncated: boolean;
  /**
   * Nearest first; `effect` is what happens to each node when `node` goes `direction`. In the dominant
   * view each entry also has confidence, routes {up, down} and the best route of each sign (up, down).
   */
  effects: (EffectEntry | DominantEffect)[];
  /**
   * The confounds edges that leave the perturbed node: associations it distorts by moving both sides
   * (raising metformin lowers B12 and insulin resistance: "metformin confounds the B12 – insulin
   * resistance association"). Empty when it confounds nothing.
   */
  confounds: Confounder[];
  stats?: WorkStats;
}

const WHERE = 'effects';

export function effects(input: QueryInput, node: string, options: EffectsOptions = {}): EffectsResult {
  if (!options.allRoutes) {
    const { node: ref, direction, depth, complete, total, truncated, effects: entries, stats } = runDominantEffects(WHERE, input, node, options);
    const confounds = confoundedBy(queryContext(input).index, queryContext(input).index.indexOf(ref.id));
    return { node: ref, direction, depth, view: 'dominant', complete, total, truncated, effects: withConfounders(input, entries), confounds, stats };
  }
  const opts = checkReachOptions(WHERE, options);
  const direction = checkChoice(WHERE, 'direction', options.direction ?? 'up', ['up', 'down'] as const);
  const ctx = queryContext(input);
  const start = resolveNumber(ctx, node);
  const flow = flowIndex(ctx.index);
  const trav = makeTraversal({ ...ctx, index: flow }, { ...opts, avoid: resolveAvoid(ctx, opts.avoid), keep: [start], from: start });
  const { total, entries } = withLease(flow, (lease) =>
    effectEntries(flow, start, signedReach(flow, start, trav, 'out', opts.depth, lease), direction === 'up' ? 1 : -1, false, opts.limit),
  );
  return {
    node: nodeRef(ctx.index, start),
    direction,
    depth: opts.depth,
    view: 'all-routes',
    complete: true,
    total,
    truncated: total > entries.length,
    effects: withConfounders(input, entries),
    confounds: confoundedBy(ctx.index, start),
  };
}

/**
 * Marks each entry's routes with the confounders whose association ends on them, and the entry with
 * those of its shortest routes (the ones that decide its direction; a longer losing route's are on it only).
 */
function withConfounders<E extends EffectEntry>(input: QueryInput, entries: E[]): E[] {
  const { index, names } = queryContext(input);
  const memo: ConfounderMemo = new Map();
  for (const entry of entries) {
    const seen = new Map<string, Confounder>();
    for (const path of entry.paths) {
      path.confounders = routeConfounders(index, names, path.nodes, memo);
      if (path.length === entry.distance) for (const c of path.confounders) seen.set(c.edge, c);
    }
    entry.confounders = [...seen.values()].sort(byConfounder);
  }
  return entries;
}
