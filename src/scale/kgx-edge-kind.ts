/**
 * What the compact index keeps of a KGX edge row besides its endpoints: a display predicate, the sign, whether
 * it is causal and its evidence strength. They depend only on a few low-cardinality columns (the "kind"
 * columns), so the loader computes them once per distinct combination, not once per row.
 *
 * Sign and causality come from signFromKgx / isCausalKgx (src/query/kgx-sign.ts), the mapping the KGX
 * importer uses too, so both index builders agree by construction. PROVISIONAL: strength and the display
 * predicate are to follow the importer's row -> edge record mapping once it exists.
 */
import { CATEGORIES, type Category } from '../model/vocabulary.js';
import { isCausalKgx, signFromKgx, type KgxQualifiers } from '../query/kgx-sign.js';
import type { SignCode } from '../query/path-index.js';

/** Columns whose values decide an edge's kind. */
export const EDGE_KIND_COLUMNS = ['predicate', 'qualified_predicate', 'object_direction_qualifier'] as const;

export interface EdgeKind {
  predicate: string;
  sign: SignCode;
  causal: boolean;
  strength: number;
}

/** Sign and causality of a KGX edge, by the mapping the importer uses (src/query/kgx-sign.ts). */
export function kgxSign(predicate: string, qualifiers: KgxQualifiers): { sign: SignCode; causal: boolean } {
  const sign = signFromKgx(predicate, qualifiers);
  return { sign: sign === '+' ? 1 : sign === '-' ? -1 : 0, causal: isCausalKgx(predicate, qualifiers) };
}

/** The kind of an edge from its kind-column values (missing columns are empty strings). */
export function describeEdgeKind(values: Readonly<Record<(typeof EDGE_KIND_COLUMNS)[number], string>>): EdgeKind {
  const { sign, causal } = kgxSign(values.predicate, values);
  return { predicate: values.predicate, sign, causal, strength: 0 };
}

const BIOLINK_TO_CATEGORY = new Map<string, Category>(
  (Object.entries(CATEGORIES) as [Category, (typeof CATEGORIES)[Category]][]).map(([name, c]) => [c.biolink, name]),
);

/** mechkg category of a KGX node from its `category` column (`|`-separated Biolink classes, most specific first). */
export function categoryFromKgx(value: string): string {
  const classes = value.split('|').map((c) => c.trim()).filter(Boolean);
  for (const c of classes) {
    const name = BIOLINK_TO_CATEGORY.get(c.includes(':') ? c : `biolink:${c}`);
    if (name) return name;
  }
  return classes[0] ?? '';
}
