/**
 * The query engine's door for the hypotheses panel: explainObservations (the query behind `mechkg hypotheses`),
 * memoized like the rest of engine.ts. A module of its own so that it loads with the panel, after the first picture.
 */
import { explainObservations, type ExplainObservationsResult, type KnowledgeGraph, type Observation } from '../../src/index.js';
import { cached, type Outcome } from './engine.js';

/** Work limits for hypotheses in the page: a few seconds at most on a big opened graph (the answer says when it was cut). */
const HYPOTHESES_BUDGET = { maxMillis: 3000, maxExpansions: 20_000_000 };

/** Ranked hypotheses for observations already resolved to node ids (explainObservations in the library). */
export function runHypotheses(graph: KnowledgeGraph, observations: readonly (Observation & { id: string })[], limit: number): Outcome<ExplainObservationsResult> {
  const rows = observations.map((o) => ({ node: o.id, direction: o.direction, weight: o.weight, where: o.where, ...(o.value !== undefined ? { value: o.value } : {}) }));
  return cached(graph, `hypotheses\u0000${limit}\u0000${JSON.stringify(rows)}`, () => explainObservations(graph, rows, { limit, ...HYPOTHESES_BUDGET }));
}
