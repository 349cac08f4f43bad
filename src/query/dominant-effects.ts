/**
 * dominantEffects: for each node a perturbation reaches, the direction its shortest signed causal
 * routes give it, weighted by their evidence, as reverse causal reasoning (CausalR, Selventa) does.
 * The rules (docs/semantics.md#dominant-direction):
 *
 * - Only the shortest routes count: a node's distance is the length of its shortest signed route, and
 *   routes of that length vote. A longer route never changes the direction, whatever its sign.
 * - Each sign's vote is its best route's evidence: the strongest weakest link among its shortest routes
 *   (edge strength = its strongest honest evidence kind). The sign with the stronger best route wins;
 *   equal best evidence on both signs is "mixed".
 * - confidence = (best winning weakest link / strongest kind) x (1 - best losing weakest link / best
 *   winning weakest link): 1 for established biochemistry with no disagreement, lower for weaker
 *   evidence or a near tie, 0 when mixed.
 *
 * It runs over the flow view (flow-index.ts), so conversions follow the SBGN rules, and costs one
 * counting BFS (dominant-reach.ts): cheap enough to call once per candidate node.
 */
import { compareText } from '../model/compare-text.js';
import { Budget, type BudgetOptions, type WorkStats } from './budget.js';
import { FAR, signedState } from './distances.js';
import { bestRoute, dominantReach, type DominantReach } from './dominant-reach.js';
import type { Consumers } from './conversion-cycle.js';
import type { EffectEntry, EffectKind, ReachOptions } from './effect-entries.js';
import { checkReachOptions } from './effect-entries.js';
import { flowIndex, isFlowIndex, originNode } from './flow-index.js';
import { buildPath, nodeRef, pathNode, type EdgeMemo, type NodeRef, type Path } from './path-result.js';
import { edgeRelationOf, RELATION_CODES, type PathIndex } from './path-index.js';
import { queryContext, type QueryInput } from './query-input.js';
import {
  checkChoice,
  checkStringList,
  consumersOf,
  conversionCycleEdge,
  evidenceKindOf,
  makeTraversal,
  resolveAvoid,
  resolveNumber,
  sharesStrength,
  weakestKindOf,
  type Traversal,
} from './query-options.js';
import { withLease, type Lease } from './scratch.js';
import { EVIDENCE_KINDS, type EvidenceKind } from '../model/vocabulary.js';

export interface DominantEffectsOptions extends ReachOptions, BudgetOptions {
  /** Raise ('up', default) or lower ('down') the node. */
  direction?: 'up' | 'down';
  /** Report only these nodes (names as everywhere); the search is the same, the answer smaller. */
  targets?: string[];
  /** Build the best route of each sign (default true); false gives directions and counts only. */
  routes?: boolean;
}

/** The routes of one sign that reach a node. */
export interface SignedRoutes {
  /** Length of the shortest routes of this sign (may exceed the entry's distance for the losing sign). */
  distance: number;
  /** How many routes of this sign have that length. */
  routes: number;
  /** Weakest link of the best of them (strongest weakest link, then largest strength sum). */
  weakestEvidence: EvidenceKind | null;
}

/**
 * `paths` holds the best route of the winning sign first, then the best route of the other sign (each
 * shortest for its own sign), when routes are built and the route visits no node twice.
 */
export interface DominantEffect extends EffectEntry {
  /** 0 to 1: how strongly the evidence of the shortest routes backs `effect` (0 when mixed or unknown). */
  confidence: number;
  /** Routes of length `distance` that raise and that lower the node. */
  routes: { up: number; down: number };
  /** The shortest routes that raise / lower the node, each sign at its own shortest length. */
  up: SignedRoutes | null;
  down: SignedRoutes | null;
}

export interface DominantEffectsResult {
  node: NodeRef;
  direction: 'up' | 'down';
  depth: number;
  /** False when the work budget cut the search: the entries listed are exact, nodes farther out are missing. */
  complete: boolean;
  /** Nodes affected (before limit). */
  total: number;
  truncated: boolean;
  /** Nearest first, then up, down, mixed, unknown, then by label. */
  effects: DominantEffect[];
  stats: WorkStats;
}

const WHERE = 'dominantEffects';
/** The strongest evidence kind: a definition is certain, but confidence in an effect tops out at established biochemistry's 1. */
const STRONGEST = EVIDENCE_KINDS.established_biochemistry.strength;
const ORDER: Record<EffectKind, number> = { up: 0, down: 1, mixed: 2, unknown: 3 };

/**
 * The dominant direction of every node that raising (or lowering) `node` reaches, with confidence,
 * route counts and the best route of each sign. See the file comment and docs/semantics.md.
 */
export function dominantEffects(input: QueryInput, node: string, options: DominantEffectsOptions = {}): DominantEffectsResult {
  return runDominantEffects(WHERE, input, node, options);
}

/** dominantEffects with the caller's name in option errors (effects uses it too). */
export function runDominantEffects(where: string, input: QueryInput, node: string, options: DominantEffectsOptions): DominantEffectsResult {
  return dominantSearch(where, input, node, options, 'out');
}

/**
 * The same rule upstream (regulators): for each node u with a causal route into `node`, the direction
 * raising u gives `node`, from u's shortest signed routes into it weighted by their evidence. Routes are
 * built from u to `node`. `direction` 'down' asks what lowering each regulator does.
 */
export function runDominantRegulators(where: string, input: QueryInput, node: string, options: DominantEffectsOptions): DominantEffectsResult {
  return dominantSearch(where, input, node, options, 'in');
}

function dominantSearch(where: string, input: QueryInput, node: string, options: DominantEffectsOptions, walk: 'out' | 'in'): DominantEffectsResult {
  const opts = checkReachOptions(where, options);
  const direction = checkChoice(where, 'direction', options.direction ?? 'up', ['up', 'down'] as const);
  const targets = checkStringList(where, 'targets', options.targets);
  const withRoutes = options.routes ?? true;
  const budget = new Budget(where, options);
  const ctx = queryContext(input);
  const start = resolveNumber(ctx, node);
  const only = targets.length > 0 ? new Set(targets.map((t) => resolveNumber(ctx, t))) : null;
  const flow = flowIndex(ctx.index);
  // Upstream rule 8 is kept along the route (dominantReach with the start's consumers), not by refusing production steps outright.
  const trav = makeTraversal({ ...ctx, index: flow }, { ...opts, avoid: resolveAvoid(ctx, opts.avoid), keep: [start], ...(walk === 'in' ? { to: start, cycleByRoute: true } : { from: start }) });
  const flip = direction === 'up' ? 1 : -1;
  const { total, entries, finalDepth } = withLease(flow, (lease) => {
    const reach = dominantReach(flow, start, trav, opts.depth, lease, budget, walk, walk === 'in' ? consumersOf(flow, start) : null);
    // Upstream the search keeps rule 8 for the one end (start); downstream every reached node is an end, and
  // the few whose consumption step is refused get a search of their own.
    const own = walk === 'out' ? conversionReaches(flow, start, trav, opts.depth, lease, budget, reach, only) : null;
    return collect(flow, start, reach, flip, only, withRoutes, opts.limit, walk === 'in', own);
  });
  return {
    node: nodeRef(ctx.index, start),
    direction,
    depth: opts.depth,
    complete: !budget.exhausted && finalDepth >= opts.depth,
    total,
    truncated: total > entries.length,
    effects: entries,
    stats: budget.stats(),
  };
}

/**
 * Rule 8 for each node downstream (docs/semantics.md), read along the route: a route into T does not take
 * the production step of a reaction that consumes T and go on to T by mass flow alone. The shortest routes
 * never do while the consumption step itself is followed (it is shorter), so only a reached T with a
 * consumption edge the traversal refuses (below --min-evidence, or refuted) while its enzyme may be entered,
 * or one a reaction both consumes and makes (there the two steps are as short), gets a search of its own,
 * one that carries the mass bit for T (dominantReach with T's consumers): feedback through the product
 * (methionine synthase -> methionine -> SAM -| MTHFR -> 5-methyl-THF) stays a route.
 * Null when there is none.
 */
function conversionReaches(index: PathIndex, start: number, trav: Traversal, depth: number, lease: Lease, budget: Budget, reach: DominantReach, only: Set<number> | null): Map<number, DominantReach> | null {
  const realCount = isFlowIndex(index) ? index.realNodeCount : index.nodeCount;
  let out: Map<number, DominantReach> | null = null;
  const seen = new Set<number>();
  for (const state of reach.states) {
    const n = (state / 3) | 0;
    if (n >= realCount || n === start || seen.has(n) || (only && !only.has(n))) continue;
    seen.add(n);
    if (!needsOwnSearch(index, trav, n)) continue;
    const consumers = consumersOf(index, n);
    if (consumers === null) continue;
    (out ??= new Map()).set(n, dominantReach(index, start, trav, depth, lease, budget, 'out', consumers));
    if (budget.exhausted) break;
  }
  return out;
}

/**
 * Whether a route into n may take a refused production step as its shortest: when the traversal refuses a
 * consumption step into n from an enzyme (or reaction copy) it may enter, or when a reaction that consumes n
 * also makes n (its production step into n is as short as its consumption step).
 */
function needsOwnSearch(index: PathIndex, trav: Traversal, n: number): boolean {
  const ins = index.inEdges(n);
  let consumers: Consumers | null | undefined;
  for (let i = 0; i < ins.length; i++) {
    const e = ins[i]!;
    const r = edgeRelationOf(index, e);
    if (r === RELATION_CODES.consumption && !trav.blocked[index.edgeSource(e)] && !trav.edgeAllowed(e)) return true;
    if (r === RELATION_CODES.production) {
      consumers ??= consumersOf(index, n);
      if (consumers !== null && conversionCycleEdge(index, consumers, e)) return true;
    }
  }
  return false;
}

interface Reached {
  n: number;
  /** The search the entry was judged from (its own under rule 8, else the query's). */
  reach: DominantReach;
  effect: EffectKind;
  distance: number;
  up: number;
  down: number;
  confidence: number;
  label: string;
  id: string;
}

function collect(
  index: PathIndex,
  start: number,
  reach: DominantReach,
  flip: 1 | -1,
  only: Set<number> | null,
  withRoutes: boolean,
  limit: number,
  upstream: boolean,
  own: Map<number, DominantReach> | null = null,
): { total: number; entries: DominantEffect[]; finalDepth: number } {
  const realCount = isFlowIndex(index) ? index.realNodeCount : index.nodeCount;
  const seen = new Set<number>([start]);
  const reached: Reached[] = [];
  for (const state of reach.states) {
    const n = (state / 3) | 0;
    // Reaction twins stand for a reaction's flux, not for the enzyme's amount: they are not effects.
    if (n >= realCount || seen.has(n) || (only && !only.has(n))) continue;
    seen.add(n);
    const from = own?.get(n) ?? reach;
    const entry = judge(from, n, flip);
    if (entry.distance > from.finalDepth) continue;
    const { label, id } = index.nodeSummary(n);
    reached.push({ n, reach: from, ...entry, label, id });
  }
  reached.sort((a, b) => a.distance - b.distance || b.confidence - a.confidence || ORDER[a.effect] - ORDER[b.effect] || compareText(a.label, b.label) || (a.id < b.id ? -1 : 1));
  const memo: EdgeMemo = new Map();
  const entries = reached.slice(0, limit).map((r) => describe(index, start, r.reach, r, flip, withRoutes, memo, upstream));
  return { total: reached.length, entries, finalDepth: reach.finalDepth };
}

/** Direction, distance, counts and confidence of node n from its (n, +), (n, -) and (n, 0) states. */
function judge(reach: DominantReach, n: number, flip: 1 | -1): Omit<Reached, 'n' | 'reach' | 'label' | 'id'> {
  const up = signedState(n, flip);
  const down = signedState(n, -flip);
  const dUp = reach.dist(up);
  const dDown = reach.dist(down);
  const d = Math.min(dUp, dDown);
  if (d >= FAR) return { effect: 'unknown', distance: reach.dist(signedState(n, 0)), up: 0, down: 0, confidence: 0 };
  const nUp = dUp === d ? reach.count[up]! : 0;
  const nDown = dDown === d ? reach.count[down]! : 0;
  // A sign without shortest routes votes -1, below any route: an edge without evidence (strength 0, as in
  // imported files that state none) still outvotes no route at all.
  const bUp = nUp > 0 ? reach.weakest[up]! : -1;
  const bDown = nDown > 0 ? reach.weakest[down]! : -1;
  const effect: EffectKind = bUp > bDown ? 'up' : bDown > bUp ? 'down' : 'mixed';
  const win = Math.max(bUp, bDown);
  const lose = Math.max(0, Math.min(bUp, bDown));
  const confidence = effect === 'mixed' || win === 0 ? 0 : Math.round(Math.min(1, win / STRONGEST) * (1 - lose / win) * 100) / 100;
  return { effect, distance: d, up: nUp, down: nDown, confidence };
}

function describe(
  index: PathIndex,
  start: number,
  reach: DominantReach,
  r: Reached,
  flip: 1 | -1,
  withRoutes: boolean,
  memo: EdgeMemo,
  upstream: boolean,
): DominantEffect {
  const side = (sign: 1 | -1): { routes: SignedRoutes; path: Path | null } | null => {
    const state = signedState(r.n, sign * flip);
    const distance = reach.dist(state);
    if (distance >= FAR || distance > reach.finalDepth) return null;
    // Upstream, the search ran from start back to r.n: reversed, the route runs from r.n into start.
    const route = bestRoute(reach, state);
    const edges = withRoutes ? (upstream ? route.reverse() : route) : null;
    const from = upstream ? r.n : start;
    // The best route holds the best weakest link: its steps of that strength name the kind (read only
    // when the strength is one two kinds share, so a search without routes reads no evidence otherwise).
    const w = reach.weakest[state]!;
    const weakestEvidence = sharesStrength(w) ? weakestKindOf(w, route.filter((e) => index.edgeStrength(e) === w).map((e) => index.edgeSummary(e).evidence)) : evidenceKindOf(w);
    return {
      routes: { distance, routes: reach.count[state]!, weakestEvidence },
      path: edges && visitsOnce(index, from, edges) ? buildPath(index, from, edges, memo) : null,
    };
  };
  const up = side(1);
  const down = side(-1);
  const first = r.effect === 'down' ? [down, up] : [up, down];
  return {
    node: pathNode(index, r.n),
    effect: r.effect,
    distance: r.distance,
    paths: first.flatMap((x) => (x?.path ? [x.path] : [])),
    confidence: r.confidence,
    routes: { up: r.up, down: r.down },
    up: up?.routes ?? null,
    down: down?.routes ?? null,
  };
}

/** True when a route visits no real node twice (a reaction twin counts as its enzyme). */
function visitsOnce(index: PathIndex, start: number, edges: readonly number[]): boolean {
  const seen = new Set<number>([start]);
  for (const e of edges) {
    const v = originNode(index, index.edgeTarget(e));
    if (seen.has(v)) return false;
    seen.add(v);
  }
  return true;
}
