/**
 * effects: what rises and what falls downstream when a node is raised (or lowered). By default each
 * node gets its dominant direction (dominantEffects: the shortest signed routes, weighted by evidence);
 * allRoutes gives the exhaustive view (every sign a walk within depth reaches, "mixed" when both).
 * Both follow conversions by the rules of docs/semantics.md (the flow view, flow-index.ts).
 */
import { Budget, type BudgetOptions, type WorkStats } from './budget.js';
import { runDominantEffects, type DominantEffect } from './dominant-effects.js';
import { flowIndex, isFlowIndex, originNode } from './flow-index.js';
import type { PathIndex } from './path-index.js';
import { nodeRef, type Confounder, type NodeRef } from './path-result.js';
import { byConfounder, confoundedBy, routeConfounders, type ConfounderMemo } from './route-confounders.js';
import { queryContext, type QueryInput } from './query-input.js';
import { checkChoice, consumersOf, makeTraversal, resolveAvoid, resolveNumber, type Traversal } from './query-options.js';
import { withLease, type Lease } from './scratch.js';
import { signedReach, type SignedReach } from './signed-reach.js';
import { checkReachOptions, effectEntries, routeCheck, type EffectEntry, type ReachOptions } from './effect-entries.js';

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
  /**
   * False when the work budget cut the search. In the all-routes view the walk search is never cut; the
   * budget bounds the route searches that check a sign whose shortest walk is no route, and a sign left
   * unchecked keeps its walk.
   */
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
  const avoid = resolveAvoid(ctx, opts.avoid);
  const trav = makeTraversal({ ...ctx, index: flow }, { ...opts, avoid, keep: [start], from: start });
  const budget = new Budget(WHERE, options);
  const check = routeCheck({ ...ctx, index: flow }, start, 'out', opts, avoid, budget);
  const { total, entries } = withLease(flow, (lease) => {
    const reach = signedReach(flow, start, trav, 'out', opts.depth, lease);
    return effectEntries(flow, start, reach, direction === 'up' ? 1 : -1, false, opts.limit, conversionWalks(flow, start, trav, opts.depth, lease, reach), check);
  });
  return {
    node: nodeRef(ctx.index, start),
    direction,
    depth: opts.depth,
    view: 'all-routes',
    complete: !budget.exhausted,
    total,
    truncated: total > entries.length,
    effects: withConfounders(input, entries),
    confounds: confoundedBy(ctx.index, start),
    stats: budget.stats(),
  };
}

/**
 * Rule 8 for each node the exhaustive view reports (docs/semantics.md): a walk into T does not take the
 * production step of a reaction that consumes T and then return to T by mass flow alone
 * (conversion-cycle.ts), as `paths` into T refuses it. A walk can take that step only after reaching the
 * enzyme (or its reaction copy) within depth - 1 steps, so only a reached T consumed by such an enzyme
 * gets a search of its own, which keeps the rule along each walk. Null when there is none.
 */
function conversionWalks(index: PathIndex, start: number, trav: Traversal, depth: number, lease: Lease, reach: SignedReach): Map<number, SignedReach> | null {
  const realCount = isFlowIndex(index) ? index.realNodeCount : index.nodeCount;
  // The (real) enzymes whose production steps some walk within depth can take.
  const entered = new Set<number>();
  for (const state of reach.states) if (reach.dist(state) < depth) entered.add(originNode(index, (state / 3) | 0));
  let out: Map<number, SignedReach> | null = null;
  const seen = new Set<number>([start]);
  for (const state of reach.states) {
    const n = (state / 3) | 0;
    if (n >= realCount || seen.has(n)) continue;
    seen.add(n);
    const consumers = consumersOf(index, n);
    if (consumers === null || ![...consumers.keys()].some((enzyme) => entered.has(enzyme))) continue;
    (out ??= new Map()).set(n, signedReach(index, start, trav, 'out', depth, lease, true, consumers));
  }
  return out;
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
