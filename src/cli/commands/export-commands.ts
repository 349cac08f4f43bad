/**
 * `mechkg export`: choose a subgraph (seeds + depth, the paths of a query, categories or modules, or the
 * whole graph) and write it in one of the registered formats, to stdout or --out FILE|PREFIX.
 */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { addPathOptions, collect, intOption, pathValues, type PathFlags } from '../cli-options.js';
import { runCommand } from '../run-command.js';

type State = { exitCode: number };

interface ExportFlags extends PathFlags {
  format?: string;
  out?: string;
  title?: string;
  seed?: string[];
  depth?: string;
  direction?: string;
  paths?: string[];
  category?: string[];
  module?: string[];
  listFormats?: boolean;
  graphviz?: string;
}

export function registerExportCommands(program: Command, state: State): void {
  addPathOptions(
    program
      .command('export')
      .description('export a subgraph (default: the whole graph) as cyjs, cx2, graphml, sbgn, dot, mermaid, kgx, kgx-jsonl, csv, sif, svg, png, html or neo4j')
      .option('--format <name>', 'output format (default: from the --out extension, else cyjs); see --list-formats')
      .option('--out <file|prefix>', 'output file, or PREFIX for multi-file formats (PREFIX_nodes.tsv, ...); default stdout')
      .option('--title <text>', 'title for figures and pages')
      .option('--graphviz <which>', 'svg/png figures: bundled (WebAssembly Graphviz from npm) or system (the dot program on PATH)', 'bundled')
      .option('--seed <node>', 'select the neighbourhood of this node (repeatable)', collect)
      .option('--depth <n>', 'with --seed: steps from the seeds', '1')
      .option('--direction <dir>', 'with --seed: in, out or both', 'both')
      .option('--paths <from-and-to...>', 'select the paths FROM TO of a path query')
      .option('--category <category>', 'select nodes of this category (repeatable)', collect)
      .option('--module <module>', 'select nodes of this module (repeatable)', collect)
      .option('--list-formats', 'list the formats and exit')
      .option('--json', 'errors as JSON on stderr'),
    10,
    'with --paths: ',
  ).action(async (flags: ExportFlags) => {
    state.exitCode = await runCommand(flags, async () => {
      const [{ EXPORT_FORMATS, exportFormat, exportGraph }, { loadGraph }, { isFile, loadGraphFile }, { createNodeExportEnv }, { writeExportOutput }, { readLayoutPositions }] = await Promise.all([
        import('../../export/formats.js'),
        import('../../node/load-graph.js'),
        import('../open-graph.js'),
        import('../../node/export-env.js'),
        import('../../node/write-export.js'),
        import('../../node/read-positions.js'),
      ]);
      if (flags.listFormats) {
        for (const f of Object.values(EXPORT_FORMATS)) process.stdout.write(`${f.name.padEnd(10)} ${f.description}\n`);
        return 0;
      }
      const format = exportFormat(flags.format ?? formatFromOut(flags.out, EXPORT_FORMATS) ?? 'cyjs');
      // Refuse a binary figure for the terminal before doing the work (and before asking for a renderer).
      if (format.output === 'binary' && !flags.out) throw new UsageError(`export: --format ${format.name} is binary; give --out FILE`);
      const env = createNodeExportEnv(flags.graphviz);
      const graphPath = program.opts().graph as string | undefined;
      const graph = graphPath !== undefined && isFile(graphPath) ? await loadGraphFile(graphPath) : loadGraph(graphPath);
      const selection = await select(graph, flags);
      // formats with coordinates (cx2, sbgn, graphml's yEd geometry) take the diagram's stored positions when the graph is a directory
      const positions = format.name === 'cx2' || format.name === 'sbgn' || format.name === 'graphml' ? readLayoutPositions(program.opts().graph as string | undefined) : null;
      const output = await exportGraph(selection.graph, format.name, { title: flags.title ?? selection.title, paths: selection.paths, positions }, env);
      const written = writeExportOutput(format, output, flags.out, (t) => process.stdout.write(t));
      if (typeof output === 'object' && 'files' in output) for (const w of output.warnings ?? []) process.stderr.write(`mechkg: warning: ${w}\n`);
      if (written[0] !== '-') {
        process.stderr.write(`mechkg: wrote ${written.join(', ')} (${selection.graph.order} nodes, ${selection.graph.size} edges${selection.paths.length ? `, ${selection.paths.length} paths` : ''})\n`);
      }
      return 0;
    });
  });
}

function formatFromOut(out: string | undefined, formats: Record<string, { name: string; extensions: readonly string[] }>): string | undefined {
  if (!out) return undefined;
  const lower = out.toLowerCase();
  for (const f of Object.values(formats)) if (f.extensions.some((x) => x.startsWith('.') && lower.endsWith(x))) return f.name;
  return undefined;
}

async function select(graph: import('../../model/types.js').KnowledgeGraph, flags: ExportFlags) {
  const sel = await import('../../export/select-subgraph.js');
  const kinds = [flags.seed?.length ? '--seed' : '', flags.paths ? '--paths' : '', flags.category?.length || flags.module?.length ? '--category/--module' : ''].filter(Boolean);
  if (kinds.length > 1) throw new UsageError(`export: choose one selection, not ${kinds.join(' and ')}`);
  if (flags.paths) {
    if (flags.paths.length !== 2) throw new UsageError(`export: --paths takes two nodes, FROM and TO; got ${flags.paths.length} (${flags.paths.join(' ')})`);
    return sel.selectPaths(graph, flags.paths[0]!, flags.paths[1]!, pathValues(flags));
  }
  if (flags.seed?.length) {
    return sel.selectNeighborhood(graph, flags.seed, { depth: intOption('--depth', flags.depth), direction: flags.direction as 'in' | 'out' | 'both' });
  }
  if (flags.category?.length || flags.module?.length) return sel.selectByFilter(graph, { categories: flags.category ?? [], modules: flags.module ?? [] });
  return sel.selectWholeGraph(graph);
}
