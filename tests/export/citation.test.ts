import { describe, expect, it } from 'vitest';
import { citationParts, citationText as citation } from '../../src/model/citation.js';
import { citeSource } from '../../src/query/cite-source.js';
import { loadGraph } from '../../src/node.js';

describe('citations (one style for explain, exports, the explorer and lessons)', () => {
  it('read authors (year). title. journal. ids, and put the year after the journal when no authors are recorded', () => {
    const base = { id: 'x', kind: 'primary_paper', title: 'A study of B12', journal: 'J Hepatol', year: 2022, pmid: '1', doi: '10.1/x' } as const;
    expect(citation({ ...base, authors: 'Smith A, Jones B' })).toBe('Smith A, Jones B (2022). A study of B12. J Hepatol. PMID:1 doi:10.1/x');
    expect(citation(base)).toBe('A study of B12. J Hepatol, 2022. PMID:1 doi:10.1/x');
    expect(citation({ id: 'y', kind: 'textbook', title: 'Biochemistry.' })).toBe('Biochemistry.');
    expect(citationParts(base).url).toBe('https://doi.org/10.1/x');
    expect(citationParts({ ...base, doi: undefined }).url).toBe('https://pubmed.ncbi.nlm.nih.gov/1/');
  });

  it('say "Seed article." for a popular article, so a reader never takes it for a study', () => {
    const seed = { id: 's', kind: 'seed_article', title: 'B12 and your liver', url: 'https://example.org/a' } as const;
    expect(citation(seed)).toBe('B12 and your liver. Seed article. https://example.org/a');
    expect(citation({ ...seed, title: 'Does B12 protect the liver?' })).toBe('Does B12 protect the liver? Seed article. https://example.org/a');
  });

  it('are the same text in explain and describe as in the exports, for every source of the curated graph', () => {
    const sources = loadGraph().getAttribute('sources') ?? {};
    const ids = Object.keys(sources);
    expect(ids.length).toBeGreaterThan(100);
    for (const id of ids) expect(citeSource(sources, id).citation).toBe(citation(sources[id]!));
    const seeds = ids.filter((id) => sources[id]!.kind === 'seed_article');
    expect(seeds.length).toBe(5);
    for (const id of seeds) expect(citation(sources[id]!)).toContain('Seed article.');
  });
});
