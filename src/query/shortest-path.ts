/**
 * shortestPath: one shortest causal path FROM -> TO, the question networkx's shortest_path answers, under
 * the same traversal rules as findPaths (causal edges only unless asked, avoid, min-evidence, the flow
 * rules of docs/semantics.md). Where several routes are equally short it returns the first one the search
 * meets, not the best-supported one, and it does not look for routes of the other sign: that is
 * findPaths' job (`paths --rank length --limit 1` ranks the shortest routes by evidence and says whether
 * routes disagree), and it costs every shortest route instead of one.
 *
 * The search is a bidirectional BFS that stops at the first node one side finds already known to the
 * other. That is exact: each side has expanded every layer it holds, so a meeting node found while side A
 * grows from depth a to a + 1 is at depth b exactly on side B (a node at depth < b on B has all its
 * neighbours on B already, and would have met earlier), and every meeting in that layer has the same
 * length a + 1 + b, which no shorter route beats (the sides have not met within a + b). Only the path's
 * own steps are turned into evidence summaries.
 *
 * A BFS walk ignores three rules that findPaths keeps: a reaction twin counts as its enzyme for simple
 * paths, a route may not bounce through a reaction (isBounce), and rule 8 read along the route (a
 * production step of a reaction consuming the target, followed by conversions alone into it:
 * conversion-cycle.ts). When the walk found breaks one, the answer comes from findPaths' exact
 * enumeration instead (rare: only graphs with conversions).
 */
import { UsageError } from '../errors.js';
import { Budget, DEFAULT_MAX_EXPANSIONS, type BudgetOptions, type WorkStats } from './budget.js';
import { findPaths, MAX_PATH_LENGTH } from './find-paths.js';
import { conceptsOf, flowIndex, isBounce, isFlowIndex, originNode } from './flow-index.js';
import { buildPath, nodeRef, type NodeRef, type Path } from './path-result.js';
import type { PathIndex, RawAdjacency } from './path-index.js';
import { queryContext, type QueryInput } from './query-input.js';
import { checkEvidenceKind, checkInteger, checkStringList, consumersOf, makeTraversal, resolveAvoid, resolveNumber, type Traversal } from './query-options.js';
import { keepsConversionRule } from './conversion-cycle.js';
import { withLease, type Lease, type Stamped } from './scratch.js';
import type { EvidenceKind } from '../model/vocabulary.js';

export interface ShortestPathOptions extends BudgetOptions {
  /** Longest path in edges (default 6). */
  maxLength?: number;
  /** Node names or category names the path may not enter (the endpoints are never avoided by category). */
  avoid?: string[];
  /** Skip edges whose strongest supporting evidence is weaker than this kind. */
  minEvidence?: EvidenceKind;
  /** Also follow non-causal edges (associations, correlations); default false. */
  includeAssociations?: boolean;
}

export interface ShortestPathResult {
  from: NodeRef;
  to: NodeRef;
  /** One shortest path (with its steps' evidence), or null when none has at most maxLength steps. */
  path: Path | null;
  /** True when the search ran to the end: a null path then means there is no such route. */
  complete: boolean;
  stats: WorkStats;
}

const WHERE = 'shortestPath';

/** One shortest causal path from one node to another; names resolve like the CLI (id, label, synonym, CURIE). */
export function shortestPath(input: QueryInput, from: string, to: string, options: ShortestPathOptions = {}): ShortestPathResult {
  const maxLength = checkInteger(WHERE, 'maxLength', options.maxLength ?? 6, 1, MAX_PATH_LENGTH);
  const avoidNames = checkStringList(WHERE, 'avoid', options.avoid);
  const minStrength = checkEvidenceKind(WHERE, 'minEvidence', options.minEvidence);
  const includeAssociations = options.includeAssociations ?? false;
  const budget = new Budget(WHERE, options);
  const ctx = queryContext(input);
  const s = resolveNumber(ctx, from);
  const t = resolveNumber(ctx, to);
  if (s === t) throw new UsageError(`${WHERE}: "${from}" and "${to}" are the same node`);
  const avoid = resolveAvoid(ctx, avoidNames);
  for (const n of [s, t]) {
    if (avoid.nodes.has(n)) throw new UsageError(`${WHERE}: option avoid names "${ctx.index.nodeId(n)}", which is an endpoint`);
  }
  const index = flowIndex(ctx.index);
  // Rule 8 along the route (conversion-cycle.ts): the search refuses no production step; a walk that breaks the rule goes to findPaths.
  const trav = makeTraversal({ ...ctx, index }, { includeAssociations, minStrength, avoid, keep: [s, t], from: s, to: t, cycleByRoute: true });
  // The typed arrays carry no disputes: only an index without them (the compact index) is read that way.
  const raw = index.edgeContested ? undefined : index.rawAdjacency?.();
  const edges = withLease(index, (lease) =>
    raw ? meetOnArrays(raw, trav.blocked, includeAssociations, minStrength, s, t, maxLength, budget, lease) : meetInTheMiddle(index, trav, s, t, maxLength, budget, lease),
  );
  const from_ = nodeRef(ctx.index, s);
  const to_ = nodeRef(ctx.index, t);
  if (edges === null || (isSimpleRoute(index, s, edges) && keepsConversionRule(index, consumersOf(index, t), edges))) {
    return { from: from_, to: to_, path: edges && buildPath(index, s, edges), complete: !budget.exhausted, stats: budget.stats() };
  }
  // The walk breaks a route rule: the exact enumeration finds the shortest route that keeps them, with
  // what is left of the budget.
  const used = budget.stats().expansions;
  const exact = findPaths(input, from, to, {
    maxLength,
    avoid: avoidNames,
    minEvidence: options.minEvidence,
    includeAssociations,
    limit: 1,
    rank: 'length',
    maxMillis: options.maxMillis,
    maxExpansions: Math.max(1, (options.maxExpansions ?? DEFAULT_MAX_EXPANSIONS) - used),
  });
  return {
    from: from_,
    to: to_,
    path: exact.paths[0] ?? null,
    complete: exact.complete,
    stats: { expansions: used + exact.stats.expansions, stoppedBy: exact.stats.stoppedBy },
  };
}

/** One side of the search: known nodes with the edge each was reached by, and the current layer. */
interface Side {
  seen: Stamped;
  layer: Int32Array;
  next: Int32Array;
  size: number;
  depth: number;
  /** Edges the next layer will scan. */
  cost: number;
  out: boolean;
}

function side(index: PathIndex, root: number, out: boolean, lease: Lease): Side {
  const seen = lease.stamped(index.nodeCount);
  seen.set(root, -1);
  const layer = lease.ints(index.nodeCount);
  layer[0] = root;
  return { seen, layer, next: lease.ints(index.nodeCount), size: 1, depth: 0, cost: out ? index.outDegree(root) : index.inDegree(root), out };
}

/** The edges of one shortest s -> t walk within maxLength, or null (none, or the budget ran out). */
function meetInTheMiddle(index: PathIndex, trav: Traversal, s: number, t: number, maxLength: number, budget: Budget, lease: Lease): Int32Array | null {
  const fwd = side(index, s, true, lease);
  const bwd = side(index, t, false, lease);
  const { blocked, edgeAllowed } = trav;
  while (fwd.size > 0 && bwd.size > 0 && fwd.depth + bwd.depth < maxLength) {
    const a = fwd.cost <= bwd.cost ? fwd : bwd;
    const b = a === fwd ? bwd : fwd;
    const { seen, layer, next, out } = a;
    let size = 0;
    let cost = 0;
    for (let h = 0; h < a.size; h++) {
      const u = layer[h]!;
      const list = out ? index.outEdges(u) : index.inEdges(u);
      if (!budget.spend(list.length)) return null;
      for (let i = 0; i < list.length; i++) {
        const e = list[i]!;
        const v = out ? index.edgeTarget(e) : index.edgeSource(e);
        if (seen.stamp[v] === seen.epoch || blocked[v] || !edgeAllowed(e)) continue;
        seen.set(v, e);
        if (b.seen.stamp[v] === b.seen.epoch) return walk(index, fwd.seen, bwd.seen, s, t, v);
        next[size++] = v;
        cost += out ? index.outDegree(v) : index.inDegree(v);
      }
    }
    a.layer = next;
    a.next = layer;
    a.size = size;
    a.cost = cost;
    a.depth++;
  }
  return null;
}

/**
 * meetInTheMiddle on an index's typed arrays (rawAdjacency): the same search, each edge read from the
 * arrays instead of through PathIndex methods, which is most of its cost before V8 has optimised the
 * loop (a script's first hundreds of queries). Edge numbers are the index's own, as there.
 */
function meetOnArrays(raw: RawAdjacency, blocked: Uint8Array, includeAssociations: boolean, minStrength: number, s: number, t: number, maxLength: number, budget: Budget, lease: Lease): Int32Array | null {
  const n = raw.outOffsets.length - 1;
  const fSeen = lease.stamped(n);
  const bSeen = lease.stamped(n);
  let fLayer = lease.ints(n);
  let bLayer = lease.ints(n);
  let spare = lease.ints(n);
  fSeen.set(s, -1);
  bSeen.set(t, -1);
  fLayer[0] = s;
  bLayer[0] = t;
  let fSize = 1;
  let bSize = 1;
  let fDepth = 0;
  let bDepth = 0;
  let fCost = raw.outOffsets[s + 1]! - raw.outOffsets[s]!;
  let bCost = raw.inOffsets[t + 1]! - raw.inOffsets[t]!;
  const { causal, strength } = raw;
  while (fSize > 0 && bSize > 0 && fDepth + bDepth < maxLength) {
    const out = fCost <= bCost;
    const offsets = out ? raw.outOffsets : raw.inOffsets;
    const list = out ? raw.outList : raw.inList;
    const far = out ? raw.target : raw.source;
    const seen = out ? fSeen : bSeen;
    const other = out ? bSeen : fSeen;
    const layer = out ? fLayer : bLayer;
    const size = out ? fSize : bSize;
    const next = spare;
    const { stamp, value, epoch } = seen;
    const otherStamp = other.stamp;
    const otherEpoch = other.epoch;
    let nextSize = 0;
    let cost = 0;
    for (let h = 0; h < size; h++) {
      const u = layer[h]!;
      const end = offsets[u + 1]!;
      let i = offsets[u]!;
      if (!budget.spend(end - i)) return null;
      for (; i < end; i++) {
        const e = list[i]!;
        const v = far[e]!;
        if (stamp[v] === epoch || blocked[v] === 1 || (!includeAssociations && causal[e] !== 1) || strength[e]! < minStrength) continue;
        stamp[v] = epoch;
        value[v] = e;
        if (otherStamp[v] === otherEpoch) return walkArrays(raw, fSeen, bSeen, s, t, v);
        next[nextSize++] = v;
        cost += offsets[v + 1]! - offsets[v]!;
      }
    }
    spare = layer;
    if (out) {
      fLayer = next;
      fSize = nextSize;
      fCost = cost;
      fDepth++;
    } else {
      bLayer = next;
      bSize = nextSize;
      bCost = cost;
      bDepth++;
    }
  }
  return null;
}

function walkArrays(raw: RawAdjacency, fwd: Stamped, bwd: Stamped, s: number, t: number, meet: number): Int32Array {
  const head: number[] = [];
  for (let n = meet; n !== s; n = raw.source[head[head.length - 1]!]!) head.push(fwd.value[n]!);
  head.reverse();
  for (let n = meet; n !== t; n = raw.target[head[head.length - 1]!]!) head.push(bwd.value[n]!);
  return Int32Array.from(head);
}

/** The walk s -> meet -> t read off the edges each side reached its nodes by. */
function walk(index: PathIndex, fwd: Stamped, bwd: Stamped, s: number, t: number, meet: number): Int32Array {
  const head: number[] = [];
  for (let n = meet; n !== s; ) {
    const e = fwd.value[n]!;
    head.push(e);
    n = index.edgeSource(e);
  }
  head.reverse();
  for (let n = meet; n !== t; ) {
    const e = bwd.value[n]!;
    head.push(e);
    n = index.edgeTarget(e);
  }
  return Int32Array.from(head);
}

/**
 * True when the walk is a route findPaths would list: each real node once, no bounce through a reaction,
 * no concept (a node and its deficiency or excess states) left and re-entered (rule 9).
 */
function isSimpleRoute(index: PathIndex, s: number, edges: Int32Array): boolean {
  const concepts = conceptsOf(index);
  if (!isFlowIndex(index) && concepts === null) return true;
  const seen = new Set<number>([originNode(index, s)]);
  const entered = new Set<number>(concepts ? [concepts[s]!] : []);
  for (let i = 0; i < edges.length; i++) {
    const u = index.edgeSource(edges[i]!);
    const v = index.edgeTarget(edges[i]!);
    const real = originNode(index, v);
    if (seen.has(real)) return false;
    seen.add(real);
    if (i > 0 && isBounce(index, edges[i - 1]!, edges[i]!)) return false;
    if (concepts && concepts[v] !== concepts[u]) {
      if (entered.has(concepts[v]!)) return false;
      entered.add(concepts[v]!);
    }
  }
  return true;
}
