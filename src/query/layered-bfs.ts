/**
 * A breadth-first search grown one layer at a time, on demand: the lower bounds of path enumeration
 * without a whole-graph BFS per query. After grow() has run k times every state within k steps of the
 * root is known with its exact distance, and any other state is at least k + 1 steps away, so get()
 * is always a valid lower bound, and exact once the search is done (frontier empty: FAR = unreachable).
 *
 * Direction 'in' follows edges backwards (distance TO the root), 'out' forwards (distance FROM it).
 * Signed searches run over (node, sign) states (signedState in distances.ts): the sign of a state is the
 * product of the edge signs walked. Every edge scanned is spent on the budget, if one is given. A search
 * for a known net sign (+ or -) may skip unsigned edges (`knownSigns`): a walk through one has net sign
 * unknown, so the + and - states' distances stay exact, and on a graph of unsigned edges (a plain KGX
 * file of related_to) the search is over after one layer instead of exploring the whole ball.
 *
 * Two searches toward each other (forward from s, backward from t) make a bidirectional BFS: grow the
 * side whose next layer is cheaper (nextCost, the edges it will scan); the first layer in which a node
 * newly found by one side is already known to the other gives d(s, t) exactly (meet()).
 */
import type { Budget } from './budget.js';
import { FAR } from './distances.js';
import type { PathIndex } from './path-index.js';
import type { Traversal } from './query-options.js';
import type { Lease, Stamped } from './scratch.js';

export type BfsDirection = 'in' | 'out';

export class LayeredBfs {
  /** Every state within `depth` steps is known. */
  depth = 0;
  /** The frontier is empty: every reachable state is known. */
  done = false;
  /** Edges the next grow() will scan (sum of the frontier's degrees in the search direction). */
  nextCost: number;
  private readonly dist: Stamped;
  private readonly queue: Int32Array;
  private head = 0;
  private tail = 0;

  constructor(
    private readonly index: PathIndex,
    private readonly trav: Traversal,
    readonly root: number,
    private readonly direction: BfsDirection,
    private readonly signed: boolean,
    lease: Lease,
    private readonly budget: Budget | null,
    private readonly knownSigns = false,
  ) {
    const size = signed ? index.nodeCount * 3 : index.nodeCount;
    this.dist = lease.stamped(size);
    this.queue = lease.ints(size);
    const first = signed ? root * 3 + 2 : root;
    this.dist.set(first, 0);
    this.queue[this.tail++] = first;
    this.nextCost = this.degree(root);
  }

  /** True when the state's exact distance is known. */
  known(state: number): boolean {
    return this.dist.has(state);
  }

  /** Exact distance of a known state; otherwise a lower bound (depth + 1), FAR once done. */
  get(state: number): number {
    const d = this.dist;
    return d.stamp[state] === d.epoch ? d.value[state]! : this.done ? FAR : this.depth + 1;
  }

  /** Grows until depth >= target (or done); false when the budget ran out. */
  ensure(target: number): boolean {
    while (this.depth < target && !this.done) {
      this.grow();
      if (this.budget?.exhausted) return false;
    }
    return true;
  }

  /**
   * Finds the next layer. With `other` (the search from the opposite end, unsigned), returns the
   * shortest s-t distance through a newly found node already known to `other`, or FAR.
   */
  grow(other: LayeredBfs | null = null): number {
    if (this.done) return FAR;
    const { index, trav, dist, queue, budget, signed } = this;
    const out = this.direction === 'out';
    const end = this.tail;
    const d = this.depth + 1;
    let meet = FAR;
    let cost = 0;
    for (let h = this.head; h < end; h++) {
      const state = queue[h]!;
      const v = signed ? (state / 3) | 0 : state;
      const sign = signed ? (state % 3) - 1 : 0;
      const edges = out ? index.outEdges(v) : index.inEdges(v);
      if (budget !== null && !budget.spend(edges.length)) {
        this.head = h;
        return meet;
      }
      for (let i = 0; i < edges.length; i++) {
        const e = edges[i]!;
        const u = out ? index.edgeTarget(e) : index.edgeSource(e);
        if (trav.blocked[u] || !trav.edgeAllowed(e)) continue;
        if (this.knownSigns && index.edgeSign(e) === 0) continue;
        const next = signed ? u * 3 + index.edgeSign(e) * sign + 1 : u;
        if (dist.stamp[next] === dist.epoch) continue;
        dist.set(next, d);
        queue[this.tail++] = next;
        cost += this.degree(u);
        if (other !== null && other.known(next)) {
          const through = d + other.get(next);
          if (through < meet) meet = through;
        }
      }
    }
    this.head = end;
    this.depth = d;
    this.nextCost = cost;
    if (this.tail === end) this.done = true;
    return meet;
  }

  /** States found so far, in BFS order (the root first). */
  states(): Int32Array {
    return this.queue.subarray(0, this.tail);
  }

  private degree(n: number): number {
    return this.direction === 'out' ? this.index.outDegree(n) : this.index.inDegree(n);
  }
}

/**
 * A bidirectional BFS between s and t over a traversal: meet() grows the cheaper side until the two
 * searches meet (d(s, t) exact) or their depths add up to `limit` without meeting (d > limit) or one
 * side runs out (unreachable, FAR). The backward search stays available as the lower bound
 * dist-to-t for pruning (backward.get), and reach(L) grows the two sides, cheaper first, until their
 * depths add up to L: a depth-first search for paths of exactly L edges then prunes exactly from depth
 * L - backward.depth on, and the forward depth measures what the unpruned shallow part costs.
 */
export class Bidirectional {
  readonly forward: LayeredBfs;
  readonly backward: LayeredBfs;
  /** d(s, t) once the searches met, else FAR. */
  shortest = FAR;

  constructor(index: PathIndex, trav: Traversal, s: number, t: number, lease: Lease, private readonly budget: Budget | null) {
    this.forward = new LayeredBfs(index, trav, s, 'out', false, lease, budget);
    this.backward = new LayeredBfs(index, trav, t, 'in', false, lease, budget);
  }

  private step(): void {
    const { forward, backward } = this;
    const meet = forward.nextCost <= backward.nextCost ? forward.grow(backward) : backward.grow(forward);
    if (meet < this.shortest) this.shortest = meet;
  }

  private stopped(): boolean {
    return this.forward.done || this.backward.done || (this.budget?.exhausted ?? false);
  }

  /**
   * A lower bound on d(s, t), exact when <= limit: grows until the searches meet, their depths add up
   * to `limit`, one side is done (then FAR when they never met), or the budget runs out.
   */
  meet(limit: number): number {
    while (this.shortest === FAR && this.forward.depth + this.backward.depth < limit && !this.stopped()) this.step();
    if (this.shortest < FAR) return this.shortest;
    if (this.forward.done || this.backward.done) return FAR;
    return this.forward.depth + this.backward.depth + 1;
  }

  /** Grows the cheaper side until forward.depth + backward.depth >= L (or a side is done). */
  reach(L: number): void {
    while (this.forward.depth + this.backward.depth < L && !this.stopped()) this.step();
  }
}
