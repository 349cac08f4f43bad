/**
 * Rule 10 (docs/semantics.md): a route does not step from a node into its own state and go on by an edge
 * the node's mechanisms already carry. `vitamin-b12-deficiency increases homocysteine` is the clinical
 * summary of B12 -> methionine synthase -> homocysteine; a route B12 -> B12 deficiency -> homocysteine ->
 * ... repeats that mechanism under another name, doubling every route beyond it and its vote in the
 * agreement. The step pair (C -> S, S -> Y), where S is a state of C (`state_of`) and C itself reaches Y by
 * a route of the same net sign that does not pass through its states and whose weakest step is at least as
 * strong as the summary edge's evidence, is refused. A summary that no mechanism of C carries, one whose sign
 * the mechanisms contradict, or one with stronger evidence than they have (B12 deficiency -> anaemia in a
 * national survey, beside review-only steps) stays a route. Read as a step pair, the rule sits beside rule 5's in isBounce (flow-index.ts), so every search
 * that keeps rule 5 keeps it.
 */
import { memoPerIndex } from './index-memo.js';
import { edgeRefuted, type PathIndex } from './path-index.js';

/** How far C's mechanisms are followed to find that they reach Y: the default longest route of `paths`. */
export const SUMMARY_REACH = 6;

interface SummaryTable {
  /** Per edge: 1 when it steps from a node into one of its own states (C -> S). */
  intoState: Uint8Array;
  /**
   * Per edge S -> Y leaving a state S of C: the net signs (bit 1: +, bit 2: -) by which C reaches Y through
   * its mechanisms (no node of C's concept but C on the way) with a weakest link at least as strong as the
   * edge's own evidence; 0 for other edges.
   */
  carried: Uint8Array;
}


/** Whether the step pair (first, then second, in route order) is a summary step rule 10 refuses. */
export function isSummaryStep(index: PathIndex, first: number, second: number): boolean {
  const table = summaryTable(index);
  if (table === null || table.intoState[first] !== 1) return false;
  const signs = table.carried[second]!;
  if (signs === 0 || index.edgeSource(second) !== index.edgeTarget(first)) return false;
  const net = index.edgeSign(first) * index.edgeSign(second);
  return net > 0 ? (signs & 1) !== 0 : net < 0 ? (signs & 2) !== 0 : false;
}

/** Whether edge e steps into a state (a later step may then be refused), for searches that track that. */
export function entersState(index: PathIndex, e: number): boolean {
  return summaryTable(index)?.intoState[e] === 1;
}

/** Whether edge e leaves a state by a summary some mechanism carries (an earlier step may then be refused). */
export function leavesStateBySummary(index: PathIndex, e: number): boolean {
  const table = summaryTable(index);
  return table !== null && table.carried[e] !== 0;
}

/** Whether any edge of the index steps into a state whose summaries some mechanism carries (else rule 10 never applies). */
export function hasSummarySteps(index: PathIndex): boolean {
  return summaryTable(index) !== null;
}

const summaryTable = memoPerIndex<SummaryTable | null>(buildTable);

function buildTable(index: PathIndex): SummaryTable | null {
  if (!index.nodeConcept) return null;
  const concept = new Int32Array(index.nodeCount);
  const states = new Map<number, number[]>();
  // A reaction twin of the flow view (origin: its enzyme) shares its enzyme's concept but is no state of it.
  const origin = (index as { nodeOrigin?: (n: number) => number }).nodeOrigin?.bind(index) ?? ((n: number) => n);
  for (let n = 0; n < index.nodeCount; n++) {
    concept[n] = index.nodeConcept(n);
    if (concept[n] !== origin(n) && origin(n) === n && index.nodeConcept(concept[n]!) === concept[n]) {
      const list = states.get(concept[n]!) ?? [];
      list.push(n);
      states.set(concept[n]!, list);
    }
  }
  if (states.size === 0) return null;
  const intoState = new Uint8Array(index.edgeCount);
  const carried = new Uint8Array(index.edgeCount);
  for (const [c, ofC] of states) {
    const best = mechanismReach(index, c, concept);
    for (const s of ofC) {
      const ins = index.inEdges(s);
      for (let i = 0; i < ins.length; i++) if (index.edgeSource(ins[i]!) === c) intoState[ins[i]!] = 1;
      const outs = index.outEdges(s);
      for (let i = 0; i < outs.length; i++) {
        const e = outs[i]!;
        const y = index.edgeTarget(e);
        // Carried by a sign's mechanisms only when they are at least as well supported as the summary: a
        // summary with stronger evidence (human cohorts beside review-only steps) adds what they lack.
        if (concept[y] === c) continue;
        const strength = index.edgeStrength(e);
        carried[e] = (best[2 * y]! >= strength ? 1 : 0) | (best[2 * y + 1]! >= strength ? 2 : 0);
      }
    }
  }
  return { intoState, carried };
}

/**
 * C's mechanisms towards each node: for each net sign, the best weakest-link strength among C's routes of at
 * most SUMMARY_REACH signed causal steps that neither pass through nor end in another node of C's concept (C
 * is held, as in a perturbation); -1 where no such route reaches it. best[2 * v] is for +, best[2 * v + 1] for -.
 */
function mechanismReach(index: PathIndex, c: number, concept: Int32Array): Int8Array {
  const best = new Int8Array(index.nodeCount * 2).fill(-1);
  best[2 * c] = 127;
  let frontier = [2 * c];
  for (let d = 0; d < SUMMARY_REACH && frontier.length > 0; d++) {
    const improved = new Set<number>();
    for (const state of frontier) {
      const u = state >> 1;
      const sign = state & 1 ? -1 : 1;
      const outs = index.outEdges(u);
      for (let i = 0; i < outs.length; i++) {
        const e = outs[i]!;
        const v = index.edgeTarget(e);
        const step = index.edgeSign(e);
        if (step === 0 || !index.edgeCausal(e) || edgeRefuted(index, e) || concept[v] === c) continue;
        const next = 2 * v + (sign * step > 0 ? 0 : 1);
        const w = Math.min(best[state]!, index.edgeStrength(e));
        if (w > best[next]!) {
          best[next] = w;
          improved.add(next);
        }
      }
    }
    frontier = [...improved];
  }
  return best;
}
