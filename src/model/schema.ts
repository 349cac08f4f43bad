/**
 * The shape of mechkg's data files, written once with zod. TypeScript types are inferred from it and
 * the JSON Schema that editors use for completion (graph/schema/*.json) is generated from it.
 */
import { z } from 'zod';
import { CATEGORY_NAMES, CURIE_PATTERN, EVIDENCE_KIND_NAMES, PREDICATE_NAMES, SOURCE_KINDS, STANCES } from './vocabulary.js';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const slug = z.string().regex(SLUG_PATTERN, 'must be a lowercase slug of letters, digits and single hyphens');
const text = z.string().trim().min(1, 'must not be empty');
const curie = z.string().regex(CURIE_PATTERN, 'must be a CURIE of the form PREFIX:local_id');

export const contextSchema = z
  .strictObject({
    tissue: text.optional(),
    species: text.optional(),
    population: text.optional(),
    condition: text.optional(),
  })
  .describe('Where the relation holds: tissue, species, population, condition (e.g. "in liver damage").');

export const evidenceSchema = z.strictObject({
  source: slug.describe('id of an entry in graph/sources.yaml'),
  kind: z.enum(EVIDENCE_KIND_NAMES).describe('what kind of study or knowledge backs the statement'),
  stance: z.enum(STANCES).default('supports').describe('whether the evidence supports or disputes the edge'),
  statement: text.describe("the finding in the curator's own words (never copied text)"),
  note: text.optional().describe('caveats: mixed findings, preclinical only, dose, population'),
  context: contextSchema.optional(),
});

export const nodeSchema = z.strictObject({
  id: slug.describe('stable readable id used in URLs and the CLI'),
  label: text,
  category: z.enum(CATEGORY_NAMES),
  description: text.describe("a short description in the curator's own words"),
  synonyms: z.array(text).default([]),
  abbreviations: z.array(text).default([]),
  identifiers: z.array(curie).default([]).describe('ontology CURIEs, preferred first'),
  modules: z.array(slug).default([]).describe('extra module tags besides the file the node is defined in'),
});

export const edgeSchema = z.strictObject({
  id: slug.optional().describe('defaults to <source>--<predicate>--<target>'),
  source: slug,
  predicate: z.enum(PREDICATE_NAMES),
  target: slug,
  context: contextSchema.optional(),
  note: text.optional(),
  evidence: z.array(evidenceSchema).min(1, 'an edge needs at least one evidence entry'),
});

export const moduleSchema = z.strictObject({
  id: slug,
  title: text,
  summary: text.describe('two sentences on what this module covers'),
});

export const moduleFileSchema = z.strictObject({
  $schema: z.string().optional(),
  module: moduleSchema,
  nodes: z.array(nodeSchema).default([]),
  edges: z.array(edgeSchema).default([]),
});

export const sourceSchema = z.strictObject({
  id: slug,
  title: text,
  kind: z.enum(SOURCE_KINDS),
  authors: text.optional(),
  year: z.number().int().min(1800).max(2100).optional(),
  journal: text.optional(),
  doi: z.string().regex(/^10\.\d{4,9}\/\S+$/, 'must be a DOI like 10.1000/xyz').optional(),
  pmid: z.string().regex(/^\d{1,9}$/, 'must be digits').optional(),
  url: z.string().url().optional(),
  file: text.optional().describe('the seed article file in shared/seeds, for seed articles'),
  note: text.optional(),
});

export const sourcesFileSchema = z.strictObject({
  $schema: z.string().optional(),
  sources: z.array(sourceSchema),
});

export type EvidenceData = z.output<typeof evidenceSchema>;
export type NodeData = z.output<typeof nodeSchema>;
export type EdgeData = z.output<typeof edgeSchema>;
export type ModuleData = z.output<typeof moduleSchema>;
export type SourceData = z.output<typeof sourceSchema>;
export type Context = z.output<typeof contextSchema>;
