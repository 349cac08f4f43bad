/**
 * The Biolink Model 4.4.4 trees as lookups (built once from the generated tables in biolink-model.ts): class
 * and predicate ancestry, deprecation, multivalued slots and direction values. Maps only, so a term read from
 * a file is never looked up on a plain object.
 */
import { BIOLINK_CLASSES, BIOLINK_MULTIVALUED, BIOLINK_PREDICATES, BIOLINK_QUALIFIERS, DIRECTION_QUALIFIER_VALUES } from './biolink-model.js';

export { BIOLINK_VERSION, KNOWLEDGE_LEVEL_VALUES, AGENT_TYPE_VALUES } from './biolink-model.js';

const classParent = new Map<string, string>(BIOLINK_CLASSES.map(([c, p]) => [c, p]));
const predicateParent = new Map<string, string>(BIOLINK_PREDICATES.map(([p, parent]) => [p, parent]));
const predicateFlags = new Map(BIOLINK_PREDICATES.map(([p, , flags]) => [p, flags]));
const multivalued = new Set(BIOLINK_MULTIVALUED);
const qualifiers = new Set(BIOLINK_QUALIFIERS);
const directionRoot = new Map(DIRECTION_QUALIFIER_VALUES.map(([v, isA]) => [v, isA || v]));

/** "biolink:SmallMolecule" -> "SmallMolecule"; other prefixes are kept (they are not Biolink terms). */
export function biolinkLocal(term: string): string {
  const t = term.trim();
  return /^biolink:/i.test(t) ? t.slice(8) : t;
}

function chain(parents: ReadonlyMap<string, string>, name: string): string[] {
  const out: string[] = [];
  for (let n: string | undefined = name; n && parents.has(n) && out.length < 64; n = parents.get(n)) out.push(n);
  return out;
}

/** The class and its is_a ancestors, nearest first ([] when it is not a Biolink class). */
export function classAncestry(term: string): string[] {
  return chain(classParent, biolinkLocal(term));
}

/** The predicate and its is_a ancestors, nearest first ([] when it is not a Biolink predicate). */
export function predicateAncestry(term: string): string[] {
  return chain(predicateParent, biolinkLocal(term));
}

export function isBiolinkClass(term: string): boolean {
  return /^biolink:/i.test(term.trim()) && classParent.has(biolinkLocal(term));
}

export function isBiolinkPredicate(term: string): boolean {
  return /^biolink:/i.test(term.trim()) && predicateParent.has(biolinkLocal(term));
}

export function isDeprecatedPredicate(term: string): boolean {
  return predicateFlags.get(biolinkLocal(term))?.deprecated === true;
}

/** The predicate read the other way, when Biolink names one (affected_by for affects). */
export function inversePredicate(term: string): string | undefined {
  return predicateFlags.get(biolinkLocal(term))?.inverse;
}

export function isSymmetricPredicate(term: string): boolean {
  return predicateFlags.get(biolinkLocal(term))?.symmetric === true;
}

/** Whether the predicate is the reading-backwards form of a canonical one (affected_by, caused_by, treated_by). */
export function isInverseForm(term: string): boolean {
  const flags = predicateFlags.get(biolinkLocal(term));
  return !!flags?.inverse && !flags.canonical && predicateFlags.get(flags.inverse)?.canonical === true;
}

export function isMultivaluedSlot(slot: string): boolean {
  return multivalued.has(slot);
}

export function isQualifierSlot(slot: string): boolean {
  return qualifiers.has(slot);
}

/** '+' for increased (and upregulated), '-' for decreased (and downregulated), null otherwise. */
export function directionSign(value: string | undefined): '+' | '-' | null {
  if (!value) return null;
  const root = directionRoot.get(biolinkLocal(value).toLowerCase());
  return root === 'increased' ? '+' : root === 'decreased' ? '-' : null;
}
