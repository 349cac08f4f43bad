/** Human output of `mechkg shortest`. */
import type { ShortestPathResult } from '../../query/shortest-path.js';
import { formatPath } from './format-path.js';

export function formatShortest(r: ShortestPathResult): string {
  const head = `${r.from.label} -> ${r.to.label}`;
  if (!r.path) {
    if (!r.complete) return `${head}: no route found before the ${r.stats.stoppedBy} budget ran out after ${r.stats.expansions.toLocaleString('en')} expansions (INCOMPLETE).\n`;
    return `${head}: no causal route (try --max-length, --include-associations or fewer filters).\n`;
  }
  const steps = `${r.path.length} step${r.path.length === 1 ? '' : 's'}`;
  return [
    `${head}: a shortest route, ${steps}. Other routes may be as short; \`mechkg paths --rank length\` ranks them by evidence and says whether routes disagree.`,
    '',
    formatPath(1, r.path),
    '',
  ].join('\n');
}
