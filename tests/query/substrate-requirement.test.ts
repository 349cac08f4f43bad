/**
 * Rule 3 read once (docs/semantics.md, src/query/substrate-requirement.ts): a substrate's requirement edge on its
 * own enzyme, and a reaction the graph states both as a conversion and as its enzyme's arcs, each give one route,
 * not two with the same nodes.
 */
import { describe, expect, it } from 'vitest';
import { findPaths } from '../../src/index.js';
import { graphOf } from './yaml-graph.js';
import { curatedGraph } from './curated.js';

const route = (p: { nodes: { id: string }[] }) => p.nodes.map((n) => n.id).join('>');

describe("a substrate's requirement edge on its enzyme is its entry into the reaction", () => {
  // s is e's substrate and also stated as required for e; e's reaction lowers h; e (the enzyme itself) raises k.
  const g = graphOf(['x increases s', 's required_for e', 'e consumes s', 'e consumes h', 'h increases t', 'e increases k'], { e: 'protein', t: 'disease', k: 'phenotype' });

  it('lists the route through the reaction once', () => {
    expect(findPaths(g, 'x', 't').paths.map(route)).toEqual(['x>s>e>h>t']);
    expect(findPaths(g, 'x', 't').agreement!.routesDown).toBe(1);
  });

  it("keeps the requirement edge's route on to the enzyme's own influence edges", () => {
    expect(findPaths(g, 'x', 'k').paths.map(route)).toEqual(['x>s>e>k']);
  });
});

describe('a reaction drawn both as a conversion and as its enzyme arcs is one step', () => {
  // a -> p is stated twice: a converted_to p, and e consumes a, e produces p; e also consumes the co-substrate c.
  const g = graphOf(['x increases a', 'a converted_to p', 'e consumes a', 'e produces p', 'e consumes c', 'p increases t', 'c increases u'], { e: 'protein', t: 'disease', u: 'disease' });

  it('lists the route once, by the conversion', () => {
    expect(findPaths(g, 'x', 't').paths.map(route)).toEqual(['x>a>p>t']);
  });

  it("keeps the reaction's other arcs (a co-substrate falls as the reaction speeds) and the enzyme's own arcs", () => {
    expect(findPaths(g, 'x', 'u').paths.map(route)).toEqual(['x>a>e>c>u']);
    expect(findPaths(g, 'x', 'u').paths[0]!.sign).toBe('-');
    expect(findPaths(g, 'e', 't').paths.map(route)).toEqual(['e>p>t']);
  });
});

describe('on the curated graph', () => {
  const g = curatedGraph();

  it('no two routes of folate -> homocysteine or methionine -> homocysteine pass through the same nodes', () => {
    for (const [from, to] of [['folate', 'homocysteine'], ['methionine', 'homocysteine'], ['vitamin-b12', 'hepatic-steatosis'], ['propionyl-coa', 'succinyl-coa']] as const) {
      const routes = findPaths(g, from, to, { limit: 100 }).paths.map(route);
      expect(routes.length, `${from} -> ${to}`).toBeGreaterThan(0);
      expect(routes.filter((r, i) => routes.indexOf(r) !== i), `${from} -> ${to}`).toEqual([]);
    }
  });

  it('methionine reaches SAM by its conversion, not again through MAT1A', () => {
    const routes = findPaths(g, 'methionine', 'homocysteine', { limit: 100 }).paths.map(route);
    expect(routes.some((r) => r.startsWith('methionine>mat1a>s-adenosylmethionine'))).toBe(false);
    expect(routes).toContain('methionine>s-adenosylmethionine>s-adenosylhomocysteine>homocysteine');
  });
});
