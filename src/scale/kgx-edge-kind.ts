/**
 * What the compact index keeps of a KGX edge row besides its endpoints: a display predicate, the sign, whether
 * it is causal and its evidence strength. They depend only on a few low-cardinality columns (the "kind"
 * columns), so the loader computes them once per distinct combination, not once per row.
 *
 * PROVISIONAL: the sign mapping belongs to the query engine (signFromKgx in src/query/kgx-sign.ts) and the
 * row -> evidence mapping to the KGX importer; until those exist this file holds a copy of the documented
 * mapping, and is switched to them so both index builders agree by construction.
 */
import { CATEGORIES, type Category } from '../model/vocabulary.js';
import type { SignCode } from '../query/path-index.js';

/** Columns whose values decide an edge's kind. */
export const EDGE_KIND_COLUMNS = ['predicate', 'object_direction_qualifier', 'knowledge_level', 'agent_type'] as const;

export interface EdgeKind {
  predicate: string;
  sign: SignCode;
  causal: boolean;
  strength: number;
}

const POSITIVE = new Set(['increased', 'upregulated', 'increase', 'up']);
const NEGATIVE = new Set(['decreased', 'downregulated', 'decrease', 'down']);

const PREDICATE_SIGNS: Record<string, SignCode> = {
  'biolink:positively_regulates': 1,
  'biolink:negatively_regulates': -1,
  'biolink:causes': 1,
  'biolink:contributes_to': 1,
  'biolink:predisposes_to_condition': 1,
  'biolink:exacerbates': 1,
  'biolink:prevents': -1,
  'biolink:treats': -1,
  'biolink:ameliorates': -1,
  'biolink:disrupts': -1,
  'biolink:positively_correlated_with': 1,
  'biolink:negatively_correlated_with': -1,
};

const CAUSAL = new Set([
  'biolink:affects',
  'biolink:regulates',
  'biolink:positively_regulates',
  'biolink:negatively_regulates',
  'biolink:causes',
  'biolink:contributes_to',
  'biolink:predisposes_to_condition',
  'biolink:exacerbates',
  'biolink:prevents',
  'biolink:treats',
  'biolink:ameliorates',
  'biolink:disrupts',
]);

/** Sign and causality of a KGX edge: the direction qualifier wins, else the predicate decides. */
export function kgxSign(predicate: string, qualifier: string | undefined): { sign: SignCode; causal: boolean } {
  const p = predicate.includes(':') ? predicate : `biolink:${predicate}`;
  const q = (qualifier ?? '').trim().toLowerCase();
  const sign: SignCode = POSITIVE.has(q) ? 1 : NEGATIVE.has(q) ? -1 : (PREDICATE_SIGNS[p] ?? 0);
  return { sign, causal: CAUSAL.has(p) };
}

/** The kind of an edge from its kind-column values (missing columns are empty strings). */
export function describeEdgeKind(values: Readonly<Record<(typeof EDGE_KIND_COLUMNS)[number], string>>): EdgeKind {
  const { sign, causal } = kgxSign(values.predicate, values.object_direction_qualifier);
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
