/**
 * How the compact index reads a KGX row the way the importer (src/import) does, so a file gives the same
 * graph whichever reader its size picks: ids as the file gives them (src/import/kgx-fields.ts graphId),
 * the display category derived from the categories, and an edge's sign, causal flag and relation derived from
 * its predicate, qualifiers and `negated` (src/import/derive-meaning.ts). Edge-level values depend only on a
 * few low-cardinality columns (the "kind" columns), so the loader computes them once per distinct combination.
 * tests/scale/ compares both readers on generated files and on the conformance files.
 */
import { displayCategory, edgeMeaning } from '../import/derive-meaning.js';
import { isNegated } from '../import/kgx-fields.js';
import { isBiolinkPredicate, isDeprecatedPredicate } from '../model/biolink.js';
import { isOwnPredicate } from '../model/vocabulary.js';
import { relationCode, type RelationCode, type SignCode } from '../query/path-index.js';
import { ownValue } from '../model/own-key.js';

/** Columns whose values decide an edge's kind. */
export const EDGE_KIND_COLUMNS = ['predicate', 'qualified_predicate', 'object_direction_qualifier', 'subject_direction_qualifier', 'negated'] as const;
export type KindColumn = (typeof EDGE_KIND_COLUMNS)[number];

export interface EdgeKind {
  /** The predicate as the file gives it (biolink:related_to when the row has none). */
  predicate: string;
  sign: SignCode;
  causal: boolean;
  /** Relation kind (RELATION_CODES), with the arc for conversions. */
  relation: RelationCode;
  /** Foreign edges carry no mechkg evidence: their strength is 0. */
  strength: number;
  /** What the importer warns about this predicate, once per distinct predicate. */
  note: 'none' | 'missing' | 'not-biolink' | 'deprecated';
}

/** The kind of an edge from its kind-column values (missing columns are empty strings). */
export function describeEdgeKind(values: Readonly<Record<KindColumn, string>>): EdgeKind {
  const opt = (v: string) => (v === '' ? undefined : v);
  const predicate = values.predicate === '' ? 'biolink:related_to' : values.predicate;
  const m = edgeMeaning({
    predicate,
    qualified_predicate: opt(values.qualified_predicate),
    object_direction_qualifier: opt(values.object_direction_qualifier),
    subject_direction_qualifier: opt(values.subject_direction_qualifier),
    negated: values.negated === '' ? undefined : isNegated(values.negated),
  });
  const note = values.predicate === '' ? 'missing' : isOwnPredicate(predicate) ? 'none' : !isBiolinkPredicate(predicate) ? 'not-biolink' : isDeprecatedPredicate(predicate) ? 'deprecated' : 'none';
  return { predicate, sign: m.sign === '+' ? 1 : m.sign === '-' ? -1 : 0, causal: m.causal, relation: relationCode(m.relation, m.arc), strength: 0, note };
}

/** mechkg's display category of a KGX category cell (a `|` list; empty items dropped, as KGX reads it). */
export function categoryOfCell(cell: string): string {
  return displayCategory(cell === '' ? [] : cell.split('|').filter((x) => x !== ''));
}

