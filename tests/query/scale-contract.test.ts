import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effects, findLoops, findPaths, indexGraph, neighbors, regulators, type QueryIndex } from '../../src/index.js';
import { ArrayIndex, denseRandomGraph } from './array-index.js';
import { buildTestGraph, graphSpec } from './random-graph.js';

/** A QueryIndex view over the graphology index of a test graph, without graphology's name source. */
function arrayCopy(spec: Parameters<typeof buildTestGraph>[0]): QueryIndex {
  const graph = buildTestGraph(spec);
  const index = indexGraph(graph);
  return new ArrayIndex({
    nodes: Array.from({ length: index.nodeCount }, (_, n) => index.nodeSummary(n)),
    edges: Array.from({ length: index.edgeCount }, (_, e) => ({ id: index.edgeId(e), s: index.edgeSource(e), t: index.edgeTarget(e), sign: index.edgeSign(e), causal: index.edgeCausal(e), strength: index.edgeStrength(e), relation: index.edgeRelation!(e), evidence: index.edgeSummary(e).evidence })),
  });
}

// The plain-array copy carries the evidence entries (they name a route's weakest kind), but direct tests (direct-tests.ts) are left out.
const strip = (x: unknown) =>
  JSON.parse(
    JSON.stringify(x, (k, v) =>
      k === 'evidence' || k === 'predicate' || k === 'contested' || k === 'directTests' || k === 'directTestsText'
        ? undefined
        : k === 'text' && typeof v === 'string'
          ? v.replace(/ Direct human tests\b.*$/s, '')
          : v,
    ),
  );

describe('queries on any PathIndex & NameSource', () => {
  it('give the same answers on graphology and on a plain-array index', () => {
    fc.assert(
      fc.property(graphSpec(), fc.nat(), fc.nat(), (spec, a, b) => {
        const s = `n${a % spec.n}`;
        const t = `n${b % spec.n}`;
        const graph = buildTestGraph(spec);
        const arr = arrayCopy(spec);
        if (s !== t) expect(strip(findPaths(arr, s, t, { limit: 50 }))).toEqual(strip(findPaths(graph, s, t, { limit: 50 })));
        expect(strip(effects(arr, s))).toEqual(strip(effects(graph, s)));
        expect(strip(regulators(arr, s))).toEqual(strip(regulators(graph, s)));
        expect(strip(neighbors(arr, s, { depth: 2 }))).toEqual(strip(neighbors(graph, s, { depth: 2 })));
        expect(strip(findLoops(arr, { limit: 50 }))).toEqual(strip(findLoops(graph, { limit: 50 })));
      }),
      { numRuns: 100 },
    );
  });
});

describe('a dense random graph of 10,000 nodes and 200,000 edges', () => {
  const index = new ArrayIndex(denseRandomGraph(10_000, 200_000, 7));

  it('answers paths with max length 8 within its budget, shortest first, and says whether it is complete', () => {
    for (const [s, t] of [['n1', 'n2'], ['n17', 'n9999'], ['n500', 'n4000']] as const) {
      const r = findPaths(index, s, t, { rank: 'length', maxLength: 8, limit: 10, maxExpansions: 3_000_000, maxMillis: 20_000 });
      expect(r.stats.expansions).toBeLessThanOrEqual(3_000_000);
      expect(r.complete).toBe(r.stats.stoppedBy === null);
      expect(r.paths.length).toBeGreaterThan(0);
      for (let i = 1; i < r.paths.length; i++) expect(r.paths[i]!.length).toBeGreaterThanOrEqual(r.paths[i - 1]!.length);
      for (const p of r.paths) expect(new Set(p.nodes.map((n) => n.id)).size).toBe(p.nodes.length);
      if (r.complete) expect(r.truncated).toBe(true); // 10 paths exist here; the limit, not the budget, stopped it
    }
  });

  it('stops at the expansion budget and at the time budget with complete: false', () => {
    const byWork = findPaths(index, 'n1', 'n2', { maxLength: 8, limit: 1_000_000, maxExpansions: 100_000 });
    expect(byWork.complete).toBe(false);
    expect(byWork.stats.stoppedBy).toBe('expansions');
    const byTime = findPaths(index, 'n1', 'n2', { maxLength: 8, limit: 1_000_000, maxExpansions: 1e12, maxMillis: 200 });
    expect(byTime.complete).toBe(false);
    expect(byTime.stats.stoppedBy).toBe('time');
    const loops = findLoops(index, { maxLength: 8, limit: 1_000_000, maxExpansions: 200_000 });
    expect(loops.complete).toBe(false);
  });

  it('computes effects over the whole graph in polynomial time', () => {
    const r = effects(index, 'n1', { depth: 8, limit: 5 });
    expect(r.total).toBeGreaterThan(9_000);
    expect(r.effects.length).toBe(5);
  });
});
