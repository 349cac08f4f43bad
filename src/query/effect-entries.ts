/** Shared by effects and regulators: turning a signed reach into ranked, typed entries. */
import { FAR, signedState } from './distances.js';
import { buildPath, pathNode, type Confounder, type EdgeMemo, type Path, type PathNode } from './path-result.js';
import { isFlowIndex } from './flow-index.js';
import type { PathIndex } from './path-index.js';
import { checkEvidenceKind, checkInteger, checkStringList } from './query-options.js';
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
 * reached node towards start.
 */
export function effectEntries(
  index: PathIndex,
  start: number,
  reach: SignedReach,
  flip: 1 | -1,
  upstream: boolean,
  limit: number,
): { total: number; entries: EffectEntry[] } {
  const reached: { n: number; found: number[]; effect: EffectKind; distance: number; node: PathNode }[] = [];
  const seen = new Set<number>([start]);
  const realCount = isFlowIndex(index) ? index.realNodeCount : index.nodeCount;
  // Only the states the search reached (not every node of the graph); the sort below is a total order.
  // Reaction twins of the flow view stand for a reaction's flux, not a node's amount: never an entry.
  for (const state of reach.states) {
    const n = (state / 3) | 0;
    if (n >= realCount || seen.has(n)) continue;
    seen.add(n);
    const found = [1, -1, 0].filter((s) => reach.dist(signedState(n, s)) < FAR);
    const signs = new Set(found.filter((s) => s !== 0).map((s) => s * flip));
    const effect: EffectKind = signs.size === 2 ? 'mixed' : signs.has(1) ? 'up' : signs.has(-1) ? 'down' : 'unknown';
    const distance = Math.min(...found.map((s) => reach.dist(signedState(n, s))));
    reached.push({ n, found, effect, distance, node: pathNode(index, n) });
  }
  reached.sort(
    (a, b) => a.distance - b.distance || ORDER[a.effect] - ORDER[b.effect] || a.node.label.localeCompare(b.node.label) || (a.node.id < b.node.id ? -1 : 1),
  );
  const memo: EdgeMemo = new Map();
  const entries = reached.slice(0, limit).map(({ n, found, effect, distance, node }) => ({
    node,
    effect,
    distance,
    paths: found.map((s) => {
      const edges = walkTo(reach, signedState(n, s));
      return upstream ? buildPath(index, n, edges.reverse(), memo) : buildPath(index, start, edges, memo);
    }),
  }));
  return { total: reached.length, entries };
}
