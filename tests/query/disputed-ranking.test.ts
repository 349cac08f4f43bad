import { describe, expect, it } from 'vitest';
import { findPaths, loadGraphFromFiles } from '../../src/index.js';

// Two routes a -> t of equal length and equal evidence strength; the one through "b" (whose edge ids sort
// first) has a step that a cohort disputes. Ranking must put the undisputed route through "c" first.
const graph = loadGraphFromFiles([
  { path: 'sources.yaml', text: 'sources:\n  - {id: s, kind: primary_paper, title: S, doi: 10.1000/fixture}\n' },
  {
    path: 'modules/m.yaml',
    text: `module: {id: m, title: M, summary: M.}
nodes:
  - {id: a, label: A, category: small_molecule, description: d}
  - {id: b, label: B, category: small_molecule, description: d}
  - {id: c, label: C, category: small_molecule, description: d}
  - {id: t, label: T, category: disease, description: d}
edges:
  - {source: a, predicate: increases, target: b, evidence: [{source: s, kind: animal_model, statement: x}]}
  - {source: b, predicate: increases, target: t, evidence: [{source: s, kind: animal_model, statement: x}, {source: s, kind: observational_human, stance: disputes, statement: a cohort saw no link}]}
  - {source: a, predicate: increases, target: c, evidence: [{source: s, kind: animal_model, statement: x}]}
  - {source: c, predicate: increases, target: t, evidence: [{source: s, kind: animal_model, statement: x}]}
`,
  },
]);

describe('findPaths ranking with disputed steps', () => {
  it.each(['length', 'evidence'] as const)('rank %s puts the undisputed route first when strength ties', (rank) => {
    const r = findPaths(graph, 'a', 't', { rank });
    expect(r.paths.map((p) => p.nodes.map((n) => n.id).join('>'))).toEqual(['a>c>t', 'a>b>t']);
    expect(r.paths.map((p) => p.contested)).toEqual([false, true]);
  });

  it('keeps the undisputed route when the limit allows only one', () => {
    expect(findPaths(graph, 'a', 't', { limit: 1 }).paths[0]!.nodes[1]!.id).toBe('c');
  });
});
