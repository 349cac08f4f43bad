/**
 * The query commands: paths, shortest, effects, regulators, neighbors, loops, show, search, explain. Each is a thin
 * layer over the library (src/query): parse flags, open the graph, call, print JSON or human text.
 * Library and formatter modules are imported lazily so that `mechkg --help` and other commands stay fast.
 */
import type { Command } from 'commander';
import { addPathOptions, budgetOptions, budgetValues, collect, intOption, output, pathValues, type PathFlags } from '../cli-options.js';
import { openQueryGraph } from '../open-graph.js';
import { progressLine } from '../progress.js';
import { runCommand } from '../run-command.js';
import { UsageError } from '../../errors.js';
import type { EvidenceKind } from '../../model/vocabulary.js';
import type { Progress } from '../../query/budget.js';

type State = { exitCode: number };

interface CommonFlags {
  json?: boolean;
}


export function registerQueryCommands(program: Command, state: State): void {
  const graphPath = () => program.opts().graph as string | undefined;

  const withGraph = async <T>(load: () => Promise<T>) => {
    const [mod, graph] = await Promise.all([load(), openQueryGraph(graphPath())]);
    return { mod, graph };
  };

  pathOptions(
    program
      .command('paths')
      .description('causal paths FROM -> TO, best-supported first, with net sign, evidence, agreement and confounders')
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
      const result = findPaths(graph, from, to, pathQueryValues(flags, progress.onProgress));
      progress.done();
      output(flags.json, result, formatPaths);
    });
  });

  budgetOptions(
    program
      .command('shortest')
      .description('one shortest causal route FROM -> TO (as networkx shortest_path; `paths --rank length` ranks all of them and checks their signs)')
      .argument('<from>', 'start node (id, name, synonym, abbreviation or CURIE)')
      .argument('<to>', 'end node')
      .option('--max-length <n>', 'longest path in edges', '6')
      .option('--avoid <node|category>', 'path must not enter this node or category (repeatable)', collect)
      .option('--min-evidence <kind>', "skip edges whose best evidence is weaker than this kind")
      .option('--include-associations', 'also follow non-causal edges (correlations, associations)')
      .option('--json', 'print JSON'),
  ).action(async (from: string, to: string, flags: PathFlags) => {
    state.exitCode = await runCommand(flags, async () => {
      const [{ shortestPath }, { formatShortest }, graph] = await Promise.all([
        import('../../query/shortest-path.js'),
        import('../format/format-shortest.js'),
        openQueryGraph(graphPath()),
      ]);
      const result = shortestPath(graph, from, to, {
        maxLength: intOption('--max-length', flags.maxLength),
        avoid: flags.avoid,
        minEvidence: flags.minEvidence as EvidenceKind | undefined,
        includeAssociations: flags.includeAssociations ?? false,
        ...budgetValues(flags),
      });
      output(flags.json, result, formatShortest);
    });
  });

  pathOptions(
    program
      .command('explain')
      .description('the top paths FROM -> TO as plain sentences, each step with evidence kind and citation')
      .argument('<from>', 'start node')
      .argument('<to>', 'end node'),
    3,
  ).action(async (from: string, to: string, flags: PathFlags) => {
    state.exitCode = await runCommand(flags, async () => {
      const { mod, graph } = await withGraph(() => import('../../query/explain-paths.js'));
      const progress = progressLine('explain');
      const result = mod.explainPaths(graph, from, to, pathQueryValues(flags, progress.onProgress));
      progress.done();
      output(flags.json, result, (safe) => mod.explanationText(safe));
    });
  });

  reachOptions(
    program
      .command('effects')
      .description('what rises and what falls downstream when NODE is raised (--up) or lowered (--down)')
      .argument('<node...>', 'node to raise or lower (several words are one name)')
      .option('--up', 'raise the node (default)')
      .option('--down', 'lower the node')
      .option('--all-routes', 'every sign some route gives a node ("mixed" when both), instead of the dominant direction of the shortest routes'),
  ).action(async (words: string[], flags: ReachFlags & { up?: boolean; down?: boolean; allRoutes?: boolean }) => {
    const node = words.join(' ');
    state.exitCode = await runCommand(flags, async () => {
      if (flags.up && flags.down) throw new UsageError('effects: give --up or --down, not both');
      const [{ effects }, { formatEffects }, graph] = await Promise.all([
        import('../../query/effects.js'),
        import('../format/format-effects.js'),
        openQueryGraph(graphPath()),
      ]);
      const result = effects(graph, node, { ...reachValues(flags), direction: flags.down ? 'down' : 'up', allRoutes: flags.allRoutes ?? false });
      output(flags.json, result, formatEffects);
    });
  });

  reachOptions(
    program
      .command('regulators')
      .description('what raises or lowers NODE (upstream, signed): the dominant direction of each regulator\'s shortest routes, with its best route of each sign')
      .argument('<node...>', 'node whose regulators to list (several words are one name)')
      .option('--all-routes', 'every sign some route gives ("mixed" when both), instead of the dominant direction of the shortest routes'),
  ).action(async (words: string[], flags: ReachFlags & { allRoutes?: boolean }) => {
    const node = words.join(' ');
    state.exitCode = await runCommand(flags, async () => {
      const [{ regulators }, { formatRegulators }, graph] = await Promise.all([
        import('../../query/regulators.js'),
        import('../format/format-effects.js'),
        openQueryGraph(graphPath()),
      ]);
      const result = regulators(graph, node, { ...reachValues(flags), allRoutes: flags.allRoutes ?? false });
      output(flags.json, result, formatRegulators);
    });
  });

  program
    .command('neighbors')
    .description('nodes within --depth steps of NODE, and the edges between them')
    .argument('<node...>', 'centre node (several words are one name)')
    .option('--depth <n>', 'steps', '1')
    .option('--direction <dir>', 'in, out or both', 'both')
    .option('--causal-only', 'follow causal edges only')
    .option('--min-evidence <kind>', 'skip edges whose best evidence is weaker than this kind')
    .option('--avoid <node|category>', 'do not enter this node or category (repeatable)', collect)
    .option('--limit <k>', 'most nodes to list')
    .option('--json', 'print JSON')
    .action(async (words: string[], flags: CommonFlags & { depth?: string; direction?: string; causalOnly?: boolean; minEvidence?: string; avoid?: string[]; limit?: string }) => {
      const node = words.join(' ');
      state.exitCode = await runCommand(flags, async () => {
        const [{ neighbors }, { formatNeighbors }, graph] = await Promise.all([
          import('../../query/neighbors.js'),
          import('../format/format-neighbors.js'),
          openQueryGraph(graphPath()),
        ]);
        const result = neighbors(graph, node, {
          depth: intOption('--depth', flags.depth),
          direction: flags.direction as 'in' | 'out' | 'both',
          causalOnly: flags.causalOnly ?? false,
          minEvidence: flags.minEvidence as EvidenceKind | undefined,
          avoid: flags.avoid,
          limit: intOption('--limit', flags.limit),
        });
        output(flags.json, result, formatNeighbors);
      });
    });

  budgetOptions(
    program
      .command('loops')
      .description('signed feedback loops (reinforcing +, balancing -), optionally through NODE')
      .argument('[node...]', 'only loops through this node (several words are one name)')
      .option('--max-length <n>', 'longest loop in edges', '6')
      .option('--limit <k>', 'most loops to show', '20')
      .option('--sign <sign>', '+ reinforcing only, - balancing only')
      .option('--min-evidence <kind>', 'skip edges whose best evidence is weaker than this kind')
      .option('--include-associations', 'also follow non-causal edges')
      .option('--avoid <node|category>', 'do not enter this node or category (repeatable)', collect)
      .option('--json', 'print JSON'),
  ).action(async (words: string[], flags: PathFlags) => {
    const node = words.length > 0 ? words.join(' ') : undefined;
    state.exitCode = await runCommand(flags, async () => {
      const [{ findLoops }, { formatLoops }, graph] = await Promise.all([
        import('../../query/find-loops.js'),
        import('../format/format-loops.js'),
        openQueryGraph(graphPath()),
      ]);
      const progress = progressLine('loops');
      const result = findLoops(graph, {
        ...(node === undefined ? {} : { through: node }),
        maxLength: intOption('--max-length', flags.maxLength),
        limit: intOption('--limit', flags.limit),
        sign: flags.sign,
        minEvidence: flags.minEvidence as EvidenceKind | undefined,
        includeAssociations: flags.includeAssociations ?? false,
        avoid: flags.avoid,
        ...budgetValues(flags),
        ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
      });
      progress.done();
      output(flags.json, result, formatLoops);
    });
  });

  program
    .command('show')
    .description('a node (by any name) or an edge (by id) with all its evidence and sources')
    .argument('<name...>', 'node name or edge id (several words are one name)')
    .option('--json', 'print JSON')
    .action(async (words: string[], flags: CommonFlags) => {
      const name = words.join(' ');
      state.exitCode = await runCommand(flags, async () => {
        const [{ describeItem }, { formatShow }, graph] = await Promise.all([
          import('../../query/describe.js'),
          import('../format/format-show.js'),
          openQueryGraph(graphPath()),
        ]);
        const result = describeItem(graph, name);
        output(flags.json, result, formatShow);
      });
    });

  program
    .command('search')
    .description('ranked name matches: exact, prefix, substring, near misses')
    .argument('<text...>', 'text to look for')
    .option('--limit <k>', 'most hits', '10')
    .option('--json', 'print JSON')
    .action(async (text: string[], flags: CommonFlags & { limit?: string }) => {
      state.exitCode = await runCommand(flags, async () => {
        const [{ search }, { formatSearch }, graph] = await Promise.all([
          import('../../query/search.js'),
          import('../format/format-search.js'),
          openQueryGraph(graphPath()),
        ]);
        const result = search(graph, text.join(' '), { limit: intOption('--limit', flags.limit) });
        output(flags.json, result, formatSearch);
      });
    });
}

function pathOptions(cmd: Command, defaultLimit: number): Command {
  return addPathOptions(cmd, defaultLimit).option('--json', 'print JSON');
}

function pathQueryValues(flags: PathFlags, onProgress?: (p: Progress) => void) {
  return { ...pathValues(flags), ...(onProgress ? { onProgress } : {}) };
}

interface ReachFlags extends CommonFlags {
  depth?: string;
  limit?: string;
  minEvidence?: string;
  includeAssociations?: boolean;
  avoid?: string[];
}

/** Default --limit of effects and regulators. */
const DEFAULT_REACH_LIMIT = 1000;

function reachOptions(cmd: Command): Command {
  return cmd
    .option('--depth <n>', 'most steps', '6')
    // A hub of a million-edge graph reaches ~100k nodes: listing them all, each with its routes and their
    // evidence, is hundreds of MB of JSON. The answer says how many there are (total, truncated).
    .option('--limit <k>', 'most nodes to list (the answer gives the total and says when it was cut)', String(DEFAULT_REACH_LIMIT))
    .option('--min-evidence <kind>', 'skip edges whose best evidence is weaker than this kind')
    .option('--include-associations', 'also follow non-causal edges (their effects are unknown when unsigned)')
    .option('--avoid <node|category>', 'do not pass through this node or category (repeatable)', collect)
    .option('--json', 'print JSON');
}

function reachValues(flags: ReachFlags) {
  return {
    depth: intOption('--depth', flags.depth),
    limit: intOption('--limit', flags.limit),
    minEvidence: flags.minEvidence as EvidenceKind | undefined,
    includeAssociations: flags.includeAssociations ?? false,
    avoid: flags.avoid,
  };
}
