import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effects, neighbors, regulators, UsageError, type EffectEntry } from '../../src/index.js';
import { curatedGraph } from './curated.js';
import { bruteForceFlowRoutes, bruteForceReach, buildTestGraph, FLOW_PREDICATES, graphSpec, refEdges } from './random-graph.js';

const caseArb = graphSpec(7, 16, true).chain((spec) =>
  fc.record({ spec: fc.constant(spec), start: fc.integer({ min: 0, max: spec.n - 1 }), depth: fc.integer({ min: 1, max: 4 }), includeAssociations: fc.boolean() }),
);

/** Checks entries against the brute-force (node, sign) -> shortest walk length map. */
function checkEntries(entries: EffectEntry[], ref: Map<string, number>, start: number, flip: 1 | -1, upstream: boolean) {
  const expected = new Map<string, { signs: number[]; dist: Map<number, number> }>();
  for (const [k, d] of ref) {
    const [n, s] = k.split(':').map(Number) as [number, number];
    if (n === start) continue;
    const x = expected.get(`n${n}`) ?? { signs: [], dist: new Map() };
    x.signs.push(s);
    x.dist.set(s, d);
    expected.set(`n${n}`, x);
  }
  expect(new Set(entries.map((e) => e.node.id))).toEqual(new Set(expected.keys()));
  for (const entry of entries) {
    const x = expected.get(entry.node.id)!;
    const signed = new Set(x.signs.filter((s) => s !== 0).map((s) => s * flip));
    const kind = signed.size === 2 ? 'mixed' : signed.has(1) ? 'up' : signed.has(-1) ? 'down' : 'unknown';
    expect(entry.effect).toBe(kind);
    expect(entry.distance).toBe(Math.min(...x.dist.values()));
    expect(entry.paths.length).toBe(x.signs.length);
    for (const p of entry.paths) {
      const s = p.sign === '+' ? 1 : p.sign === '-' ? -1 : 0;
      expect(p.length).toBe(x.dist.get(s));
      // a real walk: consecutive edges, from start (downstream) or into start (upstream)
      expect(p.nodes[0]!.id).toBe(upstream ? entry.node.id : `n${start}`);
      expect(p.nodes.at(-1)!.id).toBe(upstream ? `n${start}` : entry.node.id);
      p.edges.forEach((e, i) => {
        expect(e.source).toBe(p.nodes[i]!.id);
        expect(e.target).toBe(p.nodes[i + 1]!.id);
      });
    }
  }
}

describe('effects', () => {
  it('rejects bad options', () => {
    const g = curatedGraph();
    expect(() => effects(g, 'B12', { depth: 0 })).toThrow(/effects: option depth/);
    expect(() => effects(g, 'B12', { direction: 'sideways' as never })).toThrow(UsageError);
  });

  it('--all-routes matches a brute-force simple-path enumeration (signs, mixed, shortest route per sign)', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom('up', 'down' as const), ({ spec, start, depth, includeAssociations }, direction) => {
        const r = effects(buildTestGraph(spec), `n${start}`, { depth, includeAssociations, direction, allRoutes: true });
        // A sign only a walk round a loop gives (a node visited twice) is not listed: paths would not list it.
        checkEntries(r.effects, bruteForceReach(spec, start, depth, false, { includeAssociations }, true), start, direction === 'up' ? 1 : -1, false);
        for (let i = 1; i < r.effects.length; i++) expect(r.effects[i]!.distance).toBeGreaterThanOrEqual(r.effects[i - 1]!.distance);
      }),
      { numRuns: 300 },
    );
  });

  it('on the curated graph: raising B12 lowers homocysteine and raises autophagy; --down flips; limit and depth apply', () => {
    const g = curatedGraph();
    const up = effects(g, 'B12');
    const find = (r: { effects: EffectEntry[] }, id: string) => r.effects.find((e) => e.node.id === id);
    expect(find(up, 'homocysteine')!.paths.some((p) => p.sign === '-')).toBe(true);
    expect(['up', 'mixed']).toContain(find(up, 'autophagy')!.effect);
    const down = effects(g, 'B12', { direction: 'down' });
    const flipped = { up: 'down', down: 'up', mixed: 'mixed', unknown: 'unknown' } as const;
    expect(new Map(down.effects.map((e) => [e.node.id, e.effect]))).toEqual(new Map(up.effects.map((e) => [e.node.id, flipped[e.effect]])));
    expect(effects(g, 'B12', { depth: 1 }).effects.every((e) => e.distance === 1)).toBe(true);
    const limited = effects(g, 'B12', { limit: 2 });
    expect(limited.effects.length).toBe(2);
    expect(limited.truncated).toBe(up.total > 2);
    expect(effects(g, 'B12', { avoid: ['homocysteine'] }).effects.some((e) => e.node.id === 'syntaxin-17')).toBe(false);
  });
});

describe('regulators', () => {
  it('--all-routes matches a brute-force upstream simple-path enumeration', () => {
    fc.assert(
      fc.property(caseArb, ({ spec, start, depth, includeAssociations }) => {
        const r = regulators(buildTestGraph(spec), `n${start}`, { depth, includeAssociations, allRoutes: true });
        checkEntries(r.regulators, bruteForceReach(spec, start, depth, true, { includeAssociations }, true), start, 1, true);
      }),
      { numRuns: 300 },
    );
  });

  it('on the curated graph: homocysteine lowers autophagy, B12 raises it', () => {
    const r = regulators(curatedGraph(), 'autophagy');
    expect(r.regulators.find((e) => e.node.id === 'homocysteine')!.effect).toBe('down');
    expect(['up', 'mixed']).toContain(r.regulators.find((e) => e.node.id === 'vitamin-b12')!.effect);
  });
});

describe('the all-routes views with conversions (the flow view)', () => {
  const flowCases = graphSpec(6, 14, false, FLOW_PREDICATES).chain((spec) => fc.record({ spec: fc.constant(spec), node: fc.integer({ min: 0, max: spec.n - 1 }), depth: fc.integer({ min: 1, max: 5 }) }));
  /** Per node: its net signs and the shortest route of each, from brute-force routes (rules 5 and 8 along the route). */
  const expected = (routes: { key: string; sign: string }[]) => {
    const bySign = new Map<string, number>();
    for (const r of routes) {
      const length = r.key.split(' | ')[1]!.split(' ').length;
      bySign.set(r.sign, Math.min(bySign.get(r.sign) ?? Infinity, length));
    }
    return bySign;
  };
  const listed = (e: EffectEntry) => new Map(e.paths.map((p) => [p.sign, p.length]));

  it('effects --all-routes: each node gets exactly the net signs of the routes into it, each at its shortest', () => {
    fc.assert(
      fc.property(flowCases, ({ spec, node, depth }) => {
        const graph = buildTestGraph(spec, FLOW_PREDICATES);
        const r = effects(graph, `n${node}`, { depth, allRoutes: true });
        expect(r.complete).toBe(true);
        const got = new Map(r.effects.map((e) => [e.node.id, listed(e)]));
        for (let n = 0; n < spec.n; n++) {
          if (n === node) continue;
          const want = expected(bruteForceFlowRoutes(graph, node, n, depth));
          expect(got.get(`n${n}`) ?? new Map(), `n${node} -> n${n}`).toEqual(want);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('regulators --all-routes: each regulator gets exactly the net signs of its routes into the node', () => {
    fc.assert(
      fc.property(flowCases, ({ spec, node, depth }) => {
        const graph = buildTestGraph(spec, FLOW_PREDICATES);
        const r = regulators(graph, `n${node}`, { depth, allRoutes: true });
        expect(r.complete).toBe(true);
        const got = new Map(r.regulators.map((e) => [e.node.id, listed(e)]));
        for (let n = 0; n < spec.n; n++) {
          if (n === node) continue;
          const want = expected(bruteForceFlowRoutes(graph, n, node, depth));
          expect(got.get(`n${n}`) ?? new Map(), `n${n} -> n${node}`).toEqual(want);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('neighbors', () => {
  it('rejects a bad direction', () => {
    expect(() => neighbors(curatedGraph(), 'B12', { direction: 'up' as never })).toThrow(/neighbors: option direction must be one of in, out, both/);
  });

  it('matches a brute-force BFS in every direction', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom('in', 'out', 'both' as const), ({ spec, start, depth }, direction) => {
        const r = neighbors(buildTestGraph(spec), `n${start}`, { depth, direction });
        const edges = refEdges(spec);
        const dist = new Map<number, number>([[start, 0]]);
        for (let d = 1; d <= depth; d++) {
          for (const [u, du] of [...dist]) {
            if (du !== d - 1) continue;
            for (const e of edges) {
              if (direction !== 'in' && e.s === u && !dist.has(e.t)) dist.set(e.t, d);
              if (direction !== 'out' && e.t === u && !dist.has(e.s)) dist.set(e.s, d);
            }
          }
        }
        dist.delete(start);
        expect(new Map(r.nodes.map((n) => [n.id, n.distance]))).toEqual(new Map([...dist].map(([n, d]) => [`n${n}`, d])));
        const inside = new Set([`n${start}`, ...r.nodes.map((n) => n.id)]);
        expect(r.edges.every((e) => inside.has(e.source) && inside.has(e.target))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('on the curated graph: depth, direction and causalOnly apply', () => {
    const g = curatedGraph();
    const out = neighbors(g, 'homocysteine', { direction: 'out' });
    expect(out.nodes.map((n) => n.id)).toContain('syntaxin-17');
    expect(out.nodes.map((n) => n.id)).not.toContain('methionine-synthase');
    const inn = neighbors(g, 'homocysteine', { direction: 'in' });
    expect(inn.nodes.map((n) => n.id)).toContain('methionine-synthase');
    expect(neighbors(g, 'homocysteine', { depth: 2 }).total).toBeGreaterThan(neighbors(g, 'homocysteine').total);
    expect(neighbors(g, 'homocysteine', { causalOnly: true }).edges.every((e) => e.causal)).toBe(true);
  });
});
