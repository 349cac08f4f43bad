/**
 * Rule 11 (docs/semantics.md): a route does not step from a concept into one of its own forms and go on by an
 * edge the concept itself already has. `vitamin-b12 cofactor_for methionine-synthase` stands for B12 status as
 * a whole, whose active form at that enzyme is methylcobalamin; `vitamin-b12 converted_to methylcobalamin`,
 * `methylcobalamin cofactor_for methionine-synthase` tells the same step at a finer grain. Followed both ways,
 * every route beyond the enzyme was listed twice and voted twice. So the step pair (C -> F, F -> Y), where
 * C -> F is a conversion, F is a kind of C (`F subclass_of C`), and C has its own edge to Y with the pair's net
 * sign and evidence at least as strong as the pair's weakest step, is refused. Routes that start at the form
 * (`paths methylcobalamin homocysteine`) are untouched, and a form's edge that its concept lacks (or carries
 * with weaker evidence) stays a route. Read as a step pair in isBounce (flow-index.ts), beside rules 5 and 10.
 */
import { memoPerIndex } from './index-memo.js';
import { edgeRefuted, edgeRelationOf, RELATION_CODES, type PathIndex } from './path-index.js';

interface FormTable {
  /** Per edge: 1 when it converts a concept into one of its own forms (C -> F, F subclass_of C). */
  intoForm: Uint8Array;
  /** Per node: 1 when some conversion reaches it as a form of its source (a later step may be refused). */
  isForm: Uint8Array;
}

const formTable = memoPerIndex<FormTable | null>(buildTable);

function buildTable(index: PathIndex): FormTable | null {
  if (index.hasRelation?.(RELATION_CODES.conversion) === false) return null;
  let intoForm: Uint8Array | null = null;
  let isForm: Uint8Array | null = null;
  for (let e = 0; e < index.edgeCount; e++) {
    if (edgeRelationOf(index, e) !== RELATION_CODES.conversion || reversed(index, e)) continue;
    const c = index.edgeSource(e);
    const f = index.edgeTarget(e);
    if (!isKindOf(index, f, c)) continue;
    intoForm ??= new Uint8Array(index.edgeCount);
    isForm ??= new Uint8Array(index.nodeCount);
    intoForm[e] = 1;
    isForm[f] = 1;
  }
  return intoForm && isForm ? { intoForm, isForm } : null;
}

/** Whether node f has a `subclass_of` edge to node c (only structural edges are read for their predicate). */
function isKindOf(index: PathIndex, f: number, c: number): boolean {
  const outs = index.outEdges(f);
  for (let i = 0; i < outs.length; i++) {
    const x = outs[i]!;
    if (index.edgeTarget(x) === c && edgeRelationOf(index, x) === RELATION_CODES.structural && index.edgeSummary(x).predicate === 'subclass_of') return true;
  }
  return false;
}

function reversed(index: PathIndex, e: number): boolean {
  const flow = index as { edgeReversed?: (e: number) => boolean };
  return flow.edgeReversed?.(e) ?? false;
}

/** Whether the step pair (first, then second, in route order) re-tells the concept's own edge through its form. */
export function isFormStep(index: PathIndex, first: number, second: number): boolean {
  const table = formTable(index);
  if (table === null || table.intoForm[first] !== 1) return false;
  const f = index.edgeTarget(first);
  if (index.edgeSource(second) !== f || reversed(index, second)) return false;
  const net = index.edgeSign(first) * index.edgeSign(second);
  if (net === 0) return false;
  const c = index.edgeSource(first);
  const y = index.edgeTarget(second);
  const weakest = Math.min(index.edgeStrength(first), index.edgeStrength(second));
  const outs = index.outEdges(c);
  for (let i = 0; i < outs.length; i++) {
    const d = outs[i]!;
    if (index.edgeTarget(d) !== y || index.edgeSign(d) !== net || !index.edgeCausal(d) || reversed(index, d) || edgeRefuted(index, d)) continue;
    if (index.edgeStrength(d) >= weakest) return true;
  }
  return false;
}

/** Whether edge e converts a concept into its form (a next step may then be refused). */
export function entersForm(index: PathIndex, e: number): boolean {
  return formTable(index)?.intoForm[e] === 1;
}

/** Whether edge e leaves a form (an earlier step into that form may then make it refused). */
export function leavesForm(index: PathIndex, e: number): boolean {
  const table = formTable(index);
  return table !== null && table.isForm[index.edgeSource(e)] === 1 && !reversed(index, e);
}

/** Whether any edge of the index converts a concept into its own form (else rule 11 never applies). */
export function hasFormSteps(index: PathIndex): boolean {
  return formTable(index) !== null;
}
