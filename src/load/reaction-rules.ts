/**
 * Rules that keep an enzyme's arcs readable as reactions (docs/semantics.md, perturbation rules 1 to 3): the
 * flow view reads the substrates an enzyme consumes in one reaction as co-substrates, so that driving the
 * reaction with one uses up the others. They run after the cross-file checks, on validated data:
 * - invalid_field: `reaction` names the reaction of an enzyme arc (consumes, produces, catalyzes) and means
 *   nothing on any other edge.
 * - successive_substrates: an enzyme consumes two substrates in one reaction while one is converted to the
 *   other (DHFR reduces folic acid to dihydrofolate, then dihydrofolate to tetrahydrofolate). They are steps
 *   of two reactions, not co-substrates: read as one reaction, more dihydrofolate would lower folate. Give
 *   one of the arcs its own `reaction`.
 */
import type { Problem } from '../model/types.js';
import { PREDICATES, type ConversionArc } from '../model/vocabulary.js';
import type { ValidatedData } from './validate-files.js';

/** The arc of a predicate's reaction, if it is a conversion. */
const arcOf = (predicate: string): ConversionArc | undefined => (PREDICATES[predicate as keyof typeof PREDICATES] as { arc?: ConversionArc }).arc;

const ARC_PREDICATES: ReadonlySet<string> = new Set(
  Object.keys(PREDICATES).filter((name) => ['consumption', 'production', 'catalysis'].includes(arcOf(name) ?? '')),
);

export function checkReactionRules(data: ValidatedData): Problem[] {
  const problems: Problem[] = [];
  // substrate -> the nodes it is converted to
  const convertsTo = new Map<string, Set<string>>();
  for (const e of data.edges) {
    if (arcOf(e.predicate) === 'conversion') (convertsTo.get(e.source) ?? convertsTo.set(e.source, new Set()).get(e.source)!).add(e.target);
  }
  // enzyme and reaction -> its consumption edges
  const consumed = new Map<string, (typeof data.edges)[number][]>();
  for (const e of data.edges) {
    if (e.reaction !== undefined && !ARC_PREDICATES.has(e.predicate)) {
      problems.push({
        level: 'error',
        code: 'invalid_field',
        file: e.origin.file,
        line: e.origin.line,
        id: e.id,
        message: `reaction: names the reaction of an enzyme arc (${[...ARC_PREDICATES].join(', ')}), not of a ${e.predicate} edge; remove it`,
      });
    }
    if (arcOf(e.predicate) !== 'consumption') continue;
    const key = `${e.source}\u0000${e.reaction ?? ''}`;
    (consumed.get(key) ?? consumed.set(key, []).get(key)!).push(e);
  }
  for (const arcs of consumed.values()) {
    for (const a of arcs) {
      for (const b of arcs) {
        if (a === b || !convertsTo.get(a.target)?.has(b.target)) continue;
        problems.push({
          level: 'warning',
          code: 'successive_substrates',
          file: b.origin.file,
          line: b.lines?.target ?? b.origin.line,
          id: b.id,
          message: `${b.source} consumes both "${a.target}" and "${b.target}" in one reaction, and ${a.target} is converted to ${b.target}: two successive reactions, not co-substrates (driving one would use up the other); give one of the two consumes edges its own reaction: <name>`,
        });
      }
    }
  }
  return problems;
}
