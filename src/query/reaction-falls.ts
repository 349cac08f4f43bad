/**
 * Rule 5 from further upstream (docs/semantics.md): a substrate that falls because its reaction sped up does
 * not slow that reaction. Folate lowers homocysteine by feeding methionine synthase its methyl donor (folate ->
 * THF -> 5,10-methylene-THF -> 5-methyl-THF, which drives methionine synthase's reaction); the graph also
 * states the result as one edge (`folate decreases homocysteine`, from the trials). Read on from there, "less
 * homocysteine, so methionine synthase's reaction slows, so less THF and less DNA synthesis" turns folate's own
 * effect upside down: `paths folate dna-synthesis` listed it as a rival route with randomized-trial support.
 * So the step pair (u -> S lowering S, S entering the reaction of enzyme E) is refused when u itself raises E or
 * that reaction of E (reaches E, or E's reaction copy of the same reaction, with net sign +) by a route of at most
 * 6 steps not using u -> S. Checked in isBounce (flow-index.ts) with rule 5's pairs, so every search keeping rule
 * 5 keeps it. Only flow views have reactions to enter, and only their entry steps are checked.
 */
import { memoPerIndex } from './index-memo.js';
import { edgeReactionOf, edgeRefuted, edgeRelationOf, RELATION_CODES, type PathIndex } from './path-index.js';

/** How far u's routes are followed to find that it raises the reaction: the default longest route of `paths`. */
export const FALL_REACH = 6;

/** Above this many candidate causes u, the table is not built and no pair is refused (docs/semantics.md). */
export const MAX_FALL_CAUSES = 5000;

interface FlowLike extends PathIndex {
  nodeOrigin(n: number): number;
  edgeReversed(e: number): boolean;
  readonly realNodeCount: number;
}

/** Per entry edge (S -> reaction copy): the edges u -> S lowering S whose cause u raises that reaction. */
type FallTable = Map<number, Set<number>>;


/** Whether the step pair (first, then second) reads a reaction backwards from further upstream (see the head comment). */
export function isFallIntoReaction(index: PathIndex, first: number, second: number): boolean {
  const table = fallTable(index);
  return table !== null && (table.get(second)?.has(first) ?? false);
}

/** Whether edge e is the first step of some refused pair (restrictingSteps in flow-index.ts asks, once per edge). */
export function mayStartFall(index: PathIndex, e: number): boolean {
  const table = fallTable(index);
  if (table === null || table.size === 0) return false;
  let firsts = starts.get(table);
  if (!firsts) {
    firsts = new Set<number>();
    for (const set of table.values()) for (const f of set) firsts.add(f);
    starts.set(table, firsts);
  }
  return firsts.has(e);
}

const starts = new WeakMap<FallTable, Set<number>>();

const fallTable = memoPerIndex<FallTable | null>(buildTable);

function isFlow(index: PathIndex): index is FlowLike {
  return typeof (index as Partial<FlowLike>).nodeOrigin === 'function' && typeof (index as Partial<FlowLike>).edgeReversed === 'function';
}


function buildTable(index: PathIndex): FallTable | null {
  if (!isFlow(index)) return null;
  // Candidate pairs: entry edges S -> copy of E's reaction, and the signed influence edges u -> S lowering S.
  const candidates = new Map<number, { first: number; entry: number }[]>();
  for (let copy = index.realNodeCount; copy < index.nodeCount; copy++) {
    const ins = index.inEdges(copy);
    for (let i = 0; i < ins.length; i++) {
      const entry = ins[i]!;
      if (!index.edgeReversed(entry)) continue;
      const s = index.edgeSource(entry);
      const into = index.inEdges(s);
      for (let k = 0; k < into.length; k++) {
        const first = into[k]!;
        if (index.edgeSign(first) >= 0 || !index.edgeCausal(first) || edgeRelationOf(index, first) !== RELATION_CODES.influence) continue;
        const u = index.edgeSource(first);
        const list = candidates.get(u) ?? [];
        list.push({ first, entry });
        candidates.set(u, list);
      }
    }
  }
  const table: FallTable = new Map();
  if (candidates.size === 0 || candidates.size > MAX_FALL_CAUSES) return table;
  for (const [u, pairs] of candidates) {
    // One search per cause, without any of its steps that lower a substrate (u -> S itself is not how u
    // raises S's reaction), for every pair of that cause.
    const raised = raisedBy(index, u, new Set(pairs.map((p) => p.first)));
    for (const { first, entry } of pairs) {
      const enzyme = index.nodeOrigin(index.edgeTarget(entry));
      if (raised.has(key(enzyme, -1)) || raised.has(key(enzyme, edgeReactionOf(index, entry)))) {
        const firsts = table.get(entry) ?? new Set<number>();
        firsts.add(first);
        table.set(entry, firsts);
      }
    }
  }
  return table;
}

/** A raised enzyme (reaction -1) or one of its reactions, as one map key. */
function key(enzyme: number, reaction: number): string {
  return `${enzyme}:${reaction}`;
}

/**
 * The enzymes (key(enzyme, -1)) and enzyme reactions (key(enzyme, r), through a copy of reaction r) that u
 * reaches with net sign + within FALL_REACH signed causal steps, without the edges `skip` and without passing
 * back through u.
 */
function raisedBy(index: FlowLike, u: number, skip: ReadonlySet<number>): Set<string> {
  const raised = new Set<string>();
  const seen = new Set<number>([u * 2]);
  let frontier = [u, 1];
  for (let d = 0; d < FALL_REACH && frontier.length > 0; d++) {
    const next: number[] = [];
    for (let k = 0; k < frontier.length; k += 2) {
      const n = frontier[k]!;
      const sign = frontier[k + 1]!;
      const outs = index.outEdges(n);
      for (let i = 0; i < outs.length; i++) {
        const e = outs[i]!;
        const step = index.edgeSign(e);
        if (skip.has(e) || step === 0 || !index.edgeCausal(e) || edgeRefuted(index, e)) continue;
        const v = index.edgeTarget(e);
        const s = sign * step;
        if (s > 0) {
          const origin = index.nodeOrigin(v);
          if (origin === v) raised.add(key(v, -1));
          else if (index.edgeReversed(e)) raised.add(key(origin, edgeReactionOf(index, e)));
        }
        const state = v * 2 + (s > 0 ? 0 : 1);
        if (v === u || seen.has(state)) continue;
        seen.add(state);
        next.push(v, s);
      }
    }
    frontier = next;
  }
  return raised;
}
