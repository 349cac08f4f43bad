/**
 * The shape of mechkg's data files, written once with zod (the tree-shakable `zod/mini` build, so the
 * browser bundle carries only the validators used). TypeScript types are inferred from it and the JSON
 * Schema that editors use for completion (graph/schema/*.json) is generated from it.
 */
import * as z from 'zod/mini';
import { CURATED_CATEGORY_NAMES, CURIE_PATTERN, DISPUTED_EFFECTS, EVIDENCE_KIND_NAMES, PREDICATE_NAMES, SOURCE_KINDS, STANCES, STATE_LEVELS } from './vocabulary.js';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const describe = <T extends z.ZodMiniType>(schema: T, description: string): T => schema.check(z.describe(description)) as T;
const slug = () => z.string().check(z.regex(SLUG_PATTERN, 'must be a lowercase slug of letters, digits and single hyphens'));
const text = () => z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
const curie = z.string().check(z.regex(CURIE_PATTERN, 'must be a CURIE of the form PREFIX:local_id'));
const optional = <T extends z.ZodMiniType>(schema: T) => z.optional(schema);
const list = <T extends z.ZodMiniType>(item: T) => z._default(z.array(item), []);

export const contextSchema = describe(
  z.strictObject({
    tissue: optional(text()),
    species: optional(text()),
    population: optional(text()),
    condition: optional(text()),
  }),
  'Where the relation holds: tissue, species, population, condition (e.g. "in liver damage").',
);

export const evidenceSchema = z.strictObject({
  source: describe(slug(), 'id of an entry in graph/sources.yaml: the document that reports the claim'),
  study: optional(
    describe(slug(), 'id of the primary study (in graph/sources.yaml, with a PMID or DOI) that the source document reports, when the source is an article or review summarising it'),
  ),
  kind: describe(z.enum(EVIDENCE_KIND_NAMES), 'what kind of study or knowledge backs the statement'),
  stance: describe(z._default(z.enum(STANCES), 'supports'), 'whether the evidence supports or disputes the edge'),
  effect: optional(
    describe(z.enum(DISPUTED_EFFECTS), 'with stance disputes: what the study found instead, none (no effect, e.g. no difference from placebo) or opposite (an effect of the other sign)'),
  ),
  statement: describe(text(), "the finding in the curator's own words (never copied text)"),
  note: optional(describe(text(), 'caveats: mixed findings, preclinical only, dose, population')),
  context: optional(contextSchema),
});

export const nodeSchema = z.strictObject({
  id: describe(slug(), 'stable readable id used in URLs and the CLI'),
  label: text(),
  category: z.enum(CURATED_CATEGORY_NAMES),
  description: describe(text(), "a short description in the curator's own words"),
  synonyms: list(text()),
  abbreviations: list(text()),
  identifiers: describe(list(curie), 'ontology CURIEs, preferred first'),
  modules: describe(list(slug()), 'extra module tags besides the file the node is defined in'),
  state_of: optional(
    describe(
      z.strictObject({
        node: describe(slug(), 'id of the node whose amount or activity this state is an abnormal level of'),
        level: describe(z.enum(STATE_LEVELS), 'low (a deficiency) or high (an excess)'),
      }),
      'for a deficiency or excess state: the node it is a state of; routes treat the two as one concept, which a route may not leave and re-enter',
    ),
  ),
});

export const edgeSchema = z.strictObject({
  id: optional(describe(slug(), 'defaults to <source>--<predicate>--<target>')),
  source: slug(),
  predicate: z.enum(PREDICATE_NAMES),
  target: slug(),
  context: optional(contextSchema),
  note: optional(text()),
  reaction: optional(
    describe(
      slug(),
      "on an enzyme's consumes / produces / catalyzes arc, when the enzyme runs more than one reaction: the reaction the arc belongs to (arcs without one form the enzyme's main reaction); only arcs of one reaction are co-substrates and products of each other",
    ),
  ),
  evidence: z.array(evidenceSchema).check(z.minLength(1, 'an edge needs at least one evidence entry')),
});

export const moduleSchema = z.strictObject({
  id: slug(),
  title: text(),
  summary: describe(text(), 'two sentences on what this module covers'),
});

export const moduleFileSchema = z.strictObject({
  $schema: optional(z.string()),
  module: moduleSchema,
  nodes: list(nodeSchema),
  edges: list(edgeSchema),
});

export const sourceSchema = z.strictObject({
  id: slug(),
  title: text(),
  kind: z.enum(SOURCE_KINDS),
  authors: optional(text()),
  year: optional(z.number().check(z.int(), z.minimum(1800), z.maximum(2100))),
  journal: optional(text()),
  doi: optional(z.string().check(z.regex(/^10\.\d{4,9}\/\S+$/, 'must be a DOI like 10.1000/xyz'))),
  pmid: optional(z.string().check(z.regex(/^\d{1,9}$/, 'must be digits'))),
  url: optional(z.url()),
  file: optional(describe(text(), 'the seed article file in shared/seeds, for seed articles')),
  note: optional(text()),
});

export const sourcesFileSchema = z.strictObject({
  $schema: optional(z.string()),
  sources: z.array(sourceSchema),
});

export type EvidenceData = z.output<typeof evidenceSchema>;
export type NodeData = z.output<typeof nodeSchema>;
export type EdgeData = z.output<typeof edgeSchema>;
export type ModuleData = z.output<typeof moduleSchema>;
export type SourceData = z.output<typeof sourceSchema>;
export type Context = z.output<typeof contextSchema>;
