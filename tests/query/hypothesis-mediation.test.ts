import { describe, expect, it } from 'vitest';
import { explainObservations, type Hypothesis, type ObservationInput } from '../../src/index.js';
import { buildTestGraph, type GraphSpec } from './random-graph.js';

// predicate 0 is "increases"
const inc = (s: number, t: number) => ({ s, t, p: 0, k: 0 });
const up = (...ns: number[]): ObservationInput[] => ns.map((n) => ({ node: `n${n}`, direction: 'up' }));
const find = (hs: Hypothesis[], id: string, direction = 'up') => hs.findIndex((h) => h.node.id === id && h.direction === direction);

describe('the parsimony rule: a hypothesis acting only through another', () => {
  // U = n0 raises M = n1, which raises the observed n2, n3, n4 (and the unobserved n5, n6)
  const chain: GraphSpec = { n: 7, edges: [inc(0, 1), inc(1, 2), inc(1, 3), inc(1, 4), inc(1, 5), inc(1, 6)] };

  it('reports U -> M -> observations as U acting through M, ranked after M', () => {
    const r = explainObservations(buildTestGraph(chain), up(2, 3, 4), { limit: 5 });
    const u = find(r.hypotheses, 'n0');
    const m = find(r.hypotheses, 'n1');
    expect(m).toBeGreaterThanOrEqual(0);
    expect(u).toBeGreaterThan(m);
    expect(r.hypotheses[u]).toMatchObject({ correct: 3, incorrect: 0, actsThrough: { id: 'n1', label: 'node 1', direction: 'up' } });
    expect(r.hypotheses[m]!.actsThrough).toBeNull();
    expect(r.stats.actingThrough).toBe(1);
    // the implied direction follows the route's sign: lowering U lowers M, whose lowering explains falls
    const down = explainObservations(buildTestGraph({ ...chain, edges: [{ s: 0, t: 1, p: 1, k: 0 }, ...chain.edges.slice(1)] }), up(2, 3, 4), { limit: 5 });
    expect(down.hypotheses[find(down.hypotheses, 'n0', 'down')]!.actsThrough).toMatchObject({ id: 'n1', direction: 'up' });
  });

  it('names the mediator nearest the observations when several nodes are on every route', () => {
    // n0 -> n7 -> n1 -> observations: both n7 and n1 qualify; n1 is named
    const r = explainObservations(buildTestGraph({ n: 8, edges: [inc(0, 7), inc(7, 1), ...chain.edges.slice(1)] }), up(2, 3, 4), { limit: 5 });
    expect(r.hypotheses.map((h) => [h.node.id, h.actsThrough?.id ?? null])).toEqual([
      ['n1', null],
      ['n7', 'n1'],
      ['n0', 'n1'],
    ]);
  });

  it('does not collapse U when one of its correct predictions has a best route avoiding M', () => {
    // n0 -> n7 -> n2 is as short as n0 -> n1 -> n2: not every best route to n2 passes n1
    const r = explainObservations(buildTestGraph({ n: 8, edges: [...chain.edges, inc(0, 7), inc(7, 2)] }), up(2, 3, 4), { limit: 5 });
    const u = r.hypotheses[find(r.hypotheses, 'n0')]!;
    expect(u).toMatchObject({ correct: 3, actsThrough: null });
    // ... nor when U predicts an observation M does not reach (M does worse)
    const own = explainObservations(buildTestGraph({ n: 8, edges: [...chain.edges, inc(0, 7)] }), up(2, 3, 4, 7), { limit: 5 });
    expect(own.hypotheses[find(own.hypotheses, 'n0')]).toMatchObject({ correct: 4, actsThrough: null });
  });

  it('mediation: false ranks by the p-values alone and marks nothing', () => {
    const r = explainObservations(buildTestGraph(chain), up(2, 3, 4), { limit: 5, mediation: false });
    expect(r.hypotheses.every((h) => h.actsThrough === null)).toBe(true);
    expect(r.stats.mediationChecks).toBe(0);
    expect(() => explainObservations(buildTestGraph(chain), up(2), { mediation: 'yes' as never })).toThrow(/option mediation must be true or false/);
  });
});

describe('the patient panel on the curated graph', () => {
  it('ranks liver damage first, its MMA and homocysteine routes through functional B12 deficiency, its causes acting through it', async () => {
    const { curatedGraph, PATIENT_PANEL } = await import('./curated.js');
    const graph = curatedGraph();
    const panel = [...PATIENT_PANEL];
    const r = explainObservations(graph, panel, { limit: 10 });
    expect(r.complete).toBe(true);
    const rank = find(r.hypotheses, 'hepatocyte-injury');
    // among the first 3 (today it is first); nothing above it acts through another node
    expect(rank).toBeGreaterThanOrEqual(0);
    expect(rank).toBeLessThan(3);
    for (const h of r.hypotheses.slice(0, rank)) expect(h.actsThrough, h.node.id).toBeNull();
    const liver = r.hypotheses[rank]!;
    expect(liver).toMatchObject({ correct: 5, incorrect: 0, actsThrough: null });
    for (const id of ['methylmalonic-acid', 'homocysteine']) {
      const p = liver.predictions.find((x) => x.node.id === id)!;
      expect(p.path!.nodes.map((n) => n.id), id).toContain('functional-b12-deficiency');
    }
    // the causes of liver damage that ranked above it on depth-truncated richness now follow it, marked
    const all = explainObservations(graph, panel, { limit: 25 });
    for (const [id, direction] of [['alcohol', 'up'], ['liver-fibrosis', 'up'], ['glutathione-peroxidase-4', 'down']] as const) {
      const i = find(all.hypotheses, id, direction);
      expect(i, id).toBeGreaterThan(find(all.hypotheses, 'hepatocyte-injury'));
      expect(all.hypotheses[i]!.actsThrough, id).toMatchObject({ id: 'hepatocyte-injury', direction: 'up' });
    }
  });
});
