/**
 * Rule 3, read once (docs/semantics.md): a substrate's requirement edge on its own enzyme is its entry into the
 * reaction, not a second route. `5-methyltetrahydrofolate required_for methionine-synthase` states that the
 * methyl donor's supply limits the reaction; the flow view already reads `methionine-synthase consumes
 * 5-methyltetrahydrofolate` backwards as that substrate driving the reaction (the entry step), and the faster
 * reaction lowers homocysteine. Followed both ways, every route through 5-methyl-THF into methionine synthase
 * was listed twice with the same nodes (`paths folate homocysteine`: 7 routes, three pairs). So, in a flow view,
 * the step pair (S -> E by a raising influence edge, E's arc of the reaction S enters) is refused when E
 * consumes S: the route through the reaction copy says the same. The requirement edge still carries a route on to
 * E's own influence edges (more enzyme activity), which the reaction copy does not have, and it stays the only
 * route in an index without reactions.
 */
import { memoPerIndex } from './index-memo.js';
import { edgeReactionOf, edgeRelationOf, RELATION_CODES, type PathIndex } from './path-index.js';

interface FlowLike extends PathIndex {
  edgeReversed(e: number): boolean;
  readonly realEdgeCount: number;
}

interface RequirementTable {
  /** Requirement edge S -> E (real, influence, +) -> the reaction of E that S enters (E consumes S). */
  reactionOf: Map<number, number>;
  /** Per edge: 1 for an arc (consumption, production or catalysis) of an enzyme that has a requirement edge. */
  arcAfter: Uint8Array;
}

const ARCS: ReadonlySet<number> = new Set([RELATION_CODES.consumption, RELATION_CODES.production, RELATION_CODES.catalysis]);

const requirementTable = memoPerIndex<RequirementTable | null>(buildTable);

function isFlow(index: PathIndex): index is FlowLike {
  return typeof (index as Partial<FlowLike>).edgeReversed === 'function' && typeof (index as Partial<FlowLike>).realEdgeCount === 'number';
}


function buildTable(index: PathIndex): RequirementTable | null {
  if (!isFlow(index)) return null;
  const reactionOf = new Map<number, number>();
  let arcAfter: Uint8Array | null = null;
  for (let e = 0; e < index.realEdgeCount; e++) {
    if (edgeRelationOf(index, e) !== RELATION_CODES.influence || index.edgeSign(e) <= 0 || !index.edgeCausal(e)) continue;
    const s = index.edgeSource(e);
    const enzyme = index.edgeTarget(e);
    const outs = index.outEdges(enzyme);
    for (let i = 0; i < outs.length; i++) {
      const c = outs[i]!;
      if (c >= index.realEdgeCount || index.edgeTarget(c) !== s || edgeRelationOf(index, c) !== RELATION_CODES.consumption) continue;
      reactionOf.set(e, edgeReactionOf(index, c));
      arcAfter ??= new Uint8Array(index.edgeCount);
      for (let j = 0; j < outs.length; j++) if (outs[j]! < index.realEdgeCount && ARCS.has(edgeRelationOf(index, outs[j]!))) arcAfter[outs[j]!] = 1;
      break;
    }
  }
  return arcAfter ? { reactionOf, arcAfter } : null;
}

/** Whether the step pair (first, then second) takes a substrate's requirement edge into its own reaction's arcs. */
export function isRequirementEntry(index: PathIndex, first: number, second: number): boolean {
  const table = requirementTable(index);
  if (table === null || table.arcAfter[second] !== 1) return false;
  const r = table.reactionOf.get(first);
  if (r === undefined || index.edgeSource(second) !== index.edgeTarget(first)) return false;
  return index.edgeTarget(second) !== index.edgeSource(first) && edgeReactionOf(index, second) === r;
}

/** Whether edge e is a requirement edge of a substrate on its enzyme (a next step may be refused). */
export function isRequirementEdge(index: PathIndex, e: number): boolean {
  return requirementTable(index)?.reactionOf.has(e) ?? false;
}

/** Whether edge e is an arc a requirement edge may not be followed by (an earlier step may make it refused). */
export function isArcAfterRequirement(index: PathIndex, e: number): boolean {
  return requirementTable(index)?.arcAfter[e] === 1;
}

/**
 * One reaction drawn twice is one step (docs/semantics.md, rule 3): when the graph states a reaction both as
 * `S converted_to P` and as its enzyme's arcs (`E consumes S`, `E produces P`, same reaction), the flow view's
 * route S -> E's reaction -> P says again what S -> P says: `paths folate homocysteine` listed
 * 5,10-methylene-THF -> 5-methyl-THF beside 5,10-methylene-THF -> MTHFR -> 5-methyl-THF, and every reaction of
 * the 18 so drawn doubled the routes through it. The step pair (S entering E's reaction, that reaction's arc
 * producing P) is refused when S converted_to P is an edge; the reaction's other arcs (its co-substrates, other
 * products) stay, as do E's own arcs (more enzyme, more P).
 */
export function isReactionRetold(index: PathIndex, first: number, second: number): boolean {
  const table = retoldTable(index);
  return table !== null && table.entries.has(first) && table.arcs[second] === 1 && index.edgeTarget(first) === index.edgeSource(second) && (table.entries.get(first)?.has(index.edgeTarget(second)) ?? false);
}

/** Whether edge e is an entry into a reaction that the graph also states as a conversion (a next step may be refused). */
export function entersRetoldReaction(index: PathIndex, e: number): boolean {
  return retoldTable(index)?.entries.has(e) ?? false;
}

/** Whether edge e is a reaction copy's production arc that an entry may not be followed by. */
export function isRetoldArc(index: PathIndex, e: number): boolean {
  return retoldTable(index)?.arcs[e] === 1;
}

interface RetoldTable {
  /** Entry edge (S -> reaction copy) -> the products P with an edge S converted_to P. */
  entries: Map<number, Set<number>>;
  /** Per edge: 1 for a reaction copy's production arc. */
  arcs: Uint8Array;
}

interface FlowView extends FlowLike {
  edgeOrigin(e: number): number;
}

const retoldTable = memoPerIndex<RetoldTable | null>((index) => {
  if (!isFlow(index) || typeof (index as Partial<FlowView>).edgeOrigin !== 'function') return null;
  const flow = index as FlowView;
  const entries = new Map<number, Set<number>>();
  let arcs: Uint8Array | null = null;
  for (let e = flow.realEdgeCount; e < flow.edgeCount; e++) {
    if (flow.edgeReversed(e)) {
      const s = flow.edgeSource(e);
      const products = new Set<number>();
      const outs = flow.outEdges(s);
      for (let i = 0; i < outs.length; i++) {
        const x = outs[i]!;
        if (x < flow.realEdgeCount && edgeRelationOf(flow, x) === RELATION_CODES.conversion && flow.edgeSign(x) > 0) products.add(flow.edgeTarget(x));
      }
      if (products.size > 0) entries.set(e, products);
    } else if (edgeRelationOf(flow, flow.edgeOrigin(e)) === RELATION_CODES.production) {
      arcs ??= new Uint8Array(flow.edgeCount);
      arcs[e] = 1;
    }
  }
  return entries.size > 0 && arcs ? { entries, arcs } : null;
});
