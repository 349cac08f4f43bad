/** Shared by effects and regulators: turning a signed reach into ranked, typed entries (and, in the all-routes views, routes). */
import { compareText } from '../model/compare-text.js';
import { FAR, signedState } from './distances.js';
import { buildPath, pathNode, type Confounder, type EdgeMemo, type Path, type PathNode } from './path-result.js';
import { conceptsOf, isFlowIndex, originNode } from './flow-index.js';
import type { Budget } from './budget.js';
import { shortestRouteOfSign } from './find-paths.js';
import type { QueryContext } from './query-input.js';
import type { PathIndex } from './path-index.js';
import { checkEvidenceKind, checkInteger, checkStringList, type Avoidance } from './query-options.js';
import { walkTo, type SignedReach } from './signed-reach.js';
import type { EvidenceKind } from '../model/vocabulary.js';

export type EffectKind = 'up' | 'down' | 'mixed' | 'unknown';

export interface EffectEntry {
  node: PathNode;
  /**
   * up / down / mixed / unknown. In effects' default (dominant) view: the direction of the shortest
   * routes weighted by evidence (dominant-effects.ts). In the all-routes view and in regulators: mixed
   * when the node is reached with both signs at any length, unknown when only through unsigned steps.
   */
  effect: EffectKind;
  /** Steps of the shortest supporting path. */
  distance: number;
  /** One shortest supporting path per sign found ('+' first, then '-', then '?'). */
  paths: Path[];
  /**
   * `effects` only: the confounders whose association ends on one of `paths` (each path also carries
   * its own), so an effect read through a confounded association says so.
   */
  confounders?: Confounder[];
}

export interface ReachOptions {
  /** Most steps (default 6). */
  depth?: number;
  /** Most entries returned (default: all). */
  limit?: number;
  minEvidence?: EvidenceKind;
  includeAssociations?: boolean;
  /** Node or category names not to pass through. */
  avoid?: string[];
}

export interface CheckedReachOptions {
  depth: number;
  limit: number;
  minStrength: number;
  includeAssociations: boolean;
  avoid: string[];
}

export function checkReachOptions(where: string, o: ReachOptions): CheckedReachOptions {
  return {
    depth: checkInteger(where, 'depth', o.depth ?? 6, 1, 1000),
    limit: checkInteger(where, 'limit', o.limit ?? Infinity, 1, Number.MAX_SAFE_INTEGER, true),
    minStrength: checkEvidenceKind(where, 'minEvidence', o.minEvidence),
    includeAssociations: o.includeAssociations ?? false,
    avoid: checkStringList(where, 'avoid', o.avoid),
  };
}

const ORDER: Record<EffectKind, number> = { up: 0, down: 1, mixed: 2, unknown: 3 };

/**
 * Entries for the nodes reached (except start), nearest first, at most `limit` (paths are built only for
 * those kept). `flip` -1 swaps up and down (effects of lowering); `upstream` builds each path from the
 * reached node towards start. `own` holds the searches of nodes judged from a search of their own (a
 * node that search does not reach is no entry). `check` turns the shortest walk of each sign into the
 * route shown for that sign (null: the sign is dropped); without it the walk is shown.
 */
export function effectEntries(
  index: PathIndex,
  start: number,
  reach: SignedReach,
  flip: 1 | -1,
  upstream: boolean,
  limit: number,
  own: ReadonlyMap<number, SignedReach> | null = null,
  check: ((n: number, sign: number, walk: number[]) => number[] | null) | null = null,
): { total: number; entries: EffectEntry[] } {
  const reached: { n: number; routes: Map<number, number[]>; effect: EffectKind; distance: number; node: PathNode }[] = [];
  const seen = new Set<number>([start]);
  const realCount = isFlowIndex(index) ? index.realNodeCount : index.nodeCount;
  // Only the states the search reached (not every node of the graph); the sort below is a total order.
  // Reaction twins of the flow view stand for a reaction's flux, not a node's amount: never an entry.
  for (const state of reach.states) {
    const n = (state / 3) | 0;
    if (n >= realCount || seen.has(n)) continue;
    seen.add(n);
    // A node with a search of its own (rule 8 for it: effects' conversionWalks) is judged from that search.
    const from = own?.get(n) ?? reach;
    const routes = new Map<number, number[]>();
    for (const s of [1, -1, 0]) {
      if (from.dist(signedState(n, s)) >= FAR) continue;
      const walk = walkTo(from, signedState(n, s));
      const route = check ? check(n, s, walk) : walk;
      if (route) routes.set(s, route);
    }
    if (routes.size === 0) continue;
    const signs = new Set([...routes.keys()].filter((s) => s !== 0).map((s) => s * flip));
    const effect: EffectKind = signs.size === 2 ? 'mixed' : signs.has(1) ? 'up' : signs.has(-1) ? 'down' : 'unknown';
    const distance = Math.min(...[...routes.values()].map((r) => r.length));
    reached.push({ n, routes, effect, distance, node: pathNode(index, n) });
  }
  reached.sort(
    (a, b) => a.distance - b.distance || ORDER[a.effect] - ORDER[b.effect] || compareText(a.node.label, b.node.label) || (a.node.id < b.node.id ? -1 : 1),
  );
  const memo: EdgeMemo = new Map();
  const entries = reached.slice(0, limit).map(({ n, routes, effect, distance, node }) => ({
    node,
    effect,
    distance,
    paths: [...routes.values()].map((edges) => (upstream ? buildPath(index, n, edges.slice().reverse(), memo) : buildPath(index, start, edges, memo))),
  }));
  return { total: reached.length, entries };
}

/**
 * The check effectEntries applies in the all-routes views (effects, regulators): each sign is a route's, as
 * `paths` lists them (docs/semantics.md, "all routes"): the shortest walk of that sign when it is a route
 * (isRoute), else the route paths' own search finds (shortestRouteOfSign; none: the sign is dropped). A
 * sign the budget leaves unchecked keeps its walk. Walks and routes are in search order ('in': from the
 * queried node upstream).
 */
export function routeCheck(
  ctx: QueryContext,
  start: number,
  walkDirection: 'out' | 'in',
  opts: { depth: number; includeAssociations: boolean; minStrength: number },
  avoid: Avoidance,
  budget: Budget,
): (n: number, sign: number, walk: number[]) => number[] | null {
  const concepts = conceptsOf(ctx.index);
  const filter = { includeAssociations: opts.includeAssociations, minStrength: opts.minStrength, avoid };
  return (n, sign, walk) => {
    const out = walkDirection === 'out';
    if (isRoute(ctx.index, out ? start : n, out ? walk : walk.slice().reverse(), concepts)) return walk;
    const [from, to] = out ? [start, n] : [n, start];
    const route = shortestRouteOfSign(ctx, from, to, sign as -1 | 0 | 1, opts.depth, filter, budget);
    if (route === undefined) return walk;
    return route && (out ? Array.from(route) : Array.from(route).reverse());
  };
}

/**
 * Whether a walk from start is a route paths could list: it visits no real node twice (a reaction twin
 * counts as its enzyme; start included) and enters no concept it has left (rule 9).
 */
function isRoute(index: PathIndex, start: number, walk: readonly number[], concepts: Int32Array | null): boolean {
  const seen = new Set<number>([start]);
  const left = new Set<number>();
  let concept = concepts === null ? -1 : concepts[start]!;
  for (const e of walk) {
    const v = index.edgeTarget(e);
    const real = originNode(index, v);
    if (seen.has(real)) return false;
    seen.add(real);
    if (concepts !== null && concepts[v] !== concept) {
      if (left.has(concepts[v]!)) return false;
      left.add(concept);
      concept = concepts[v]!;
    }
  }
  return true;
}
