/**
 * dominantEffects and the perturbation rules of docs/semantics.md: one test per rule on a small graph,
 * property tests against a brute-force walk enumeration on random signed graphs, and the guarantee that
 * a longer opposite route never flips a direction.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dominantEffects, edgeRecord, edgeRelationOf, effects, EVIDENCE_KIND_NAMES, EVIDENCE_KINDS, explainObservations, findPaths, flowIndex, isBounce, originNode, queryContext, reactionOf, regulators, RELATION_CODES, type DominantEffect, type EvidenceKind, type KnowledgeGraph } from '../../src/index.js';
import { loadGraph } from '../../src/node.js';
import { graphOf } from './yaml-graph.js';
import { buildTestGraph, dominantVerdicts, FLOW_PREDICATES, graphSpec, refEdges, type GraphSpec, type RefWalk } from './random-graph.js';

/** node id -> effect for every reached node. */
function directions(graph: KnowledgeGraph, node: string, direction: 'up' | 'down' = 'up', allRoutes = false): Record<string, string> {
  const r = effects(graph, node, { direction, allRoutes });
  return Object.fromEntries(r.effects.map((e) => [e.node.id, e.effect]));
}

describe('dominantEffects: arguments', () => {
  it('rejects bad options and unknown names, naming the function', () => {
    const g = graphOf(['a increases b']);
    expect(() => dominantEffects(g, 'a', { depth: 0 })).toThrow(/dominantEffects: option depth/);
    expect(() => dominantEffects(g, 'a', { direction: 'sideways' as never })).toThrow(/dominantEffects: option direction/);
    expect(() => dominantEffects(g, 'zzz')).toThrow(/zzz/);
    expect(() => dominantEffects(g, 'a', { targets: ['nope'] })).toThrow(/nope/);
  });
});

describe('dominantEffects: order of the answer', () => {
  it('lists each distance best-supported first, whatever the direction, so a limit keeps the surest effects', () => {
    const g = graphOf(['x increases a established_biochemistry', 'x increases b review_statement', 'x decreases c randomized_trial', 'a increases d', 'c increases e review_statement']);
    const r = dominantEffects(g, 'x');
    expect(r.effects.map((e) => [e.node.id, e.distance, e.effect, e.confidence])).toEqual([
      ['a', 1, 'up', 1],
      ['c', 1, 'down', 0.86],
      ['b', 1, 'up', 0.14],
      ['d', 2, 'up', 1],
      ['e', 2, 'down', 0.14],
    ]);
    // the limit cuts the same order
    expect(dominantEffects(g, 'x', { limit: 2 }).effects.map((e) => e.node.id)).toEqual(['a', 'c']);
  });
});

describe('perturbation rules (docs/semantics.md)', () => {
  it('raising an enzyme lowers its substrate and raises its product and the process it catalyzes', () => {
    const g = graphOf(['e consumes s', 'e produces p', 'e catalyzes r'], { e: 'protein', r: 'biological_process' });
    expect(directions(g, 'e')).toEqual({ s: 'down', p: 'up', r: 'up' });
  });

  it('raising a cofactor raises its enzyme, so the substrate falls and the product rises', () => {
    const g = graphOf(['c cofactor_for e', 'e consumes s', 'e produces p'], { e: 'protein' });
    expect(directions(g, 'c')).toEqual({ e: 'up', s: 'down', p: 'up' });
  });

  it('more substrate raises its product (converted_to)', () => {
    expect(directions(graphOf(['s converted_to p', 'p converted_to q']), 's')).toEqual({ p: 'up', q: 'up' });
  });

  it('more of a consumed substrate drives the reaction: products rise, co-substrates fall, the enzyme itself does not change', () => {
    const g = graphOf(['e consumes s', 'e consumes co', 'e produces p', 'e inhibits x'], { e: 'protein' });
    const r = directions(g, 's');
    expect(r).toEqual({ p: 'up', co: 'down' });
    const route = effects(g, 's').effects.find((x) => x.node.id === 'p')!.paths[0]!;
    expect(route.edges.map((e) => [e.predicate, e.sign, e.reversed ?? false])).toEqual([
      ['consumes', '+', true],
      ['produces', '+', false],
    ]);
  });

  it('a product does not raise its precursors or its enzyme, unless an edge says so (product inhibition)', () => {
    expect(directions(graphOf(['e consumes s', 'e produces p', 'u converted_to p'], { e: 'protein' }), 'p')).toEqual({});
    const inhibited = graphOf(['e consumes s', 'e produces p', 'p inhibits e'], { e: 'protein' });
    expect(directions(inhibited, 'p')).toEqual({ e: 'down', s: 'up' });
  });

  it('a substrate that piles up because its enzyme fell does not drive that same reaction back up', () => {
    const g = graphOf(['e consumes s', 'e consumes co', 'e produces p'], { e: 'protein' });
    expect(directions(g, 'e', 'down')).toEqual({ s: 'up', co: 'up', p: 'down' });
    expect(directions(g, 'e', 'down', true)).toEqual({ s: 'up', co: 'up', p: 'down' });
  });

  it('an enzyme does not lower the product of its own reaction through the substrate it turns into it (one reaction written twice)', () => {
    // e consumes s and makes p, and the same reaction is also written s converted_to p: raising e lowers s
    // because s is being made into p, so "less s, so less p" is no route, and p has only the + route.
    const g = graphOf(['e consumes s', 'e produces p', 's converted_to p', 'p increases q'], { e: 'protein' });
    expect(directions(g, 'e', 'up', true)).toEqual({ s: 'down', p: 'up', q: 'up' });
    const paths = findPaths(g, 'e', 'q', { limit: 100 }).paths;
    expect(paths.map((p) => p.nodes.map((n) => n.id).join(' '))).toEqual(['e p q']);
    // Another enzyme's conversion of s is a real competing route: less s, less of its product r.
    const other = graphOf(['e consumes s', 'e produces p', 's converted_to r'], { e: 'protein' });
    expect(directions(other, 'e')).toEqual({ s: 'down', p: 'up', r: 'down' });
  });

  it('the methyl-folate trap on the curated graph: no route from B12 to THF or DNA synthesis reads the reaction of methionine synthase backwards', () => {
    const curated = loadGraph();
    for (const target of ['tetrahydrofolate', 'dna-synthesis']) {
      const r = findPaths(curated, 'vitamin-b12', target, { limit: 200, maxLength: 7 });
      expect(r.paths.length).toBeGreaterThanOrEqual(3);
      // the pair "methionine synthase consumes 5-methyl-THF, 5-methyl-THF is converted to THF" is that enzyme's own reaction read backwards
      const backwards = r.paths.filter((p) => p.edges.some((e, i) => e.predicate === 'consumes' && !e.reversed && e.target === '5-methyltetrahydrofolate' && p.edges[i + 1]?.predicate === 'converted_to'));
      expect(backwards).toEqual([]);
    }
    const thf = dominantEffects(curated, 'vitamin-b12', { direction: 'down' }).effects.find((e) => e.node.id === 'tetrahydrofolate')!;
    expect(thf.effect).toBe('down');
  });

  it('a conversion cycle does not make its nodes mixed: the shortest route decides', () => {
    // The methionine cycle in miniature: ms consumes hcy and makes met; met -> sam -> sah -> hcy.
    const g = graphOf(['b12 cofactor_for ms', 'ms consumes hcy', 'ms produces met', 'met converted_to sam', 'sam converted_to sah', 'sah converted_to hcy'], {
      ms: 'protein',
    });
    expect(directions(g, 'b12', 'down')).toEqual({ ms: 'down', hcy: 'up', met: 'down', sam: 'down', sah: 'down' });
    // Every route, whatever its length, keeps rule 8 for each node: homocysteine is not lowered round the
    // cycle (ms -> met -> sam -> sah -> hcy carries its own mass back), as `paths b12 hcy` finds no such route.
    expect(directions(g, 'b12', 'down', true)).toEqual({ ms: 'down', hcy: 'up', met: 'down', sam: 'down', sah: 'down' });
  });

  it('a measurement passes nothing on through an association unless associations are asked for', () => {
    const g = graphOf(['x increases serum', 'serum positively_correlated_with disease'], { serum: 'biomarker', disease: 'disease' });
    expect(directions(g, 'x')).toEqual({ serum: 'up' });
    expect(Object.keys(effects(g, 'x', { includeAssociations: true }).effects.map((e) => e.node.id))).toHaveLength(2);
  });

  it('same-length routes of opposite sign: the better-supported one wins, equal support is mixed', () => {
    const stronger = graphOf(['a increases b', 'b increases t', 'a increases c animal_model', 'c decreases t animal_model']);
    const t = dominantEffects(stronger, 'a').effects.find((e) => e.node.id === 't')!;
    expect([t.effect, t.routes, t.confidence]).toEqual(['up', { up: 1, down: 1 }, Math.round((1 - 3 / 7) * 100) / 100]);
    expect(t.up!.weakestEvidence).toBe('established_biochemistry');
    expect(t.down!.weakestEvidence).toBe('animal_model');
    const tie = graphOf(['a increases b', 'b increases t', 'a increases c', 'c decreases t']);
    const m = dominantEffects(tie, 'a').effects.find((e) => e.node.id === 't')!;
    expect([m.effect, m.confidence]).toEqual(['mixed', 0]);
  });

  it('a shorter route beats a longer one of the other sign, whatever their evidence', () => {
    const g = graphOf(['a decreases t animal_model', 'a increases b', 'b increases c', 'c increases t']);
    const t = dominantEffects(g, 'a').effects.find((e) => e.node.id === 't')!;
    expect([t.effect, t.distance, t.routes]).toEqual(['down', 1, { up: 0, down: 1 }]);
    expect(t.up).toEqual({ distance: 3, routes: 1, weakestEvidence: 'established_biochemistry' });
    expect(t.paths.map((p) => [p.sign, p.nodes.map((n) => n.id).join(' ')])).toEqual([
      ['-', 'a t'],
      ['+', 'a b c t'],
    ]);
  });

  it('a route whose edges state no evidence (an imported file) still gives its sign, with confidence 0', () => {
    const g = graphOf(['a increases b']);
    g.addNode('c', { ...g.getNodeAttributes('b'), id: 'c', label: 'c' });
    g.addDirectedEdgeWithKey('b-c', 'b', 'c', edgeRecord({ id: 'b-c', source: 'b', target: 'c', predicate: 'decreases', module: 'm', origin: { file: 't', line: 0 }, evidence: [] }));
    const c = dominantEffects(g, 'a').effects.find((e) => e.node.id === 'c')!;
    expect([c.effect, c.confidence, c.routes]).toEqual(['down', 0, { up: 0, down: 1 }]);
  });

  it('lowering the node flips every direction', () => {
    const g = graphOf(['a increases b', 'b decreases c']);
    expect(directions(g, 'a', 'down')).toEqual({ b: 'down', c: 'up' });
  });
});

describe('rules 5 and 10 are read against each step a node is reached by, not only the first', () => {
  // c and its deficiency cdef are one concept; c's mechanism c -> m1 -> m2 -| y carries the summary cdef -> y
  // (rule 10: c -> cdef -> y is refused). a also lowers cdef, and from a the summary is a route.
  const lines = ['x increases c', 'x increases a', 'c decreases cdef', 'a decreases cdef review_statement', 'cdef increases y review_statement', 'c increases m1', 'm1 increases m2', 'm2 decreases y'];

  it('effects: cdef is reached first from c (the better-supported step), and the route on from it through a still counts', () => {
    const g = graphOf(lines, {}, { cdef: 'c' });
    const y = dominantEffects(g, 'x').effects.find((e) => e.node.id === 'y')!;
    expect([y.effect, y.distance, y.routes]).toEqual(['down', 3, { up: 0, down: 1 }]);
    expect(y.paths.map((p) => p.nodes.map((n) => n.id).join(' > '))).toEqual(['x > a > cdef > y']);
  });

  it('regulators: cdef is reached first by the summary, and c still lowers t through cdef -> w', () => {
    const g = graphOf(['c decreases cdef', 'cdef increases y review_statement', 'cdef increases w review_statement', 'y increases t', 'w increases t', 'c increases m1', 'm1 increases m2', 'm2 decreases y'], {}, { cdef: 'c' });
    const c = (regulators(g, 't').regulators as DominantEffect[]).find((e) => e.node.id === 'c')!;
    expect([c.effect, c.distance, c.routes]).toEqual(['down', 3, { up: 0, down: 1 }]);
    expect(c.paths.map((p) => p.nodes.map((n) => n.id).join(' > '))).toEqual(['c > cdef > w > t']);
  });
});

describe('dominantEffects: budget, targets and routes', () => {
  const chain = graphOf(['a increases b', 'b increases c', 'c increases d', 'd increases e']);

  it('reports only the targets asked for, with or without routes', () => {
    const r = dominantEffects(chain, 'a', { targets: ['d'], routes: false });
    expect(r.effects.map((e) => [e.node.id, e.effect, e.distance, e.paths.length, e.up])).toEqual([['d', 'up', 3, 0, { distance: 3, routes: 1, weakestEvidence: 'established_biochemistry' }]]);
  });

  it('stops at the work budget, says so, and lists only nodes whose answer is final', () => {
    const r = dominantEffects(chain, 'a', { maxExpansions: 2 });
    expect(r.complete).toBe(false);
    expect(r.stats.stoppedBy).toBe('expansions');
    expect(r.effects.length).toBeLessThan(4);
    const full = dominantEffects(chain, 'a');
    for (const e of r.effects) expect(e).toEqual(full.effects.find((x) => x.node.id === e.node.id));
    expect(full.complete).toBe(true);
  });
});

/** The reference: every walk from start (never back through it) of at most `depth` edges, enumerated. */
function bruteForceDominant(spec: GraphSpec, start: number, depth: number, flip: 1 | -1) {
  const edges = refEdges(spec).filter((e) => e.causal);
  const walks: RefWalk[] = [];
  const walk = (u: number, sign: number, length: number, weakest: number) => {
    if (length > 0) walks.push({ v: u, sign, length, weakest });
    if (length === depth) return;
    for (const e of edges) if (e.s === u && e.t !== start) walk(e.t, sign * e.sign, length + 1, Math.min(weakest, e.strength));
  };
  walk(start, 1, 0, Infinity);
  return dominantVerdicts(walks, spec.n, flip);
}

const caseArb = graphSpec(6, 14).chain((spec) =>
  fc.record({ spec: fc.constant(spec), start: fc.integer({ min: 0, max: spec.n - 1 }), depth: fc.integer({ min: 1, max: 5 }), down: fc.boolean() }),
);

function summary(e: DominantEffect) {
  return { effect: e.effect, distance: e.distance, routes: e.routes, confidence: e.confidence };
}

describe('dominantEffects on random signed graphs', () => {
  it('matches a brute-force enumeration of the walks (direction, distance, route counts, confidence)', () => {
    fc.assert(
      fc.property(caseArb, ({ spec, start, depth, down }) => {
        const r = dominantEffects(buildTestGraph(spec), `n${start}`, { depth, direction: down ? 'down' : 'up' });
        const ref = bruteForceDominant(spec, start, depth, down ? -1 : 1);
        const got = new Map(r.effects.filter((e) => e.effect !== 'unknown').map((e) => [e.node.id, summary(e)]));
        expect(Object.fromEntries(got)).toEqual(Object.fromEntries(ref));
        for (const e of r.effects) {
          for (const p of e.paths) {
            // Each route shown is a real route of its sign, as short as that sign's shortest, from the start.
            const side = (p.sign === '+') === (down ? false : true) ? e.up : e.down;
            expect(p.length).toBe(side!.distance);
            expect(p.nodes[0]!.id).toBe(`n${start}`);
            expect(p.nodes.at(-1)!.id).toBe(e.node.id);
          }
          if (e.effect === 'up' || e.effect === 'down') expect((e.paths[0]!.sign === '+') !== down).toBe(e.effect === 'up');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never flips a direction when a longer route of the opposite sign is added', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.integer({ min: 1, max: 3 }), ({ spec, start, depth }, pick, extra) => {
        const before = dominantEffects(buildTestGraph(spec), `n${start}`, { depth: depth + extra + 1 });
        const signed = before.effects.filter((e) => e.effect === 'up' || e.effect === 'down');
        if (signed.length === 0) return;
        const target = signed[pick % signed.length]!;
        // A fresh chain start -> x1 -> ... -> target, longer than the shortest route, with the other sign
        // and the strongest evidence.
        const length = target.distance + extra;
        const graph = buildTestGraph(spec);
        let prev = `n${start}`;
        for (let i = 1; i <= length; i++) {
          const next = i === length ? target.node.id : `x${i}`;
          if (next !== target.node.id) graph.addNode(next, { ...graph.getNodeAttributes(`n${start}`), id: next, label: next });
          const opposite = i === 1 && target.effect === 'up';
          const predicate = opposite ? 'decreases' : 'increases';
          const id = `extra-${i}`;
          graph.addDirectedEdgeWithKey(
            id,
            prev,
            next,
            edgeRecord({ id, source: prev, target: next, predicate, module: 'm', origin: { file: 't', line: 0 }, evidence: [{ source: 's', kind: 'established_biochemistry', stance: 'supports', statement: 'x' }] }),
          );
          prev = next;
        }
        const after = dominantEffects(graph, `n${start}`, { depth: depth + extra + 1 }).effects.find((e) => e.node.id === target.node.id)!;
        expect(after.effect).toBe(target.effect);
        expect(after.distance).toBe(target.distance);
        expect(after.confidence).toBe(target.confidence);
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * The reference on the flow view: every walk from start ('out') or into it ('in') of at most `depth` steps
 * that never passes through start or its reaction twins, takes no step pair rules 5 and 10 refuse (isBounce,
 * checked on each pair of the walk) and keeps rule 8 for its own end from the definition (no production step
 * of a reaction consuming that end followed by mass flow alone into it); walks on edges of at least
 * `minStrength`. One RefWalk per walk, by the real node at its far end.
 */
function bruteForceFlowWalks(graph: KnowledgeGraph, start: number, depth: number, minStrength: number, direction: 'out' | 'in'): RefWalk[] {
  const real = queryContext(graph).index;
  const flow = flowIndex(real);
  const mass = new Set<number>([RELATION_CODES.conversion, RELATION_CODES.consumption, RELATION_CODES.production, RELATION_CODES.catalysis, RELATION_CODES.stimulation]);
  const consuming = (t: number) => {
    const pairs = new Set<string>();
    for (let e = 0; e < real.edgeCount; e++) if (real.edgeTarget(e) === t && edgeRelationOf(real, e) === RELATION_CODES.consumption) pairs.add(`${real.edgeSource(e)}:${reactionOf(real, e)}`);
    return pairs;
  };
  // edges in route order, ending at t
  const refused = (edges: number[], t: number) => {
    const pairs = consuming(t);
    return edges.some((e, i) => edgeRelationOf(flow, e) === RELATION_CODES.production && pairs.has(`${originNode(flow, flow.edgeSource(e))}:${reactionOf(flow, e)}`) && edges.slice(i + 1).every((x) => mass.has(edgeRelationOf(flow, x))));
  };
  const walks: RefWalk[] = [];
  const step = (u: number, sign: number, route: number[], weakest: number) => {
    if (route.length === depth) return;
    const edges = direction === 'out' ? flow.outEdges(u) : flow.inEdges(u);
    for (const e of Array.from(edges)) {
      const v = direction === 'out' ? flow.edgeTarget(e) : flow.edgeSource(e);
      if (!flow.edgeCausal(e) || flow.edgeStrength(e) < minStrength || v === start || originNode(flow, v) === start) continue;
      const next = direction === 'out' ? [...route, e] : [e, ...route];
      if (next.length > 1 && next.some((x, i) => i > 0 && isBounce(flow, next[i - 1]!, x))) continue;
      const w = Math.min(weakest, flow.edgeStrength(e));
      const s = sign * flow.edgeSign(e);
      const end = direction === 'out' ? v : start;
      if (v < real.nodeCount && !refused(next, end)) walks.push({ v, sign: s, length: next.length, weakest: w });
      step(v, s, next, w);
    }
  };
  step(start, 1, [], Infinity);
  return walks;
}

const flowCaseArb = graphSpec(6, 12, false, FLOW_PREDICATES).chain((spec) =>
  fc.record({ spec: fc.constant(spec), start: fc.integer({ min: 0, max: spec.n - 1 }), depth: fc.integer({ min: 1, max: 5 }), min: fc.integer({ min: -1, max: EVIDENCE_KIND_NAMES.length - 1 }) }),
);

describe('dominantEffects and regulators on random graphs with conversions (rules 5, 8 and the reaction twins)', () => {
  const minOf = (min: number) => (min < 0 ? {} : { minEvidence: EVIDENCE_KIND_NAMES[min] as EvidenceKind });
  const strengthOf = (min: number) => (min < 0 ? 0 : EVIDENCE_KINDS[EVIDENCE_KIND_NAMES[min] as EvidenceKind].strength);

  it('effects: matches a brute-force enumeration of the flow view\'s walks, each step pair checked and rule 8 kept for each end', () => {
    fc.assert(
      fc.property(flowCaseArb, ({ spec, start, depth, min }) => {
        const graph = buildTestGraph(spec, FLOW_PREDICATES);
        const r = dominantEffects(graph, `n${start}`, { depth, ...minOf(min) });
        const got = Object.fromEntries(r.effects.filter((e) => e.effect !== 'unknown').map((e) => [e.node.id, summary(e)]));
        const ref = dominantVerdicts(bruteForceFlowWalks(graph, start, depth, strengthOf(min), 'out'), spec.n);
        expect(got).toEqual(Object.fromEntries(ref));
      }),
      { numRuns: 300 },
    );
  });

  it('regulators: the same upstream, with rule 8 for the node asked about', () => {
    fc.assert(
      fc.property(flowCaseArb, ({ spec, start, depth, min }) => {
        const graph = buildTestGraph(spec, FLOW_PREDICATES);
        const r = regulators(graph, `n${start}`, { depth, ...minOf(min) });
        const got = Object.fromEntries((r.regulators as DominantEffect[]).filter((e) => e.effect !== 'unknown').map((e) => [e.node.id, summary(e)]));
        const ref = dominantVerdicts(bruteForceFlowWalks(graph, start, depth, strengthOf(min), 'in'), spec.n);
        expect(got).toEqual(Object.fromEntries(ref));
      }),
      { numRuns: 300 },
    );
  });

  it('hypotheses: the backward screen counts what the forward predictions count (no mismatch)', () => {
    fc.assert(
      fc.property(flowCaseArb, fc.array(fc.tuple(fc.nat(), fc.boolean()), { minLength: 1, maxLength: 3 }), ({ spec, depth, min }, picks) => {
        const graph = buildTestGraph(spec, FLOW_PREDICATES);
        const observations = [...new Map(picks.map(([n, up]) => [`n${n % spec.n}`, up ? ('up' as const) : ('down' as const)])).entries()].map(([node, direction]) => ({ node, direction }));
        const r = explainObservations(graph, observations, { maxDepth: depth, limit: 100, ...minOf(min) });
        expect(r.stats.screenMismatches).toBe(0);
      }),
      { numRuns: 150 },
    );
  });
});
