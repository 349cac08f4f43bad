/**
 * shortestPath: one shortest causal route, checked against a brute-force enumeration on random graphs, on
 * both ways of reading an index (PathIndex methods, and the typed arrays of rawAdjacency), against the
 * route rules of docs/semantics.md, and on the curated graph.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPaths, indexGraph, shortestPath, UsageError, type KnowledgeGraph, type QueryIndex, type RawAdjacency } from '../../src/index.js';
import { ArrayIndex } from './array-index.js';
import { curatedGraph } from './curated.js';
import { graphOf } from './yaml-graph.js';
import { bruteForceFlowRoutes, bruteForcePaths, buildTestGraph, FLOW_PREDICATES, graphSpec, type GraphSpec } from './random-graph.js';

const KIND_OF: Record<number, 'animal_model' | 'mendelian_randomization' | undefined> = { 0: undefined, 3: 'animal_model', 5: 'mendelian_randomization' };

/** The test graph as a plain-array index that also hands out its adjacency as typed arrays. */
class RawArrayIndex extends ArrayIndex {
  private readonly raw: RawAdjacency;
  constructor(spec: GraphSpec | KnowledgeGraph) {
    const index = indexGraph('order' in spec ? spec : buildTestGraph(spec));
    const edges = Array.from({ length: index.edgeCount }, (_, e) => ({ id: index.edgeId(e), s: index.edgeSource(e), t: index.edgeTarget(e), sign: index.edgeSign(e), causal: index.edgeCausal(e), strength: index.edgeStrength(e), relation: index.edgeRelation!(e) }));
    super({ nodes: Array.from({ length: index.nodeCount }, (_, n) => index.nodeSummary(n)), edges });
    const csr = (key: (e: (typeof edges)[number]) => number) => {
      const offsets = new Int32Array(index.nodeCount + 1);
      for (const e of edges) offsets[key(e) + 1]!++;
      for (let n = 0; n < index.nodeCount; n++) offsets[n + 1]! += offsets[n]!;
      const cursor = offsets.slice(0, index.nodeCount);
      const list = new Int32Array(edges.length);
      edges.forEach((e, i) => (list[cursor[key(e)]!++] = i));
      return { offsets, list };
    };
    const out = csr((e) => e.s);
    const inc = csr((e) => e.t);
    this.raw = {
      outOffsets: out.offsets,
      outList: out.list,
      inOffsets: inc.offsets,
      inList: inc.list,
      source: Int32Array.from(edges, (e) => e.s),
      target: Int32Array.from(edges, (e) => e.t),
      causal: Uint8Array.from(edges, (e) => (e.causal ? 1 : 0)),
      strength: Uint8Array.from(edges, (e) => e.strength),
    };
  }
  rawAdjacency(): RawAdjacency {
    return this.raw;
  }
}

const caseArb = graphSpec(8, 20).chain((spec) =>
  fc.record({
    spec: fc.constant(spec),
    ends: fc.tuple(fc.nat(spec.n - 1), fc.nat(spec.n - 1)).filter(([a, b]) => a !== b),
    maxLength: fc.integer({ min: 1, max: 6 }),
    includeAssociations: fc.boolean(),
    minStrength: fc.constantFrom(0, 3, 5),
    avoid: fc.option(fc.nat(spec.n - 1), { nil: undefined }),
  }),
);

describe('shortestPath', () => {
  it('with conversions (the flow view): as short as the shortest brute-force route, rule 8 read along the route', () => {
    const cases = graphSpec(6, 14, false, FLOW_PREDICATES).chain((spec) =>
      fc.record({ spec: fc.constant(spec), a: fc.integer({ min: 0, max: spec.n - 1 }), b: fc.integer({ min: 0, max: spec.n - 1 }), maxLength: fc.integer({ min: 1, max: 6 }) }),
    );
    fc.assert(
      fc.property(cases, ({ spec, a, b, maxLength }) => {
        if (a === b) return;
        const graph = buildTestGraph(spec, FLOW_PREDICATES);
        const ref = bruteForceFlowRoutes(graph, a, b, maxLength).map((x) => x.key.split(' | ')[1]!.split(' ').length);
        const r = shortestPath(graph, `n${a}`, `n${b}`, { maxLength });
        expect(r.complete).toBe(true);
        expect(r.path?.length ?? null).toBe(ref.length ? Math.min(...ref) : null);
      }),
      { numRuns: 400 },
    );
  });

  it('finds a route exactly as short as the shortest simple path, on graphology and on typed arrays alike', () => {
    fc.assert(
      fc.property(caseArb, ({ spec, ends: [a, b], maxLength, includeAssociations, minStrength, avoid }) => {
        const avoidNodes = avoid === undefined || avoid === a || avoid === b ? [] : [avoid];
        const reference = bruteForcePaths(spec, a, b, maxLength, { includeAssociations, minStrength, avoidNodes });
        const shortest = reference.length ? Math.min(...reference.map((p) => p.length)) : null;
        const options = { maxLength, includeAssociations, minEvidence: KIND_OF[minStrength], avoid: avoidNodes.map((n) => `n${n}`) };
        const graph = buildTestGraph(spec);
        const raw: QueryIndex = new RawArrayIndex(spec);
        for (const input of [graph, raw] as (KnowledgeGraph | QueryIndex)[]) {
          const r = shortestPath(input, `n${a}`, `n${b}`, options);
          expect(r.complete).toBe(true);
          expect(r.path?.length ?? null).toBe(shortest);
          if (!r.path) continue;
          // A walk from a to b over allowed edges, through no avoided node, visiting each node once.
          const ids = r.path.nodes.map((n) => n.id);
          expect(ids[0]).toBe(`n${a}`);
          expect(ids[ids.length - 1]).toBe(`n${b}`);
          expect(new Set(ids).size).toBe(ids.length);
          for (const n of avoidNodes) expect(ids).not.toContain(`n${n}`);
          r.path.edges.forEach((e, i) => {
            expect([e.source, e.target]).toEqual([ids[i], ids[i + 1]]);
            expect(includeAssociations || e.causal).toBe(true);
            expect(e.strength).toBeGreaterThanOrEqual(minStrength);
          });
        }
        // The typed-array search meets the same node first: the two answers are the same route.
        expect(shortestPath(raw, `n${a}`, `n${b}`, options).path?.edges.map((e) => e.id)).toEqual(shortestPath(graph, `n${a}`, `n${b}`, options).path?.edges.map((e) => e.id));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the route rules: a walk that reads an enzyme\'s own reaction backwards is no route', () => {
    // e consumes s and makes p, also written s converted_to p. With the weak `e produces p` filtered out,
    // a plain BFS walks e -> s -> p -> q, which is "less s, so less p": rule 5 refuses it, so no route is left.
    const graph = graphOf(['e consumes s', 'e produces p animal_model', 's converted_to p', 'p increases q'], { e: 'protein' });
    const strict = shortestPath(graph, 'e', 'q', { minEvidence: 'established_biochemistry' });
    expect(strict).toMatchObject({ path: null, complete: true });
    expect(findPaths(graph, 'e', 'q', { minEvidence: 'established_biochemistry' }).paths).toEqual([]);
    // Without the filter the real route e -> p -> q is the answer.
    expect(shortestPath(graph, 'e', 'q').path?.nodes.map((n) => n.id)).toEqual(['e', 'p', 'q']);
  });

  it('keeps route rule 8 on typed arrays too: no step out of a reaction that consumes the target and back by conversions alone', () => {
    // e consumes t (weakly supported, so a minimum evidence kind drops that step) and makes p, which becomes t.
    // a -> e -> p -> t follows t's own conversion round to t: refused on graphology and on an index with typed
    // arrays alike (a graph with conversions is searched through its flow view, which keeps the rule).
    const spec = ['a increases e', 'e consumes t review_statement', 'e produces p', 'p converted_to t'];
    // p raising t by an influence instead is regulation through the product (feedback): the route stands.
    const feedback = ['a increases e', 'e consumes t review_statement', 'e produces p', 'p increases t'];
    for (const lines of [spec, feedback]) {
      const graph = graphOf(lines, { e: 'protein' });
      const arrays = new RawArrayIndex(graph);
      for (const input of [graph, arrays] as (KnowledgeGraph | QueryIndex)[]) {
        const strict = shortestPath(input, 'a', 't', { minEvidence: 'established_biochemistry' });
        expect(strict.complete).toBe(true);
        expect(strict.path?.nodes.map((n) => n.id) ?? null).toEqual(lines === spec ? null : ['a', 'e', 'p', 't']);
        expect(shortestPath(input, 'a', 't').path?.nodes.map((n) => n.id)).toEqual(['a', 'e', 't']);
      }
      expect(findPaths(graph, 'a', 't', { minEvidence: 'established_biochemistry' }).paths.length).toBe(lines === spec ? 0 : 1);
    }
  });

  it('says when the work budget cut the search, and rejects bad arguments naming the option', () => {
    const curated = curatedGraph();
    const cut = shortestPath(curated, 'B12', 'autophagy', { maxExpansions: 1 });
    expect(cut).toMatchObject({ path: null, complete: false, stats: { stoppedBy: 'expansions' } });
    expect(() => shortestPath(curated, 'B12', 'B12')).toThrow(/same node/);
    expect(() => shortestPath(curated, 'B12', 'autophagy', { maxLength: 0 })).toThrow(UsageError);
    expect(() => shortestPath(curated, 'B12', 'autophagy', { avoid: ['autophagy'] })).toThrow(/option avoid/);
    expect(() => shortestPath(curated, 'vitamin B13', 'autophagy')).toThrow(/vitamin B13/);
  });

  it('on the curated graph is as short as the shortest route paths ranks first', () => {
    const curated = curatedGraph();
    for (const [from, to] of [['B12', 'autophagy'], ['B12', 'NAFLD'], ['methylmalonyl-CoA', 'lipogenesis'], ['metformin', 'insulin resistance'], ['vitamin-b12', 'dna-synthesis']] as const) {
      const one = shortestPath(curated, from, to);
      const ranked = findPaths(curated, from, to, { rank: 'length', limit: 1 });
      expect(one.path?.length, `${from} -> ${to}`).toBe(ranked.paths[0]?.length);
      expect(one.path?.nodes[0]!.id).toBe(ranked.from.id);
    }
  });
});
