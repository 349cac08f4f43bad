/** effects: what rises and what falls downstream when a node is raised (or lowered). */
import { nodeRef, type NodeRef } from './path-result.js';
import { queryContext, type QueryInput } from './query-input.js';
import { checkChoice, makeTraversal, resolveAvoid, resolveNumber } from './query-options.js';
import { withLease } from './scratch.js';
import { signedReach } from './signed-reach.js';
import { checkReachOptions, effectEntries, type EffectEntry, type ReachOptions } from './effect-entries.js';

export interface EffectsOptions extends ReachOptions {
  /** Raise ('up', default) or lower ('down') the node. */
  direction?: 'up' | 'down';
}

export interface EffectsResult {
  node: NodeRef;
  direction: 'up' | 'down';
  depth: number;
  /** Nodes affected (before limit). */
  total: number;
  /** True when limit cut the list. */
  truncated: boolean;
  /** Nearest first; `effect` is what happens to each node when `node` goes `direction`. */
  effects: EffectEntry[];
}

const WHERE = 'effects';

export function effects(input: QueryInput, node: string, options: EffectsOptions = {}): EffectsResult {
  const opts = checkReachOptions(WHERE, options);
  const direction = checkChoice(WHERE, 'direction', options.direction ?? 'up', ['up', 'down'] as const);
  const ctx = queryContext(input);
  const start = resolveNumber(ctx, node);
  const trav = makeTraversal(ctx, { ...opts, avoid: resolveAvoid(ctx, opts.avoid), keep: [start] });
  const { total, entries } = withLease(ctx.index, (lease) =>
    effectEntries(ctx.index, start, signedReach(ctx.index, start, trav, 'out', opts.depth, lease), direction === 'up' ? 1 : -1, false, opts.limit),
  );
  return {
    node: nodeRef(ctx.index, start),
    direction,
    depth: opts.depth,
    total,
    truncated: total > entries.length,
    effects: entries,
  };
}
