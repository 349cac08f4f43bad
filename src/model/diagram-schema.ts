/**
 * Shapes of the two kinds of teaching data beside the modules: the pathway diagram's compartments
 * (graph/layout/*.yaml) and lessons (graph/lessons/*.yaml). Same zod/mini conventions as schema.ts.
 */
import * as z from 'zod/mini';
import { CATEGORY_NAMES } from './vocabulary.js';
import { SLUG_PATTERN } from './schema.js';

const slug = () => z.string().check(z.regex(SLUG_PATTERN, 'must be a lowercase slug of letters, digits and single hyphens'));
const text = () => z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
const index = () => z.number().check(z.int(), z.minimum(0), z.maximum(20));

export const compartmentSchema = z.strictObject({
  id: slug(),
  label: text(),
  /** A compartment is a place in the body; a lane groups what is not a place (diet, disease, tests). */
  kind: z.enum(['compartment', 'lane']),
  column: index(),
  row: index(),
  /** Width:height the module boxes are packed to (1.5 when not given). */
  aspect: z.optional(z.number().check(z.minimum(0.2), z.maximum(5))),
  nodes: z._default(z.array(slug()), []),
});

export const layoutFileSchema = z.strictObject({
  $schema: z.optional(z.string()),
  compartments: z.array(compartmentSchema).check(z.minLength(1, 'list at least one compartment')),
  defaults: z.strictObject({
    categories: z._default(z.partialRecord(z.enum(CATEGORY_NAMES), slug()), {}),
    modules: z._default(z.record(slug(), slug()), {}),
    fallback: slug(),
  }),
});

const pathViewSchema = z.strictObject({
  from: slug(),
  to: slug(),
  /** 1-based rank of the path among those findPaths returns. */
  rank: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(12)), 1),
  /** 1-based hop to step to, or none for the whole path. */
  hop: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(12))),
  max: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(12))),
});

export const lessonStepSchema = z.strictObject({
  title: text(),
  /** The one sentence the slide and the handout show. */
  sentence: text(),
  focus: z.optional(slug()),
  path: z.optional(pathViewSchema),
  perturb: z.optional(z.strictObject({ node: slug(), direction: z.enum(['up', 'down']), depth: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(12))) })),
  highlight: z._default(z.array(slug()), []),
  compartment: z.optional(slug()),
  /** An observation overlay (node ids and directions), ranked by the explorer's hypotheses panel. */
  observations: z._default(z.array(z.strictObject({ node: slug(), direction: z.enum(['up', 'down', 'unchanged']) })), []),
  /** One of those hypotheses to draw (its routes, predicted against observed); needs `observations`. */
  hypothesis: z.optional(z.strictObject({ node: slug(), direction: z.enum(['up', 'down']) })),
  /** The lecturer's note: speaker notes on the slide, a paragraph in the handout. */
  note: z.optional(text()),
  /** Ids of graph/sources.yaml entries, numbered in the order given. */
  citations: z._default(z.array(slug()), []),
});

export const lessonFileSchema = z.strictObject({
  $schema: z.optional(z.string()),
  lesson: z.strictObject({ id: slug(), title: text(), audience: text(), summary: z.optional(text()) }),
  steps: z.array(lessonStepSchema).check(z.minLength(1, 'a lesson needs at least one step')),
});

export type CompartmentData = z.output<typeof compartmentSchema>;
export type LayoutFileData = z.output<typeof layoutFileSchema>;
export type LessonStepData = z.output<typeof lessonStepSchema>;
export type LessonFileData = z.output<typeof lessonFileSchema>;
