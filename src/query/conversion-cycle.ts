/**
 * Rule 8 read along a route (docs/semantics.md, perturbation rule 8): the production step E -> P of a
 * reaction that consumes the route's end T (conversionCycleEdge) is refused only when the route then
 * reaches T from P by mass flow alone: the arcs of conversion predicates (converted_to, consumes in either
 * reading, produces, catalyzes, cofactor_for, and the flow view's copies of them on reaction twins).
 * cofactor_for counts: the curated graph writes co-substrates so (SAM for PEMT, 5,10-methylene-THF for
 * thymidylate synthase, glutathione for GPX4), whose mass does go on into the products. Once the route
 * takes an influence edge after P (inhibits, activates, increases, decreases, required_for, ...), it is
 * regulation and stands:
 * methionine synthase -> methionine -> SAM -| MTHFR -> 5-methyl-THF is SAM's feedback on MTHFR, not
 * 5-methyl-THF's mass coming back.
 */
import { edgeRelationOf, RELATION_CODES, type PathIndex } from './path-index.js';
import { conversionCycleEdge } from './query-options.js';

export type Consumers = ReadonlyMap<number, ReadonlySet<number>>;

const MASS_FLOW: ReadonlySet<number> = new Set([RELATION_CODES.conversion, RELATION_CODES.consumption, RELATION_CODES.production, RELATION_CODES.catalysis, RELATION_CODES.stimulation]);

/** Whether edge e moves mass: an arc of a conversion predicate, or its copy on a reaction twin. */
export function isMassFlow(index: PathIndex, e: number): boolean {
  return MASS_FLOW.has(edgeRelationOf(index, e));
}

/**
 * Walking a route forward into the target: 1 after a production step of a reaction consuming the target
 * with only mass flow since (arriving at the target so is refused), else 0.
 */
export function cycleAfter(index: PathIndex, consumers: Consumers | null, pending: number, e: number): number {
  if (consumers === null) return 0;
  if (conversionCycleEdge(index, consumers, e)) return 1;
  return pending === 1 && isMassFlow(index, e) ? 1 : 0;
}

/**
 * Walking a route backwards from the target: 1 while every step from here to the target is mass flow.
 * A production step of a reaction consuming the target is refused while it is 1 (refusedBefore).
 */
export function massAfter(index: PathIndex, mass: number, e: number): number {
  return mass === 1 && isMassFlow(index, e) ? 1 : 0;
}

/** Whether step e, taken before a stretch whose `mass` bit is as given (massAfter), breaks the rule. */
export function refusedBefore(index: PathIndex, consumers: Consumers | null, mass: number, e: number): boolean {
  return mass === 1 && consumers !== null && conversionCycleEdge(index, consumers, e);
}

/** Whether a whole route into its last node keeps the rule (`consumers`: those of that node). */
export function keepsConversionRule(index: PathIndex, consumers: Consumers | null, edges: ArrayLike<number>): boolean {
  if (consumers === null) return true;
  let pending = 0;
  for (let i = 0; i < edges.length; i++) pending = cycleAfter(index, consumers, pending, edges[i]!);
  return pending === 0;
}
