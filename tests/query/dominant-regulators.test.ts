/**
 * regulators in its default (dominant) view: the dominant-direction rule of effects walked upstream. A brute
 * force over the walks into the node checks it on random signed graphs, and on graphs without cycles it must
 * give, for every regulator u of t, what effects(u) says of t.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dominantEffects, regulators, type DominantEffect } from '../../src/index.js';
import { curatedGraph } from './curated.js';
import { buildTestGraph, dominantVerdicts, graphSpec, refEdges, type GraphSpec, type RefWalk } from './random-graph.js';

/** Every walk into `target` (never through it before the end) of at most `depth` edges, by regulator. */
function bruteForceRegulators(spec: GraphSpec, target: number, depth: number) {
  const edges = refEdges(spec).filter((e) => e.causal);
  const walks: RefWalk[] = [];
  const back = (v: number, sign: number, length: number, weakest: number) => {
    if (length > 0) walks.push({ v, sign, length, weakest });
    if (length === depth) return;
    for (const e of edges) if (e.t === v && e.s !== target) back(e.s, sign * e.sign, length + 1, Math.min(weakest, e.strength));
  };
  back(target, 1, 0, Infinity);
  return dominantVerdicts(walks, spec.n);
}

const summary = (e: DominantEffect) => ({ effect: e.effect, distance: e.distance, routes: e.routes, confidence: e.confidence });
const caseArb = graphSpec(6, 14).chain((spec) => fc.record({ spec: fc.constant(spec), target: fc.integer({ min: 0, max: spec.n - 1 }), depth: fc.integer({ min: 1, max: 5 }) }));

describe('regulators: the dominant direction upstream', () => {
  it('matches a brute-force enumeration of the walks into the node (direction, distance, route counts, confidence)', () => {
    fc.assert(
      fc.property(caseArb, ({ spec, target, depth }) => {
        const r = regulators(buildTestGraph(spec), `n${target}`, { depth });
        expect(r.view).toBe('dominant');
        expect(r.complete).toBe(true);
        const got = new Map((r.regulators as DominantEffect[]).filter((e) => e.effect !== 'unknown').map((e) => [e.node.id, summary(e)]));
        expect(Object.fromEntries(got)).toEqual(Object.fromEntries(bruteForceRegulators(spec, target, depth)));
        for (const e of r.regulators as DominantEffect[]) {
          for (const p of e.paths) {
            // each route shown runs from the regulator into the node, as short as its sign's shortest
            expect(p.nodes[0]!.id).toBe(e.node.id);
            expect(p.nodes.at(-1)!.id).toBe(`n${target}`);
            expect(p.length).toBe((p.sign === '+' ? e.up : e.down)!.distance);
          }
          if (e.effect === 'up' || e.effect === 'down') expect(e.paths[0]!.sign).toBe(e.effect === 'up' ? '+' : '-');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('without cycles, says of every regulator u what effects(u) says of the node', () => {
    const acyclic = caseArb.map(({ spec, target, depth }) => ({ spec: { ...spec, edges: spec.edges.filter((e) => e.s < e.t) }, target, depth }));
    fc.assert(
      fc.property(acyclic, ({ spec, target, depth }) => {
        const g = buildTestGraph(spec);
        for (const e of regulators(g, `n${target}`, { depth }).regulators as DominantEffect[]) {
          const forward = dominantEffects(g, e.node.id, { depth, targets: [`n${target}`] }).effects[0]!;
          expect(summary(forward)).toEqual(summary(e));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('stops at the work budget and says so', () => {
    const r = regulators(curatedGraph(), 'autophagy', { maxExpansions: 3 });
    expect(r.complete).toBe(false);
    expect(r.stats?.stoppedBy).toBe('expansions');
    const full = regulators(curatedGraph(), 'autophagy');
    expect(full.complete).toBe(true);
    for (const e of r.regulators) expect(e).toEqual(full.regulators.find((x) => x.node.id === e.node.id));
  });

  it('on the curated graph: raising B12 lowers homocysteine, folate lowers it, SAH raises it; B12 raises autophagy', () => {
    const g = curatedGraph();
    const hcy = new Map(regulators(g, 'homocysteine').regulators.map((e) => [e.node.id, e.effect]));
    expect(hcy.get('vitamin-b12')).toBe('down');
    expect(hcy.get('folate')).toBe('down');
    expect(hcy.get('s-adenosylhomocysteine')).toBe('up');
    const auto = new Map(regulators(g, 'autophagy').regulators.map((e) => [e.node.id, e.effect]));
    expect(auto.get('homocysteine')).toBe('down');
    expect(auto.get('vitamin-b12')).toBe('up');
  });
});
