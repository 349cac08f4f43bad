/** A readable citation for an entry of the source registry (or the bare id when the registry lacks it). */
import type { SourceData } from '../model/schema.js';
import { ownValue } from '../model/own-key.js';

export interface Reference {
  /** Number used in sentences: [1], [2], ... */
  n: number;
  source: string;
  citation: string;
  url?: string;
}

export function citeSource(sources: Readonly<Record<string, SourceData>>, id: string): { citation: string; url?: string } {
  const s = ownValue(sources, id);
  if (!s) return { citation: id };
  const title = `${s.title.replace(/[.]$/, '')}.`;
  const parts = s.authors ? [`${s.authors}${s.year ? ` (${s.year})` : ''}.`, title] : [title];
  if (s.journal) parts.push(`${s.journal}${s.authors || !s.year ? '' : `, ${s.year}`}.`);
  else if (!s.authors && s.year) parts.push(`${s.year}.`);
  if (s.kind === 'seed_article') parts.push('Seed article.');
  if (s.doi) parts.push(`doi:${s.doi}`);
  else if (s.pmid) parts.push(`PMID:${s.pmid}`);
  const url = s.url ?? (s.doi ? `https://doi.org/${s.doi}` : s.pmid ? `https://pubmed.ncbi.nlm.nih.gov/${s.pmid}/` : undefined);
  return url ? { citation: parts.filter(Boolean).join(' '), url } : { citation: parts.filter(Boolean).join(' ') };
}

/** Numbers sources in order of first use. */
export class ReferenceList {
  private readonly refs = new Map<string, Reference>();
  constructor(private readonly sources: Readonly<Record<string, SourceData>>) {}

  number(id: string): number {
    let ref = this.refs.get(id);
    if (!ref) {
      ref = { n: this.refs.size + 1, source: id, ...citeSource(this.sources, id) };
      this.refs.set(id, ref);
    }
    return ref.n;
  }

  list(): Reference[] {
    return [...this.refs.values()];
  }
}
