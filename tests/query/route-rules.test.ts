/**
 * The route rules that keep mass flow and restated concepts from posing as regulation (docs/semantics.md,
 * perturbation rules 8 and 9): small graphs for each rule, then the curated answers that broke them.
 */
import { describe, expect, it } from 'vitest';
import { explainPaths, findPaths, regulators, shortestPath, type KnowledgeGraph } from '../../src/index.js';
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

describe('the curated graph: B12 and homocysteine', () => {
  const curated = curatedGraph();

  it('every route from B12 to homocysteine lowers it, none goes on round the methionine cycle, and the answer says why', () => {
    const r = findPaths(curated, 'vitamin-b12', 'homocysteine', { limit: 50 });
    expect(r.paths.length).toBeGreaterThan(0);
    expect(r.agreement).toMatchObject({ routesUp: 0, disagree: false, tiedWith: null });
    expect(r.paths.filter((p) => p.nodes.some((n) => n.id === 'methionine'))).toEqual([]);
    expect(r.routeRules.find((x) => x.rule === 'conversion_cycle')!.nodes).toContain('methionine-synthase');
    const e = explainPaths(curated, 'vitamin-b12', 'homocysteine');
    expect(e.agreement!.disagree).toBe(false);
    expect(e.routeRules).toEqual(r.routeRules);
  });
});
