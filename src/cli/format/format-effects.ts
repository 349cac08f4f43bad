/** Human output of `mechkg effects` and `mechkg regulators`: one line per node, nearest first. */
import type { EffectEntry } from '../../query/effect-entries.js';
import type { EffectsResult } from '../../query/effects.js';
import type { RegulatorsResult } from '../../query/regulators.js';
import { evidenceLabel } from './format-path.js';
import { formatChain } from './format-chain.js';

const ARROW: Record<EffectEntry['effect'], string> = { up: '↑ up   ', down: '↓ down ', mixed: '↕ mixed', unknown: '? unkn.' };

function entryLines(entries: EffectEntry[]): string[] {
  const width = Math.min(40, entries.reduce((w, e) => Math.max(w, e.node.label.length), 4));
  return entries.flatMap((x) => {
    const lines = [`  ${ARROW[x.effect]}  ${x.node.label.padEnd(width)}  ${x.distance} step${x.distance === 1 ? ' ' : 's'}  (${x.node.id})`];
    for (const p of x.paths) {
      const weakest = p.weakestEvidence ? evidenceLabel(p.weakestEvidence) : 'none';
      lines.push(`      ${p.sign}  ${formatChain(p)}   [weakest: ${weakest}]`);
    }
    return lines;
  });
}

function more(total: number, shown: number): string {
  return total > shown ? `\n  ... ${total - shown} more (raise --limit)\n` : '';
}

export function formatEffects(r: EffectsResult): string {
  const verb = r.direction === 'up' ? 'Raising' : 'Lowering';
  const head = `${verb} ${r.node.label} (depth ${r.depth}): ${r.total} node${r.total === 1 ? '' : 's'} affected`;
  if (r.total === 0) return `${head}\n`;
  return [head, ...entryLines(r.effects)].join('\n') + '\n' + more(r.total, r.effects.length);
}

export function formatRegulators(r: RegulatorsResult): string {
  const head = `Regulators of ${r.node.label} (depth ${r.depth}): ${r.total} (↑ raising it raises ${r.node.label}, ↓ lowers it)`;
  if (r.total === 0) return `${head}\n`;
  return [head, ...entryLines(r.regulators)].join('\n') + '\n' + more(r.total, r.regulators.length);
}
