/**
 * The query commands: paths, effects, regulators, neighbors, loops, show, search, explain. Each is a thin
 * layer over the library (src/query): parse flags, open the graph, call, print JSON or human text.
 * Library and formatter modules are imported lazily so that `mechkg --help` and other commands stay fast.
 */
import type { Command } from 'commander';
import { budgetOptions, budgetValues, collect, intOption, output } from '../cli-options.js';
import { openQueryGraph } from '../open-graph.js';
import { progressLine } from '../progress.js';
import { runCommand } from '../run-command.js';

type State = { exitCode: number };

interface CommonFlags {
  json?: boolean;
}

interface PathFlags extends CommonFlags {
  maxLength?: string;
  limit?: string;
  sign?: string;
  via?: string[];
  avoid?: string[];
  minEvidence?: string;
  includeAssociations?: boolean;
  rank?: string;
  maxExpansions?: string;
  timeout?: string;
}

export function registerQueryCommands(program: Command, state: State): void {
  const graphPath = () => program.opts().graph as string | undefined;

  pathOptions(
    program
      .command('paths')
      .description('causal paths FROM -> TO, shortest first, with net sign and evidence')
      .argument('<from>', 'start node (id, name, synonym, abbreviation or CURIE)')
      .argument('<to>', 'end node'),
    10,
  ).action(async (from: string, to: string, flags: PathFlags) => {
    state.exitCode = await runCommand(flags, async () => {
      const [{ findPaths }, { formatPaths }, graph] = await Promise.all([
        import('../../query/find-paths.js'),
        import('../format/format-paths.js'),
        openQueryGraph(graphPath()),
      ]);
      const progress = progressLine('paths');
      const result = findPaths(graph, from, to, pathValues(flags, progress.onProgress));
      progress.done();
      output(flags.json, result, () => formatPaths(result));
    });
  });
}

function pathOptions(cmd: Command, defaultLimit: number): Command {
  return budgetOptions(
    cmd
      .option('--max-length <n>', 'longest path in edges', '6')
      .option('--limit <k>', 'most paths to show', String(defaultLimit))
      .option('--sign <sign>', 'keep only paths with this net sign: + or -')
      .option('--via <node>', 'path must visit this node (repeatable)', collect)
      .option('--avoid <node|category>', 'path must not enter this node or category (repeatable)', collect)
      .option('--min-evidence <kind>', 'skip edges whose best evidence is weaker than this kind')
      .option('--include-associations', 'also follow non-causal edges (correlations, associations)')
      .option('--rank <rank>', 'length (shortest first) or evidence (strongest weakest link first)', 'length')
      .option('--json', 'print JSON'),
  );
}

function pathValues(flags: PathFlags, onProgress?: (p: import('../../query/budget.js').Progress) => void) {
  return {
    maxLength: intOption('--max-length', flags.maxLength),
    limit: intOption('--limit', flags.limit),
    sign: flags.sign,
    via: flags.via,
    avoid: flags.avoid,
    minEvidence: flags.minEvidence as import('../../model/vocabulary.js').EvidenceKind | undefined,
    includeAssociations: flags.includeAssociations ?? false,
    rank: flags.rank as 'length' | 'evidence' | undefined,
    ...budgetValues(flags),
    ...(onProgress ? { onProgress } : {}),
  };
}
