/**
 * The query commands: paths, shortest, effects, regulators, neighbors, loops, show, search, explain. Each is a thin
 * layer over the library (src/query): parse flags, open the graph, call, print JSON or human text.
 * Library and formatter modules are imported lazily so that `mechkg --help` and other commands stay fast.
 */
import type { Command } from 'commander';
import {
  addPathOptions,
  budgetOptions,
  budgetValues,
  collect,
  defineCommand,
  intOption,
  jsonOption,
  minEvidenceOption,
  output,
  PATH_FILTER_WORDS,
  pathValues,
  routeFilterOptions,
  type PathFlags,
} from '../cli-options.js';
import { openQueryGraph } from '../open-graph.js';
import { progressLine } from '../progress.js';
import { runCommand } from '../run-command.js';
import { UsageError } from '../../errors.js';
import type { EvidenceKind } from '../../model/vocabulary.js';
import type { Progress } from '../../query/budget.js';
import type { QueryInput } from '../../query/query-input.js';

type State = { exitCode: number };

const FROM_ARG = ['<from>', 'start node (id, name, synonym, abbreviation or CURIE)'] as const;

interface CommonFlags {
  json?: boolean;
}

export function registerQueryCommands(program: Command, state: State): void {
  /**
   * The body of every query command: the library module, and for text output its formatter, imported while
   * the graph opens; the answer asked of them, then printed as JSON or as the formatter's text. With
   * --json no formatter is loaded.
   */
  const answer = async <M, R>(
    flags: CommonFlags,
    load: () => Promise<M>,
    formatter: () => Promise<(safe: R) => string>,
    ask: (mod: M, graph: QueryInput) => R | Promise<R>,
  ): Promise<void> => {
    state.exitCode = await runCommand(flags, async () => {
      const [mod, format, graph] = await Promise.all([load(), flags.json ? null : formatter(), openQueryGraph(program.opts().graph as string | undefined)]);
      output(flags.json, await ask(mod, graph), format ?? String);
    });
  };

  pathOptions(
    defineCommand(program, {
      name: 'paths',
      description: 'causal paths FROM -> TO, best-supported first, with net sign, evidence, agreement and confounders',
      args: [FROM_ARG, ['<to>', 'end node']],
    }),
    10,
  ).action((from: string, to: string, flags: PathFlags) =>
    answer(flags, () => import('../../query/find-paths.js'), async () => (await import('../format/format-paths.js')).formatPaths, ({ findPaths }, graph) =>
      withProgress('paths', (onProgress) => findPaths(graph, from, to, pathQueryValues(flags, onProgress))),
    ),
  );

  budgetOptions(
    jsonOption(
      routeFilterOptions(
        defineCommand(program, {
          name: 'shortest',
          description: 'one shortest causal route FROM -> TO (as networkx shortest_path; `paths --rank length` ranks all of them and checks their signs)',
          args: [FROM_ARG, ['<to>', 'end node']],
          options: [['--max-length <n>', 'longest path in edges', '6']],
        }),
        PATH_FILTER_WORDS,
      ),
    ),
  ).action((from: string, to: string, flags: PathFlags) =>
    answer(flags, () => import('../../query/shortest-path.js'), async () => (await import('../format/format-shortest.js')).formatShortest, ({ shortestPath }, graph) =>
      shortestPath(graph, from, to, {
        maxLength: intOption('--max-length', flags.maxLength),
        avoid: flags.avoid,
        minEvidence: flags.minEvidence as EvidenceKind | undefined,
        includeAssociations: flags.includeAssociations ?? false,
        ...budgetValues(flags),
      }),
    ),
  );

  pathOptions(
    defineCommand(program, {
      name: 'explain',
      description: 'the top paths FROM -> TO as plain sentences, each step with evidence kind and citation',
      args: [['<from>', 'start node'], ['<to>', 'end node']],
    }),
    3,
  ).action((from: string, to: string, flags: PathFlags) =>
    answer(flags, () => import('../../query/explain-paths.js'), async () => (await import('../../query/explain-paths.js')).explanationText, ({ explainPaths }, graph) =>
      withProgress('explain', (onProgress) => explainPaths(graph, from, to, pathQueryValues(flags, onProgress))),
    ),
  );

  reachOptions(
    defineCommand(program, {
      name: 'effects',
      description: 'what rises and what falls downstream when NODE is raised (--up) or lowered (--down)',
      args: [['<node...>', 'node to raise or lower (several words are one name)']],
      options: [
        ['--up', 'raise the node (default)'],
        ['--down', 'lower the node'],
        ['--all-routes', 'every sign some route gives a node ("mixed" when both), instead of the dominant direction of the shortest routes'],
      ],
    }),
  ).action((words: string[], flags: ReachFlags & { up?: boolean; down?: boolean; allRoutes?: boolean }) =>
    answer(
      flags,
      async () => {
        if (flags.up && flags.down) throw new UsageError('effects: give --up or --down, not both');
        return import('../../query/effects.js');
      },
      async () => (await import('../format/format-effects.js')).formatEffects,
      ({ effects }, graph) => effects(graph, words.join(' '), { ...reachValues(flags), direction: flags.down ? 'down' : 'up', allRoutes: flags.allRoutes ?? false }),
    ),
  );

  reachOptions(
    defineCommand(program, {
      name: 'regulators',
      description: "what raises or lowers NODE (upstream, signed): the dominant direction of each regulator's shortest routes, with its best route of each sign",
      args: [['<node...>', 'node whose regulators to list (several words are one name)']],
      options: [['--all-routes', 'every sign some route gives ("mixed" when both), instead of the dominant direction of the shortest routes']],
    }),
  ).action((words: string[], flags: ReachFlags & { allRoutes?: boolean }) =>
    answer(flags, () => import('../../query/regulators.js'), async () => (await import('../format/format-effects.js')).formatRegulators, ({ regulators }, graph) =>
      regulators(graph, words.join(' '), { ...reachValues(flags), allRoutes: flags.allRoutes ?? false }),
    ),
  );

  jsonOption(
    minEvidenceOption(
      defineCommand(program, {
        name: 'neighbors',
        description: 'nodes within --depth steps of NODE, and the edges between them',
        args: [['<node...>', 'centre node (several words are one name)']],
        options: [
          ['--depth <n>', 'steps', '1'],
          ['--direction <dir>', 'in, out or both', 'both'],
          ['--causal-only', 'follow causal edges only'],
        ],
      }),
    )
      .option('--avoid <node|category>', 'do not enter this node or category (repeatable)', collect)
      .option('--limit <k>', 'most nodes to list'),
  ).action((words: string[], flags: CommonFlags & { depth?: string; direction?: string; causalOnly?: boolean; minEvidence?: string; avoid?: string[]; limit?: string }) =>
    answer(flags, () => import('../../query/neighbors.js'), async () => (await import('../format/format-neighbors.js')).formatNeighbors, ({ neighbors }, graph) =>
      neighbors(graph, words.join(' '), {
        depth: intOption('--depth', flags.depth),
        direction: flags.direction as 'in' | 'out' | 'both',
        causalOnly: flags.causalOnly ?? false,
        minEvidence: flags.minEvidence as EvidenceKind | undefined,
        avoid: flags.avoid,
        limit: intOption('--limit', flags.limit),
      }),
    ),
  );

  budgetOptions(
    jsonOption(
      routeFilterOptions(
        defineCommand(program, {
          name: 'loops',
          description: 'signed feedback loops (reinforcing +, balancing -), optionally through NODE',
          args: [['[node...]', 'only loops through this node (several words are one name)']],
          options: [
            ['--max-length <n>', 'longest loop in edges', '6'],
            ['--limit <k>', 'most loops to show', '20'],
            ['--sign <sign>', '+ reinforcing only, - balancing only'],
          ],
        }),
        { avoid: 'do not enter this node or category', associations: '' },
      ),
    ),
  ).action((words: string[], flags: PathFlags) =>
    answer(flags, () => import('../../query/find-loops.js'), async () => (await import('../format/format-loops.js')).formatLoops, ({ findLoops }, graph) =>
      withProgress('loops', (onProgress) =>
        findLoops(graph, {
          ...(words.length > 0 ? { through: words.join(' ') } : {}),
          maxLength: intOption('--max-length', flags.maxLength),
          limit: intOption('--limit', flags.limit),
          sign: flags.sign,
          minEvidence: flags.minEvidence as EvidenceKind | undefined,
          includeAssociations: flags.includeAssociations ?? false,
          avoid: flags.avoid,
          ...budgetValues(flags),
          ...(onProgress ? { onProgress } : {}),
        }),
      ),
    ),
  );

  jsonOption(
    defineCommand(program, {
      name: 'show',
      description: 'a node (by any name) or an edge (by id) with all its evidence and sources',
      args: [['<name...>', 'node name or edge id (several words are one name)']],
    }),
  ).action((words: string[], flags: CommonFlags) =>
    answer(flags, () => import('../../query/describe.js'), async () => (await import('../format/format-show.js')).formatShow, ({ describeItem }, graph) => describeItem(graph, words.join(' '))),
  );

  jsonOption(
    defineCommand(program, {
      name: 'search',
      description: 'ranked name matches: exact, prefix, substring, near misses',
      args: [['<text...>', 'text to look for']],
      options: [['--limit <k>', 'most hits', '10']],
    }),
  ).action((text: string[], flags: CommonFlags & { limit?: string }) =>
    answer(flags, () => import('../../query/search.js'), async () => (await import('../format/format-search.js')).formatSearch, ({ search }, graph) =>
      search(graph, text.join(' '), { limit: intOption('--limit', flags.limit) }),
    ),
  );
}

/** Runs a search with a progress line on stderr (in a terminal only), closed when it ends. */
function withProgress<R>(name: string, run: (onProgress: ((p: Progress) => void) | undefined) => R): R {
  const progress = progressLine(name);
  const result = run(progress.onProgress);
  progress.done();
  return result;
}

function pathOptions(cmd: Command, defaultLimit: number): Command {
  return jsonOption(addPathOptions(cmd, defaultLimit));
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
  return jsonOption(
    routeFilterOptions(
      cmd
        .option('--depth <n>', 'most steps', '6')
        // A hub of a million-edge graph reaches ~100k nodes: listing them all, each with its routes and their
        // evidence, is hundreds of MB of JSON. The answer says how many there are (total, truncated).
        .option('--limit <k>', 'most nodes to list (the answer gives the total and says when it was cut)', String(DEFAULT_REACH_LIMIT)),
      { avoid: 'do not pass through this node or category', associations: ' (their effects are unknown when unsigned)' },
    ),
  );
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
