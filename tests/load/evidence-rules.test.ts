/** The evidence and measurement rules of validation (src/load/evidence-rules.ts), one case per rule. */
import { describe, expect, it } from 'vitest';
import { tryLoadGraphFromFiles, type GraphFile, type Problem } from '../../src/index.js';
import { checkEvidenceRules, STUDY_RULE_LEVEL } from '../../src/load/evidence-rules.js';
import { validateFiles } from '../../src/load/validate-files.js';

const SOURCES = `sources:
  - id: popular
    kind: seed_article
    title: A popular article
  - id: trial
    kind: primary_paper
    title: A trial
    pmid: "12345"
  - id: cohort
    kind: primary_paper
    title: A cohort study
    doi: 10.1000/cohort
`;

/** One edge from `source` (category `category`) to beta, with one evidence entry given as YAML lines. */
function module(evidence: string, opts: { predicate?: string; category?: string } = {}): string {
  return `module:
  id: mini
  title: Mini
  summary: A module for the evidence rules.
nodes:
  - id: alpha
    label: Alpha
    category: ${opts.category ?? 'drug'}
    description: First node.
  - id: beta
    label: Beta
    category: disease
    description: Second node.
edges:
  - source: alpha
    predicate: ${opts.predicate ?? 'decreases'}
    target: beta
    evidence:
      - source: popular
${evidence}        statement: Alpha lowers beta.
`;
}

function load(text: string) {
  const files: GraphFile[] = [
    { path: 'sources.yaml', text: SOURCES },
    { path: 'modules/mini.yaml', text },
  ];
  return tryLoadGraphFromFiles(files);
}

const codes = (problems: Problem[]) => problems.map((p) => `${p.level}:${p.code}`);

describe('study kinds need a citable study', () => {
  it('flags a study kind whose source document has no PMID or DOI, at the entry, at the switch level', () => {
    const result = load(module('        kind: randomized_trial\n'));
    expect(codes(result.problems)).toEqual([`${STUDY_RULE_LEVEL}:study_kind_without_study`]);
    expect(result.problems[0]).toMatchObject({ file: 'modules/mini.yaml', line: 19, id: 'alpha--decreases--beta' });
    expect(result.problems[0]!.message).toMatch(/randomized_trial.*"popular".*no PMID or DOI/);
  });

  it('accepts a study kind when `study` names a registry entry with a PMID', () => {
    expect(load(module('        study: trial\n        kind: randomized_trial\n')).problems).toEqual([]);
  });

  it('accepts a study kind when the source itself has a DOI', () => {
    const text = module('        kind: observational_human\n').replace('      - source: popular', '      - source: cohort');
    expect(load(text).problems).toEqual([]);
  });

  it('flags a study kind whose `study` has no PMID or DOI either', () => {
    const result = load(module('        study: popular\n        kind: animal_model\n'));
    expect(codes(result.problems)).toEqual([`${STUDY_RULE_LEVEL}:study_kind_without_study`]);
    expect(result.problems[0]!.message).toContain('study "popular"');
  });

  it('needs nothing for an article\'s own claim typed review_statement', () => {
    expect(load(module('        kind: review_statement\n')).problems).toEqual([]);
  });

  it('rejects a `study` that is not in the registry, suggesting the near id', () => {
    const result = load(module('        study: trail\n        kind: randomized_trial\n'));
    expect(result.ok).toBe(false);
    const err = result.problems.find((p) => p.code === 'unknown_source');
    expect(err).toMatchObject({ level: 'error', line: 19 });
    expect(err!.message).toContain('did you mean "trial"');
  });

  it('turns into an error when the level switch says so', () => {
    const data = validateFiles([
      { path: 'sources.yaml', text: SOURCES },
      { path: 'modules/mini.yaml', text: module('        kind: in_vitro\n') },
    ]);
    const sources = new Map(data.sources.map((s) => [s.id, s]));
    expect(codes(checkEvidenceRules(data, sources, 'error'))).toEqual(['error:study_kind_without_study']);
  });
});

describe('measurements do not carry causation', () => {
  const ok = '        kind: review_statement\n';

  it('warns when a causal edge leaves a measurement node', () => {
    const result = load(module(ok, { category: 'biomarker', predicate: 'risk_factor_for' }));
    expect(result.ok).toBe(true);
    expect(codes(result.problems)).toEqual(['warning:causal_edge_from_measurement']);
    expect(result.problems[0]).toMatchObject({ id: 'alpha--risk_factor_for--beta', line: 15 });
  });

  it('warns for a conversion leaving a measurement too', () => {
    expect(codes(load(module(ok, { category: 'biomarker', predicate: 'converted_to' })).problems)).toEqual(['warning:causal_edge_from_measurement']);
  });

  it('accepts an association leaving a measurement', () => {
    expect(load(module(ok, { category: 'biomarker', predicate: 'positively_correlated_with' })).problems).toEqual([]);
  });
});

describe('derived relation kinds', () => {
  it.each([
    ['decreases', 'influence', undefined, true],
    ['consumes', 'conversion', 'consumption', true],
    ['converted_to', 'conversion', 'conversion', true],
    ['negatively_correlated_with', 'association', undefined, false],
    ['located_in', 'structural', undefined, false],
  ])('an edge with predicate %s is %s (%s)', (predicate, relation, arc, causal) => {
    const result = load(module('        kind: review_statement\n', { predicate }));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const edge = result.graph.getEdgeAttributes(`alpha--${predicate}--beta`);
    expect({ relation: edge.relation, arc: edge.arc, causal: edge.causal }).toEqual({ relation, arc, causal });
  });
});

describe('a definition names the source that defines the term', () => {
  it('refuses a definition cited to a popular article, at the entry', () => {
    const result = load(module('        kind: definition\n'));
    expect(codes(result.problems)).toEqual(['error:definition_source']);
    expect(result.problems[0]).toMatchObject({ file: 'modules/mini.yaml', line: 19, id: 'alpha--decreases--beta' });
    expect(result.problems[0]!.message).toMatch(/typed definition but cites the seed article "popular"/);
  });

  it('refuses a definition that disputes the edge', () => {
    const text = module('        kind: definition\n        stance: disputes\n').replace('      - source: popular', '      - source: cohort');
    const result = load(text);
    expect(codes(result.problems)).toContain('error:definition_source');
    expect(result.problems.find((p) => p.code === 'definition_source')!.message).toContain('disputes the edge');
  });

  it('accepts a definition cited to a guidance, primer or textbook', () => {
    const text = module('        kind: definition\n').replace('      - source: popular', '      - source: cohort');
    expect(load(text).problems).toEqual([]);
  });
});
