/**
 * What mechkg derives from an imported record's own vocabulary, through the Biolink Model: the display category
 * from its categories, and an edge's sign, causal flag and relation kind from its predicate, qualifiers and
 * `negated`. The terms themselves are kept as given; these are views of them. What cannot be derived is
 * 'unknown' (category) or null (sign), never the nearest closed value. Shared by the importer and the compact
 * index (src/scale), so both read a file the same way; zod-free for the CLI's start-up.
 */
import { biolinkLocal, classAncestry, directionSign, isInverseForm, predicateAncestry } from '../model/biolink.js';
import { CATEGORIES, CATEGORY_NAMES, isOwnPredicate, PREDICATES, type Category, type ConversionArc, type Relation, type Sign } from '../model/vocabulary.js';

type EdgeRelation = Relation;

/** Biolink class -> mechkg category, for the classes CATEGORIES names (their descendants inherit through is_a). */
const CATEGORY_OF_CLASS = new Map<string, Category>(
  CATEGORY_NAMES.filter((c) => c !== 'unknown').map((c) => [biolinkLocal(CATEGORIES[c].biolink), c]),
);

/**
 * The display category of a node with these categories: the mechkg category of the most specific class (the one
 * deepest in the is_a tree, so KGX's ancestor-first lists and a trailing NamedThing do not matter), found by
 * walking up from it; 'unknown' when no given class falls under a mechkg category. Own names (mechkg's
 * category ids) are accepted as such.
 */
export function displayCategory(categories: readonly string[]): Category {
  let best: Category = 'unknown';
  let bestDepth = -1;
  for (const term of categories) {
    const t = term.trim();
    if (Object.hasOwn(CATEGORIES, t) && t !== 'unknown') return t as Category;
    const ancestry = classAncestry(t);
    const hit = ancestry.findIndex((c) => CATEGORY_OF_CLASS.has(c));
    if (hit < 0) continue;
    if (ancestry.length > bestDepth) {
      bestDepth = ancestry.length;
      best = CATEGORY_OF_CLASS.get(ancestry[hit]!)!;
    }
  }
  return best;
}

export interface EdgeMeaningInput {
  predicate: string;
  object_direction_qualifier?: string | undefined;
  subject_direction_qualifier?: string | undefined;
  qualified_predicate?: string | undefined;
  negated?: boolean | undefined;
}

export interface EdgeMeaning {
  sign: Sign | null;
  causal: boolean;
  relation: EdgeRelation;
  /** For conversions read forwards: the SBGN arc (as mechkg's own conversion predicates carry it). */
  arc?: ConversionArc;
}

/**
 * Biolink's conversion predicates read forwards, with the arc and sign of mechkg's own conversion predicates
 * (docs/semantics.md): derives_into is converted_to, has_input / consumes / has_substrate consume, has_output /
 * produces produce, catalyzes catalyzes. The inverse forms (is_input_of, derives_from, produced_by ...) are
 * conversions too, but run against the edge: no arc, not followed.
 */
const CONVERSION_ARCS = new Map<string, { arc: ConversionArc; sign: Sign }>([
  ['derives_into', { arc: 'conversion', sign: '+' }],
  ['has_input', { arc: 'consumption', sign: '-' }],
  ['has_substrate', { arc: 'consumption', sign: '-' }],
  ['has_output', { arc: 'production', sign: '+' }],
  ['produces', { arc: 'production', sign: '+' }],
  ['catalyzes', { arc: 'catalysis', sign: '+' }],
]);

/** Predicates whose own name says which way the object goes (no qualifier needed). */
const SIGNED = new Map<string, Sign>([
  ['positively_correlated_with', '+'],
  ['negatively_correlated_with', '-'],
  ['associated_with_increased_likelihood_of', '+'],
  ['associated_with_decreased_likelihood_of', '-'],
  ['acts_upstream_of_positive_effect', '+'],
  ['acts_upstream_of_negative_effect', '-'],
  ['acts_upstream_of_or_within_positive_effect', '+'],
  ['acts_upstream_of_or_within_negative_effect', '-'],
  ['increases_amount_or_activity_of', '+'],
  ['decreases_amount_or_activity_of', '-'],
  ['promotes_condition', '+'],
  ['predisposes_to_condition', '+'],
  ['exacerbates_condition', '+'],
  ['preventative_for_condition', '-'],
  ['ameliorates_condition', '-'],
  ['treats', '-'],
]);

/** Roots of each relation kind in the predicate tree (the nearest one up the is_a chain decides). */
const RELATION_ROOTS = new Map<string, EdgeRelation>([
  ['affects', 'influence'],
  ['affected_by', 'influence'],
  ['contributes_to', 'influence'],
  ['contribution_from', 'influence'],
  ['affects_likelihood_of', 'influence'],
  ['likelihood_affected_by', 'influence'],
  ['acts_upstream_of', 'influence'],
  ['has_upstream_actor', 'influence'],
  ['affects_sensitivity_to', 'influence'],
  ['sensitivity_affected_by', 'influence'],
  ['treats', 'influence'],
  ['treated_by', 'influence'],
  ['increases_amount_or_activity_of', 'influence'],
  ['decreases_amount_or_activity_of', 'influence'],
  ['amount_or_activity_increased_by', 'influence'],
  ['amount_or_activity_decreased_by', 'influence'],
  ['has_input', 'conversion'],
  ['is_input_of', 'conversion'],
  ['has_output', 'conversion'],
  ['is_output_of', 'conversion'],
  ['has_substrate', 'conversion'],
  ['is_substrate_of', 'conversion'],
  ['derives_into', 'conversion'],
  ['derives_from', 'conversion'],
  ['produces', 'conversion'],
  ['produced_by', 'conversion'],
  ['catalyzes', 'conversion'],
  ['has_catalyst', 'conversion'],
  ['related_to_at_concept_level', 'structural'],
  ['overlaps', 'structural'],
  ['located_in', 'structural'],
  ['location_of', 'structural'],
  ['gene_product_of', 'structural'],
  ['has_gene_product', 'structural'],
  ['in_taxon', 'structural'],
  ['taxon_of', 'structural'],
  ['is_sequence_variant_of', 'structural'],
  ['has_sequence_variant', 'structural'],
]);

/** The relation kind of a (Biolink) predicate: the nearest root up its is_a chain; association otherwise. */
export function relationOf(predicate: string): EdgeRelation {
  for (const p of predicateAncestry(predicate)) {
    const r = RELATION_ROOTS.get(p);
    if (r) return r;
  }
  return 'association';
}

/**
 * Sign, causal flag and relation of an edge. mechkg's own predicates have them in PREDICATES. For others:
 * - negated: the relation is said NOT to hold, so no sign, not causal, and counted as an association;
 * - the sign is the object's direction qualifier, times the subject's when that is given too (a decrease of
 *   the subject raising the object is a negative link); a subject direction alone says nothing of the object;
 *   without qualifiers the predicate's own name decides (SIGNED, through is_a), else there is no sign;
 * - causal: an influence predicate read forwards (affects, causes, treats ...; not affected_by / caused_by,
 *   whose direction runs against the edge), or a conversion read forwards (CONVERSION_ARCS, with its arc).
 */
export function edgeMeaning(e: EdgeMeaningInput): EdgeMeaning {
  if (isOwnPredicate(e.predicate)) {
    const spec: { sign: Sign | null; causal: boolean; relation: EdgeRelation; arc?: ConversionArc } = PREDICATES[e.predicate];
    return { sign: spec.sign, causal: spec.causal, relation: spec.relation, ...(spec.arc ? { arc: spec.arc } : {}) };
  }
  const relation = relationOf(e.qualified_predicate || e.predicate) === 'influence' ? 'influence' : relationOf(e.predicate);
  // Not followed (negated, or read against the edge): its relation kind is association, since the query
  // engine follows influence and conversion edges by their kind (docs/semantics.md); the predicate is kept.
  if (e.negated) return { sign: null, causal: false, relation: 'association' };
  let sign: Sign | null = null;
  const object = directionSign(e.object_direction_qualifier);
  if (object) {
    const subject = directionSign(e.subject_direction_qualifier);
    sign = subject === '-' ? (object === '+' ? '-' : '+') : object;
  } else if (!e.subject_direction_qualifier) {
    for (const p of predicateAncestry(e.predicate)) {
      const s = SIGNED.get(p);
      if (s) {
        sign = s;
        break;
      }
    }
  }
  if (relation === 'conversion') {
    // a direction qualifier does not turn a reaction role into something else
    const forward = predicateAncestry(e.predicate).map((p) => CONVERSION_ARCS.get(p)).find(Boolean);
    if (!forward) return { sign: null, causal: false, relation: 'association' };
    return { sign: sign ?? forward.sign, causal: true, relation, arc: forward.arc };
  }
  if (relation === 'influence' && isInverseForm(e.predicate)) return { sign, causal: false, relation: 'association' };
  return { sign, causal: relation === 'influence', relation };
}
