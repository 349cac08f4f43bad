/** Rule 5 from upstream (docs/semantics.md, src/query/reaction-falls.ts). */
import { describe, expect, it } from 'vitest';
import { effects, findPaths, shortestPath } from '../../src/index.js';
import { graphOf } from './yaml-graph.js';
import { curatedGraph } from './curated.js';

const route = (p: { nodes: { id: string }[] }) => p.nodes.map((n) => n.id).join('>');

// f (a vitamin) feeds m (a methyl donor) that enzyme e uses to clear h into product p; the trials' summary
// f -| h is also an edge.
const CLEARS_H = ['e consumes h', 'e produces p', 'f decreases h randomized_trial'];
const donorGraph = () => graphOf(['f converted_to m', 'e consumes m', ...CLEARS_H, 'p required_for t'], { e: 'protein', t: 'biological_process' });

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
    const g = graphOf(CLEARS_H, { e: 'protein' });
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
