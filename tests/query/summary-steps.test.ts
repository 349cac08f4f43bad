/** Rule 10 (docs/semantics.md, src/query/summary-steps.ts): a state's summary edge does not double its concept's mechanism. */
import { describe, expect, it } from 'vitest';
import { effects, findPaths, regulators, shortestPath } from '../../src/index.js';
import { graphOf } from './yaml-graph.js';
import { curatedGraph } from './curated.js';

const route = (p: { nodes: { id: string }[] }) => p.nodes.map((n) => n.id).join('>');

// v (a vitamin) with its deficiency d; v -> e (an enzyme) -> h (the metabolite it clears) -> t. The
// deficiency's summary d -> h restates that mechanism; d -> s (a symptom) has no mechanism beside it.
function vitaminGraph(summaryKind: string, mechanismKind = 'established_biochemistry') {
  return graphOf(
    ['v prevents d review_statement', `v increases e ${mechanismKind}`, 'e decreases h', `d increases h ${summaryKind}`, 'h increases t', 'd causes s review_statement'],
    { d: 'disease', e: 'protein', t: 'disease', s: 'phenotype' },
    { d: 'v' },
  );
}

describe("rule 10: a summary edge of a state does not repeat its concept's mechanism", () => {
  const g = vitaminGraph('review_statement');

  it('paths lists the mechanism once, not again through the deficiency', () => {
    expect(findPaths(g, 'v', 't').paths.map(route)).toEqual(['v>e>h>t']);
    expect(findPaths(g, 'v', 'h').paths.map(route)).toEqual(['v>e>h']);
    expect(findPaths(g, 'v', 't').agreement!.routesDown).toBe(1);
  });

  it('keeps a summary no mechanism carries, and every route that starts at the state itself', () => {
    expect(findPaths(g, 'v', 's').paths.map(route)).toEqual(['v>d>s']);
    expect(findPaths(g, 'd', 't').paths.map(route)).toEqual(['d>h>t']);
  });

  it('keeps a summary whose evidence is stronger than the mechanism it restates', () => {
    // Mechanism established biochemistry (7), summary a cohort (4): folded.
    expect(findPaths(vitaminGraph('observational_human'), 'v', 't').paths.map(route)).toEqual(['v>e>h>t']);
    // Mechanism resting on a review statement (1), summary a cohort (4): the cohort adds what the mechanism lacks.
    expect(findPaths(vitaminGraph('observational_human', 'review_statement'), 'v', 't').paths.map(route)).toEqual(['v>d>h>t', 'v>e>h>t']);
  });

  it('shortest, effects and regulators keep it too', () => {
    expect(route(shortestPath(g, 'v', 'h').path!)).toBe('v>e>h');
    const h = effects(g, 'v').effects.find((x) => x.node.id === 'h');
    expect(h).toMatchObject({ effect: 'down', distance: 2 });
    const vOnT = regulators(g, 't').regulators.find((x) => x.node.id === 'v');
    expect(vOnT).toMatchObject({ effect: 'down', distance: 3 });
  });
});

describe('rule 10 on the curated graph', () => {
  const g = curatedGraph();

  it('B12 -> NAFLD lists each mechanism once: no route re-told through B12 deficiency -> homocysteine', () => {
    const r = findPaths(g, 'vitamin-b12', 'nafld', { limit: 40 });
    const routes = r.paths.map(route);
    expect(routes.some((x) => x.startsWith('vitamin-b12>vitamin-b12-deficiency>homocysteine'))).toBe(false);
    expect(routes).toContain('vitamin-b12>methionine-synthase>homocysteine>syntaxin-17>autophagy>hepatic-steatosis>nafld');
    // The human association stays: its observational evidence is more than the animal mechanisms have.
    expect(routes).toContain('vitamin-b12>vitamin-b12-deficiency>nafld');
    expect(new Set(routes).size).toBe(routes.length);
  });

  it('a summary with better evidence than the mechanism stays: B12 deficiency -> anaemia', () => {
    expect(findPaths(g, 'vitamin-b12', 'anemia', { limit: 10 }).paths.map(route)).toContain('vitamin-b12>vitamin-b12-deficiency>anemia');
  });
});
