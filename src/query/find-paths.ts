/**
 * findPaths: simple causal paths FROM -> TO, shortest first. Enumeration is a depth-first search run
 * once per exact length L (iterative deepening), pruned by reverse-BFS lower bounds (signed when a net
 * sign is asked for, plus one bound per --via node), and bounded by a work budget. Ranking by evidence
 * runs the same search on the subgraphs of edges at least as strong as each threshold, strongest first.
 */
import { UsageError } from '../errors.js';
import { Budget, type BudgetOptions, type WorkStats } from './budget.js';
import { distancesTo, FAR, signedDistancesTo, signedState } from './distances.js';
import { buildPath, evidenceKeys, nodeRef, type NodeRef, type Path } from './path-result.js';
import type { PathIndex } from './path-index.js';
import { queryContext, type QueryContext, type QueryInput } from './query-input.js';
import {
  checkChoice,
  checkEvidenceKind,
  checkInteger,
  checkSign,
  checkStringList,
  makeTraversal,
  resolveAvoid,
  resolveNumber,
  type Traversal,
} from './query-options.js';
import type { EvidenceKind } from '../model/vocabulary.js';

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
  /** 'length' (default): shortest first, ties by evidence; 'evidence': strongest weakest link first, ties by length. */
  rank?: PathRank;
}

export interface PathsResult {
  from: NodeRef;
  to: NodeRef;
  /** True when the enumeration ran to the end (not cut by the budget): the list is exactly the top `limit`. */
  complete: boolean;
  /** True when the search stopped because `limit` paths were found: more paths may exist. */
  truncated: boolean;
  paths: Path[];
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
    rank: checkChoice(WHERE, 'rank', o.rank ?? 'length', PATH_RANKS),
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
  const search: Search = { ctx, s, t, via, avoid, opts, budget };
  const found = opts.rank === 'length' ? rankByLength(search) : rankByEvidence(search);
  return {
    from: nodeRef(ctx.index, s),
    to: nodeRef(ctx.index, t),
    complete: !budget.exhausted,
    truncated: found.truncated,
    paths: found.paths.map((p) => buildPath(ctx.index, s, p.edges)),
    stats: budget.stats(),
  };
}

interface Search {
  ctx: QueryContext;
  s: number;
  t: number;
  via: number[];
  avoid: ReturnType<typeof resolveAvoid>;
  opts: ResolvedOptions;
  budget: Budget;
}

interface Found {
  edges: Int32Array;
  weakest: number;
  sum: number;
  key?: string;
}

function traversal(search: Search, minStrength: number): Traversal {
  const { ctx, s, t, via, avoid, opts } = search;
  return makeTraversal(ctx, { includeAssociations: opts.includeAssociations, minStrength, avoid, keep: [s, t, ...via] });
}

function rankByLength(search: Search): { paths: Found[]; truncated: boolean } {
  const { opts } = search;
  const enumerator = new LevelEnumerator(search, traversal(search, opts.minStrength));
  const paths: Found[] = [];
  for (let L = enumerator.minLength(); L <= opts.maxLength; L++) {
    const level: Found[] = [];
    const more = enumerator.level(L, opts.limit - paths.length, level, () => true);
    paths.push(...level);
    if (more || paths.length >= opts.limit) return { paths, truncated: true };
    if (search.budget.exhausted) break;
  }
  return { paths, truncated: false };
}

function rankByEvidence(search: Search): { paths: Found[]; truncated: boolean } {
  const { ctx, opts } = search;
  const strengths = new Set<number>();
  for (let e = 0; e < ctx.index.edgeCount; e++) {
    const st = ctx.index.edgeStrength(e);
    if (st >= opts.minStrength) strengths.add(st);
  }
  const paths: Found[] = [];
  for (const threshold of [...strengths].sort((a, b) => b - a)) {
    const enumerator = new LevelEnumerator(search, traversal(search, threshold));
    for (let L = enumerator.minLength(); L <= opts.maxLength; L++) {
      const level: Found[] = [];
      const more = enumerator.level(L, opts.limit - paths.length, level, (f) => f.weakest === threshold);
      paths.push(...level);
      if (more || paths.length >= opts.limit) return { paths, truncated: true };
      if (search.budget.exhausted) return { paths, truncated: false };
    }
  }
  return { paths, truncated: false };
}

/** Orders paths of one length: strongest weakest link, then largest strength sum, then edge ids. */
function compareFound(index: PathIndex) {
  const key = (f: Found) => (f.key ??= Array.from(f.edges, (e) => index.edgeId(e)).join('\u0000'));
  return (a: Found, b: Found) => b.weakest - a.weakest || b.sum - a.sum || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

/** Enumerates the simple paths of one exact length, with lower-bound pruning. */
class LevelEnumerator {
  private readonly index: PathIndex;
  private readonly dist: Int32Array;
  private readonly signed: Int32Array | null;
  private readonly viaDist: Int32Array[];
  private readonly viaToTarget: number[];
  private readonly viaBit: Int32Array;
  private readonly fullMask: number;
  private readonly onPath: Uint8Array;

  constructor(
    private readonly search: Search,
    private readonly trav: Traversal,
  ) {
    const { ctx, t, via, opts } = search;
    this.index = ctx.index;
    this.dist = distancesTo(this.index, t, trav);
    this.signed = opts.sign === null ? null : signedDistancesTo(this.index, t, trav);
    this.viaDist = via.map((v) => distancesTo(this.index, v, trav));
    this.viaToTarget = via.map((v) => this.dist[v]!);
    this.viaBit = new Int32Array(this.index.nodeCount);
    via.forEach((v, k) => (this.viaBit[v] = 1 << k));
    this.fullMask = via.length === 0 ? 0 : (1 << via.length) - 1;
    this.onPath = new Uint8Array(this.index.nodeCount);
  }

  /** A lower bound on the edges still needed from node n with the sign and via nodes seen so far. */
  private bound(n: number, sign: number, mask: number): number {
    let lb: number;
    const wanted = this.search.opts.sign;
    if (wanted === null || this.signed === null) lb = this.dist[n]!;
    else if (wanted !== 0) lb = sign === 0 ? FAR : this.signed[signedState(n, sign * wanted)]!;
    else lb = sign === 0 ? this.dist[n]! : this.signed[signedState(n, 0)]!;
    if (mask !== this.fullMask) {
      for (let k = 0; k < this.viaDist.length; k++) {
        if (mask & (1 << k)) continue;
        const d = this.viaDist[k]![n]! + this.viaToTarget[k]!;
        if (d > lb) lb = d;
      }
    }
    return lb;
  }

  minLength(): number {
    const { s } = this.search;
    return Math.max(1, this.bound(s, 1, this.viaBit[s]!));
  }

  /**
   * Collects into `out` the best `want` paths of exactly L edges that pass `accept`, in rank order.
   * Returns true when more accepted paths of this length exist than were kept.
   */
  level(L: number, want: number, out: Found[], accept: (f: Found) => boolean): boolean {
    const { index, trav, onPath, viaBit, fullMask } = this;
    const { s, t, budget, opts } = this.search;
    if (L >= FAR || this.bound(s, 1, viaBit[s]!) > L) return false;
    const stack = new Int32Array(L);
    const compare = compareFound(index);
    let kept: Found[] = [];
    let more = false;
    const emit = () => {
      const edges = stack.slice();
      const f: Found = { edges, ...evidenceKeys(index, edges) };
      if (!accept(f)) return;
      budget.found++;
      kept.push(f);
      if (kept.length > 2 * want + 1024) {
        kept.sort(compare);
        kept = kept.slice(0, want);
        more = true;
      }
    };
    const dfs = (u: number, depth: number, sign: number, mask: number): void => {
      const outs = index.outEdges(u);
      for (let i = 0; i < outs.length; i++) {
        if (!budget.spend()) return;
        const e = outs[i]!;
        const v = index.edgeTarget(e);
        if (onPath[v] || trav.blocked[v] || !trav.edgeAllowed(e)) continue;
        const nextSign = sign * index.edgeSign(e);
        const nextMask = mask | viaBit[v]!;
        if (v === t) {
          if (depth + 1 === L && nextMask === fullMask && (opts.sign === null || nextSign === opts.sign)) {
            stack[depth] = e;
            emit();
          }
          continue;
        }
        if (depth + 1 + this.bound(v, nextSign, nextMask) > L) continue;
        stack[depth] = e;
        onPath[v] = 1;
        dfs(v, depth + 1, nextSign, nextMask);
        onPath[v] = 0;
        if (budget.exhausted) return;
      }
    };
    onPath[s] = 1;
    dfs(s, 0, 1, viaBit[s]!);
    onPath[s] = 0;
    kept.sort(compare);
    if (kept.length > want) {
      kept = kept.slice(0, want);
      more = true;
    }
    out.push(...kept);
    return more;
  }
}
