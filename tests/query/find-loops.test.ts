import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLoops } from '../../src/index.js';
import { curatedGraph } from './curated.js';
import { bruteForceCycles, buildTestGraph, byLength, graphSpec } from './random-graph.js';

const keyOf = (p: { edges: { id: string }[] }) => p.edges.map((e) => e.id).join('\u0000');
const caseArb = graphSpec(6, 14, true).chain((spec) =>
  fc.record({ spec: fc.constant(spec), maxLength: fc.integer({ min: 1, max: 6 }), includeAssociations: fc.boolean(), through: fc.integer({ min: 0, max: spec.n - 1 }) }),
);

describe('findLoops', () => {
  it('rejects bad options', () => {
    expect(() => findLoops(curatedGraph(), { maxLength: 0 })).toThrow(/findLoops: option maxLength/);
    expect(() => findLoops(curatedGraph(), { sign: 'both' })).toThrow(/findLoops: option sign/);
  });

  it('finds every simple cycle once, with its sign, shortest first (brute force)', () => {
    fc.assert(
      fc.property(caseArb, ({ spec, maxLength, includeAssociations }) => {
        const r = findLoops(buildTestGraph(spec), { maxLength, includeAssociations, limit: 100_000 });
        const ref = bruteForceCycles(spec, maxLength, { includeAssociations }).sort(byLength);
        expect(r.complete).toBe(true);
        expect(r.loops.map((l) => [keyOf(l), l.sign])).toEqual(ref.map((p) => [p.key, p.sign]));
        for (const l of r.loops) {
          expect(l.nodes[0]!.id).toBe(l.nodes.at(-1)!.id);
          expect(l.kind).toBe(l.sign === '+' ? 'reinforcing' : l.sign === '-' ? 'balancing' : 'unknown');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('through NODE returns exactly the cycles that visit it, starting there; the limit keeps the shortest', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 5 }), ({ spec, maxLength, through }, limit) => {
        const r = findLoops(buildTestGraph(spec), { maxLength, through: `n${through}`, limit: 100_000 });
        const ref = bruteForceCycles(spec, maxLength).filter((p) => p.edges.some((e) => e.s === through));
        expect(new Set(r.loops.map((l) => l.edges.map((e) => e.id).sort().join(' ')))).toEqual(new Set(ref.map((p) => p.edges.map((e) => e.id).sort().join(' '))));
        expect(r.loops.every((l) => l.nodes[0]!.id === `n${through}`)).toBe(true);
        const few = findLoops(buildTestGraph(spec), { maxLength, limit });
        const all = bruteForceCycles(spec, maxLength).sort(byLength);
        expect(few.loops.map(keyOf)).toEqual(all.slice(0, limit).map((p) => p.key));
        expect(few.truncated).toBe(all.length > limit || (all.length === limit && few.truncated));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps to its budget', () => {
    const r = findLoops(curatedGraph(), { maxExpansions: 1 });
    expect(r.complete).toBe(false);
  });
});
