import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { inducedSubgraph, selectByFilter, selectNeighborhood, selectPaths, selectWholeGraph } from '../../src/export/index.js';
import { findPaths } from '../../src/query/index.js';
import { graphFrom } from './graph-fixtures.js';

// a -> b -> c -> d, plus e -| c and an association d ~ f; sources s1 (a->b), s2 (the rest), s3 unused.
function chain() {
  const ev = (source: string) => [{ source, kind: 'animal_model', statement: `per ${source}` }];
  return graphFrom({
    sources: ['s1', 's2', 's3'].map((id) => ({ id, title: id.toUpperCase(), kind: 'review', doi: `10.1000/${id}` })),
    modules: [
      { id: 'm1', title: 'M1', summary: 'first' },
      { id: 'm2', title: 'M2', summary: 'second' },
    ],
    nodes: [
      { id: 'a', label: 'A', category: 'small_molecule', description: 'a', module: 'm1' },
      { id: 'b', label: 'B', category: 'protein', description: 'b', module: 'm1' },
      { id: 'c', label: 'C', category: 'protein', description: 'c', module: 'm2' },
      { id: 'd', label: 'D', category: 'disease', description: 'd', module: 'm2' },
      { id: 'e', label: 'E', category: 'drug', description: 'e', module: 'm2' },
      { id: 'f', label: 'F', category: 'biomarker', description: 'f', module: 'm2' },
    ],
    edges: [
      { source: 'a', predicate: 'increases', target: 'b', evidence: ev('s1'), module: 'm1' },
      { source: 'b', predicate: 'activates', target: 'c', evidence: ev('s2'), module: 'm1' },
      { source: 'c', predicate: 'causes', target: 'd', evidence: ev('s2'), module: 'm2' },
      { source: 'e', predicate: 'inhibits', target: 'c', evidence: ev('s2'), module: 'm2' },
      { source: 'f', predicate: 'biomarker_for', target: 'd', evidence: ev('s2'), module: 'm2' },
    ],
  });
}

const ids = (s: { graph: { nodes(): string[] } }) => s.graph.nodes().sort();

describe('selectNeighborhood', () => {
  it('checks its arguments first', () => {
    const g = chain();
    expect(() => selectNeighborhood(g, [])).toThrow(UsageError);
    expect(() => selectNeighborhood(g, ['a'], { depth: -1 })).toThrow(/selectNeighborhood: option depth must be an integer/);
    expect(() => selectNeighborhood(g, ['a'], { direction: 'up' as never })).toThrow(/option direction must be one of in, out, both/);
    expect(() => selectNeighborhood(g, ['zzz'])).toThrow(/no node named "zzz"/);
  });

  it.each([
    [0, 'both', ['c']],
    [1, 'both', ['b', 'c', 'd', 'e']],
    [1, 'out', ['c', 'd']],
    [1, 'in', ['b', 'c', 'e']],
    [2, 'in', ['a', 'b', 'c', 'e']],
    [2, 'both', ['a', 'b', 'c', 'd', 'e', 'f']],
  ] as const)('depth %i direction %s from C', (depth, direction, expected) => {
    expect(ids(selectNeighborhood(chain(), ['C'], { depth, direction }))).toEqual(expected);
  });

  it('skips associations when asked', () => {
    expect(ids(selectNeighborhood(chain(), ['d'], { depth: 1, includeAssociations: false }))).toEqual(['c', 'd']);
  });

  it('keeps every edge among the selected nodes and only the sources and modules they use', () => {
    const s = selectNeighborhood(chain(), ['a'], { depth: 1 });
    expect(s.graph.edges()).toEqual(['a--increases--b']);
    expect(Object.keys(s.graph.getAttribute('sources'))).toEqual(['s1']);
    expect(Object.keys(s.graph.getAttribute('modules'))).toEqual(['m1']);
  });
});

describe('selectByFilter', () => {
  it('rejects unknown categories and modules, naming the valid ones', () => {
    expect(() => selectByFilter(chain(), { categories: ['spaceship'] })).toThrow(/unknown category "spaceship"; expected one of small_molecule/);
    expect(() => selectByFilter(chain(), { modules: ['m9'] })).toThrow(/unknown module "m9"; the graph has m1, m2/);
    expect(() => selectByFilter(chain(), {})).toThrow(/give categories or modules/);
  });

  it('selects by category, by module, and by both (intersection)', () => {
    expect(ids(selectByFilter(chain(), { categories: ['protein'] }))).toEqual(['b', 'c']);
    expect(ids(selectByFilter(chain(), { modules: ['m1'] }))).toEqual(['a', 'b']);
    expect(ids(selectByFilter(chain(), { categories: ['protein', 'disease'], modules: ['m2'] }))).toEqual(['c', 'd']);
    expect(selectByFilter(chain(), { categories: ['protein'] }).graph.edges()).toEqual(['b--activates--c']);
  });
});

describe('selectPaths', () => {
  it('is the union of the nodes and edges of findPaths, with the paths in order', () => {
    const g = chain();
    const s = selectPaths(g, 'a', 'd', { maxLength: 4 });
    const expected = findPaths(g, 'a', 'd', { maxLength: 4 });
    expect(s.paths).toEqual(expected.paths.map((p) => ({ nodes: p.nodes.map((n) => n.id), edges: p.edges.map((e) => e.id), sign: p.sign })));
    expect(ids(s)).toEqual(['a', 'b', 'c', 'd']);
    expect(s.graph.edges().sort()).toEqual(['a--increases--b', 'b--activates--c', 'c--causes--d']);
    expect(s.title).toBe('A → D');
  });

  it('passes path options through (includeAssociations, avoid)', () => {
    const g = chain();
    expect(selectPaths(g, 'f', 'd').paths).toEqual([]);
    expect(selectPaths(g, 'f', 'd', { includeAssociations: true }).paths).toHaveLength(1);
    expect(selectPaths(g, 'a', 'd', { avoid: ['b'] }).paths).toEqual([]);
  });

  it('keeps the two endpoints when there is no path', () => {
    expect(ids(selectPaths(chain(), 'd', 'a'))).toEqual(['a', 'd']);
  });
});

describe('selectWholeGraph / inducedSubgraph', () => {
  it('copies the graph and trims unused sources', () => {
    const s = selectWholeGraph(chain());
    expect(s.graph.order).toBe(6);
    expect(s.graph.size).toBe(5);
    expect(Object.keys(s.graph.getAttribute('sources')).sort()).toEqual(['s1', 's2']);
  });

  it('refuses nodes that do not exist and edges that leave the node set', () => {
    expect(() => inducedSubgraph(chain(), ['zz'])).toThrow(/inducedSubgraph: no node "zz"/);
    expect(() => inducedSubgraph(chain(), ['a'], ['a--increases--b'])).toThrow(/leaves the selected nodes/);
  });
});
