/** Human output of `mechkg effects` and `mechkg regulators`: one line per node, nearest first. */
import type { DominantEffect } from '../../query/dominant-effects.js';
import type { EffectEntry } from '../../query/effect-entries.js';
import type { Path } from '../../query/path-result.js';
import type { EffectsResult } from '../../query/effects.js';
import type { RegulatorsResult } from '../../query/regulators.js';
import { confounderLines, evidenceLabel } from './format-path.js';
import { formatChain } from './format-chain.js';

const ARROW: Record<EffectEntry['effect'], string> = { up: '↑ up   ', down: '↓ down ', mixed: '↕ mixed', unknown: '? unkn.' };

function entryLines(entries: (EffectEntry | DominantEffect)[]): string[] {
  const width = Math.min(40, entries.reduce((w, e) => Math.max(w, e.node.label.length), 4));
  return entries.flatMap((x) => {
    const head = `  ${ARROW[x.effect]}  ${x.node.label.padEnd(width)}  ${x.distance} step${x.distance === 1 ? ' ' : 's'}`;
    if (!('confidence' in x)) return [`${head}  (${x.node.id})`, ...x.paths.map((p) => `      ${p.sign}  ${formatChain(p)}   [weakest: ${weakest(p)}]`), ...confounderLines(x.confounders, '      ')];
    const lines = [`${head}  confidence ${x.confidence.toFixed(2)}  ${routeCounts(x)}  (${x.node.id})`];
    for (const p of x.paths) {
      const longer = p.length > x.distance ? `(longer: ${p.length} steps) ` : '';
      lines.push(`      ${p.sign}  ${longer}${formatChain(p)}   [weakest: ${weakest(p)}]`);
    }
    lines.push(...confounderLines(x.confounders, '      '));
    return lines;
  });
}

function weakest(p: Path): string {
  return p.weakestEvidence ? evidenceLabel(p.weakestEvidence) : 'none';
}

/** "1 route raises it" / "3 routes lower it, 2 raise it": the shortest routes' votes. */
function routeCounts(x: DominantEffect): string {
  const n = (k: number) => (k >= 1e6 ? k.toExponential(1) : String(k));
  const parts = [x.routes.up ? `↑${n(x.routes.up)}` : '', x.routes.down ? `↓${n(x.routes.down)}` : ''].filter(Boolean);
  return `shortest routes ${parts.join(' ') || 'none signed'}`;
}

function more(total: number, shown: number): string {
  return total > shown ? `\n  ... ${total - shown} more (raise --limit)\n` : '';
}

export function formatEffects(r: EffectsResult): string {
  const verb = r.direction === 'up' ? 'Raising' : 'Lowering';
  const view = r.view === 'dominant' ? 'dominant direction of the shortest routes' : 'every route (--all-routes)';
  const head = `${verb} ${r.node.label} (depth ${r.depth}, ${view}): ${r.total} node${r.total === 1 ? '' : 's'} affected`;
  const cut = r.complete ? '' : '\n  (the work budget cut the search: nodes farther out are missing)\n';
  const own = r.confounds.map((c) => `  ⚠ ${c.text}: ${r.node.label} moves both sides of it  (${c.edge})`);
  if (r.total === 0) return [head, ...own].join('\n') + `\n${cut}`;
  return [head, ...own, ...entryLines(r.effects)].join('\n') + '\n' + more(r.total, r.effects.length) + cut;
}

export function formatRegulators(r: RegulatorsResult): string {
  const view = r.view === 'dominant' ? 'dominant direction of the shortest routes' : 'every route (--all-routes)';
  const head = `Regulators of ${r.node.label} (depth ${r.depth}, ${view}): ${r.total} (↑ raising it raises ${r.node.label}, ↓ lowers it)`;
  const cut = r.complete ? '' : '\n  (the work budget cut the search: regulators farther out are missing)\n';
  if (r.total === 0) return `${head}\n${cut}`;
  return [head, ...entryLines(r.regulators)].join('\n') + '\n' + more(r.total, r.regulators.length) + cut;
}
