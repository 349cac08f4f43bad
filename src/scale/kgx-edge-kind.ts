/**
 * How the compact index reads a KGX row the way the KGX importer (src/import) does, so a file gives the same
 * answers whichever way it is opened: node ids become mechkg slugs (the CURIE kept as an identifier), Biolink
 * categories and predicates map through src/import/vocabulary-map.ts, sign and causality follow the mapped
 * mechkg predicate, and evidence kind (hence strength) follows knowledge_level. Edge-level values depend only
 * on a few low-cardinality columns (the "kind" columns), so the loader computes them once per distinct
 * combination. tests/scale/ compares both ways on generated graphs.
 */
import { KIND_OF_KNOWLEDGE_LEVEL, slugify } from '../import/kgx-conventions.js';
import { mapCategory, mapPredicate } from '../import/vocabulary-map.js';
import { CURIE_PATTERN, EVIDENCE_KINDS, PREDICATES, type ConversionArc, type EvidenceKind, type Predicate } from '../model/vocabulary.js';
import { relationCode, type RelationCode, type SignCode } from '../query/path-index.js';
import { ownValue } from '../model/own-key.js';

/** Columns whose values decide an edge's kind. */
export const EDGE_KIND_COLUMNS = ['predicate', 'qualified_predicate', 'object_direction_qualifier', 'object_aspect_qualifier', 'knowledge_level'] as const;
export type KindColumn = (typeof EDGE_KIND_COLUMNS)[number];

export interface EdgeKind {
  /** The mechkg predicate the importer maps the row to. */
  predicate: Predicate;
  sign: SignCode;
  causal: boolean;
  /** Relation kind (RELATION_CODES) of the mapped predicate. */
  relation: RelationCode;
  strength: number;
  evidenceKind: EvidenceKind;
}


/** The kind of an edge from its kind-column values (missing columns are empty strings). */
export function describeEdgeKind(values: Readonly<Record<KindColumn, string>>): EdgeKind {
  const opt = (v: string) => (v === '' ? undefined : v);
  const { predicate } = mapPredicate({
    predicate: values.predicate,
    qualified_predicate: opt(values.qualified_predicate),
    object_direction_qualifier: opt(values.object_direction_qualifier),
    object_aspect_qualifier: opt(values.object_aspect_qualifier),
  });
  const spec: (typeof PREDICATES)[Predicate] & { arc?: ConversionArc } = PREDICATES[predicate];
  const evidenceKind = ownValue(KIND_OF_KNOWLEDGE_LEVEL, values.knowledge_level) ?? 'review_statement';
  return {
    predicate,
    sign: spec.sign === '+' ? 1 : spec.sign === '-' ? -1 : 0,
    causal: spec.causal,
    relation: relationCode(spec.relation, spec.arc),
    strength: EVIDENCE_KINDS[evidenceKind].strength,
    evidenceKind,
  };
}

/** mechkg category of a KGX node: its Biolink classes, else its CURIE prefixes, as the importer maps them. */
export function categoryFromKgx(biolink: readonly string[], curies: readonly string[]): string {
  return mapCategory(biolink, curies).category;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const OWN_PREFIX = 'mechkg:';

/**
 * The slug the importer gives a raw KGX id (`CHEBI:30411` -> `chebi-30411`; `mechkg:x` and slugs stay),
 * made unique against `used` with -2, -3... Uses the importer's slugify (src/import/kgx-conventions.ts).
 */
export { KIND_OF_KNOWLEDGE_LEVEL, slugify };

export function nodeSlug(original: string, used: { has(id: string): boolean }): { id: string; curie: boolean } {
  const own = original.startsWith(OWN_PREFIX) ? original.slice(OWN_PREFIX.length) : original;
  if (SLUG.test(own)) return { id: own, curie: false };
  const base = slugify(own);
  let id = base;
  for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
  return { id, curie: CURIE_PATTERN.test(original) };
}


/** mechkg's own edge ids (kept on import): slugs, or the default "<source>--<predicate>--<target>" form. */
export function isOwnEdgeId(id: string): boolean {
  return SLUG.test(id) || /^[a-z0-9-]+--[a-z_]+--[a-z0-9-]+(--\d+)?$/.test(id);
}
