/** Rule 10 (docs/semantics.md, src/query/summary-steps.ts): a state's summary edge does not double its concept's mechanism. */
import { describe, expect, it } from 'vitest';
import { effects, findPaths, loadGraphFromFiles, regulators, shortestPath } from '../../src/index.js';
import { curatedGraph } from './curated.js';

const route = (p: { nodes: { id: string }[] }) => p.nodes.map((n) => n.id).join('>');

// v (a vitamin) with its deficiency d; v -> e (an enzyme) -> h (the metabolite it clears) -> t. The
// deficiency's summary d -> h restates that mechanism; d -> s (a symptom) has no mechanism beside it.
function vitaminGraph(summaryKind: string, mechanismKind = 'established_biochemistry') {
  return loadGraphFromFiles([
    {
      path: 'sources.yaml',
      text: `sources:
  - {id: tb, kind: textbook, title: Textbook}
  - {id: rev, kind: review, title: Review}
  - {id: cohort, kind: primary_paper, title: Cohort, pmid: '7'}
`,
    },
    {
      path: 'modules/m.yaml',
      text: `module: {id: m, title: M, summary: M.}
nodes:
  - {id: v, label: V, category: small_molecule, description: d}
  - {id: d, label: V deficiency, category: disease, description: d, state_of: {node: v, level: low}}
  - {id: e, label: E, category: protein, description: d}
  - {id: h, label: H, category: small_molecule, description: d}
  - {id: t, label: T, category: disease, description: d}
  - {id: s, label: S, category: phenotype, description: d}
edges:
  - {source: v, predicate: prevents, target: d, evidence: [{source: rev, kind: review_statement, statement: s}]}
  - {source: v, predicate: increases, target: e, evidence: [{source: ${mechanismKind === 'review_statement' ? 'rev' : 'tb'}, kind: ${mechanismKind}, statement: s}]}
  - {source: e, predicate: decreases, target: h, evidence: [{source: tb, kind: established_biochemistry, statement: s}]}
  - {source: d, predicate: increases, target: h, evidence: [{source: ${summaryKind === 'observational_human' ? 'cohort' : 'rev'}, kind: ${summaryKind}, statement: s}]}
  - {source: h, predicate: increases, target: t, evidence: [{source: tb, kind: established_biochemistry, statement: s}]}
  - {source: d, predicate: causes, target: s, evidence: [{source: rev, kind: review_statement, statement: s}]}
`,
    },
  ]);
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
