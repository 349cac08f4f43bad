/**
 * The sign of a KGX / Biolink edge, shared by the KGX importer and the compact index so both read a file
 * the same way. The object_direction_qualifier decides when present (increased / upregulated -> '+',
 * decreased / downregulated -> '-'); otherwise the predicate does; anything else has no sign (null).
 */
import type { Sign } from '../model/vocabulary.js';

/** Predicates that raise their object (compared without the "biolink:" prefix). */
export const POSITIVE_KGX_PREDICATES: readonly string[] = [
  'positively_regulates',
  'entity_positively_regulates_entity',
  'process_positively_regulates_process',
  'causes',
  'contributes_to',
  'predisposes_to_condition',
  'increases_amount_or_activity_of',
  'increases_expression_of',
  'increases_activity_of',
  'increases_abundance_of',
  'increases_synthesis_of',
  'positively_correlated_with',
];

/** Predicates that lower their object. */
export const NEGATIVE_KGX_PREDICATES: readonly string[] = [
  'negatively_regulates',
  'entity_negatively_regulates_entity',
  'process_negatively_regulates_process',
  'prevents',
  'preventative_for_condition',
  'treats',
  'ameliorates_condition',
  'disrupts',
  'decreases_amount_or_activity_of',
  'decreases_expression_of',
  'decreases_activity_of',
  'decreases_abundance_of',
  'decreases_synthesis_of',
  'negatively_correlated_with',
];

/** Predicates path queries follow by default (cause and effect, not mere association). */
export const CAUSAL_KGX_PREDICATES: readonly string[] = [
  ...POSITIVE_KGX_PREDICATES.filter((p) => p !== 'positively_correlated_with'),
  ...NEGATIVE_KGX_PREDICATES.filter((p) => p !== 'negatively_correlated_with'),
  'affects',
  'regulates',
  'has_upstream_actor',
  'has_downstream_actor',
];

export interface KgxQualifiers {
  object_direction_qualifier?: string | null;
  qualified_predicate?: string | null;
}

const POSITIVE_DIRECTIONS = new Set(['increased', 'upregulated', 'up', 'increase']);
const NEGATIVE_DIRECTIONS = new Set(['decreased', 'downregulated', 'down', 'decrease']);
const POSITIVE = new Set(POSITIVE_KGX_PREDICATES);
const NEGATIVE = new Set(NEGATIVE_KGX_PREDICATES);
const CAUSAL = new Set(CAUSAL_KGX_PREDICATES);

function bare(term: string): string {
  return term.trim().replace(/^biolink:/i, '').toLowerCase();
}

/** '+', '-' or null for a KGX edge's predicate and qualifiers. */
export function signFromKgx(predicate: string, qualifiers: KgxQualifiers = {}): Sign | null {
  const direction = qualifiers.object_direction_qualifier ? bare(qualifiers.object_direction_qualifier) : '';
  if (POSITIVE_DIRECTIONS.has(direction)) return '+';
  if (NEGATIVE_DIRECTIONS.has(direction)) return '-';
  const p = bare(qualifiers.qualified_predicate || predicate);
  if (POSITIVE.has(p)) return '+';
  if (NEGATIVE.has(p)) return '-';
  return null;
}

/** Whether path queries follow a KGX edge by default (a direction qualifier makes any predicate causal). */
export function isCausalKgx(predicate: string, qualifiers: KgxQualifiers = {}): boolean {
  const direction = qualifiers.object_direction_qualifier ? bare(qualifiers.object_direction_qualifier) : '';
  if (POSITIVE_DIRECTIONS.has(direction) || NEGATIVE_DIRECTIONS.has(direction)) return true;
  return CAUSAL.has(bare(qualifiers.qualified_predicate || predicate)) || CAUSAL.has(bare(predicate));
}
