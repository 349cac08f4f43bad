import { describe, expect, it } from 'vitest';
import { NameResolutionError, loadGraphFromFiles, resolveNode, searchNodes } from '../../src/index.js';

const graph = loadGraphFromFiles([
  { path: 'sources.yaml', text: 'sources:\n  - {id: s, kind: textbook, title: S}\n' },
  {
    path: 'modules/m.yaml',
    text: `module: {id: m, title: M, summary: M.}
nodes:
  - {id: vitamin-b12, label: vitamin B12, category: small_molecule, description: d, synonyms: [cobalamin], abbreviations: [B12], identifiers: ["CHEBI:30411"]}
  - {id: serum-b12, label: serum vitamin B12, category: biomarker, description: d, abbreviations: [serum B12]}
  - {id: syntaxin-17, label: syntaxin 17, category: protein, description: d, abbreviations: [STX17]}
  - {id: homocysteine, label: homocysteine, category: small_molecule, description: d, abbreviations: [Hcy]}
  - {id: hepatocellular-carcinoma, label: hepatocellular carcinoma, category: disease, description: d, abbreviations: [HCC]}
  - {id: cpt1a, label: CPT1A gene, category: gene, description: d, abbreviations: [CPT1]}
  - {id: cpt1-protein, label: CPT1 protein, category: protein, description: d, abbreviations: [CPT1]}
edges: []
`,
  },
]);

describe('resolveNode', () => {
  it.each([
    ['vitamin B12', 'vitamin-b12'],
    ['b12', 'vitamin-b12'],
    ['B-12', 'vitamin-b12'],
    ['Cobalamin', 'vitamin-b12'],
    ['CHEBI:30411', 'vitamin-b12'],
    ['chebi 30411', 'vitamin-b12'],
    ['stx17', 'syntaxin-17'],
    ['Syntaxin-17', 'syntaxin-17'],
    ['HCY', 'homocysteine'],
    ['serum B12', 'serum-b12'],
    ['vitamin-b12', 'vitamin-b12'],
  ])('resolves %j to %s', (name, id) => {
    expect(resolveNode(graph, name)).toBe(id);
  });

  it('prefers an exact match over partial matches ("B12" is not serum B12)', () => {
    expect(resolveNode(graph, 'B12')).toBe('vitamin-b12');
  });

  it('reports a tie between exact matches as ambiguous, listing both', () => {
    const err = (() => {
      try {
        resolveNode(graph, 'cpt1');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(NameResolutionError);
    expect((err as NameResolutionError).reason).toBe('ambiguous');
    expect((err as NameResolutionError).suggestions.map((s) => s.id).sort()).toEqual(['cpt1-protein', 'cpt1a']);
  });

  it('reports an unknown name with the closest suggestions', () => {
    try {
      resolveNode(graph, 'homocystein');
      throw new Error('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(NameResolutionError);
      const err = e as NameResolutionError;
      expect(err.reason).toBe('unknown');
      expect(err.suggestions[0]!.id).toBe('homocysteine');
      expect(err.message).toContain('did you mean');
    }
  });

  it('treats an empty or punctuation-only name as unknown, not as a match', () => {
    expect(() => resolveNode(graph, '--')).toThrow(NameResolutionError);
  });
});

describe('searchNodes', () => {
  it('ranks exact, then prefix, then substring matches', () => {
    const ids = searchNodes(graph, 'b12').map((h) => h.id);
    expect(ids[0]).toBe('vitamin-b12');
    expect(ids).toContain('serum-b12');
  });

  it('finds near misses by edit distance', () => {
    expect(searchNodes(graph, 'syntaxn')[0]?.id).toBe('syntaxin-17');
  });

  it('finds misspelt and fused names by shared letter trigrams', () => {
    expect(searchNodes(graph, 'hepatocarcinoma')[0]?.id).toBe('hepatocellular-carcinoma');
    expect(searchNodes(graph, 'zzzzzzzz')).toEqual([]);
  });

  it('returns nothing for an empty query', () => {
    expect(searchNodes(graph, '  ')).toEqual([]);
  });
});
