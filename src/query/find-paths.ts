/**
 * findPaths: simple causal paths FROM -> TO, best-supported first (or shortest first), with whether they
 * agree in net sign and the confounders of each. Enumeration is a depth-first search run
 * once per exact length L (iterative deepening), pruned by reverse-BFS lower bounds (signed when a net
 * sign is asked for, plus one bound per --via node), and bounded by a work budget. Ranking by evidence
 * (the default) runs the same search on the subgraphs of edges at least as good as each quality
 * threshold, best first: a step's quality is its strongest evidence kind, then the independent studies
 * behind that kind (edgeQuality in path-result.ts), and a path's is its weakest step's.
 *
 * The bounds are grown lazily, layer by layer, only as deep as the current L needs (layered-bfs.ts): a
 * bidirectional BFS gives d(s, t), and for each L the backward ball from the target and the forward ball
 * from the source together reach depth L, so a query on a million-edge graph touches the neighbourhoods
 * of its two ends, not every edge. A valid lower bound prunes only partial paths that cannot be
 * completed, so the paths found are exactly those a whole-graph BFS bound gives; only the work done
 * (stats.expansions, which counts the edges these searches scan too) differs.
 */
import { UsageError } from '../errors.js';
import { Budget, DEFAULT_MAX_EXPANSIONS, DEFAULT_MAX_MILLIS, type BudgetOptions, type WorkStats } from './budget.js';
import { FAR, signedState } from './distances.js';
import { conceptsOf, flowIndex, isBounce, isFlowIndex } from './flow-index.js';
import { Bidirectional, LayeredBfs } from './layered-bfs.js';
import { buildPath, edgeQuality, evidenceKeys, nodeRef, STUDY_CAP, stepQuality, type EdgeMemo, type NodeRef, type Path } from './path-result.js';
import type { PathIndex } from './path-index.js';
import { isCausalRoute, pathAgreement, type PathAgreement, type Unlisted, type UnlistedRoute } from './path-agreement.js';
import { routeConfounders, type ConfounderMemo } from './route-confounders.js';
import { directTests, directTestsText, type DirectTest } from './direct-tests.js';
import { withLease, type Lease, type Stamped } from './scratch.js';
import { queryContext, type QueryContext, type QueryInput } from './query-input.js';
import {
  checkChoice,
  checkEvidenceKind,
  checkInteger,
  checkSign,
  checkStringList,
  consumersOf,
  makeTraversal,
  resolveAvoid,
  resolveNumber,
  type Traversal,
} from './query-options.js';
import type { EvidenceKind } from '../model/vocabulary.js';
import { conversionCycleRule, type RouteRule } from './route-rules.js';
import { cycleAfter, type Consumers } from './conversion-cycle.js';

export const PATH_RANKS = ['length', 'evidence'] as const;
export type PathRank = (typeof PATH_RANKS)[number];
export const MAX_PATH_LENGTH = 30;

export interface FindPathsOptions extends BudgetOptions {
  /** Longest path in edges (default 6). */
  maxLength?: number;
  /** Most paths returned (default 10). */
  limit?: number;
  /** Keep only paths with this net sign: '+', '-' (or '?'). */
  sign?: string;
  /** Nodes every path must visit (any order). */
  via?: string[];
  /** Node names or category names no path may enter (the endpoints are never avoided by category). */
  avoid?: string[];
  /** Skip edges whose strongest supporting evidence is weaker than this kind. */
  minEvidence?: EvidenceKind;
  /** Also follow non-causal edges (associations, correlations); default false. */
  includeAssociations?: boolean;
  /**
   * 'evidence' (default): best-supported first: the weakest step's evidence kind, then the independent
   * studies behind it (restatements of one study count once), then length; 'length': shortest first,
   * ties by that evidence.
   */
  rank?: PathRank;
}

export interface PathsResult {
  from: NodeRef;
  to: NodeRef;
  /** True when the enumeration ran to the end (not cut by the budget): the list is exactly the top `limit`. */
  complete: boolean;
  /** True when the search stopped because `limit` paths were found: more paths may exist. */
  truncated: boolean;
  /** Each path carries `confounders`: the confounds edges whose outcome is on it. */
  paths: Path[];
  /** Whether the listed paths agree in net sign, and what the best-supported says; null when none. */
  agreement: PathAgreement | null;
  /**
   * Human studies of a design that tests causation on an edge asking the same question one step removed
   * (direct-tests.ts), each with the sign the routes predict for it and whether it agrees. Their sentence
   * is appended to `agreement.text`, and is `directTestsText` (null when there are none).
   */
  directTests: DirectTest[];
  directTestsText: string | null;
  /**
   * The rules that kept routes out of this answer, each with the nodes it names and a sentence (also
   * appended to `agreement.text`): conversion_cycle names the reactions consuming the target, whose
   * products no route into the target passes through (docs/semantics.md, perturbation rule 8).
   */
  routeRules: RouteRule[];
  stats: WorkStats;
}

interface ResolvedOptions {
  maxLength: number;
  limit: number;
  sign: -1 | 0 | 1 | null;
  via: string[];
  avoid: string[];
  minStrength: number;
  includeAssociations: boolean;
  rank: PathRank;
}

const WHERE = 'findPaths';

function checkOptions(o: FindPathsOptions): ResolvedOptions {
  return {
    maxLength: checkInteger(WHERE, 'maxLength', o.maxLength ?? 6, 1, MAX_PATH_LENGTH),
    limit: checkInteger(WHERE, 'limit', o.limit ?? 10, 1, 1_000_000),
    sign: o.sign === undefined ? null : checkSign(WHERE, 'sign', o.sign),
    via: checkStringList(WHERE, 'via', o.via),
    avoid: checkStringList(WHERE, 'avoid', o.avoid),
    minStrength: checkEvidenceKind(WHERE, 'minEvidence', o.minEvidence),
    includeAssociations: o.includeAssociations ?? false,
    rank: checkChoice(WHERE, 'rank', o.rank ?? 'evidence', PATH_RANKS),
  };
}

/** Causal paths from one node to another; names resolve like the CLI (id, label, synonym, CURIE). */
export function findPaths(input: QueryInput, from: string, to: string, options: FindPathsOptions = {}): PathsResult {
  const opts = checkOptions(options);
  const budget = new Budget(WHERE, options);
  const ctx = queryContext(input);
  const s = resolveNumber(ctx, from);
  const t = resolveNumber(ctx, to);
  if (s === t) throw new UsageError(`${WHERE}: "${from}" and "${to}" are the same node; use findLoops for cycles`);
  const via = [...new Set(opts.via.map((name) => resolveNumber(ctx, name)))].filter((n) => n !== s && n !== t);
  if (via.length > 16) throw new UsageError(`${WHERE}: option via takes at most 16 nodes, got ${via.length}`);
  const avoid = resolveAvoid(ctx, opts.avoid);
  for (const n of [s, t, ...via]) {
    if (avoid.nodes.has(n)) throw new UsageError(`${WHERE}: option avoid names "${ctx.index.nodeId(n)}", which is an endpoint or via node`);
  }
  // Conversions follow the SBGN rules (flow-index.ts): a route may enter a reaction at its substrate.
  const flowCtx: QueryContext = { ...ctx, index: flowIndex(ctx.index) };
  const started = now();
  const found = withLease(flowCtx.index, (lease) => {
    const search: Search = { ctx: flowCtx, s, t, via, avoid, opts, budget, lease };
    return opts.rank === 'length' ? rankByLength(search) : rankByEvidence(search);
  });
  const memo: EdgeMemo = new Map();
  const confounderMemo: ConfounderMemo = new Map();
  const paths = found.paths.map((p) => {
    const path = buildPath(flowCtx.index, s, p.edges, memo);
    path.confounders = routeConfounders(ctx.index, ctx.names, path.nodes, confounderMemo);
    return path;
  });
  const stats = budget.stats();
  // Nothing to look for when the list is whole or one sign was asked for; nothing was looked at when the budget ran out.
  let probe: Unlisted = { routes: [], checked: !budget.exhausted };
  if (found.truncated && !budget.exhausted && opts.sign === null) {
    // The limit cut the list: look for the best-supported route of each net sign it lacks, within what
    // is left of the budget (its own Budget, so running out here does not mark the listed paths incomplete).
    const left = new Budget(WHERE, {
      maxExpansions: Math.max(1, (options.maxExpansions ?? DEFAULT_MAX_EXPANSIONS) - stats.expansions),
      maxMillis: Math.max(1, (options.maxMillis ?? DEFAULT_MAX_MILLIS) - (now() - started)),
    });
    probe = withLease(flowCtx.index, (lease) => unlistedSigns(flowCtx, s, t, via, avoid, opts, left, lease, paths));
    stats.expansions += left.stats().expansions;
  }
  const agreement = pathAgreement(paths, found.truncated || budget.exhausted, probe);
  const tests = directTests(ctx.index, ctx.sources, s, t, agreement);
  const testsText = directTestsText(tests, agreement !== null);
  // The direct tests go in the agreement's own sentence, so no reader sees the routes' verdict without them.
  // The rules that kept routes out come right after the routes' count, before the direct tests.
  const routeRules = [conversionCycleRule(flowCtx.index, t, consumersOf(flowCtx.index, t))].filter((r): r is RouteRule => r !== null);
  if (agreement) for (const r of routeRules) agreement.text += ` ${r.text}`;
  if (agreement && testsText) agreement.text += ` ${testsText}`;
  return {
    from: nodeRef(ctx.index, s),
    to: nodeRef(ctx.index, t),
    complete: !budget.exhausted,
    truncated: found.truncated,
    paths,
    agreement,
    directTests: tests,
    directTestsText: testsText,
    routeRules,
    stats,
  };
}

/**
 * The best-supported route of each net sign (+, -) that the listed paths lack, found by the evidence
 * ranking restricted to that sign with limit 1. `checked` is false when the budget cut the search.
 */
function unlistedSigns(ctx: QueryContext, s: number, t: number, via: number[], avoid: ReturnType<typeof resolveAvoid>, opts: ResolvedOptions, budget: Budget, lease: Lease, listed: Path[]): Unlisted {
  const routes: UnlistedRoute[] = [];
  const shared: Search['shared'] = new Map();
  for (const sign of [1, -1] as const) {
    const text = sign > 0 ? '+' : '-';
    if (listed.some((p) => p.sign === text)) continue;
    const search: Search = { ctx, s, t, via, avoid, opts: { ...opts, sign, limit: 1, rank: 'evidence' }, budget, lease, shared };
    const best = rankByEvidence(search).paths[0];
    if (!best) continue;
    const path = buildPath(ctx.index, s, best.edges);
    routes.push({ sign: path.sign, length: path.length, weakestEvidence: path.weakestEvidence, weakestStudies: path.weakestStudies, nodes: path.nodes.map((n) => n.id), causal: isCausalRoute(path) });
  }
  return { routes, checked: !budget.exhausted };
}

/**
 * The route paths would list first among those of net sign `sign` from s to t within maxLength (shortest,
 * then best-supported), by paths' rules, as its edges on ctx's index (the flow view); null when there is
 * none, undefined when the budget ran out before the answer was known. effects' exhaustive view checks a
 * sign its walk search found against it (effects.ts).
 */
export function shortestRouteOfSign(
  ctx: QueryContext,
  s: number,
  t: number,
  sign: -1 | 0 | 1,
  maxLength: number,
  filter: { includeAssociations: boolean; minStrength: number; avoid: ReturnType<typeof resolveAvoid> },
  budget: Budget,
): Int32Array | null | undefined {
  const opts: ResolvedOptions = { maxLength, limit: 1, sign, via: [], avoid: [], minStrength: filter.minStrength, includeAssociations: filter.includeAssociations, rank: 'length' };
  const found = withLease(ctx.index, (lease) => rankByLength({ ctx, s, t, via: [], avoid: filter.avoid, opts, budget, lease }));
  if (found.paths.length > 0) return found.paths[0]!.edges;
  return budget.exhausted ? undefined : null;
}

interface Search {
  ctx: QueryContext;
  s: number;
  t: number;
  via: number[];
  avoid: ReturnType<typeof resolveAvoid>;
  opts: ResolvedOptions;
  budget: Budget;
  /** Scratch arrays borrowed from the index's pool for this query. */
  lease: Lease;
  /**
   * Bound searches shared by searches that run one after the other on the same budget and lease, by
   * evidence threshold: the searches for the best route of each net sign grow one unsigned and one signed
   * ball (the signed one holds the + and the - states alike) instead of one each.
   */
  shared?: Map<number, { bidi: Bidirectional; signed: LayeredBfs | null }>;
}

interface Found {
  edges: Int32Array;
  /** Weakest-link quality (edgeQuality): the evidence rank key. */
  quality: number;
  weakest: number;
  sum: number;
  /** Steps some evidence disputes (computed only when weakest and sum tie). */
  disputed?: number;
  key?: string;
}

function traversal(search: Search, minQuality = 0): Traversal {
  const { ctx, s, t, via, avoid, opts } = search;
  // Rule 8 is kept along each route (LevelEnumerator), not by refusing production steps outright.
  const base = makeTraversal(ctx, { includeAssociations: opts.includeAssociations, minStrength: opts.minStrength, avoid, keep: [s, t, ...via], from: s, to: t, cycleByRoute: true });
  if (minQuality === 0) return base;
  const quality = edgeQualities(ctx.index).byEdge;
  return { blocked: base.blocked, edgeAllowed: (e) => quality[e]! >= minQuality && base.edgeAllowed(e) };
}

function rankByLength(search: Search): { paths: Found[]; truncated: boolean } {
  const { opts } = search;
  const enumerator = new LevelEnumerator(search, traversal(search));
  const paths: Found[] = [];
  for (let L = enumerator.minLength(); L <= opts.maxLength; L++) {
    const level: Found[] = [];
    const more = enumerator.level(L, opts.limit - paths.length, level, () => true);
    for (const f of level) paths.push(f); // no spread: a level can hold a million paths
    if (more || paths.length >= opts.limit) return { paths, truncated: true };
    if (search.budget.exhausted) break;
  }
  return { paths, truncated: false };
}

function rankByEvidence(search: Search): { paths: Found[]; truncated: boolean } {
  const { ctx, opts } = search;
  const paths: Found[] = [];
  // Qualities below the --min-evidence kind belong to edges the traversal refuses anyway.
  for (const threshold of edgeQualities(ctx.index).distinct.filter((q) => q >= opts.minStrength * (STUDY_CAP + 1))) {
    const enumerator = new LevelEnumerator(search, traversal(search, threshold), threshold);
    for (let L = enumerator.minLength(); L <= opts.maxLength; L++) {
      const level: Found[] = [];
      const more = enumerator.level(L, opts.limit - paths.length, level, (f) => f.quality === threshold);
      for (const f of level) paths.push(f); // no spread: a level can hold a million paths
      if (more || paths.length >= opts.limit) return { paths, truncated: true };
      if (search.budget.exhausted) return { paths, truncated: false };
    }
  }
  return { paths, truncated: false };
}

interface Qualities {
  /** edgeQuality of every edge, by edge number (qualities fit a byte). */
  byEdge: Uint8Array;
  /** The distinct qualities, best first. */
  distinct: number[];
}

const qualitiesOf = new WeakMap<PathIndex, Qualities>();

/** Every edge's evidence quality and the distinct values, best first (one pass over the edges, then cached). */
function edgeQualities(index: PathIndex): Qualities {
  let q = qualitiesOf.get(index);
  if (!q) {
    const byEdge = new Uint8Array(index.edgeCount);
    const seen = new Set<number>();
    const raw = index.edgeSupport ? undefined : index.rawAdjacency?.();
    if (raw) {
      // Without per-edge study counts a step's quality depends on its strength alone: a table lookup per
      // edge over the strength array (the first query on a million-edge file pays milliseconds, not tens).
      const byStrength = Uint8Array.from({ length: 256 }, (_, strength) => stepQuality(strength, 1));
      const present = new Uint8Array(256);
      const strength = raw.strength;
      for (let e = 0; e < byEdge.length; e++) {
        const st = strength[e]!;
        byEdge[e] = byStrength[st]!;
        present[st] = 1;
      }
      present.forEach((p, st) => p && seen.add(byStrength[st]!));
    } else {
      for (let e = 0; e < index.edgeCount; e++) seen.add((byEdge[e] = edgeQuality(index, e)));
    }
    q = { byEdge, distinct: [...seen].sort((a, b) => b - a) };
    qualitiesOf.set(index, q);
  }
  return q;
}

/** Out-degree above which a node two steps before t uses the two-step index instead of its out-edges. */
const TWO_STEP_MIN_DEGREE = 16;
const NO_EDGES: number[] = [];

/** Orders paths of one length: best weakest-link quality, then largest strength sum, then fewest disputed steps, then edge ids. */
function compareFound(index: PathIndex) {
  const key = (f: Found) => (f.key ??= Array.from(f.edges, (e) => index.edgeId(e)).join('\u0000'));
  const disputed = (f: Found) => (f.disputed ??= index.edgeContested ? f.edges.reduce((n, e) => n + (index.edgeContested!(e) ? 1 : 0), 0) : 0);
  return (a: Found, b: Found) =>
    b.quality - a.quality || b.sum - a.sum || disputed(a) - disputed(b) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

/**
 * Enumerates the simple paths of one exact length, with lower-bound pruning. The bounds are lazy
 * searches (LayeredBfs) grown per level:
 * - dist-to-target: the backward side of a bidirectional BFS s <-> t, grown with the forward side
 *   (cheaper first) until their depths add up to L. Nodes outside the backward ball get its depth + 1,
 *   still a lower bound; the DFS prunes exactly from depth L - backward.depth on, and the forward depth
 *   is what its unpruned shallow part costs.
 * - signed (--sign): a backward BFS over (node, sign) states, grown to the unsigned one's depth (at most
 *   L - 1); outside it the bound is its depth + 1.
 * - via: one backward BFS per via node, grown to depth L - 1 at each level. No cheaper bound is used
 *   here (a meet-in-the-middle bound would need a ball around every via node from both sides): this
 *   prunes exactly like the former whole-graph BFS, since a node more than L - 1 steps from a via node
 *   it still needs cannot be on a path of L edges, and costs up to a whole BFS per via node, as before.
 */
class LevelEnumerator {
  private readonly index: PathIndex;
  private readonly bidi: Bidirectional;
  private readonly signed: LayeredBfs | null;
  private readonly viaBfs: LayeredBfs[];
  private readonly viaBit: Stamped;
  private readonly fullMask: number;
  private readonly onPath: Stamped;
  /** Each node's concept (itself, or what it is a deficiency or excess state of); null when no node is a state. */
  private readonly concepts: Int32Array | null;
  /** The concepts a partial path has entered (rule 9: a route does not leave a concept and re-enter it). */
  private readonly conceptOn: Stamped;
  /** Edges u -> v where v has an allowed edge into t (v not blocked), by u; built on first use. */
  private twoSteps: Map<number, number[]> | null = null;
  /** The reactions that consume t (rule 8 along the route: conversion-cycle.ts); null when none. */
  private readonly consumers: Consumers | null;

  constructor(
    private readonly search: Search,
    private readonly trav: Traversal,
    threshold = 0,
  ) {
    const { ctx, s, t, via, opts, budget, lease } = search;
    const index = (this.index = ctx.index);
    // Shared bounds are only for +/- searches (the signed ball skips unsigned edges), which is all unlistedSigns runs.
    const shared = opts.sign !== null && opts.sign !== 0 ? search.shared : undefined;
    const cached = shared?.get(threshold);
    this.bidi = cached?.bidi ?? new Bidirectional(index, trav, s, t, lease, budget);
    this.signed = cached?.signed ?? (opts.sign === null ? null : new LayeredBfs(index, trav, t, 'in', true, lease, budget, opts.sign !== 0));
    if (shared && !cached) shared.set(threshold, { bidi: this.bidi, signed: this.signed });
    this.viaBfs = via.map((v) => new LayeredBfs(index, trav, v, 'in', false, lease, budget));
    this.viaBit = lease.stamped(index.nodeCount);
    via.forEach((v, k) => this.viaBit.set(v, 1 << k));
    this.fullMask = via.length === 0 ? 0 : (1 << via.length) - 1;
    this.onPath = lease.stamped(index.nodeCount);
    this.concepts = conceptsOf(index);
    this.conceptOn = lease.stamped(index.nodeCount);
    this.consumers = consumersOf(index, t);
  }

  /** A lower bound on the edges still needed from node n with the sign and via nodes seen so far. */
  private bound(n: number, sign: number, mask: number): number {
    let lb: number;
    const wanted = this.search.opts.sign;
    const dist = this.bidi.backward;
    if (wanted === null || this.signed === null) lb = dist.get(n);
    else if (wanted !== 0) lb = sign === 0 ? FAR : this.signed.get(signedState(n, sign * wanted));
    else lb = sign === 0 ? dist.get(n) : this.signed.get(signedState(n, 0));
    if (mask !== this.fullMask) {
      const { via } = this.search;
      for (let k = 0; k < this.viaBfs.length; k++) {
        if (mask & (1 << k)) continue;
        const d = this.viaBfs[k]!.get(n) + dist.get(via[k]!);
        if (d > lb) lb = d;
      }
    }
    return lb;
  }

  /** The shortest length worth trying: d(s, t) from the bidirectional BFS (FAR when unreachable), or more. */
  minLength(): number {
    const { s, opts } = this.search;
    if (this.signed) {
      // One layer of the signed search can show that no route of the wanted sign exists at all (t has no
      // signed in-edge), before the unsigned searches grow their balls.
      this.signed.ensure(1);
      if (this.signed.done && this.bound(s, 1, this.viaBit.get(s, 0)) >= FAR) return FAR;
    }
    const d = this.bidi.meet(opts.maxLength);
    if (d >= FAR) return FAR;
    return Math.max(1, d, this.bound(s, 1, this.viaBit.get(s, 0)));
  }

  /**
   * The two-step index: for every u, its allowed edges to the nodes one allowed step from t. Costs the
   * in-edges of t's in-neighbours, which the backward search has already scanned once it is 2 deep.
   */
  private twoStepIndex(): Map<number, number[]> {
    if (this.twoSteps) return this.twoSteps;
    const { index, trav } = this;
    const { t, budget } = this.search;
    const map = new Map<number, number[]>();
    const seen = new Set<number>();
    const into = index.inEdges(t);
    for (let i = 0; i < into.length; i++) {
      const e2 = into[i]!;
      const v = index.edgeSource(e2);
      if (v === t || seen.has(v) || trav.blocked[v] || !trav.edgeAllowed(e2)) continue;
      seen.add(v);
      const ins = index.inEdges(v);
      budget.spend(ins.length);
      for (let j = 0; j < ins.length; j++) {
        const e1 = ins[j]!;
        if (!trav.edgeAllowed(e1)) continue;
        const u = index.edgeSource(e1);
        const list = map.get(u);
        if (list) list.push(e1);
        else map.set(u, [e1]);
      }
    }
    return (this.twoSteps = map);
  }

  /** Grows the lazy bounds as deep as level L needs; false when the budget ran out. */
  private prepare(L: number): boolean {
    this.bidi.reach(L);
    if (this.signed) this.signed.ensure(Math.min(this.bidi.backward.depth, L - 1));
    for (const bfs of this.viaBfs) bfs.ensure(L - 1);
    return !this.search.budget.exhausted;
  }

  /**
   * Collects into `out` the best `want` paths of exactly L edges that pass `accept`, in rank order.
   * Returns true when more accepted paths of this length exist than were kept.
   */
  level(L: number, want: number, out: Found[], accept: (f: Found) => boolean): boolean {
    const { index, trav, onPath, viaBit, fullMask, concepts, conceptOn, consumers } = this;
    const { s, t, budget, opts } = this.search;
    if (L >= FAR || !this.prepare(L) || this.bound(s, 1, viaBit.get(s, 0)) > L) return false;
    const stack = new Int32Array(L);
    const compare = compareFound(index);
    const qualities = edgeQualities(index).byEdge;
    let kept: Found[] = [];
    let more = false;
    const emit = () => {
      const edges = stack.slice();
      const f: Found = { edges, ...evidenceKeys(index, edges, (e) => qualities[e]!) };
      if (!accept(f)) return;
      budget.found++;
      kept.push(f);
      if (kept.length > 2 * want + 1024) {
        kept.sort(compare);
        kept = kept.slice(0, want);
        more = true;
      }
    };
    // `cycle` (cycleAfter): a production step of a reaction consuming t with only mass flow since; arriving so is refused.
    const arrive = (e: number, depth: number, sign: number, mask: number, cycle: number): void => {
      // t is on the path already when the route went through t's own reaction twin (the last-step scan below meets that too).
      if (onPath.has(t) || !trav.edgeAllowed(e) || cycleAfter(index, consumers, cycle, e) === 1) return;
      const nextSign = sign * index.edgeSign(e);
      if (mask === fullMask && (opts.sign === null || nextSign === opts.sign)) {
        stack[depth] = e;
        emit();
      }
    };
    const into = index.inEdges(t);
    // A simple path visits each real node once: a reaction twin counts as its enzyme.
    const origin = isFlowIndex(index) ? (n: number) => index.nodeOrigin(n) : null;
    const dfs = (u: number, depth: number, sign: number, mask: number, cycle: number): void => {
      const outs = index.outEdges(u);
      if (depth + 1 === L && into.length < outs.length) {
        // The last step can only be an edge u -> t (any other node is at least one more step from t):
        // scan t's in-edges when there are fewer of them than u's out-edges (a hub near the target).
        for (let i = 0; i < into.length; i++) {
          if (!budget.spend()) return;
          const e = into[i]!;
          if (index.edgeSource(e) === u && !(depth > 0 && isBounce(index, stack[depth - 1]!, e))) arrive(e, depth, sign, mask, cycle);
        }
        return;
      }
      let edges: ArrayLike<number> = outs;
      if (depth + 2 === L && outs.length > TWO_STEP_MIN_DEGREE && this.bidi.backward.depth >= 2) {
        // Two steps left: only edges u -> v with v one step from t can lead anywhere, and a hub u has
        // many out-edges but few such; the two-step index lists just those.
        edges = this.twoStepIndex().get(u) ?? NO_EDGES;
      }
      for (let i = 0; i < edges.length; i++) {
        if (!budget.spend()) return;
        const e = edges[i]!;
        const v = index.edgeTarget(e);
        const real = origin === null ? v : origin(v);
        if (onPath.has(real) || trav.blocked[v] || !trav.edgeAllowed(e)) continue;
        if (depth > 0 && isBounce(index, stack[depth - 1]!, e)) continue;
        // Rule 9: a step into another concept may not enter one the route has already left.
        const entered = concepts !== null && concepts[v] !== concepts[u] ? concepts[v]! : -1;
        if (entered >= 0 && conceptOn.has(entered)) continue;
        const nextSign = sign * index.edgeSign(e);
        const nextMask = mask | viaBit.get(v, 0);
        if (v === t) {
          if (depth + 1 === L) arrive(e, depth, sign, nextMask, cycle);
          continue;
        }
        if (depth + 1 + this.bound(v, nextSign, nextMask) > L) continue;
        stack[depth] = e;
        onPath.set(real, 1);
        if (entered >= 0) conceptOn.set(entered, 1);
        dfs(v, depth + 1, nextSign, nextMask, cycleAfter(index, consumers, cycle, e));
        if (entered >= 0) conceptOn.unset(entered);
        onPath.unset(real);
        if (budget.exhausted) return;
      }
    };
    onPath.set(s, 1);
    if (concepts !== null) conceptOn.set(concepts[s]!, 1);
    dfs(s, 0, 1, viaBit.get(s, 0), 0);
    onPath.unset(s);
    if (concepts !== null) conceptOn.unset(concepts[s]!);
    kept.sort(compare);
    if (kept.length > want) {
      kept = kept.slice(0, want);
      more = true;
    }
    for (const f of kept) out.push(f);
    return more;
  }
}

function now(): number {
  return globalThis.performance ? globalThis.performance.now() : Date.now();
}
