/** Human output of `mechkg search`. */
import type { SearchResult } from '../../query/search.js';

export function formatSearch(r: SearchResult): string {
  if (r.hits.length === 0) return `No node matches "${r.query}".\n`;
  const width = Math.min(40, r.hits.reduce((w, h) => Math.max(w, h.label.length), 0));
  return r.hits.map((h) => `  ${String(h.score).padStart(3)}  ${h.label.padEnd(width)}  ${h.id}  (${h.category})`).join('\n') + '\n';
}
