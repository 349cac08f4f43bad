/** Rule 5 from upstream (docs/semantics.md, src/query/reaction-falls.ts). */
import { describe, expect, it } from 'vitest';
import { effects, findPaths, loadGraphFromFiles, shortestPath } from '../../src/index.js';
import { curatedGraph } from './curated.js';

const route = (p: { nodes: { id: string }[] }) => p.nodes.map((n) => n.id).join('>');

// f (a vitamin) feeds m (a methyl donor) that enzyme e uses to clear h into product p; the trials' summary
// f -| h is also an edge. With `direct`, f also lowers h for a reason of its own (f -| x -> h).
function donorGraph(extra = '') {
  return loadGraphFromFiles([
    { path: 'sources.yaml', text: 'sources:\n  - {id: tb, kind: textbook, title: Textbook}\n  - {id: rct, kind: primary_paper, title: Trial, pmid: "9"}\n' },
    {
      path: 'modules/m.yaml',
      text: `module: {id: m, title: M, summary: M.}
nodes:
  - {id: f, label: F, category: small_molecule, description: d}
  - {id: m, label: M, category: small_molecule, description: d}
  - {id: e, label: E, category: protein, description: d}
  - {id: h, label: H, category: small_molecule, description: d}
  - {id: p, label: P, category: small_molecule, description: d}
  - {id: t, label: T, category: biological_process, description: d}
  - {id: x, label: X, category: biological_process, description: d}
edges:
  - {source: f, predicate: converted_to, target: m, evidence: [{source: tb, kind: established_biochemistry, statement: s}]}
  - {source: e, predicate: consumes, target: m, evidence: [{source: tb, kind: established_biochemistry, statement: s}]}
  - {source: e, predicate: consumes, target: h, evidence: [{source: tb, kind: established_biochemistry, statement: s}]}
  - {source: e, predicate: produces, target: p, evidence: [{source: tb, kind: established_biochemistry, statement: s}]}
  - {source: p, predicate: required_for, target: t, evidence: [{source: tb, kind: established_biochemistry, statement: s}]}
  - {source: f, predicate: decreases, target: h, evidence: [{source: rct, kind: randomized_trial, statement: s}]}
${extra}`,
    },
  ]);
}

describe('a substrate that falls because its reaction sped up does not slow that reaction', () => {
  it('paths: no "less H, so E slows, so less P" after F lowered H by feeding E', () => {
    const g = donorGraph();
    const r = findPaths(g, 'f', 't');
    expect(r.paths.map(route)).toEqual(['f>m>e>p>t']);
    expect(r.agreement!.disagree).toBe(false);
    expect(findPaths(g, 'f', 'p').paths.every((p) => p.sign === '+')).toBe(true);
  });

  it('shortest and effects keep it', () => {
    const g = donorGraph();
    expect(route(shortestPath(g, 'f', 't').path!)).toBe('f>m>e>p>t');
    expect(effects(g, 'f').effects.find((x) => x.node.id === 'p')).toMatchObject({ effect: 'up' });
  });

  it('a cause that lowers the substrate without raising its reaction still slows it', () => {
    // Without f -> m, nothing says F speeds E's reaction: F lowering H does leave less H for E.
    const g = loadGraphFromFiles([
      { path: 'sources.yaml', text: 'sources:\n  - {id: tb, kind: textbook, title: Textbook}\n' },
      {
        path: 'modules/m.yaml',
        text: `module: {id: m, title: M, summary: M.}
nodes:
  - {id: f, label: F, category: small_molecule, description: d}
  - {id: e, label: E, category: protein, description: d}
  - {id: h, label: H, category: small_molecule, description: d}
  - {id: p, label: P, category: small_molecule, description: d}
edges:
  - {source: e, predicate: consumes, target: h, evidence: [{source: tb, kind: established_biochemistry, statement: s}]}
  - {source: e, predicate: produces, target: p, evidence: [{source: tb, kind: established_biochemistry, statement: s}]}
  - {source: f, predicate: decreases, target: h, evidence: [{source: tb, kind: established_biochemistry, statement: s}]}
`,
      },
    ]);
    expect(findPaths(g, 'f', 'p').paths.map((p) => `${p.sign}${route(p)}`)).toEqual(['-f>h>e>p']);
  });
});

describe('on the curated graph', () => {
  const g = curatedGraph();

  it('folate raises DNA synthesis with no rival route through homocysteine driving methionine synthase', () => {
    const r = findPaths(g, 'folate', 'dna-synthesis', { limit: 50 });
    expect(r.paths.length).toBeGreaterThan(0);
    expect(r.paths.every((p) => p.sign === '+')).toBe(true);
    expect(r.paths.some((p) => route(p).startsWith('folate>homocysteine>methionine-synthase'))).toBe(false);
    expect(findPaths(g, 'folate', 'tetrahydrofolate', { limit: 50 }).paths.every((p) => p.sign === '+')).toBe(true);
  });
});
