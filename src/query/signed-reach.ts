/**
 * Signed breadth-first search over (node, sign) states: which nodes a change in one node reaches, with
 * which sign, and by which shortest walk. 3 states per node, so O(nodes + edges): polynomial, never
 * path enumeration. Used downstream by effects and upstream by regulators. A depth-bounded search costs
 * what it reaches: its arrays are epoch-stamped scratch borrowed from the index's pool (no O(nodes)
 * allocation or fill per query), and the reached states are listed, so nobody scans every node after.
 */
import { FAR, signedState } from './distances.js';
import { isBounce, originNode, restrictingSteps } from './flow-index.js';
import type { PathIndex } from './path-index.js';
import { cycleAfter, massAfter, refusedBefore, type Consumers } from './conversion-cycle.js';
import type { Traversal } from './query-options.js';
import { Lease } from './scratch.js';

export interface SignedReach {
  /** Walk length of state signedState(n, s), FAR when not reached. */
  dist(state: number): number;
  /** The states reached, in BFS order (the start state first). */
  states: Int32Array;
  /** The edges of the shortest walk to a reached state, in walk order (for 'in', leading towards start). */
  walk(state: number): number[];
}

/**
 * From `start` with sign +1, follows out-edges ('out': what start changes) or in-edges ('in': what
 * changes start) up to maxDepth steps. A state's sign is the product of the edge signs (0 once a step is
 * unsigned). Start is clamped, as in a perturbation experiment: it is held at its changed value, so no
 * walk passes back through it (otherwise every loop through start would make its whole downstream
 * "mixed"); clampStart=false gives the plain signed walk search. Other nodes may repeat only when the sign
 * came back round a feedback loop. The result lives in arrays of `lease` (valid until it is released);
 * without one, in fresh arrays.
 *
 * Exact for rule 5's step pairs (isBounce): which step may follow depends on the step before it, so a
 * (node, sign) reached by a step that restricts the next one (restricts()) is also searched on from its
 * first arrival by any other step: a walk refused after the first arrival is not lost when another
 * arrival allows it. Walks are kept as records (node, sign, arriving edge, previous record).
 *
 * `consumers` keeps rule 8 along each walk for one end T (conversion-cycle.ts): those of T, the node whose
 * states are read ('out': effects' search of T's own; the states of other nodes are then meaningless) or
 * the start ('in': regulators of start). A walk then carries one more bit: 'out', a production step of a
 * reaction consuming T with only mass flow since (arriving at T so does not count); 'in', whether every
 * step from here to start is mass flow (a production step of such a reaction is then refused).
 */
export function signedReach(
  index: PathIndex,
  start: number,
  trav: Traversal,
  direction: 'out' | 'in',
  maxDepth: number,
  lease: Lease = new Lease({}),
  clampStart = true,
  consumers: Consumers | null = null,
): SignedReach {
  const size = index.nodeCount * 3;
  const dist = lease.stamped(size);
  /** First record of each state; a free record (arrived by a step that restricts nothing) once one exists. */
  const firstRecord = lease.ints(size);
  const free = lease.stamped(size * 2);
  const restricted = new Set<number>();
  const order: number[] = [];
  const recState: number[] = [];
  const recVia: number[] = [];
  const recPrev: number[] = [];
  const recDist: number[] = [];
  const recBit: number[] = [];
  const out = direction === 'out';
  // Whether a walk's step e can make some next step a bounce (isBounce: out, (e, next); in, (next, e)),
  // rule 10's pairs (summary-steps.ts) included: a step into a state, or (walking in) a summary out of one.
  const restricting = restrictingSteps(index, direction);
  const restricts = (e: number): boolean => restricting !== null && restricting[e] === 1;
  const record = (state: number, via: number, prev: number, d: number, bit: number): void => {
    recState.push(state);
    recVia.push(via);
    recPrev.push(prev);
    recDist.push(d);
    recBit.push(bit);
    // Walking out under rule 8, a walk whose bit is set does not reach T by a route yet: it is searched on only.
    if (!dist.has(state) && !(out && bit === 1)) {
      dist.set(state, d);
      firstRecord[state] = recState.length - 1;
      order.push(state);
    }
  };
  const first = signedState(start, 1);
  const startBit = !out && consumers !== null ? 1 : 0;
  free.set(first * 2 + startBit, 1);
  record(first, -1, -1, 0, startBit);
  for (let head = 0; head < recState.length; head++) {
    const state = recState[head]!;
    const d = recDist[head]! + 1;
    if (d > maxDepth) break;
    const u = (state / 3) | 0;
    const s = (state % 3) - 1;
    const via = recVia[head]!;
    const bit = recBit[head]!;
    const edges = out ? index.outEdges(u) : index.inEdges(u);
    for (let i = 0; i < edges.length; i++) {
      const e = edges[i]!;
      const v = out ? index.edgeTarget(e) : index.edgeSource(e);
      if ((clampStart && (v === start || originNode(index, v) === start)) || trav.blocked[v] || !trav.edgeAllowed(e)) continue;
      // Walking out, the pair is (how we came, e); walking in, the route runs e then how we came.
      if (via >= 0 && (out ? isBounce(index, via, e) : isBounce(index, e, via))) continue;
      let nextBit = 0;
      if (consumers !== null) {
        if (out) nextBit = cycleAfter(index, consumers, bit, e);
        else if (refusedBefore(index, consumers, bit, e)) continue;
        else nextBit = massAfter(index, bit, e);
      }
      const next = signedState(v, s * index.edgeSign(e));
      // A free record of a state allows every step a restricted one does: one free record per state (and
      // bit), and restricted ones (one per arriving edge, sign and bit) only while there is no free one.
      const keyed = next * 2 + nextBit;
      if (free.has(keyed)) continue;
      if (restricts(e)) {
        const key = (e * 3 + (next % 3)) * 2 + nextBit;
        if (restricted.has(key)) continue;
        restricted.add(key);
      } else {
        free.set(keyed, 1);
      }
      record(next, e, head, d, nextBit);
    }
  }
  return {
    dist: (state) => dist.get(state, FAR),
    states: Int32Array.from(order),
    walk: (state) => {
      const edges: number[] = [];
      for (let r = firstRecord[state]!; recVia[r]! >= 0; r = recPrev[r]!) edges.push(recVia[r]!);
      return edges.reverse();
    },
  };
}

/** The edges of the shortest walk to a state, in walk order (for 'in', the order leads towards start). */
export function walkTo(reach: SignedReach, state: number): number[] {
  return reach.walk(state);
}
