/** Human output of `mechkg paths`. */
import type { PathsResult } from '../../query/find-paths.js';
import { formatPath } from './format-path.js';

export function formatPaths(r: PathsResult): string {
  const head = `${r.from.label} -> ${r.to.label}: ${r.paths.length} path${r.paths.length === 1 ? '' : 's'}${status(r)}`;
  if (r.paths.length === 0) {
    const tests = r.directTestsText ? `${r.directTestsText}\n` : '';
    return `${head}\nNo causal path found (try --max-length, --include-associations or fewer filters).\n${tests}`;
  }
  const agreement = r.agreement ? [`${r.agreement.disagree ? 'Routes disagree. ' : ''}${r.agreement.text}`] : [];
  return [head, ...agreement, '', ...r.paths.map((p, i) => formatPath(i + 1, p) + '\n')].join('\n');
}

export function status(r: { complete: boolean; truncated: boolean; stats: { stoppedBy: string | null; expansions: number } }): string {
  if (!r.complete) return ` (INCOMPLETE: stopped by the ${r.stats.stoppedBy} budget after ${r.stats.expansions.toLocaleString('en')} expansions)`;
  return r.truncated ? ' (limit reached; more may exist)' : ' (complete)';
}
