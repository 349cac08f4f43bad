import { describe, expect, it } from 'vitest';
import { citation } from '../../src/export/provenance.js';

describe('figure and handout citations', () => {
  it('read authors (year). title. journal. ids, and put the year after the journal when no authors are recorded', () => {
    const base = { id: 'x', kind: 'primary_paper', title: 'A study of B12', journal: 'J Hepatol', year: 2022, pmid: '1', doi: '10.1/x' } as const;
    expect(citation({ ...base, authors: 'Smith A, Jones B' })).toBe('Smith A, Jones B (2022). A study of B12. J Hepatol. PMID:1 doi:10.1/x');
    expect(citation(base)).toBe('A study of B12. J Hepatol, 2022. PMID:1 doi:10.1/x');
    expect(citation({ id: 'y', kind: 'textbook', title: 'Biochemistry' })).toBe('Biochemistry');
  });
});
