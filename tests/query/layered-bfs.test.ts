import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPaths, indexGraph } from '../../src/index.js';
import { Budget } from '../../src/query/budget.js';
import { distancesTo, FAR, signedDistancesTo } from '../../src/query/distances.js';
import { Bidirectional, LayeredBfs } from '../../src/query/layered-bfs.js';
import { queryContext } from '../../src/query/query-input.js';
import { makeTraversal } from '../../src/query/query-options.js';
import { Lease, Stamped, withLease } from '../../src/query/scratch.js';
import { signedReach } from '../../src/query/signed-reach.js';
import { ArrayIndex, denseRandomGraph } from './array-index.js';
import { bruteForcePaths, buildTestGraph, byLength, graphSpec } from './random-graph.js';

const specArb = graphSpec(12, 40);
const noAvoid = { nodes: new Set<number>(), categories: new Set<string>() };

function setup(spec: Parameters<typeof buildTestGraph>[0], includeAssociations: boolean, avoidNode: number | null, keep: number[]) {
  const graph = buildTestGraph(spec);
  const ctx = queryContext(graph);
  const index = indexGraph(graph);
  const avoid = avoidNode === null ? noAvoid : { nodes: new Set([avoidNode]), categories: new Set<string>() };
  const trav = makeTraversal(ctx, { includeAssociations, minStrength: 0, avoid, keep });
  return { index, trav };
}

describe('LayeredBfs (a BFS grown one layer at a time)', () => {
  it('gives exact distances within its depth and depth + 1 (a lower bound) beyond, exact everywhere once done', () => {
    fc.assert(
      fc.property(specArb, fc.nat(), fc.boolean(), fc.boolean(), fc.integer({ min: 0, max: 6 }), (spec, rootSeed, includeAssociations, signed, depth) => {
        const { index, trav } = setup(spec, includeAssociations, null, []);
        const root = rootSeed % index.nodeCount;
        const full = signed ? signedDistancesTo(index, root, trav) : distancesTo(index, root, trav);
        withLease(index, (lease) => {
          const bfs = new LayeredBfs(index, trav, root, 'in', signed, lease, null);
          bfs.ensure(depth);
          for (let x = 0; x < full.length; x++) {
            const exact = full[x]!;
            if (exact <= bfs.depth) expect(bfs.get(x)).toBe(exact);
            else expect(bfs.get(x)).toBe(bfs.done ? FAR : bfs.depth + 1);
            expect(bfs.get(x)).toBeLessThanOrEqual(exact);
          }
          bfs.ensure(FAR);
          expect(bfs.done).toBe(true);
          for (let x = 0; x < full.length; x++) expect(bfs.get(x)).toBe(full[x]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('forward and signed matches the signed reach (effects) search', () => {
    fc.assert(
      fc.property(specArb, fc.nat(), fc.boolean(), (spec, rootSeed, includeAssociations) => {
        const { index, trav } = setup(spec, includeAssociations, null, []);
        const root = rootSeed % index.nodeCount;
        const reach = signedReach(index, root, trav, 'out', FAR, undefined, false);
        withLease(index, (lease) => {
          const bfs = new LayeredBfs(index, trav, root, 'out', true, lease, null);
          bfs.ensure(FAR);
          for (let x = 0; x < index.nodeCount * 3; x++) expect(bfs.get(x)).toBe(reach.dist(x));
        });
      }),
      { numRuns: 200 },
    );
  });

  it('counts every edge it scans on the budget and stops when it runs out', () => {
    const index = new ArrayIndex(denseRandomGraph(2_000, 20_000, 3));
    const trav = makeTraversal(queryContext(index), { includeAssociations: true, minStrength: 0, avoid: noAvoid });
    const budget = new Budget('test', { maxExpansions: 500 });
    withLease(index, (lease) => {
      const bfs = new LayeredBfs(index, trav, 0, 'in', false, lease, budget);
      expect(bfs.ensure(FAR)).toBe(false);
      expect(budget.stoppedBy).toBe('expansions');
      for (let x = 0; x < index.nodeCount; x++) expect(bfs.get(x)).toBeLessThanOrEqual(distancesTo(index, 0, trav)[x]!);
    });
  });
});

describe('Bidirectional (d(s, t) from two searches meeting in the middle)', () => {
  it('finds exactly the plain reverse-BFS distance when it is within the limit, and says more otherwise', () => {
    fc.assert(
      fc.property(specArb, fc.nat(), fc.nat(), fc.boolean(), fc.integer({ min: 1, max: 8 }), fc.option(fc.nat()), (spec, a, b, includeAssociations, limit, avoidSeed) => {
        const graph = buildTestGraph(spec);
        const index = indexGraph(graph);
        const s = a % index.nodeCount;
        const t = b % index.nodeCount;
        if (s === t) return;
        const avoidNode = avoidSeed === null ? null : avoidSeed % index.nodeCount;
        const { trav } = setup(spec, includeAssociations, avoidNode, [s, t]);
        const exact = distancesTo(index, t, trav)[s]!;
        withLease(index, (lease) => {
          const bidi = new Bidirectional(index, trav, s, t, lease, null);
          const d = bidi.meet(limit);
          if (exact <= limit) expect(d).toBe(exact);
          else expect(d).toBeGreaterThan(limit);
          if (exact === FAR) expect(bidi.meet(FAR)).toBe(FAR);
          else expect(bidi.meet(FAR)).toBe(exact);
          // reach(L) leaves a backward ball that is still a valid lower bound everywhere
          bidi.reach(limit);
          const full = distancesTo(index, t, trav);
          for (let x = 0; x < index.nodeCount; x++) expect(bidi.backward.get(x)).toBeLessThanOrEqual(full[x]!);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('agrees with the plain BFS on a dense random graph', () => {
    const index = new ArrayIndex(denseRandomGraph(5_000, 40_000, 11));
    const trav = makeTraversal(queryContext(index), { includeAssociations: false, minStrength: 0, avoid: noAvoid });
    for (let k = 0; k < 40; k++) {
      const s = (k * 7919) % index.nodeCount;
      const t = (k * 104729 + 13) % index.nodeCount;
      if (s === t) continue;
      const exact = distancesTo(index, t, trav)[s]!;
      withLease(index, (lease) => expect(new Bidirectional(index, trav, s, t, lease, null).meet(FAR)).toBe(exact));
    }
  });
});

describe('scratch arrays reused across queries', () => {
  it('Stamped forgets everything on reset, also when the epoch wraps around', () => {
    const a = new Stamped(4);
    a.reset();
    a.set(1, 7);
    expect(a.get(1, -1)).toBe(7);
    a.reset();
    expect(a.get(1, -1)).toBe(-1);
    a.set(2, 5);
    a.epoch = 0xfffffffe;
    a.stamp[3] = 0xffffffff;
    a.reset();
    expect(a.epoch).toBe(1);
    expect([0, 1, 2, 3].map((i) => a.has(i))).toEqual([false, false, false, false]);
  });

  it('two leases on the same index never share an array; released arrays come back clean', () => {
    const owner = {};
    const first = new Lease(owner);
    const x = first.stamped(10);
    x.set(3, 1);
    const second = new Lease(owner);
    const y = second.stamped(10);
    expect(y).not.toBe(x);
    first.release();
    const third = new Lease(owner);
    const z = third.stamped(10);
    expect(z).toBe(x);
    expect(z.has(3)).toBe(false);
  });

  it('many queries on one graph (reused, dirty arrays) answer exactly as each query on a fresh copy', () => {
    const queryArb = fc.record({
      ends: fc.tuple(fc.nat(), fc.nat()),
      maxLength: fc.integer({ min: 1, max: 6 }),
      limit: fc.integer({ min: 1, max: 20 }),
      sign: fc.constantFrom(undefined, '+', '-', '?'),
      via: fc.option(fc.nat(), { nil: undefined }),
      avoid: fc.option(fc.nat(), { nil: undefined }),
      rank: fc.constantFrom('length', 'evidence' as const),
      includeAssociations: fc.boolean(),
    });
    fc.assert(
      fc.property(specArb, fc.array(queryArb, { minLength: 2, maxLength: 8 }), (spec, queries) => {
        const shared = buildTestGraph(spec);
        for (const q of queries) {
          const s = q.ends[0] % spec.n;
          const t = q.ends[1] % spec.n;
          if (s === t) continue;
          const via = q.via === undefined ? undefined : [`n${q.via % spec.n}`];
          const avoid = q.avoid === undefined || [s, t, q.via === undefined ? -1 : q.via % spec.n].includes(q.avoid % spec.n) ? undefined : [`n${q.avoid % spec.n}`];
          const options = { maxLength: q.maxLength, limit: q.limit, sign: q.sign, via, avoid, rank: q.rank, includeAssociations: q.includeAssociations };
          const reused = findPaths(shared, `n${s}`, `n${t}`, options);
          const fresh = findPaths(buildTestGraph(spec), `n${s}`, `n${t}`, options);
          expect(reused).toEqual(fresh);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('findPaths shortcuts near the target (hubs)', () => {
  // Hubs: one node with many out-edges, so the last-step (via the target's in-edges) and two-step
  // (index of edges into the target's in-neighbours) shortcuts run; the result must not change.
  const hubSpec = fc.integer({ min: 4, max: 8 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      hub: fc.integer({ min: 0, max: n - 1 }),
      edges: fc.array(
        fc.record({ s: fc.integer({ min: 0, max: n - 1 }), t: fc.integer({ min: 0, max: n - 1 }), p: fc.integer({ min: 0, max: 5 }), k: fc.integer({ min: 0, max: 6 }) }),
        { minLength: 10, maxLength: 30 },
      ),
      hubEdges: fc.array(fc.record({ t: fc.integer({ min: 0, max: n - 1 }), p: fc.integer({ min: 0, max: 5 }), k: fc.integer({ min: 0, max: 6 }) }), { minLength: 17, maxLength: 30 }),
    }),
  );
  it('returns exactly the brute-force paths on graphs with hubs', () => {
    fc.assert(
      fc.property(hubSpec, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 4 }), fc.boolean(), fc.constantFrom(undefined, '+', '-'), (h, a, b, maxLength, includeAssociations, sign) => {
        const spec = { n: h.n, edges: [...h.edges, ...h.hubEdges.map((e) => ({ ...e, s: h.hub }))].filter((e) => e.s !== e.t) };
        const s = a % 2 === 0 ? h.hub : a % h.n;
        const t = b % h.n;
        if (s === t) return;
        const graph = buildTestGraph(spec);
        const r = findPaths(graph, `n${s}`, `n${t}`, { rank: 'length', maxLength, limit: 1_000_000, includeAssociations, sign });
        const ref = bruteForcePaths(spec, s, t, maxLength, { includeAssociations }).filter((p) => sign === undefined || p.sign === sign).sort(byLength);
        expect(r.complete).toBe(true);
        expect(r.paths.map((p) => p.edges.map((e) => e.id).join('\u0000'))).toEqual(ref.map((p) => p.key));
      }),
      { numRuns: 300 },
    );
  });
});
