import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPaths, NameResolutionError, UsageError } from '../../src/index.js';
import { curatedGraph } from './curated.js';
import { bruteForceFlowRoutes, bruteForcePaths, buildTestGraph, byEvidence, byLength, FLOW_PREDICATES, graphSpec, type RefPath } from './random-graph.js';

const keyOf = (p: { edges: { id: string }[] }) => p.edges.map((e) => e.id).join('\u0000');
const pair = (n: number) => fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })).filter(([a, b]) => a !== b);
const caseArb = graphSpec().chain((spec) =>
  fc.record({
    spec: fc.constant(spec),
    ends: pair(spec.n),
    maxLength: fc.integer({ min: 1, max: 6 }),
    limit: fc.integer({ min: 1, max: 8 }),
    includeAssociations: fc.boolean(),
    minStrength: fc.constantFrom(0, 3, 5),
  }),
);
const KIND_OF: Record<number, 'animal_model' | 'mendelian_randomization' | undefined> = { 0: undefined, 3: 'animal_model', 5: 'mendelian_randomization' };

describe('findPaths', () => {
  const curated = curatedGraph();

  it('rejects bad options before any work, naming the option', () => {
    expect(() => findPaths(curated, 'B12', 'autophagy', { maxLength: 0 })).toThrow(/findPaths: option maxLength must be an integer/);
    expect(() => findPaths(curated, 'B12', 'autophagy', { limit: 1.5 })).toThrow(UsageError);
    expect(() => findPaths(curated, 'B12', 'autophagy', { rank: 'best' as never })).toThrow(/option rank must be one of length, evidence/);
    expect(() => findPaths(curated, 'B12', 'autophagy', { sign: 'x' })).toThrow(/option sign/);
    expect(() => findPaths(curated, 'B12', 'autophagy', { minEvidence: 'anecdote' as never })).toThrow(/option minEvidence/);
    expect(() => findPaths(curated, 'B12', 'autophagy', { maxExpansions: 0 })).toThrow(/option maxExpansions/);
    expect(() => findPaths(curated, 'B12', 'B12')).toThrow(/same node/);
    expect(() => findPaths(curated, 'B12', 'autophagy', { avoid: ['homocysteine'], via: ['homocysteine'] })).toThrow(/option avoid/);
  });

  it('throws NameResolutionError with suggestions for unknown names', () => {
    expect(() => findPaths(curated, 'vitamin B13', 'autophagy')).toThrow(NameResolutionError);
    try {
      findPaths(curated, 'homocystein', 'autophagy');
    } catch (err) {
      expect((err as NameResolutionError).suggestions.map((s) => s.id)).toContain('homocysteine');
    }
  });

  it('finds the B12 -> methionine synthase -> homocysteine -> syntaxin 17 -> autophagy route with net sign +', () => {
    const r = findPaths(curated, 'B12', 'autophagy');
    expect(r.complete).toBe(true);
    const route = r.paths.find((p) => p.nodes.map((n) => n.id).join(' ') === 'vitamin-b12 methionine-synthase homocysteine syntaxin-17 autophagy');
    expect(route).toBeDefined();
    expect(route!.sign).toBe('+');
    expect(route!.edges.map((e) => e.sign)).toEqual(['+', '-', '-', '+']);
    expect(route!.edges[0]!.evidence.length).toBeGreaterThan(0);
    expect(r.from).toEqual({ id: 'vitamin-b12', label: 'vitamin B12' });
  });

  it('honours each option on the curated graph', () => {
    const all = findPaths(curated, 'B12', 'autophagy', { limit: 100 });
    expect(findPaths(curated, 'B12', 'autophagy', { maxLength: 3 }).paths).toEqual([]);
    expect(findPaths(curated, 'B12', 'autophagy', { sign: '-', limit: 100 }).paths.every((p) => p.sign === '-')).toBe(true);
    expect(findPaths(curated, 'B12', 'autophagy', { sign: '+', limit: 100 }).paths.length).toBe(all.paths.filter((p) => p.sign === '+').length);
    const via = findPaths(curated, 'B12', 'autophagy', { via: ['syntaxin 17'], limit: 100 }).paths;
    expect(via.length).toBeGreaterThan(0);
    expect(via.every((p) => p.nodes.some((n) => n.id === 'syntaxin-17'))).toBe(true);
    expect(findPaths(curated, 'B12', 'autophagy', { avoid: ['homocysteine'], limit: 100 }).paths.every((p) => !p.nodes.some((n) => n.id === 'homocysteine'))).toBe(true);
    const noProteins = findPaths(curated, 'B12', 'autophagy', { avoid: ['protein'], limit: 100 }).paths;
    expect(noProteins.every((p) => p.nodes.slice(1, -1).every((n) => n.category !== 'protein'))).toBe(true);
    const strong = findPaths(curated, 'B12', 'autophagy', { minEvidence: 'observational_human', limit: 100 }).paths;
    expect(strong.every((p) => p.edges.every((e) => e.strength >= 4))).toBe(true);
    expect(findPaths(curated, 'B12', 'autophagy', { limit: 1 }).paths.length).toBeLessThanOrEqual(1);
    const assoc = findPaths(curated, 'B12', 'autophagy', { includeAssociations: true, limit: 100 });
    expect(assoc.paths.length).toBeGreaterThanOrEqual(all.paths.length);
    expect(all.paths.every((p) => p.edges.every((e) => e.causal))).toBe(true);
    const ev = findPaths(curated, 'B12', 'autophagy', { rank: 'evidence', limit: 100 }).paths;
    for (let i = 1; i < ev.length; i++) expect(ev[i - 1]!.score >= ev[i]!.score || ev[i - 1]!.weakestEvidence === ev[i]!.weakestEvidence).toBe(true);
  });

  it('returns exactly the brute-force paths (same signs), shortest first, when neither limit nor budget cut it', () => {
    fc.assert(
      fc.property(caseArb, ({ spec, ends: [s, t], maxLength, includeAssociations, minStrength }) => {
        const graph = buildTestGraph(spec);
        const r = findPaths(graph, `n${s}`, `n${t}`, { rank: 'length', maxLength, limit: 100_000, includeAssociations, minEvidence: KIND_OF[minStrength] });
        const ref = bruteForcePaths(spec, s, t, maxLength, { includeAssociations, minStrength }).sort(byLength);
        expect(r.complete).toBe(true);
        expect(r.truncated).toBe(false);
        expect(r.paths.map((p) => [keyOf(p), p.sign])).toEqual(ref.map((p) => [p.key, p.sign]));
        for (let i = 1; i < r.paths.length; i++) expect(r.paths[i]!.length).toBeGreaterThanOrEqual(r.paths[i - 1]!.length);
      }),
      { numRuns: 300 },
    );
  });

  it('returns the top `limit` of the brute-force ranking for both ranks, with truncated telling whether more exist', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom('length', 'evidence' as const), ({ spec, ends: [s, t], maxLength, limit, includeAssociations }, rank) => {
        const graph = buildTestGraph(spec);
        const r = findPaths(graph, `n${s}`, `n${t}`, { maxLength, limit, includeAssociations, rank });
        const ref = bruteForcePaths(spec, s, t, maxLength, { includeAssociations }).sort(rank === 'length' ? byLength : byEvidence);
        expect(r.paths.map(keyOf)).toEqual(ref.slice(0, limit).map((p: RefPath) => p.key));
        if (!r.truncated) expect(ref.length).toBeLessThanOrEqual(limit);
        if (ref.length > limit) expect(r.truncated).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('names, for each net sign the limit cut off, the best-supported route of that sign: the brute-force best of it', () => {
    fc.assert(
      fc.property(caseArb, ({ spec, ends: [s, t], maxLength, limit, includeAssociations }) => {
        const graph = buildTestGraph(spec);
        const r = findPaths(graph, `n${s}`, `n${t}`, { maxLength, limit, includeAssociations, rank: 'length' });
        if (!r.truncated || !r.agreement) return;
        expect(r.agreement.unlistedChecked).toBe(true);
        const ref = bruteForcePaths(spec, s, t, maxLength, { includeAssociations }).sort(byEvidence);
        for (const sign of ['+', '-'] as const) {
          if (r.paths.some((p) => p.sign === sign)) continue;
          const best = ref.find((p: RefPath) => p.sign === sign);
          const named = r.agreement.unlisted.find((u) => u.sign === sign);
          expect(named ? named.nodes.join(' ') : null).toBe(best ? [`n${s}`, ...best.edges.map((e) => `n${e.t}`)].join(' ') : null);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('filters by net sign, via and avoid exactly like the brute-force reference', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom('+', '-'), fc.nat(), fc.nat(), ({ spec, ends: [s, t], maxLength, includeAssociations }, sign, viaSeed, avoidSeed) => {
        const graph = buildTestGraph(spec);
        const via = viaSeed % spec.n;
        const avoid = avoidSeed % spec.n;
        const all = bruteForcePaths(spec, s, t, maxLength, { includeAssociations }).sort(byLength);
        const signed = findPaths(graph, `n${s}`, `n${t}`, { rank: 'length', maxLength, limit: 100_000, includeAssociations, sign });
        expect(signed.paths.map(keyOf)).toEqual(all.filter((p) => p.sign === sign).map((p) => p.key));
        const viaR = findPaths(graph, `n${s}`, `n${t}`, { rank: 'length', maxLength, limit: 100_000, includeAssociations, via: [`n${via}`] });
        expect(viaR.paths.map(keyOf)).toEqual(all.filter((p) => via === s || p.edges.some((e) => e.t === via)).map((p) => p.key));
        if (avoid !== s && avoid !== t) {
          const avoidR = findPaths(graph, `n${s}`, `n${t}`, { rank: 'length', maxLength, limit: 100_000, includeAssociations, avoid: [`n${avoid}`] });
          expect(avoidR.paths.map(keyOf)).toEqual(all.filter((p) => !p.edges.some((e) => e.t === avoid)).map((p) => p.key));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('with conversions (the flow view): exactly the brute-force routes, rule 8 read along the route', () => {
    const flowCases = graphSpec(6, 14, false, FLOW_PREDICATES).chain((spec) => fc.record({ spec: fc.constant(spec), ends: pair(spec.n), maxLength: fc.integer({ min: 1, max: 6 }) }));
    const routeKey = (p: { nodes: { id: string }[]; edges: { id: string }[] }) => `${p.nodes.map((n) => n.id).join(' ')} | ${p.edges.map((e) => e.id).join(' ')}`;
    let refusedSome = 0;
    fc.assert(
      fc.property(flowCases, ({ spec, ends: [s, t], maxLength }) => {
        const graph = buildTestGraph(spec, FLOW_PREDICATES);
        const r = findPaths(graph, `n${s}`, `n${t}`, { rank: 'length', maxLength, limit: 100_000 });
        const ref = bruteForceFlowRoutes(graph, s, t, maxLength);
        expect(r.complete).toBe(true);
        expect(r.paths.map((p) => `${routeKey(p)} ${p.sign}`).sort()).toEqual(ref.map((x) => `${x.key} ${x.sign}`).sort());
        if (r.routeRules.length > 0) refusedSome++;
      }),
      { numRuns: 400 },
    );
    // the property ran on many graphs where a reaction consumes the target (rule 8 has steps to judge)
    expect(refusedSome).toBeGreaterThan(10);
  });

  it('treats parallel edges as distinct paths', () => {
    const graph = buildTestGraph({ n: 3, edges: [{ s: 0, t: 1, p: 0, k: 0 }, { s: 0, t: 1, p: 1, k: 0 }, { s: 1, t: 2, p: 0, k: 0 }] });
    const r = findPaths(graph, 'n0', 'n2');
    expect(r.paths.map((p) => p.sign).sort()).toEqual(['+', '-']);
  });

  it('says complete: false when the budget cuts the enumeration', () => {
    const r = findPaths(curated, 'B12', 'autophagy', { maxExpansions: 1 });
    expect(r.complete).toBe(false);
    expect(r.stats.stoppedBy).toBe('expansions');
  });
});
