/** Human output of `mechkg loops`. */
import type { LoopsResult } from '../../query/find-loops.js';
import { formatPath } from './format-path.js';
import { status } from './format-paths.js';

export function formatLoops(r: LoopsResult): string {
  const where = r.through ? ` through ${r.through.label}` : '';
  const head = `Feedback loops${where}: ${r.loops.length}${status(r)}`;
  if (r.loops.length === 0) return `${head}\nNo feedback loop found (try --max-length or --include-associations).\n`;
  return [head, '', ...r.loops.map((l, i) => formatPath(i + 1, l, `  ${l.kind}`) + '\n')].join('\n');
}
