/** The curated graph for option tests; MECHKG_TEST_GRAPH points at another copy (e.g. while graph/ is mid-edit). */
import { loadGraph } from '../../src/node.js';
import type { KnowledgeGraph, ObservationInput } from '../../src/index.js';

export function curatedGraph(): KnowledgeGraph {
  return loadGraph(process.env.MECHKG_TEST_GRAPH || undefined);
}

/** The patient panel: serum B12, methylmalonic acid and homocysteine high, ALT and AST raised. */
export const PATIENT_PANEL: readonly ObservationInput[] = [
  { node: 'serum vitamin B12', direction: 'up' },
  { node: 'methylmalonic acid', direction: 'up' },
  { node: 'homocysteine', direction: 'up' },
  { node: 'ALT', direction: 'up' },
  { node: 'AST', direction: 'up' },
];
