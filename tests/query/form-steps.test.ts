/** Rule 11 (docs/semantics.md, src/query/form-steps.ts): a concept's own edge is not re-told through its form. */
import { describe, expect, it } from 'vitest';
import { findPaths } from '../../src/index.js';
import { graphOf } from './yaml-graph.js';
import { curatedGraph } from './curated.js';

const route = (p: { nodes: { id: string }[] }) => p.nodes.map((n) => n.id).join('>');

// v (a vitamin) is converted to f, its active form (f is a kind of v); both are cofactor for enzyme e, which
// consumes h; h raises t. g is a second product of v that is not a form of it.
function formGraph(conceptKind = 'established_biochemistry', formKind = 'established_biochemistry') {
  return graphOf(
    ['v converted_to f', 'f subclass_of v', `v cofactor_for e ${conceptKind}`, `f cofactor_for e ${formKind}`, 'e consumes h', 'h increases t', 'f increases k', 'v converted_to g', 'g cofactor_for e'],
    { e: 'protein', t: 'disease', k: 'phenotype' },
  );
}

describe("rule 11: a route does not re-tell a concept's own edge through its form", () => {
  const g = formGraph();

  it('paths lists the step once, by the concept, and keeps conversions into things that are not its forms', () => {
    expect(findPaths(g, 'v', 't').paths.map(route)).toEqual(['v>e>h>t', 'v>g>e>h>t']);
    expect(findPaths(g, 'v', 'h').agreement!.routesDown).toBe(2);
  });

  it("keeps a form's edge the concept lacks, and every route that starts at the form", () => {
    expect(findPaths(g, 'v', 'k').paths.map(route)).toEqual(['v>f>k']);
    expect(findPaths(g, 'f', 't').paths.map(route)).toEqual(['f>e>h>t']);
  });

  it("keeps the form's route when the concept's own edge rests on weaker evidence", () => {
    const weak = formGraph('review_statement');
    expect(findPaths(weak, 'v', 't').paths.map(route).sort()).toEqual(['v>e>h>t', 'v>f>e>h>t', 'v>g>e>h>t']);
  });
});

describe('rule 11 on the curated graph', () => {
  const g = curatedGraph();

  it('B12 reaches methionine synthase and methylmalonyl-CoA mutase once each, not again through methylcobalamin and adenosylcobalamin', () => {
    for (const [to, form] of [['homocysteine', 'methylcobalamin'], ['nafld', 'methylcobalamin'], ['methylmalonic-acid', 'adenosylcobalamin']] as const) {
      const routes = findPaths(g, 'vitamin-b12', to, { limit: 100 }).paths.map(route);
      expect(routes.length, to).toBeGreaterThan(0);
      expect(routes.filter((x) => x.startsWith(`vitamin-b12>${form}>`)), to).toEqual([]);
    }
    expect(findPaths(g, 'vitamin-b12', 'autophagy').paths.map(route)).toEqual(['vitamin-b12>methionine-synthase>homocysteine>syntaxin-17>autophagy']);
  });

  it('the forms keep their own routes', () => {
    expect(findPaths(g, 'methylcobalamin', 'homocysteine').paths.map(route)).toContain('methylcobalamin>methionine-synthase>homocysteine');
    expect(findPaths(g, 'adenosylcobalamin', 'methylmalonic-acid').paths.length).toBeGreaterThan(0);
  });
});
