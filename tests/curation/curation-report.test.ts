import { describe, expect, it } from 'vitest';
import { curationReport, formatCurationReport, loadGraphFromFiles } from '../../src/index.js';

// A small graph with one edge of each support pattern the report tells apart.
const sources = `
sources:
  - { id: seed, kind: seed_article, title: A popular article }
  - { id: trial, kind: primary_paper, title: A trial, pmid: "123" }
  - { id: review, kind: review, title: A review, doi: 10.1000/review }
  - { id: book, kind: textbook, title: A textbook }
  - { id: unused, kind: primary_paper, title: Nobody cites this, pmid: "456" }
`;
const module = `
module: { id: m, title: M, summary: A test module with enough words to pass. }
nodes:
  - { id: a, label: a, category: small_molecule, description: a, identifiers: [CHEBI:1] }
  - { id: b, label: b, category: small_molecule, description: b, identifiers: [CHEBI:2] }
  - { id: c, label: c, category: small_molecule, description: c }
edges:
  - source: a
    predicate: increases
    target: b
    evidence:
      - { source: seed, kind: review_statement, statement: The article says so. }
  - source: b
    predicate: increases
    target: c
    evidence:
      - { source: trial, kind: randomized_trial, statement: The trial found it. }
      - { source: seed, kind: review_statement, statement: The article agrees. }
  - source: a
    predicate: decreases
    target: c
    note: Only a textbook states this.
    evidence:
      - { source: book, kind: established_biochemistry, statement: The book states it. }
      - { source: trial, kind: randomized_trial, stance: disputes, statement: A disputing entry does not count as support. }
  - source: c
    predicate: activates
    target: a
    evidence:
      - { source: review, kind: review_statement, statement: The review states it. }
  - source: a
    predicate: associated_with
    target: c
    evidence:
      - { source: seed, kind: observational_human, statement: Not causal and not counted. }
`;
const graph = loadGraphFromFiles([
  { path: 'sources.yaml', text: sources },
  { path: 'modules/m.yaml', text: module },
]);

describe('curationReport', () => {
  const r = curationReport(graph, [{ identifier: 'CHEBI:2', reason: 'not seen in a source' }]);

  it('counts causal edges with PMID/DOI-backed support, and those backed by a primary paper', () => {
    expect(r.causalEdges).toBe(4);
    expect(r.citable).toEqual({ count: 2, share: 0.5 }); // the trial edge and the review edge
    expect(r.primary).toEqual({ count: 1, share: 0.25 }); // only the trial is a primary paper
  });

  it('lists edges resting only on seed articles or only on review statements', () => {
    expect(r.onlySeedArticles).toEqual(['a--increases--b']);
    expect(r.onlyReviewStatements).toEqual(['a--increases--b', 'c--activates--a']);
  });

  it('does not count a disputing entry as support, and keeps the note that explains the gap', () => {
    expect(r.withoutCitableSupport).toEqual([
      { id: 'a--increases--b', note: null },
      { id: 'a--decreases--c', note: 'Only a textbook states this.' },
    ]);
  });

  it('counts evidence kinds over all edges, names unverified identifiers in place and unused sources', () => {
    expect(r.evidenceKinds).toMatchObject({ review_statement: 3, randomized_trial: 2, established_biochemistry: 1, observational_human: 1, animal_model: 0 });
    expect(r.unverifiedIdentifiers).toEqual([{ node: 'b', identifier: 'CHEBI:2', reason: 'not seen in a source' }]);
    expect(r.unusedSources).toEqual(['unused']);
  });

  it('prints each finding with its count', () => {
    const text = formatCurationReport(r);
    expect(text).toContain('with PMID/DOI-backed support: 2 (50.0%)');
    expect(text).toContain('causal edges supported only by seed articles: 1\n  a--increases--b');
    expect(text).toContain('a--increases--b (no note says why)');
    expect(text).toContain('unused sources: 1\n  unused');
  });
});
