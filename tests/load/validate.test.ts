import { describe, expect, it } from 'vitest';
import { tryLoadGraphFromFiles } from '../../src/index.js';
import type { GraphFile, Problem } from '../../src/index.js';

const SOURCES = `sources:
  - id: src-a
    kind: textbook
    title: A textbook
`;

/** A valid two-node module; tests replace one line to trigger one problem at a known line. */
const MODULE = `module:
  id: mini
  title: Mini
  summary: A two-node module for tests.
nodes:
  - id: alpha
    label: Alpha
    category: small_molecule
    description: First node.
    identifiers: [CHEBI:1]
  - id: beta
    label: Beta
    category: protein
    description: Second node.
edges:
  - source: alpha
    predicate: increases
    target: beta
    evidence:
      - source: src-a
        kind: established_biochemistry
        statement: Alpha raises beta.
`;

function load(module: string, sources = SOURCES): ReturnType<typeof tryLoadGraphFromFiles> {
  const files: GraphFile[] = [
    { path: 'sources.yaml', text: sources },
    { path: 'modules/mini.yaml', text: module },
  ];
  return tryLoadGraphFromFiles(files);
}

function errors(problems: Problem[]): Problem[] {
  return problems.filter((p) => p.level === 'error');
}

describe('tryLoadGraphFromFiles', () => {
  it('loads a valid graph with derived edge attributes', () => {
    const result = load(MODULE);
    expect(result.problems).toEqual([]);
    if (!result.ok) throw new Error('expected a graph');
    expect(result.graph.order).toBe(2);
    const edge = result.graph.getEdgeAttributes('alpha--increases--beta');
    expect(edge).toMatchObject({ sign: '+', causal: true, strength: 7, contested: false, preclinicalOnly: false, module: 'mini' });
    expect(result.graph.getNodeAttribute('alpha', 'origin')).toEqual({ file: 'modules/mini.yaml', line: 6 });
  });

  // Each case edits the valid module so that exactly one kind of problem appears at a known line.
  it.each([
    { code: 'malformed_file', edit: (m: string) => m.replace('  title: Mini', '  title: Mini\n  title: Again'), line: 4, id: undefined },
    { code: 'unknown_category', edit: (m: string) => m.replace('category: protein', 'category: enzyme'), line: 13, id: 'beta' },
    { code: 'unknown_predicate', edit: (m: string) => m.replace('predicate: increases', 'predicate: boosts'), line: 17, id: 'alpha--boosts--beta' },
    { code: 'unknown_evidence_kind', edit: (m: string) => m.replace('kind: established_biochemistry', 'kind: anecdote'), line: 21, id: 'alpha--increases--beta' },
    { code: 'duplicate_id', edit: (m: string) => m.replace('  - id: beta', '  - id: alpha'), line: 11, id: 'alpha' },
    { code: 'dangling_endpoint', edit: (m: string) => m.replace('    target: beta', '    target: gamma'), line: 18, id: 'alpha--increases--gamma' },
    { code: 'unknown_source', edit: (m: string) => m.replace('source: src-a', 'source: src-b'), line: 20, id: 'alpha--increases--beta' },
    { code: 'missing_evidence', edit: (m: string) => m.replace(/    evidence:[\s\S]*$/, '    evidence: []\n'), line: 19, id: 'alpha--increases--beta' },
    { code: 'malformed_curie', edit: (m: string) => m.replace('[CHEBI:1]', '[CHEBI 1]'), line: 10, id: 'alpha' },
    { code: 'invalid_field', edit: (m: string) => m.replace('    description: First node.', '    descripton: First node.'), line: 6, id: 'alpha' },
  ])('reports $code with file, line and id', ({ code, edit, line, id }) => {
    const result = load(edit(MODULE));
    expect(result.ok).toBe(false);
    const found = errors(result.problems).filter((p) => p.code === code);
    expect(found.length, JSON.stringify(result.problems)).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({ file: 'modules/mini.yaml', line, ...(id ? { id } : {}) });
    expect(found[0]!.message.length).toBeGreaterThan(5);
  });

  it('reports a missing sources registry', () => {
    const result = tryLoadGraphFromFiles([{ path: 'modules/mini.yaml', text: MODULE }]);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.code)).toContain('missing_file');
  });

  it('collects every problem instead of stopping at the first', () => {
    const broken = MODULE.replace('category: protein', 'category: enzyme').replace('predicate: increases', 'predicate: boosts').replace('[CHEBI:1]', '[nope]');
    const result = load(broken);
    expect(new Set(errors(result.problems).map((p) => p.code))).toEqual(new Set(['unknown_category', 'unknown_predicate', 'malformed_curie']));
  });

  it('names the duplicate in another file and where it was first defined', () => {
    const other = MODULE.replace('id: mini', 'id: other').replace(/edges:[\s\S]*$/, 'edges: []\n');
    const result = tryLoadGraphFromFiles([
      { path: 'sources.yaml', text: SOURCES },
      { path: 'modules/a.yaml', text: MODULE },
      { path: 'modules/b.yaml', text: other },
    ]);
    const dup = errors(result.problems).find((p) => p.code === 'duplicate_id' && p.id === 'alpha');
    expect(dup).toMatchObject({ file: 'modules/b.yaml', line: 6 });
    expect(dup!.message).toContain('modules/a.yaml:6');
  });

  it('suggests the closest id for a dangling endpoint', () => {
    const result = load(MODULE.replace('    target: beta', '    target: betta'));
    expect(errors(result.problems)[0]!.message).toContain('did you mean "beta"');
  });

  it('warns (without failing) on an unknown CURIE prefix and on names shared by two nodes', () => {
    const result = load(MODULE.replace('[CHEBI:1]', '[FOO:1]').replace('label: Beta', 'label: Alpha'));
    expect(result.ok).toBe(true);
    expect(result.problems.map((p) => `${p.level}:${p.code}`).sort()).toEqual(['warning:duplicate_name', 'warning:unknown_curie_prefix']);
  });

  it('marks contested and preclinical-only edges from their evidence', () => {
    const mixed = MODULE.replace(
      '        statement: Alpha raises beta.',
      `        statement: Alpha raises beta.
      - source: src-a
        kind: observational_human
        stance: disputes
        statement: A cohort saw no link.`,
    ).replace('kind: established_biochemistry', 'kind: animal_model');
    // study kinds need a registry entry with a PMID or DOI (a fixture DOI under the DOI handbook's example prefix)
    const result = load(mixed, `${SOURCES}    doi: 10.1000/fixture\n`);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.graph.getEdgeAttributes('alpha--increases--beta')).toMatchObject({ contested: true, preclinicalOnly: true, strength: 3 });
  });

  it('rejects YAML alias bombs as malformed instead of expanding them', () => {
    const bomb = 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n';
    const result = load(bomb);
    expect(result.ok).toBe(false);
    expect(result.problems[0]!.code).toBe('malformed_file');
  });
});
