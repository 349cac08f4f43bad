/** The curated graph for option tests; MECHKG_TEST_GRAPH points at another copy (e.g. while graph/ is mid-edit). */
import { loadGraph } from '../../src/node.js';
import type { KnowledgeGraph } from '../../src/index.js';

export function curatedGraph(): KnowledgeGraph {
  return loadGraph(process.env.MECHKG_TEST_GRAPH || undefined);
}
