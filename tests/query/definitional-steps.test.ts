import { describe, expect, it } from 'vitest';
import { explainPaths, findPaths, loadGraphFromFiles, shortestPath } from '../../src/index.js';
import { curatedGraph } from './curated.js';
import { graphOf } from './yaml-graph.js';

const route = (p: { nodes: { id: string }[] }) => p.nodes.map((n) => n.id).join('>');

// a -> m (animal study) -> d (the lesion) -> t (the disease the lesion defines), against a -> x -> t, two
// review statements. Read as a review statement, the defining step made the mechanism lose to the reviews.
function lesionGraph(defining: string, extraNodes = '') {
  return loadGraphFromFiles([
    {
      path: 'sources.yaml',
      text: `sources:
  - {id: rev, kind: review, title: Review}
  - {id: guide, kind: review, title: Practice guidance, doi: 10.1000/guide}
  - {id: mouse, kind: primary_paper, title: Mouse study, pmid: '1'}
  - {id: pop, kind: seed_article, title: Popular article}
`,
    },
    {
      path: 'modules/m.yaml',
      text: `module: {id: m, title: M, summary: M.}
nodes:
  - {id: a, label: A, category: small_molecule, description: d}
  - {id: m, label: M, category: protein, description: d}
  - {id: x, label: X, category: biological_process, description: d}
  - {id: d, label: Lesion, category: phenotype, description: d}
  - {id: t, label: Disease, category: disease, description: d}
${extraNodes}edges:
  - {source: a, predicate: increases, target: m, evidence: [{source: mouse, kind: animal_model, statement: s}]}
  - {source: m, predicate: increases, target: d, evidence: [{source: mouse, kind: animal_model, statement: s}]}
  - {source: d, predicate: contributes_to, target: t, evidence: [${defining}]}
  - {source: a, predicate: increases, target: x, evidence: [{source: rev, kind: review_statement, statement: s}]}
  - {source: x, predicate: contributes_to, target: t, evidence: [{source: rev, kind: review_statement, statement: s}]}
`,
    },
  ]);
}

describe('a step that holds by definition', () => {
  const defined = lesionGraph('{source: guide, kind: definition, statement: the guidance defines the disease by the lesion}');
  const reviewed = lesionGraph('{source: rev, kind: review_statement, statement: the review says the lesion defines the disease}');

  it('is never the weakest link: the mechanism ranks by its animal study, ahead of two review statements', () => {
    expect(findPaths(reviewed, 'a', 't').paths.map(route)).toEqual(['a>x>t', 'a>m>d>t']);
    const r = findPaths(defined, 'a', 't');
    expect(r.paths.map(route)).toEqual(['a>m>d>t', 'a>x>t']);
    expect(r.paths[0]!.weakestEvidence).toBe('animal_model');
    const step = r.paths[0]!.edges[2]!;
    expect(step.definitional).toBe(true);
    expect(r.paths[0]!.edges[0]!.definitional).toBeUndefined();
  });

  it('passes every --min-evidence: a definition is not a weaker design', () => {
    expect(findPaths(reviewed, 'a', 't', { minEvidence: 'animal_model' }).paths).toEqual([]);
    expect(findPaths(defined, 'a', 't', { minEvidence: 'animal_model' }).paths.map(route)).toEqual(['a>m>d>t']);
    expect(shortestPath(defined, 'a', 't', { minEvidence: 'randomized_trial' }).path).toBeNull();
  });

  it('is named in explain with its defining source', () => {
    const text = explainPaths(defined, 'a', 't', { limit: 1 }).text;
    expect(text).toContain('By definition [');
    expect(text).toContain('Practice guidance');
  });

  it('a node and its own state (state_of) are linked by definition, whatever the entries of the link', () => {
    const g = graphOf(['h causes hh review_statement', 'hh contributes_to t animal_model'], { hh: 'disease', t: 'disease' }, { hh: 'h' });
    const r = findPaths(g, 'h', 't');
    expect(r.paths[0]!.weakestEvidence).toBe('animal_model');
    expect(r.paths[0]!.edges[0]!.definitional).toBe(true);
    expect(explainPaths(g, 'h', 't').text).toContain('By definition: hh is the low state of h.');
  });
});

describe('definitional steps on the curated graph', () => {
  const g = curatedGraph();

  it('the syntaxin 17 route from B12 to NAFLD ranks by its animal studies, not by the definition of NAFLD', () => {
    const r = findPaths(g, 'vitamin-b12', 'nafld', { limit: 15 });
    const stx = r.paths.find((p) => route(p) === 'vitamin-b12>methionine-synthase>homocysteine>syntaxin-17>autophagy>hepatic-steatosis>nafld');
    expect(stx).toBeDefined();
    expect(stx!.weakestEvidence).toBe('animal_model');
    expect(stx!.edges.at(-1)!.definitional).toBe(true);
    // It survives a minimum of animal evidence: the defining step does not cut every route into NAFLD.
    const strict = findPaths(g, 'vitamin-b12', 'nafld', { minEvidence: 'animal_model', limit: 30 });
    expect(strict.paths.map(route)).toContain(route(stx!));
  });

  it('B12 -> B12 deficiency and homocysteine -> hyperhomocysteinemia are definitional links', () => {
    const first = (from: string, to: string) => findPaths(g, from, to, { limit: 1 }).paths[0]!.edges[0]!;
    expect(first('vitamin-b12', 'vitamin-b12-deficiency')).toMatchObject({ id: 'vitamin-b12--prevents--vitamin-b12-deficiency', definitional: true });
    expect(first('homocysteine', 'hyperhomocysteinemia')).toMatchObject({ id: 'homocysteine--causes--hyperhomocysteinemia', definitional: true });
  });
});
