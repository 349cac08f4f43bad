/** regulators: what raises or lowers a node, upstream, each with its shortest signed path into the node. */
import { flowIndex } from './flow-index.js';
import { nodeRef, type NodeRef } from './path-result.js';
import { queryContext, type QueryInput } from './query-input.js';
import { makeTraversal, resolveAvoid, resolveNumber } from './query-options.js';
import { withLease } from './scratch.js';
import { signedReach } from './signed-reach.js';
import { checkReachOptions, effectEntries, type EffectEntry, type ReachOptions } from './effect-entries.js';

export type RegulatorsOptions = ReachOptions;

export interface RegulatorsResult {
  node: NodeRef;
  depth: number;
  total: number;
  truncated: boolean;
  /** Nearest first; `effect` is what raising each regulator does to `node` (up = activator, down = inhibitor). */
  regulators: EffectEntry[];
}

const WHERE = 'regulators';

export function regulators(input: QueryInput, node: string, options: RegulatorsOptions = {}): RegulatorsResult {
  const opts = checkReachOptions(WHERE, options);
  const ctx = queryContext(input);
  const target = resolveNumber(ctx, node);
  const flow = flowIndex(ctx.index);
  const trav = makeTraversal({ ...ctx, index: flow }, { ...opts, avoid: resolveAvoid(ctx, opts.avoid), keep: [target] });
  const { total, entries } = withLease(flow, (lease) =>
    effectEntries(flow, target, signedReach(flow, target, trav, 'in', opts.depth, lease), 1, true, opts.limit),
  );
  return { node: nodeRef(ctx.index, target), depth: opts.depth, total, truncated: total > entries.length, regulators: entries };
}
