/**
 * One citation style for every place a source is shown (explain, describe, HTML and Mermaid exports, the
 * explorer's evidence panel, lesson handouts and slides): "Authors (Year). Title. Journal. Seed article.
 * PMID:n doi:x", with the year after the journal when no authors are recorded, and a link to the record
 * (DOI first, then PubMed, then the source's URL).
 */
import type { SourceData } from './schema.js';

export interface CitationParts {
  /** "Authors (Year)." when authors are recorded. */
  lead?: string;
  /** The title, ending in one full stop. */
  title: string;
  /** "Journal." or "Journal, Year." (no authors) or "Year." (neither). */
  where?: string;
  /** "Seed article." for the popular articles the graph represents: a reader must not take them for studies. */
  kind?: string;
  /** Identifiers with their record pages. */
  ids: { label: string; url: string }[];
  /** The page to open: the DOI, else PubMed, else the source's URL. */
  url?: string;
}

export function citationParts(s: SourceData): CitationParts {
  const year = s.year !== undefined ? String(s.year) : undefined;
  const title = s.title.trim().replace(/[.]+$/, '');
  // a title that ends in a question or exclamation mark keeps it, without a full stop after it
  const parts: CitationParts = { title: /[?!]$/.test(title) ? title : `${title}.`, ids: [] };
  if (s.authors) parts.lead = `${s.authors}${year ? ` (${year})` : ''}.`;
  const where = s.authors ? s.journal : [s.journal, year].filter(Boolean).join(', ');
  if (where) parts.where = `${where}.`;
  if (s.kind === 'seed_article') parts.kind = 'Seed article.';
  if (s.pmid) parts.ids.push({ label: `PMID:${s.pmid}`, url: `https://pubmed.ncbi.nlm.nih.gov/${s.pmid}/` });
  if (s.doi) parts.ids.push({ label: `doi:${s.doi}`, url: `https://doi.org/${s.doi}` });
  const url = s.doi ? `https://doi.org/${s.doi}` : s.pmid ? `https://pubmed.ncbi.nlm.nih.gov/${s.pmid}/` : s.url;
  if (url) parts.url = url;
  return parts;
}

/** The citation as one line of text; the source's URL stands in for identifiers it lacks. */
export function citationText(s: SourceData): string {
  const p = citationParts(s);
  const ids = p.ids.length > 0 ? p.ids.map((i) => i.label).join(' ') : s.url;
  return [p.lead, p.title, p.where, p.kind, ids].filter((x) => x !== undefined && x !== '').join(' ');
}
