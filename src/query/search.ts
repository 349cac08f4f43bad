/** search: ranked name matches (exact, prefix, substring, near miss) over ids, labels, synonyms and CURIEs. */
import { searchNodes, type SearchHit } from '../graph/resolve-name.js';
import { queryContext, type QueryInput } from './query-input.js';
import { checkInteger } from './query-options.js';
import { UsageError } from '../errors.js';

export interface SearchOptions {
  /** Most hits (default 10). */
  limit?: number;
}

export interface SearchResult {
  query: string;
  hits: SearchHit[];
}

export function search(input: QueryInput, text: string, options: SearchOptions = {}): SearchResult {
  const limit = checkInteger('search', 'limit', options.limit ?? 10, 1, 10_000);
  if (typeof text !== 'string' || text.trim() === '') throw new UsageError('search: the search text is empty');
  return { query: text, hits: searchNodes(queryContext(input).names, text, limit) };
}
