/**
 * The route rules that keep mass flow and restated concepts from posing as regulation (docs/semantics.md,
 * perturbation rules 8 and 9): small graphs for each rule, then the curated answers that broke them.
 */
import { describe, expect, it } from 'vitest';
import { dominantEffects, effects, explainObservations, explainPaths, findLoops, findPaths, regulators, shortestPath, tryLoadGraphFromFiles, type KnowledgeGraph } from '../../src/index.js';
import { graphOf } from './yaml-graph.js';
import { curatedGraph } from './curated.js';

/** Each route as its node ids joined by " > ". */
const routes = (g: KnowledgeGraph, from: string, to: string) => findPaths(g, from, to, { limit: 50, maxLength: 8 }).paths.map((p) => p.nodes.map((n) => n.id).join(' > '));

// The methionine cycle in miniature: ms consumes hcy and makes met; met -> sam -> sah -> hcy; diet raises met.
const CYCLE = ['b12 cofactor_for ms', 'ms consumes hcy', 'ms produces met', 'met converted_to sam', 'sam converted_to sah', 'sah converted_to hcy', 'diet increases met'];

describe('rule 8: a route does not follow the target\'s own conversion round a cycle back to it', () => {
  it('paths from a cofactor to the substrate its enzyme consumes: only the consumption, no "raises" round the cycle', () => {
    const g = graphOf(CYCLE, { ms: 'protein' });
    expect(routes(g, 'b12', 'hcy')).toEqual(['b12 > ms > hcy']);
    const r = findPaths(g, 'b12', 'hcy');
    expect(r.agreement).toMatchObject({ routesUp: 0, routesDown: 1, disagree: false, tiedWith: null });
    expect(r.routeRules).toEqual([{ rule: 'conversion_cycle', nodes: ['ms'], text: expect.stringContaining('not followed') }]);
    expect(r.agreement!.text).toContain(r.routeRules[0]!.text);
  });

  it('the same cycle entered from outside the reaction is a route: more methionine from the diet raises homocysteine', () => {
    const g = graphOf(CYCLE, { ms: 'protein' });
    expect(routes(g, 'diet', 'hcy')).toEqual(['diet > met > sam > sah > hcy']);
    // and a reaction twin (sah drives no reaction here; hcy drives ms) does not reopen the cycle for another target
    expect(routes(g, 'b12', 'sah')).toEqual(['b12 > ms > met > sam > sah']);
  });

  it('a substrate that drives the reaction (its twin) does not carry the product back round either', () => {
    // 5-methyl-THF is ms's co-substrate: it drives ms, which consumes hcy and makes met, which returns to hcy.
    const g = graphOf([...CYCLE, 'ms consumes mthf', 'folate converted_to mthf'], { ms: 'protein' });
    expect(routes(g, 'folate', 'hcy')).toEqual(['folate > mthf > ms > hcy']);
  });

  it('shortest and regulators keep the rule: ms regulates hcy only by consuming it', () => {
    const g = graphOf(CYCLE, { ms: 'protein' });
    // With the consumption step too weak for the threshold, the only route left would be round the cycle.
    const weak = graphOf(['b12 cofactor_for ms', 'ms consumes hcy review_statement', 'ms produces met', 'met converted_to sam', 'sam converted_to sah', 'sah converted_to hcy'], { ms: 'protein' });
    expect(shortestPath(weak, 'b12', 'hcy', { minEvidence: 'established_biochemistry' }).path).toBeNull();
    expect(shortestPath(g, "b12", "hcy").path!.length).toBe(2);
    for (const allRoutes of [false, true]) {
      const effect = Object.fromEntries(regulators(g, 'hcy', { allRoutes }).regulators.map((e) => [e.node.id, e.effect]));
      expect(effect).toMatchObject({ ms: 'down', b12: 'down', met: 'up', diet: 'up' });
    }
  });
});

/** For every node effects --all-routes reports: its listed signs, and the net signs of `paths` from X to it (same max length). */
function allRoutesAgainstPaths(g: KnowledgeGraph, x: string) {
  const r = effects(g, x, { allRoutes: true });
  return r.effects.map((e) => {
    const listed = [...new Set(e.paths.map((p) => p.sign))].sort().join('');
    const p = findPaths(g, x, e.node.id, { maxLength: r.depth, limit: 100_000 });
    return { node: e.node.id, listed, paths: [...new Set(p.paths.map((q) => q.sign))].sort().join(''), complete: p.complete && !p.truncated };
  });
}

describe('rule 8 read along the route: feedback through the product stands, mass alone back to the node does not', () => {
  // ms consumes mthf (weakly supported: --min-evidence drops that step) and makes met; met becomes sam, which
  // inhibits mthfr, which makes mthf (feedback); met also becomes mthf directly (mass alone back to mthf).
  const FEED = ['b12 cofactor_for ms', 'ms consumes hcy', 'ms consumes mthf review_statement', 'ms produces met', 'met converted_to sam', 'sam inhibits mthfr', 'mthfr produces mthf', 'sam converted_to sah', 'sah converted_to hcy', 'mthf required_for ms', 'met converted_to mthf'];
  const g = graphOf(FEED, { ms: 'protein', mthfr: 'protein' });
  const strict = { minEvidence: 'established_biochemistry' as const };

  it('paths and shortest: ms -> met -> sam -| mthfr -> mthf is a route, ms -> met -> mthf is not', () => {
    expect(new Set(routes(g, 'ms', 'mthf'))).toEqual(new Set(['ms > mthf', 'ms > met > sam > mthfr > mthf']));
    expect(findPaths(g, 'ms', 'mthf', strict).paths.map((p) => `${p.sign} ${p.nodes.map((n) => n.id).join(' > ')}`)).toEqual(['- ms > met > sam > mthfr > mthf']);
    expect(shortestPath(g, 'ms', 'mthf', strict).path!.nodes.map((n) => n.id)).toEqual(['ms', 'met', 'sam', 'mthfr', 'mthf']);
    // homocysteine's own mass round the cycle (met -> sam -> sah -> hcy, conversions alone) stays refused
    expect(findPaths(g, 'ms', 'hcy').paths.map((p) => p.nodes.map((n) => n.id).join(' > '))).toEqual(['ms > hcy']);
  });

  it('regulators (both views) count the feedback route: with the consumption step dropped, ms and B12 still lower mthf', () => {
    for (const allRoutes of [false, true]) {
      const effect = Object.fromEntries(regulators(g, 'mthf', { ...strict, allRoutes }).regulators.map((e) => [e.node.id, e.effect]));
      expect(effect, allRoutes ? 'all routes' : 'dominant').toMatchObject({ ms: 'down', b12: 'down', sam: 'down', mthfr: 'up' });
    }
  });

  it('effects, dominantEffects and hypotheses (the screen and its predictions) count it too', () => {
    const fx = Object.fromEntries(effects(g, 'b12', strict).effects.map((e) => [e.node.id, [e.effect, e.distance]]));
    expect(fx.mthf).toEqual(['down', 5]);
    expect(dominantEffects(g, 'ms', { ...strict, targets: ['mthf'] }).effects.map((e) => [e.node.id, e.effect, e.paths[0]!.nodes.map((n) => n.id).join(' > ')])).toEqual([['mthf', 'down', 'ms > met > sam > mthfr > mthf']]);
    const r = explainObservations(g, [{ node: 'mthf', direction: 'down' }, { node: 'sah', direction: 'up' }], { ...strict, limit: 100 });
    expect(r.stats.screenMismatches).toBe(0);
    const ms = r.hypotheses.find((h) => h.node.id === 'ms' && h.direction === 'up')!;
    expect([ms.correct, ms.incorrect, ms.unreached]).toEqual([2, 0, 0]);
  });

  it('loops: the feedback loop through sam and mthfr is one', () => {
    const found = findLoops(g, { limit: 100 }).loops.map((l) => `${l.kind} ${l.nodes.map((n) => n.id).join(' > ')}`);
    expect(new Set(found)).toEqual(new Set(['balancing ms > mthf > ms', 'balancing met > sam > mthfr > mthf > ms > met']));
  });
});

describe('rule 8 in effects --all-routes: every sign listed for a node is a route paths lists into it', () => {
  it('a small cycle with a feedback: raising B12 lowers homocysteine only, and each node agrees with paths', () => {
    // mthf is ms's co-substrate and is required for ms: a loop (ms > mthf > ms) that a walk could go round.
    const g = graphOf([...CYCLE, 'ms consumes mthf', 'mthf required_for ms', 'hcy increases x'], { ms: 'protein' });
    const fx = Object.fromEntries(effects(g, 'b12', { allRoutes: true }).effects.map((e) => [e.node.id, e.effect]));
    // x is consumed by nothing: rule 8 is the target's, so the route on through the cycle and hcy to x stands, in paths too.
    expect(fx).toEqual({ ms: 'up', hcy: 'down', mthf: 'down', met: 'up', sam: 'up', sah: 'up', x: 'mixed' });
    for (const row of allRoutesAgainstPaths(g, 'b12')) expect(row.listed, row.node).toBe(row.paths);
  });

  it('the curated graph: for B12, folate, methotrexate and homocysteine, each node\'s signs are those of paths into it', () => {
    const curated = curatedGraph();
    for (const x of ['vitamin-b12', 'folate', 'methotrexate', 'homocysteine']) {
      const rows = allRoutesAgainstPaths(curated, x);
      expect(rows.length, x).toBeGreaterThan(50);
      for (const row of rows) {
        expect(row.complete, `${x} -> ${row.node}`).toBe(true);
        expect(row.listed, `${x} -> ${row.node}`).toBe(row.paths);
      }
    }
    // upstream the same: each regulator's signs are those of paths from it (5-methyl-THF's regulators include
    // methionine synthase, dhfr and methotrexate, which a walk search alone gave one sign only)
    for (const t of ['homocysteine', '5-methyltetrahydrofolate']) {
      const r = regulators(curated, t, { allRoutes: true });
      for (const e of r.regulators) {
        const p = findPaths(curated, e.node.id, t, { maxLength: r.depth, limit: 100_000 });
        expect(p.complete && !p.truncated).toBe(true);
        expect([...new Set(e.paths.map((q) => q.sign))].sort().join(''), `${e.node.id} -> ${t}`).toBe([...new Set(p.paths.map((q) => q.sign))].sort().join(''));
      }
    }
    // the issue's case: raising B12 no longer also raises homocysteine through methionine synthase -> methionine -> SAM -> SAH
    const hcy = effects(curated, 'vitamin-b12', { allRoutes: true }).effects.find((e) => e.node.id === 'homocysteine')!;
    expect(hcy.effect).toBe('down');
  });
});

describe('rule 8 downstream: effects and hypotheses keep it when the consumption step itself is not followed', () => {
  // The consumption step below the evidence threshold leaves only the way round the cycle into hcy.
  const weak = graphOf(['b12 cofactor_for ms', 'ms consumes hcy review_statement', 'ms produces met', 'met converted_to sam', 'sam converted_to sah', 'sah converted_to hcy'], { ms: 'protein' });
  const strict = { minEvidence: 'established_biochemistry' as const };

  it('effects and dominantEffects: B12 does not raise homocysteine round the methionine cycle', () => {
    const reached = (r: { effects: { node: { id: string }; effect: string }[] }) => Object.fromEntries(r.effects.map((e) => [e.node.id, e.effect]));
    expect(reached(effects(weak, 'b12', strict))).toEqual({ ms: 'up', met: 'up', sam: 'up', sah: 'up' });
    expect(reached(dominantEffects(weak, 'b12', { ...strict, targets: ['hcy', 'sah'] }))).toEqual({ sah: 'up' });
    // without the threshold the consumption step decides it, as before
    expect(reached(effects(weak, 'b12')).hcy).toBe('down');
  });

  it('a reaction that consumes and makes the same node: the production step is as short, and still not a route into it', () => {
    const self = graphOf(['e consumes t', 'e produces t'], { e: 'protein' });
    expect(findPaths(self, 'e', 't').paths.map((p) => p.sign)).toEqual(['-']);
    expect(effects(self, 'e').effects.map((x) => [x.node.id, x.effect])).toEqual([['t', 'down']]);
  });

  it('hypotheses: raising methionine synthase explains SAH, not homocysteine; the screen agrees', () => {
    const r = explainObservations(weak, [{ node: 'hcy', direction: 'up' }, { node: 'sah', direction: 'up' }], { ...strict, limit: 100 });
    expect(r.stats.screenMismatches).toBe(0);
    const ms = r.hypotheses.find((h) => h.node.id === 'ms' && h.direction === 'up')!;
    expect([ms.correct, ms.incorrect, ms.unreached]).toEqual([1, 0, 1]);
    expect(ms.predictions.find((p) => p.node.id === 'hcy')!.predicted).toBeNull();
    // entering the cycle from outside the reaction still explains both
    expect(r.hypotheses.find((h) => h.node.id === 'met' && h.direction === 'up')!.correct).toBe(2);
  });
});

// x and its deficiency xdef are one concept; a, b lead from x back into xdef; xdef and x act on c and e.
const STATE = ['x prevents xdef', 'x increases a', 'a increases b', 'b risk_factor_for xdef', 'xdef increases c', 'xdef increases d', 'd increases x', 'x increases e'];
const states = { xdef: 'x' };

describe('rule 8 in effects (the dominant view): each direction agrees with paths where paths finds one sign only', () => {
  it('the curated graph: for B12, folate, methotrexate, homocysteine and methionine synthase, with and without --min-evidence', () => {
    const curated = curatedGraph();
    for (const [x, opts] of ['vitamin-b12', 'folate', 'methotrexate', 'homocysteine', 'methionine-synthase'].flatMap((n) => [[n, {}] as const, [n, { minEvidence: 'established_biochemistry' as const }] as const])) {
      const r = effects(curated, x, opts);
      let oneSign = 0;
      for (const e of r.effects) {
        const p = findPaths(curated, x, e.node.id, { ...opts, maxLength: r.depth, limit: 100_000 });
        expect(p.complete && !p.truncated, `${x} -> ${e.node.id}`).toBe(true);
        const signs = [...new Set(p.paths.map((q) => q.sign))];
        if (signs.length !== 1 || signs[0] === '?') continue;
        oneSign++;
        expect(e.effect, `${x} -> ${e.node.id} ${JSON.stringify(opts)}`).toBe(signs[0] === '+' ? 'up' : 'down');
      }
      expect(oneSign, `${x} ${JSON.stringify(opts)}`).toBeGreaterThan(opts.minEvidence ? 5 : 20);
    }
  });
});

describe('rule 9: a route does not leave a concept (a node and its deficiency or excess states) and re-enter it', () => {
  it('from X: a route through X\'s own deficiency reached back from elsewhere is circular; the definitional step is not', () => {
    const g = graphOf(STATE, {}, states);
    expect(routes(g, 'x', 'c')).toEqual(['x > xdef > c']);
    // from the deficiency, a route back through X itself is circular too
    expect(routes(g, 'xdef', 'e')).toEqual([]);
    expect(routes(g, 'x', 'xdef')).toEqual(['x > xdef']);
    expect(shortestPath(g, 'a', 'e').path).toBeNull();
  });

  it('without the state marked, the same graph gives the circular routes (the rule reads state_of, not names)', () => {
    const g = graphOf(STATE);
    expect(routes(g, 'x', 'c')).toEqual(['x > xdef > c', 'x > a > b > xdef > c']);
    expect(routes(g, 'xdef', 'e')).toEqual(['xdef > d > x > e']);
  });

  it('effects from X: the deficiency falls, and no longer route raises it back (all routes too)', () => {
    const g = graphOf(STATE, {}, states);
    for (const allRoutes of [false, true]) {
      const effect = Object.fromEntries(effects(g, 'x', { allRoutes }).effects.map((e) => [e.node.id, e.effect]));
      expect(effect).toMatchObject({ xdef: 'down', c: 'down', a: 'up', b: 'up' });
    }
    expect(effects(graphOf(STATE), 'x', { allRoutes: true }).effects.find((e) => e.node.id === 'xdef')!.effect).toBe('mixed');
  });

  it('in the middle and at the end of a route: leaving homocysteine and coming back through its excess state is refused', () => {
    const g = graphOf(['s increases h', 'h causes hh', 'h increases q', 'q increases hh', 'hh increases z', 'hh increases y', 'y increases h'], {}, { hh: 'h' });
    expect(routes(g, 's', 'z')).toEqual(['s > h > hh > z']);
    // into h: the route s > h is direct; s > h ... is the only way, and nothing leaves h's concept and comes back
    expect(routes(g, 's', 'y')).toEqual(['s > h > hh > y']);
    // regulators of h: y acts on h directly; h's excess state hh, and q, reach h only by leaving its concept and coming back
    const regs = (graph: KnowledgeGraph) => Object.fromEntries(regulators(graph, 'h').regulators.map((e) => [e.node.id, e.effect]));
    expect(regs(g)).toEqual({ s: 'up', y: 'up' });
    expect(regs(graphOf(['s increases h', 'h causes hh', 'h increases q', 'q increases hh', 'hh increases z', 'hh increases y', 'y increases h']))).toEqual({ s: 'up', y: 'up', hh: 'up', q: 'up' });
  });
});

// DHFR in miniature: it reduces folic acid (fol) to dhf and dhf to thf; x raises dhf; mtx inhibits dhfr.
const DHFR = ['dhfr consumes fol', 'fol converted_to dhf', 'dhfr consumes dhf', 'dhfr produces thf', 'x increases dhf', 'mtx inhibits dhfr'];
const SECOND = { 'dhfr consumes fol': 'folic-acid-reduction' };

describe('an enzyme with two reactions: only arcs of one reaction are co-substrates', () => {
  it('more dihydrofolate does not use up folate once the folic-acid reduction is its own reaction', () => {
    const effect = (g: KnowledgeGraph) => Object.fromEntries(effects(g, 'x').effects.map((e) => [e.node.id, e.effect]));
    expect(effect(graphOf(DHFR, { dhfr: 'protein' }, {}, SECOND))).toEqual({ dhf: 'up', thf: 'up' });
    // one reaction for both substrates: the wrong sign the curated graph gave (folate falling when B12 rises)
    expect(effect(graphOf(DHFR, { dhfr: 'protein' }))).toEqual({ dhf: 'up', thf: 'up', fol: 'down' });
  });

  it('less enzyme does not raise the product of its own first reaction through the substrate it piles up', () => {
    const g = graphOf(DHFR, { dhfr: 'protein' }, {}, SECOND);
    // mtx lowers dhfr: dhf piles up because dhfr stops using it, not because more folic acid becomes dhf
    expect(findPaths(g, 'mtx', 'dhf').paths.map((p) => p.edges.map((e) => e.id).join(' | '))).toEqual(['mtx--inhibits--dhfr | dhfr--consumes--dhf']);
    expect(shortestPath(g, 'mtx', 'dhf').path!.edges.map((e) => e.id)).toEqual(['mtx--inhibits--dhfr', 'dhfr--consumes--dhf']);
  });

  it('validation warns about successive substrates in one reaction, and rejects a reaction on an edge that is no enzyme arc', () => {
    const load = (reactions: Record<string, string>, lines = DHFR) => {
      try {
        return { ok: true, warnings: [] as string[], graph: graphOf(lines, { dhfr: 'protein' }, {}, reactions) };
      } catch (err) {
        return { ok: false, warnings: [String(err)], graph: null };
      }
    };
    const r = tryLoadGraphFromFiles([
      { path: 'sources.yaml', text: 'sources:\n  - id: t\n    kind: textbook\n    title: T\n' },
      {
        path: 'modules/m.yaml',
        text: `module:\n  id: m\n  title: M\n  summary: Reactions.\nnodes:\n${['e', 'a', 'b', 'c'].map((id) => `  - id: ${id}\n    label: ${id}\n    category: small_molecule\n    description: ${id}.\n`).join('')}edges:\n${[
          ['e', 'consumes', 'a'],
          ['a', 'converted_to', 'b'],
          ['e', 'consumes', 'b'],
        ].map(([s, p, t]) => `  - source: ${s}\n    predicate: ${p}\n    target: ${t}\n    evidence:\n      - source: t\n        kind: established_biochemistry\n        statement: s.\n`).join('')}`,
      },
    ]);
    expect(r.problems.map((p) => `${p.level}:${p.code}:${p.id}`)).toEqual(['warning:successive_substrates:e--consumes--b']);
    expect(load(SECOND).ok).toBe(true);
    expect(load({ 'x increases dhf': 'some-reaction' })).toMatchObject({ ok: false, warnings: [expect.stringMatching(/reaction: names the reaction of an enzyme arc/)] });
  });
});

describe('state_of is validated', () => {
  const load = (nodes: string) =>
    tryLoadGraphFromFiles([
      { path: 'sources.yaml', text: 'sources:\n  - id: t\n    kind: textbook\n    title: T\n' },
      { path: 'modules/m.yaml', text: `module:\n  id: m\n  title: M\n  summary: States.\nnodes:\n${nodes}edges: []\n` },
    ]);
  const node = (id: string, of?: string) => `  - id: ${id}\n    label: ${id}\n    category: disease\n    description: ${id}.\n${of ? `    state_of: { node: ${of}, level: low }\n` : ''}`;
  it.each([
    ['an unknown node', node('a', 'nope'), 'dangling_endpoint', /state_of\.node "nope" is not a node/],
    ['itself', node('a', 'a'), 'invalid_field', /cannot be a state of itself/],
    ['another state', node('a') + node('b', 'a') + node('c', 'b'), 'invalid_field', /"b" is itself a state \(of "a"\)/],
  ])('rejects a state_of naming %s', (_what, nodes, code, message) => {
    const r = load(nodes);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.objectContaining({ level: 'error', code, message: expect.stringMatching(message) })]);
  });
  it('rejects an unknown level and accepts a good one', () => {
    expect(load(node('a') + '  - id: b\n    label: b\n    category: disease\n    description: b.\n    state_of: { node: a, level: middling }\n').ok).toBe(false);
    expect(load(node('a') + node('b', 'a')).ok).toBe(true);
  });
});

describe('the curated graph: B12 and homocysteine', () => {
  const curated = curatedGraph();

  it('every route from B12 to homocysteine lowers it, none goes round the methionine cycle by conversions alone, and the answer says why', () => {
    const r = findPaths(curated, 'vitamin-b12', 'homocysteine', { limit: 50 });
    expect(r.paths.length).toBeGreaterThan(0);
    expect(r.agreement).toMatchObject({ routesUp: 0, disagree: false, tiedWith: null });
    // a route on from methionine is SAM's regulation (it activates CBS, which consumes homocysteine), not its mass coming back
    const onward = r.paths.filter((p) => p.nodes.some((n) => n.id === 'methionine'));
    expect(onward.length).toBeGreaterThan(0);
    for (const p of onward) {
      const after = p.edges.slice(p.nodes.findIndex((n) => n.id === 'methionine'));
      expect(after.some((e) => e.relation !== 'conversion'), p.nodes.map((n) => n.id).join(' > ')).toBe(true);
    }
    expect(r.routeRules.find((x) => x.rule === 'conversion_cycle')!.nodes).toContain('methionine-synthase');
    const e = explainPaths(curated, 'vitamin-b12', 'homocysteine');
    expect(e.agreement!.disagree).toBe(false);
    expect(e.routeRules).toEqual(r.routeRules);
  });

  it('B12: no route passes through B12 deficiency or functional B12 deficiency after leaving B12, and insulin resistance is not a cause of deficiency', () => {
    const b12States = new Set(['vitamin-b12-deficiency', 'functional-b12-deficiency']);
    for (const to of ['nafld', 'homocysteine', 'insulin-resistance']) {
      for (const p of findPaths(curated, 'vitamin-b12', to, { limit: 50 }).paths) {
        const ids = p.nodes.map((n) => n.id);
        // a B12 state may only follow B12 itself, as the route's first step
        ids.forEach((id, i) => { if (b12States.has(id)) expect(i, ids.join(' > ')).toBe(1); });
      }
    }
    expect(curated.hasEdge('insulin-resistance--risk_factor_for--vitamin-b12-deficiency')).toBe(false);
    expect(curated.getEdgeAttribute('insulin-resistance--associated_with--vitamin-b12-deficiency', 'causal')).toBe(false);
  });

  it('raising B12 does not move folate, and methotrexate lowers THF by every route (DHFR\'s two reactions apart)', () => {
    expect(effects(curated, 'vitamin-b12').effects.find((e) => e.node.id === 'folate')).toBeUndefined();
    expect(effects(curated, 'vitamin-b12').effects.find((e) => e.node.id === 'dihydrofolate')!.effect).toBe('up');
    expect(findPaths(curated, 'methotrexate', 'tetrahydrofolate').agreement).toMatchObject({ routesUp: 0, disagree: false });
    expect(curated.getEdgeAttribute('dhfr--consumes--folate', 'reaction')).toBe('folic-acid-reduction');
  });
});


describe('loops keep rules 8 and 9, read for a closed route', () => {
  /** Each loop as its node ids joined by " > " (through a node: starting there), as a set. */
  const loops = (g: KnowledgeGraph, through?: string) => new Set(findLoops(g, { ...(through ? { through } : {}), limit: 1000 }).loops.map((l) => l.nodes.map((n) => n.id).join(' > ')));
  const rotations = (s: Set<string>) => new Set([...s].map((l) => l.split(' > ').slice(0, -1).sort().join(' ')));

  it('rule 8: the methionine cycle is conversion, not a feedback loop; the consumption with its feedback is one', () => {
    // hcy raises ms (a feedback): ms > hcy > ms is a loop; ms > met > sam > sah > hcy > ms carries hcy's own mass round
    const g = graphOf([...CYCLE, 'hcy increases ms'], { ms: 'protein' });
    expect(loops(g, 'ms')).toEqual(new Set(['ms > hcy > ms']));
    expect(loops(g, 'met')).toEqual(new Set());
    expect(rotations(loops(g))).toEqual(new Set(['hcy ms']));
  });

  it('rule 9: a loop passes through a concept in one stretch, and one within a single concept is no loop', () => {
    const lines = ['h increases q', 'q increases hh', 'hh increases y', 'y increases h', 'h causes hh', 'hh decreases h'];
    // h and its excess state hh are one concept: h > q > hh > y > h leaves it, comes back at hh, leaves again;
    // h > hh > h is the definitional link read both ways
    const g = graphOf(lines, {}, { hh: 'h' });
    expect(loops(g, 'h')).toEqual(new Set(['h > q > hh > h', 'h > hh > y > h']));
    expect(rotations(loops(g))).toEqual(rotations(loops(g, 'h')));
    // without the state marked, all four
    expect(loops(graphOf(lines), 'h')).toEqual(new Set(['h > hh > h', 'h > q > hh > h', 'h > hh > y > h', 'h > q > hh > y > h']));
  });
});

describe('hypotheses keep rule 9 at each hypothesis, as its predictions (dominantEffects) do', () => {
  // x and its deficiency xdef are one concept, with no edge between them: x reaches c only by leaving the
  // concept and coming back through xdef, and xdef reaches e only through x.
  const lines = ['x increases a', 'a increases xdef', 'xdef increases c', 'xdef increases d', 'd increases x', 'x increases e', 'p increases a', 'p increases d'];
  const panel = [
    { node: 'c', direction: 'up' as const },
    { node: 'e', direction: 'up' as const },
  ];
  const counts = (g: KnowledgeGraph) => Object.fromEntries(explainObservations(g, panel, { limit: 100 }).hypotheses.map((h) => [`${h.direction} ${h.node.id}`, [h.correct, h.incorrect, h.ambiguous]]));

  it('the screen counts what the forward predictions count: x explains e alone, xdef c alone; nothing mismatches', () => {
    const g = graphOf(lines, {}, { xdef: 'x' });
    const r = explainObservations(g, panel, { limit: 100 });
    expect(r.stats.screenMismatches).toBe(0);
    expect(counts(g)).toMatchObject({ 'up x': [1, 0, 0], 'up xdef': [1, 0, 0], 'up p': [2, 0, 0], 'up a': [2, 0, 0], 'up d': [2, 0, 0] });
    for (const h of r.hypotheses) {
      const fx = dominantEffects(g, h.node.id, { direction: h.direction, depth: r.depth, targets: ['c', 'e'] });
      const ups = fx.effects.filter((e) => e.effect === 'up' && e.node.id !== h.node.id).length;
      expect(h.correct, `${h.direction} ${h.node.id}`).toBe(ups);
    }
    // p raises c and e by routes that never re-enter the concept; it does not act only through x or xdef
    expect(r.hypotheses.find((h) => h.node.id === 'p')!.actsThrough).toBeNull();
  });

  it('parsimony: x acts through m when its only other route to o1 leaves its concept and comes back through xdef', () => {
    const lines2 = ['x increases m', 'm increases p', 'p increases o1', 'm increases o2', 'x increases a', 'a increases xdef', 'xdef increases o1'];
    const obs = [
      { node: 'o1', direction: 'up' as const },
      { node: 'o2', direction: 'up' as const },
    ];
    const via = (g: KnowledgeGraph) => explainObservations(g, obs, { limit: 100 }).hypotheses.find((h) => h.node.id === 'x' && h.direction === 'up')!.actsThrough?.id ?? null;
    expect(via(graphOf(lines2, {}, { xdef: 'x' }))).toBe('m');
    // unmarked, x -> a -> xdef -> o1 is a route as short as the one through m: x does not act only through m
    expect(via(graphOf(lines2))).toBeNull();
  });

  it('without the state marked, x and xdef each explain both (the routes are no longer circular)', () => {
    expect(counts(graphOf(lines))).toMatchObject({ 'up x': [2, 0, 0], 'up xdef': [2, 0, 0] });
  });
});
