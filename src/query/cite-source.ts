/** A readable citation for an entry of the source registry (or the bare id when the registry lacks it). */
import type { SourceData } from '../model/schema.js';
import { ownValue } from '../model/own-key.js';
import { citationParts, citationText } from '../model/citation.js';

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
  const url = citationParts(s).url;
  return url ? { citation: citationText(s), url } : { citation: citationText(s) };
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
