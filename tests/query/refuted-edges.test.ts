import { describe, expect, it } from 'vitest';
import { effects, explainObservations, findLoops, findPaths, indexGraph, neighbors, regulators, shortestPath, edgeRefuted } from '../../src/index.js';
import { curatedGraph } from './curated.js';
import { graphOf } from './yaml-graph.js';
import { describeItem } from '../../src/index.js';
import { formatShow } from '../../src/cli/format/format-show.js';

// a -> b -> t is a route whose second step every evidence entry disputes (a trial found no effect): the graph
// records the claim only to say it failed, so no query may use it as a cause. a -> c -> d -> t is a weaker,
// longer route that the evidence supports.
const LINES = ['a increases b', 'b increases t randomized_trial:disputes', 'a increases c review_statement', 'c increases d review_statement', 'd increases t review_statement'];
const graph = () => graphOf(LINES);
const route = (nodes: { id: string }[]) => nodes.map((n) => n.id).join('>');

describe('an edge that its evidence only disputes carries no route', () => {
  it('is what edgeRefuted names: disputed and supported by nothing (an edge with support and a dispute is only contested)', () => {
    const g = graphOf([...LINES, 'a decreases t review_statement,randomized_trial:disputes']);
    const index = indexGraph(g);
    const refuted = Array.from({ length: index.edgeCount }, (_, e) => e).filter((e) => edgeRefuted(index, e)).map((e) => index.edgeId(e));
    expect(refuted).toEqual(['b--increases--t']);
  });

  it('paths and explain skip it, whatever the ranking, and with --include-associations too', () => {
    for (const rank of ['evidence', 'length'] as const) {
      const r = findPaths(graph(), 'a', 't', { rank });
      expect(r.paths.map((p) => route(p.nodes))).toEqual(['a>c>d>t']);
      expect(r.agreement!.text).toMatch(/^The only route found raises it\./);
    }
    expect(findPaths(graph(), 'a', 't', { includeAssociations: true }).paths.map((p) => route(p.nodes))).toEqual(['a>c>d>t']);
    expect(findPaths(graph(), 'b', 't').paths).toEqual([]);
  });

  it('shortest takes the longer supported route', () => {
    expect(route(shortestPath(graph(), 'a', 't').path!.nodes)).toBe('a>c>d>t');
    expect(shortestPath(graph(), 'b', 't').path).toBeNull();
  });

  it('effects and regulators reach t only through the supported route', () => {
    const up = effects(graph(), 'a');
    expect(up.effects.find((x) => x.node.id === 't')).toMatchObject({ effect: 'up', distance: 3 });
    expect(effects(graph(), 'b').effects).toEqual([]);
    const all = effects(graph(), 'a', { allRoutes: true });
    expect(all.effects.find((x) => x.node.id === 't')!.distance).toBe(3);
    const regs = regulators(graph(), 't');
    expect(regs.regulators.map((x) => x.node.id).sort()).toEqual(['a', 'c', 'd']);
  });

  it('loops do not close through it', () => {
    const g = graphOf(['x increases y', 'y increases x randomized_trial:disputes', 'p increases q', 'q decreases p']);
    expect(findLoops(g).loops.map((l) => route(l.nodes))).toEqual(['p>q>p']);
  });

  it('hypotheses do not predict through it', () => {
    const r = explainObservations(graph(), [{ node: 't', direction: 'up' }]);
    expect(r.hypotheses.filter((h) => h.correct > 0).map((h) => `${h.direction} ${h.node.id}`).sort()).toEqual(['up a', 'up c', 'up d']);
  });

  it('neighbors lists it as an edge of the graph, but not with --causal-only', () => {
    expect(neighbors(graph(), 'b').edges.map((e) => e.id)).toContain('b--increases--t');
    expect(neighbors(graph(), 'b', { causalOnly: true }).edges.map((e) => e.id)).toEqual(['a--increases--b']);
  });

  it('show says of it that no route follows it, and of a contested edge only that it is contested', () => {
    const g = graphOf([...LINES, 'a decreases t review_statement,randomized_trial:disputes']);
    expect(formatShow(describeItem(g, 'b--increases--t'))).toContain('(b--increases--t)  REFUTED (nothing supports it: no route follows it)');
    expect(formatShow(describeItem(g, 'a--decreases--t'))).toMatch(/\(a--decreases--t\) {2}CONTESTED\n/);
  });

  it('names no confounder from a confounds edge that nothing supports, nor from a refuted effect of the confounder', () => {
    const confounders = (lines: string[]) => findPaths(graphOf(lines), 'x', 'y').paths[0]!.confounders!.map((c) => c.edge);
    expect(confounders(['c increases x', 'x increases y', 'c confounds y'])).toEqual(['c--confounds--y']);
    expect(confounders(['c increases x', 'x increases y', 'c confounds y review_statement:disputes'])).toEqual([]);
    expect(confounders(['c increases x randomized_trial:disputes', 'x increases y', 'c confounds y'])).toEqual([]);
  });

  it('is still reported as a direct test of the question it fails', () => {
    const g = graphOf(['x increases m', 'm decreases y animal_model', 'x decreases y randomized_trial:disputes'], { y: 'disease' });
    const r = findPaths(g, 'x', 'y');
    expect(r.paths.map((p) => route(p.nodes))).toEqual(['x>m>y']);
    expect(r.directTests.map((x) => [x.edge, x.verdict])).toEqual([['x--decreases--y', 'not_confirmed']]);
  });

  it('leaves the curated graph unchanged: no curated edge is disputed without support', () => {
    const index = indexGraph(curatedGraph());
    const refuted = Array.from({ length: index.edgeCount }, (_, e) => e).filter((e) => edgeRefuted(index, e));
    expect(refuted).toEqual([]);
  });
});
