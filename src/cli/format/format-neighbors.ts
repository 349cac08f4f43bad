/** Human output of `mechkg neighbors`: the nodes by distance, then the edges between them. */
import type { NeighborsResult } from '../../query/neighbors.js';
import { evidenceSummary, predicateLabel } from './format-path.js';

export function formatNeighbors(r: NeighborsResult): string {
  const label = new Map([[r.node.id, r.node.label], ...r.nodes.map((n) => [n.id, n.label] as [string, string])]);
  const lines = [`Neighbors of ${r.node.label} (depth ${r.depth}, ${r.direction}): ${r.total} node${r.total === 1 ? '' : 's'}`];
  for (const n of r.nodes) lines.push(`  ${n.distance}  ${n.label}  (${n.id}, ${n.category})`);
  if (r.truncated) lines.push(`  ... ${r.total - r.nodes.length} more (raise --limit)`);
  if (r.edges.length) {
    lines.push('', 'Edges:');
    for (const e of r.edges) {
      lines.push(`  ${label.get(e.source) ?? e.source}  -(${e.sign} ${predicateLabel(e.predicate)})->  ${label.get(e.target) ?? e.target}   [${evidenceSummary(e)}]`);
    }
  }
  return lines.join('\n') + '\n';
}
