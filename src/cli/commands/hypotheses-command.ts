/**
 * `mechkg hypotheses OBSERVATIONS`: which upstream perturbations explain a file of measured changes
 * (CSV, TSV or JSON; `-` reads stdin). Reads the file, opens the graph, calls explainObservations.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { budgetOptions, budgetValues, intOption, jsonOption, minEvidenceOption, output } from '../cli-options.js';
import { openQueryGraph } from '../open-graph.js';
import { progressLine } from '../progress.js';
import { runCommand } from '../run-command.js';
import { UsageError } from '../../errors.js';
import type { EvidenceKind } from '../../model/vocabulary.js';

type State = { exitCode: number };

interface HypothesesFlags {
  json?: boolean;
  maxDepth?: string;
  limit?: string;
  minEvidence?: string;
  permutations?: string;
  seed?: string;
  format?: string;
  maxExpansions?: string;
  timeout?: string;
  mediation?: boolean;
}

export function registerHypothesesCommand(program: Command, state: State): void {
  const command = minEvidenceOption(
    program
      .command('hypotheses')
      .description('which upstream perturbations explain observed changes (reverse causal reasoning, ranked with p-values)')
      .argument('<observations>', 'CSV, TSV or JSON file with a node column and a direction (up/down) or value; - reads stdin')
      .option('--max-depth <n>', 'longest route from a hypothesis to an observation, in steps', '4')
      .option('--limit <k>', 'most hypotheses to list', '10'),
  )
    .option('--permutations <n>', 'also a permutation p-value from N random placements of the observations', '0')
    .option('--seed <n>', 'seed of the permutation test', '1')
    .option('--no-mediation', 'rank by the p-values alone: do not mark and rank hypotheses acting through another after it')
    .option('--format <csv|tsv|json>', 'format of the observations (default: from the extension, else sniffed)');
  jsonOption(budgetOptions(command, { maxExpansions: '200000000', timeout: '20000' }))
    .action(async (file: string, flags: HypothesesFlags) => {
      state.exitCode = await runCommand(flags, async () => {
        const { name, text } = readInput(file);
        const [{ readObservations }, { explainObservations }, { formatHypotheses }, graph] = await Promise.all([
          import('../../import/read-observations.js'),
          import('../../query/explain-observations.js'),
          import('../format/format-hypotheses.js'),
          openQueryGraph(program.opts().graph as string | undefined),
        ]);
        if (flags.format !== undefined && !['csv', 'tsv', 'json'].includes(flags.format)) throw new UsageError(`--format: expected csv, tsv or json, got "${flags.format}"`);
        const observations = readObservations(name, text, flags.format as 'csv' | 'tsv' | 'json' | undefined);
        const progress = progressLine('hypotheses');
        const result = explainObservations(graph, observations, {
          maxDepth: intOption('--max-depth', flags.maxDepth),
          limit: intOption('--limit', flags.limit),
          minEvidence: flags.minEvidence as EvidenceKind | undefined,
          permutations: intOption('--permutations', flags.permutations),
          seed: intOption('--seed', flags.seed),
          mediation: flags.mediation !== false,
          ...budgetValues(flags),
          ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
        });
        progress.done();
        output(flags.json, result, () => formatHypotheses(result));
      });
    });
}

function readInput(file: string): { name: string; text: string } {
  if (file === '-') {
    try {
      return { name: 'stdin', text: readFileSync(0, 'utf8') };
    } catch (err) {
      throw new UsageError(`cannot read observations from stdin: ${(err as Error).message}`);
    }
  }
  try {
    return { name: file, text: readFileSync(file, 'utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read observations file "${file}": ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (err as Error).message}`);
  }
}
