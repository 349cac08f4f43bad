/**
 * Warnings about records mechkg read but had to complete (stub nodes, merged rows, a missing predicate, terms
 * Biolink does not have), shared by the importer and the compact index so a file gives the same warnings
 * whichever reader its size picks: the first few of each kind with their place, then one line with the count
 * of the rest.
 */
import type { Problem, ProblemCode } from '../model/types.js';

export const MAX_EXAMPLES = 5;

export class WarningLog {
  private readonly examples: Problem[] = [];
  private readonly counts = new Map<string, { n: number; file: string; code: ProblemCode; what: string }>();

  /**
   * kind groups warnings for the count (e.g. "stub node"); what names them in the summary line. Returns the
   * warning when it is one of the examples kept (the compact index renames its id once every id is known).
   */
  warn(kind: string, code: ProblemCode, file: string, line: number | undefined, id: string | undefined, message: string, what = kind): Problem | undefined {
    const c = this.counts.get(kind);
    const n = (c?.n ?? 0) + 1;
    this.counts.set(kind, { n, file: c?.file ?? file, code, what });
    if (n > MAX_EXAMPLES) return undefined;
    const p: Problem = { level: 'warning', code, file, ...(line !== undefined && line > 0 ? { line } : {}), ...(id !== undefined ? { id } : {}), message };
    this.examples.push(p);
    return p;
  }

  list(): Problem[] {
    const more: Problem[] = [];
    for (const { n, file, code, what } of this.counts.values()) {
      if (n > MAX_EXAMPLES) more.push({ level: 'warning', code, file, message: `${n - MAX_EXAMPLES} more ${what} warning(s) like the above (${n} in all)` });
    }
    return [...this.examples, ...more];
  }
}

/** The warning texts both readers use, so they match word for word. */
export const WARN = {
  stub: (id: string) => [`stub node`, 'dangling_endpoint', `"${id}" is not among the file's nodes; added as a node with no name or category`] as const,
  merged: (id: string, firstLine: number | undefined) => ['merged node row', 'duplicate_id', `node "${id}" is listed again${firstLine ? ` (first at line ${firstLine})` : ''}; the rows are merged as KGX does (lists joined, later values win)`] as const,
  noPredicate: () => ['missing predicate', 'unknown_predicate', 'no predicate; read as biolink:related_to'] as const,
  notBiolink: (p: string) => ['non-Biolink predicate', 'unknown_predicate', `predicate "${p}" is not a Biolink 4.4.4 predicate; kept as given, with no sign and not followed by path queries`] as const,
  deprecated: (p: string) => ['deprecated predicate', 'unknown_predicate', `predicate "${p}" is deprecated in Biolink 4.4.4; kept as given`] as const,
  unknownCategory: (terms: readonly string[]) => ['unknown category', 'unknown_category', terms.length ? `categories ${terms.map((t) => `"${t}"`).join(', ')} fall under no mechkg category; shown as unknown` : 'no category; shown as unknown'] as const,
  duplicateEdge: (id: string, renamed: string) => ['duplicate edge id', 'duplicate_id', `edge id "${id}" is used again; this edge is kept as "${renamed}"`] as const,
};
