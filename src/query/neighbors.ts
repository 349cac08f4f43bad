/** neighbors: the nodes within a few steps of a node (in, out or both directions) and the edges between. */
import { compareText } from '../model/compare-text.js';
import { nodeRef, pathEdge, pathNode, type NodeRef, type PathEdge, type PathNode } from './path-result.js';
import { queryContext, type QueryInput } from './query-input.js';
import { checkChoice, checkEvidenceKind, checkInteger, checkStringList, makeTraversal, resolveAvoid, resolveNumber } from './query-options.js';
import { withLease } from './scratch.js';
import type { EvidenceKind } from '../model/vocabulary.js';

export const NEIGHBOR_DIRECTIONS = ['in', 'out', 'both'] as const;
export type NeighborDirection = (typeof NEIGHBOR_DIRECTIONS)[number];

export interface NeighborsOptions {
  /** Steps (default 1). */
  depth?: number;
  /** Follow out-edges, in-edges or both (default). */
  direction?: NeighborDirection;
  /** Only causal edges (default false: every edge). */
  causalOnly?: boolean;
  minEvidence?: EvidenceKind;
  avoid?: string[];
  /** Most nodes returned, nearest first (default: all). */
  limit?: number;
}

export interface NeighborNode extends PathNode {
  distance: number;
}

export interface NeighborsResult {
  node: NodeRef;
  depth: number;
  direction: NeighborDirection;
  total: number;
  truncated: boolean;
  /** Nearest first (the node itself is not listed). */
  nodes: NeighborNode[];
  /** The edges followed between the node and the listed nodes. */
  edges: PathEdge[];
}

const WHERE = 'neighbors';

export function neighbors(input: QueryInput, node: string, options: NeighborsOptions = {}): NeighborsResult {
  const depth = checkInteger(WHERE, 'depth', options.depth ?? 1, 1, 1000);
  const direction = checkChoice(WHERE, 'direction', options.direction ?? 'both', NEIGHBOR_DIRECTIONS);
  const limit = checkInteger(WHERE, 'limit', options.limit ?? Infinity, 1, Number.MAX_SAFE_INTEGER, true);
  const minStrength = checkEvidenceKind(WHERE, 'minEvidence', options.minEvidence);
  const avoidNames = checkStringList(WHERE, 'avoid', options.avoid);
  const ctx = queryContext(input);
  const { index } = ctx;
  const start = resolveNumber(ctx, node);
  const trav = makeTraversal(ctx, { includeAssociations: !options.causalOnly, includeRefuted: !options.causalOnly, minStrength, avoid: resolveAvoid(ctx, avoidNames), keep: [start] });
  const order = [start];
  const distance: number[] = [0];
  const followed: number[] = [];
  // The distances live in an epoch-stamped scratch array (no O(nodes) allocation per query).
  withLease(index, (lease) => {
    const seen = lease.stamped(index.nodeCount);
    seen.set(start, 0);
    for (let head = 0; head < order.length; head++) {
      const u = order[head]!;
      const du = distance[head]!;
      if (du >= depth) break;
      const step = (edges: ArrayLike<number>, out: boolean) => {
        for (let i = 0; i < edges.length; i++) {
          const e = edges[i]!;
          if (!trav.edgeAllowed(e)) continue;
          const v = out ? index.edgeTarget(e) : index.edgeSource(e);
          if (trav.blocked[v]) continue;
          followed.push(e);
          if (!seen.has(v)) {
            seen.set(v, du + 1);
            order.push(v);
            distance.push(du + 1);
          }
        }
      };
      if (direction !== 'in') step(index.outEdges(u), true);
      if (direction !== 'out') step(index.inEdges(u), false);
    }
  });
  const found = order.slice(1).map((n, i) => ({ ...pathNode(index, n), distance: distance[i + 1]!, n }));
  found.sort((a, b) => a.distance - b.distance || compareText(a.label, b.label) || (a.id < b.id ? -1 : 1));
  const kept = found.slice(0, limit);
  const keep = new Set([start, ...kept.map((k) => k.n)]);
  const edges = [...new Set(followed)]
    .filter((e) => keep.has(index.edgeSource(e)) && keep.has(index.edgeTarget(e)))
    .map((e) => pathEdge(index, e))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    node: nodeRef(index, start),
    depth,
    direction,
    total: found.length,
    truncated: found.length > kept.length,
    nodes: kept.map(({ n: _n, ...rest }) => rest),
    edges,
  };
}
