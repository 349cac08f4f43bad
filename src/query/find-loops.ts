/**
 * findLoops: signed feedback cycles (reinforcing when the sign product is +, balancing when -), shortest
 * first. Each simple cycle is found once: from its lowest-numbered node, through higher-numbered nodes
 * only (the rule Johnson's algorithm uses), or from the given node when `through` is set. Enumeration
 * runs once per exact length, pruned by a bounded reverse BFS back to the start, under a work budget.
 */
import { Budget, type BudgetOptions, type WorkStats } from './budget.js';
import { buildPath, evidenceKeys, nodeRef, type EdgeMemo, type NodeRef, type Path } from './path-result.js';
import type { PathIndex } from './path-index.js';
import { queryContext, type QueryInput } from './query-input.js';
import {
  checkEvidenceKind,
  checkInteger,
  checkSign,
  checkStringList,
  makeTraversal,
  resolveAvoid,
  resolveNumber,
  type Traversal,
} from './query-options.js';
import { withLease, type Lease, type Stamped } from './scratch.js';
import type { EvidenceKind } from '../model/vocabulary.js';

export type LoopKind = 'reinforcing' | 'balancing' | 'unknown';

export interface Loop extends Path {
  kind: LoopKind;
}

export interface FindLoopsOptions extends BudgetOptions {
  /** Only cycles through this node (they then start and end there). */
  through?: string;
  /** Longest cycle in edges (default 6). */
  maxLength?: number;
  /** Most cycles returned (default 20). */
  limit?: number;
  /** '+' reinforcing only, '-' balancing only. */
  sign?: string;
  minEvidence?: EvidenceKind;
  includeAssociations?: boolean;
  avoid?: string[];
}

export interface LoopsResult {
  through: NodeRef | null;
  complete: boolean;
  truncated: boolean;
  /** Shortest first, then strongest evidence; each starts and ends on the same node. */
  loops: Loop[];
  stats: WorkStats;
}

const WHERE = 'findLoops';
const FAR = 0x3fffffff;

export function findLoops(input: QueryInput, options: FindLoopsOptions = {}): LoopsResult {
  const maxLength = checkInteger(WHERE, 'maxLength', options.maxLength ?? 6, 1, 30);
  const limit = checkInteger(WHERE, 'limit', options.limit ?? 20, 1, 1_000_000);
  const wanted = options.sign === undefined ? null : checkSign(WHERE, 'sign', options.sign);
  const minStrength = checkEvidenceKind(WHERE, 'minEvidence', options.minEvidence);
  const avoidNames = checkStringList(WHERE, 'avoid', options.avoid);
  const budget = new Budget(WHERE, options);
  const ctx = queryContext(input);
  const { index } = ctx;
  const through = options.through === undefined ? null : resolveNumber(ctx, options.through);
  const avoid = resolveAvoid(ctx, avoidNames);
  if (through !== null) avoid.nodes.delete(through);
  const trav = makeTraversal(ctx, { includeAssociations: options.includeAssociations ?? false, minStrength, avoid, keep: through === null ? [] : [through] });
  const found: { start: number; edges: Int32Array }[] = [];
  let truncated = false;
  withLease(index, (lease) => {
    const search = new CycleSearch(index, trav, budget, wanted, lease);
    for (let L = 1; L <= maxLength && !truncated && !budget.exhausted; L++) {
      let level: Cycle[] = [];
      const want = limit - found.length;
      if (through !== null) search.cyclesFrom(through, L, false, level);
      else {
        for (let r = 0; r < index.nodeCount && !budget.exhausted; r++) {
          search.cyclesFrom(r, L, true, level);
          if (level.length > 2 * want + 1024) {
            level = level.sort(compareCycles).slice(0, want);
            truncated = true;
          }
        }
      }
      level.sort(compareCycles);
      if (level.length > want) truncated = true;
      for (const c of level.slice(0, want)) found.push(c); // no spread over an unbounded list
      if (found.length >= limit) truncated = true;
    }
  });
  const memo: EdgeMemo = new Map();
  return {
    through: through === null ? null : nodeRef(index, through),
    complete: !budget.exhausted,
    truncated,
    loops: found.map(({ start, edges }) => {
      const path = buildPath(index, start, edges, memo);
      return { kind: path.sign === '+' ? 'reinforcing' : path.sign === '-' ? 'balancing' : 'unknown', ...path };
    }),
    stats: budget.stats(),
  };
}

interface Cycle {
  start: number;
  edges: Int32Array;
  weakest: number;
  sum: number;
  key: string;
}

function compareCycles(a: Cycle, b: Cycle): number {
  return b.weakest - a.weakest || b.sum - a.sum || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

class CycleSearch {
  /** Distance to the current root r, epoch-stamped: unset = farther than the BFS has gone. */
  private readonly dist: Stamped;
  private readonly queue: Int32Array;
  private readonly onPath: Stamped;
  /** The BFS to `root` so far (resumed, not redone, when the next length asks for the same root). */
  private root = -1;
  private rootLowest = false;
  private head = 0;
  private tail = 0;

  constructor(
    private readonly index: PathIndex,
    private readonly trav: Traversal,
    private readonly budget: Budget,
    private readonly wanted: -1 | 0 | 1 | null,
    lease: Lease,
  ) {
    this.dist = lease.stamped(index.nodeCount);
    this.queue = lease.ints(index.nodeCount);
    this.onPath = lease.stamped(index.nodeCount);
  }

  private distance(n: number): number {
    return this.dist.get(n, FAR);
  }

  /**
   * Reverse BFS to r, at most maxDepth steps, through nodes > r only when lowest. With `through` every
   * length asks for the same root: the BFS then goes on from where the last length left it.
   */
  private boundTo(r: number, maxDepth: number, lowest: boolean): void {
    const { index, trav, dist, queue, budget } = this;
    if (r !== this.root || lowest !== this.rootLowest) {
      dist.reset();
      this.root = r;
      this.rootLowest = lowest;
      this.head = 0;
      this.tail = 0;
      dist.set(r, 0);
      queue[this.tail++] = r;
    }
    while (this.head < this.tail) {
      const v = queue[this.head]!;
      const d = dist.value[v]! + 1;
      if (d > maxDepth) break;
      const ins = index.inEdges(v);
      if (!budget.spend(ins.length)) {
        this.root = -1;
        return;
      }
      this.head++;
      for (let i = 0; i < ins.length; i++) {
        const e = ins[i]!;
        const u = index.edgeSource(e);
        if (dist.has(u) || (lowest && u < r) || trav.blocked[u] || !trav.edgeAllowed(e)) continue;
        dist.set(u, d);
        queue[this.tail++] = u;
      }
    }
  }

  /** Cycles of exactly L edges from r (through higher-numbered nodes only when lowest) into out. */
  cyclesFrom(r: number, L: number, lowest: boolean, out: Cycle[]): void {
    const { index, trav, onPath, budget } = this;
    if (trav.blocked[r]) return;
    this.boundTo(r, L - 1, lowest);
    if (budget.exhausted) return;
    const stack = new Int32Array(L);
    const dfs = (u: number, depth: number, sign: number): void => {
      const outs = index.outEdges(u);
      for (let i = 0; i < outs.length; i++) {
        if (!budget.spend()) return;
        const e = outs[i]!;
        if (!trav.edgeAllowed(e)) continue;
        const v = index.edgeTarget(e);
        const nextSign = sign * index.edgeSign(e);
        if (v === r) {
          if (depth + 1 === L && (this.wanted === null || nextSign === this.wanted)) {
            stack[depth] = e;
            out.push(this.cycle(r, stack, lowest));
            budget.found++;
          }
          continue;
        }
        if (onPath.has(v) || trav.blocked[v] || (lowest && v < r) || depth + 1 + this.distance(v) > L) continue;
        stack[depth] = e;
        onPath.set(v, 1);
        dfs(v, depth + 1, nextSign);
        onPath.unset(v);
        if (budget.exhausted) return;
      }
    };
    onPath.set(r, 1);
    dfs(r, 0, 1);
    onPath.unset(r);
  }

  /** A found cycle, rotated to start at its smallest node id unless it was asked for through r. */
  private cycle(r: number, stack: Int32Array, lowest: boolean): Cycle {
    const { index } = this;
    let edges = stack.slice();
    let start = r;
    if (lowest) {
      let best = 0;
      let bestId = index.nodeId(r);
      for (let i = 1; i < edges.length; i++) {
        const id = index.nodeId(index.edgeSource(edges[i]!));
        if (id < bestId) [best, bestId] = [i, id];
      }
      if (best > 0) {
        edges = Int32Array.from([...edges.subarray(best), ...edges.subarray(0, best)]);
        start = index.edgeSource(edges[0]!);
      }
    }
    const key = Array.from(edges, (e) => index.edgeId(e)).join('\u0000');
    return { start, edges, ...evidenceKeys(index, edges), key };
  }
}
