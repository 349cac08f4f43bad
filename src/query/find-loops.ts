/**
 * findLoops: signed feedback cycles (reinforcing when the sign product is +, balancing when -), shortest
 * first. Each simple cycle is found once: from its lowest-numbered node, through higher-numbered nodes
 * only (the rule Johnson's algorithm uses), or from the given node when `through` is set. Enumeration
 * runs once per exact length, pruned by a bounded reverse BFS back to the start, under a work budget.
 *
 * A loop keeps the route rules (docs/semantics.md, rules 8 and 9), read for a closed route: every node of
 * a loop is the end of a route round it, so no loop takes the production step of a reaction that consumes
 * one of its nodes and goes on from there to that node by mass flow alone (that loop is the node's own mass
 * going round a conversion cycle; with an influence step on the way it is feedback), and a loop passes
 * through each concept (a node with its deficiency or excess states) in one stretch: it may leave its
 * start's concept once and come back to it once, to close, but not re-enter a concept it has left
 * (homocysteine -> liver damage -> hyperhomocysteinemia -> homocysteine is the two-step loop homocysteine
 * -> liver damage -> homocysteine, not a longer one), and a loop that never leaves one concept (a node
 * and its own state) is the definitional link read both ways, not feedback.
 */
import { Budget, type BudgetOptions, type WorkStats } from './budget.js';
import { buildPath, evidenceKeys, nodeRef, type EdgeMemo, type NodeRef, type Path } from './path-result.js';
import { conceptsOf } from './flow-index.js';
import { edgeRelationOf, RELATION_CODES, type PathIndex } from './path-index.js';
import { isMassFlow } from './conversion-cycle.js';
import { queryContext, type QueryInput } from './query-input.js';
import {
  checkEvidenceKind,
  checkInteger,
  checkSign,
  checkStringList,
  consumersOf,
  conversionCycleEdge,
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
  /** Concepts a loop has entered and left behind (rule 9); null when no node is a state of another. */
  private readonly concepts: Int32Array | null;
  private readonly conceptOn: Stamped;
  /** The reactions that consume each node (consumersOf), asked once per node per query (rule 8). */
  private readonly consumers = new Map<number, ReturnType<typeof consumersOf>>();
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
    this.concepts = conceptsOf(index);
    this.conceptOn = lease.stamped(index.nodeCount);
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
    const { index, trav, onPath, budget, concepts, conceptOn } = this;
    if (trav.blocked[r]) return;
    this.boundTo(r, L - 1, lowest);
    if (budget.exhausted) return;
    const stack = new Int32Array(L);
    const home = concepts === null ? -1 : concepts[r]!;
    // Rule 9 on a closed route: `away` once the loop has left r's concept, `back` once it has come back
    // into it (from then on it stays inside until it reaches r); other concepts are entered at most once.
    const dfs = (u: number, depth: number, sign: number, away: boolean, back: boolean): void => {
      const outs = index.outEdges(u);
      for (let i = 0; i < outs.length; i++) {
        if (!budget.spend()) return;
        const e = outs[i]!;
        if (!trav.edgeAllowed(e)) continue;
        const v = index.edgeTarget(e);
        let entered = -1;
        let nowAway = away;
        let nowBack = back;
        if (concepts !== null) {
          const cu = concepts[u]!;
          const cv = concepts[v]!;
          if (back && cv !== home) continue;
          if (cv !== cu) {
            if (cv === home) nowBack = true;
            else if (conceptOn.has(cv)) continue;
            else entered = cv;
            if (cu === home) nowAway = true;
          }
        }
        const nextSign = sign * index.edgeSign(e);
        if (v === r) {
          if (depth + 1 === L && (this.wanted === null || nextSign === this.wanted) && (L === 1 || concepts === null || nowAway)) {
            stack[depth] = e;
            if (!this.conversionCycle(stack)) {
              out.push(this.cycle(r, stack, lowest));
              budget.found++;
            }
          }
          continue;
        }
        if (onPath.has(v) || trav.blocked[v] || (lowest && v < r) || depth + 1 + this.distance(v) > L) continue;
        stack[depth] = e;
        onPath.set(v, 1);
        if (entered >= 0) conceptOn.set(entered, 1);
        dfs(v, depth + 1, nextSign, nowAway, nowBack);
        if (entered >= 0) conceptOn.unset(entered);
        onPath.unset(v);
        if (budget.exhausted) return;
      }
    };
    onPath.set(r, 1);
    if (concepts !== null) conceptOn.set(home, 1);
    dfs(r, 0, 1, false, false);
    if (concepts !== null) conceptOn.unset(home);
    onPath.unset(r);
  }

  /**
   * Rule 8 on a closed route: whether a step of the loop is the production step of a reaction that
   * consumes one of the loop's nodes (conversionCycleEdge for that node) and the loop goes on from the
   * product to that node by mass flow alone (conversion-cycle.ts), so that it carries the node's own mass
   * round a cycle back to it. An influence step on the way (SAM inhibiting MTHFR) makes it feedback, which
   * stands. Only loops with a production step pay for the check.
   */
  private conversionCycle(edges: Int32Array): boolean {
    const { index } = this;
    const n = edges.length;
    for (let i = 0; i < n; i++) {
      const e = edges[i]!;
      if (edgeRelationOf(index, e) !== RELATION_CODES.production) continue;
      // From the product on, round the loop, while the steps move mass: each node reached so is a T to check.
      for (let k = 0; k < n; k++) {
        const j = (i + k) % n;
        if (k > 0 && !isMassFlow(index, edges[j]!)) break;
        const t = index.edgeTarget(edges[j]!);
        let consumers = this.consumers.get(t);
        if (consumers === undefined) this.consumers.set(t, (consumers = consumersOf(index, t)));
        if (consumers !== null && conversionCycleEdge(index, consumers, e)) return true;
      }
    }
    return false;
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
