/** Human output of `mechkg hypotheses`: a ranked table, then what the first hypotheses predict and through what. */
import type { ExplainObservationsResult, Hypothesis, HypothesisPrediction, ObservedDirection } from '../../query/explain-observations.js';
import { formatChain } from './format-chain.js';
import { evidenceLabel } from './format-path.js';
import type { Path } from '../../query/path-result.js';

const ARROW: Record<string, string> = { up: '↑', down: '↓', unchanged: '=', mixed: '↕', unknown: '?' };
/** How many hypotheses get their predictions spelled out under the table. */
const DETAILED = 3;

export function formatP(p: number | null): string {
  if (p === null) return '-';
  if (p >= 0.001) return p.toFixed(3);
  return p === 0 ? '<1e-300' : p.toExponential(1);
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

/** Cut to `width` characters with an ellipsis, so a long label does not push the columns out. */
function fit(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : chars.slice(0, width - 1).join('') + '…';
}

export function formatHypotheses(r: ExplainObservationsResult): string {
  const changed = r.observations.filter((o) => o.direction !== 'unchanged').length;
  const unchanged = r.observations.length - changed;
  const population = r.stats.population.kind === 'graph' ? `${r.stats.population.size} graph nodes` : `${r.stats.population.size} measured nodes`;
  const lines = [
    `Hypotheses for ${changed} changed observation${changed === 1 ? '' : 's'}${unchanged ? ` and ${unchanged} unchanged` : ''} (depth ${r.depth}, richness against ${population}): ` +
      `${r.stats.hypothesesTested} tested, ${r.hypotheses.length} shown ${r.complete ? '(complete)' : `(INCOMPLETE: the work budget ran out (${r.stats.stoppedBy}) after ${r.stats.observationsScreened} of ${r.observations.length} observations; raise --max-expansions / --timeout)`}`,
  ];
  for (const u of r.unresolved) {
    const hint = u.suggestions.length ? `; did you mean ${u.suggestions.slice(0, 3).map((s) => s.label).join(', ')}?` : '';
    lines.push(`  not used: "${u.input}"${u.where ? ` (${u.where})` : ''}: ${u.reason === 'ambiguous' ? 'names several nodes' : 'no such node'}${hint}`);
  }
  if (r.hypotheses.length === 0) {
    lines.push('', 'No upstream node explains any observation through causal routes (try --max-depth).');
    return lines.map((l) => l.trimEnd()).join('\n') + '\n';
  }
  const perm = r.stats.permutations > 0;
  const through = r.hypotheses.some((h) => h.actsThrough);
  const width = Math.min(44, r.hypotheses.reduce((w, h) => Math.max(w, [...h.node.label].length + 2), 10));
  const names = r.hypotheses.map((h) => fit(`${ARROW[h.direction]} ${h.node.label}`, width));
  lines.push('', `  #   ${pad('hypothesis', width)}  correct  wrong  ambiguous  unreached  score  p concordance  p richness${perm ? '  p permutation' : ''}${through ? '  acts through' : ''}`);
  r.hypotheses.forEach((h, i) => {
    lines.push(
      `  ${pad(String(i + 1), 3)} ${pad(names[i]!, width)}  ${pad(`${h.correct}`, 7)}  ${pad(`${h.incorrect}`, 5)}  ${pad(`${h.ambiguous}`, 9)}  ${pad(`${h.unreached}`, 9)}  ` +
        `${pad(`${h.score}`, 5)}  ${pad(formatP(h.pConcordance), 13)}  ${pad(formatP(h.pRichness), 10)}${perm ? `  ${pad(formatP(h.pPermutation), 13)}` : ''}` +
        `${h.actsThrough ? `  → ${ARROW[h.actsThrough.direction]} ${h.actsThrough.label}` : ''}`,
    );
  });
  if (r.truncated) lines.push(`  ... more hypotheses ranked below (raise --limit)`);
  lines.push('', '↑ raised, ↓ lowered. p concordance: chance of this many correct directions by coin toss; p richness: chance that a random set of as many nodes as it reaches within its farthest observation would hold this many observations.');
  if (through) lines.push('→ acts through: every shortest route behind its correct predictions passes that hypothesis, which does at least as well; ranked after it.');
  r.hypotheses.slice(0, DETAILED).forEach((h, i) => lines.push('', ...detail(r, h, i + 1)));
  return lines.map((l) => l.trimEnd()).join('\n') + '\n';
}

function detail(r: ExplainObservationsResult, h: Hypothesis, rank: number): string[] {
  const verb = h.direction === 'up' ? 'raised' : 'lowered';
  const changed = h.correct + h.incorrect + h.ambiguous + h.unreached;
  const out = [`#${rank} ${h.node.label} ${verb} (${h.node.id}): ${h.correct} of ${changed} changed observations predicted correctly, ${h.incorrect} wrongly; reaches ${h.reached} ${r.stats.population.kind === 'graph' ? '' : 'measured '}nodes within ${h.horizon} step${h.horizon === 1 ? '' : 's'} (its farthest observation)`];
  if (h.actsThrough) out.push(`  acts through ${h.actsThrough.label} ${h.actsThrough.direction === 'up' ? 'raised' : 'lowered'} (${h.actsThrough.id}): every shortest route behind its correct predictions passes it`);
  const width = Math.min(36, h.predictions.reduce((w, p) => Math.max(w, [...p.node.label].length), 0));
  for (const p of h.predictions) out.push(...predictionLines(p, width));
  return out;
}

function mark(p: HypothesisPrediction): string {
  if (p.predicted === null) return '·';
  if (p.agrees === true) return '✓';
  if (p.agrees === false) return '✗';
  return '?';
}

function observedText(d: ObservedDirection): string {
  return `observed ${ARROW[d]}`;
}

function predictionLines(p: HypothesisPrediction, width: number): string[] {
  const predicted = p.predicted === null ? 'not reached' : `predicted ${ARROW[p.predicted]}${p.predicted === 'mixed' ? ' (routes disagree)' : p.predicted === 'unknown' ? ' (no signed route)' : ''}`;
  const steps = p.distance === null ? '' : `  ${p.distance} step${p.distance === 1 ? '' : 's'}${p.predicted === 'up' || p.predicted === 'down' ? `, confidence ${p.confidence!.toFixed(2)}` : ''}`;
  const lines = [`  ${mark(p)} ${pad(fit(p.node.label, width), width)}  ${observedText(p.observed)}  ${predicted}${steps}`];
  if (p.path) lines.push(route(p.path));
  if (p.otherPath) lines.push(route(p.otherPath));
  return lines;
}

function route(path: Path): string {
  return `      ${formatChain(path)}   [weakest: ${path.weakestEvidence ? evidenceLabel(path.weakestEvidence) : 'none'}]`;
}
