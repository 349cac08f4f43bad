/** `mechkg validate [DIR]`: every problem in a graph directory, non-zero exit on any error; --report adds the curation report. */
import type { Command } from 'commander';
import { formatProblem } from '../../errors.js';
import { curationReport, formatCurationReport } from '../../graph/curation-report.js';
import { tryLoadGraph } from '../../node/load-graph.js';
import { bundledGraphDir } from '../../node/read-graph-dir.js';
import { readUnverifiedIdentifiers } from '../../node/read-unverified-identifiers.js';
import { printJson, runCommand } from '../run-command.js';
import { oneLine, terminalSafe } from '../terminal-text.js';

export function registerValidate(program: Command, state: { exitCode: number }): void {
  program
    .command('validate')
    .description('check a graph directory (default: the curated graph) and list every problem')
    .argument('[dir]', 'graph directory (sources.yaml + module files)')
    .option('--json', 'print the report as JSON')
    .option('--strict', 'treat warnings as errors')
    .option('--report', 'add the curation report: literature behind causal edges, evidence kinds, unverified identifiers, unused sources')
    .action(async (dir: string | undefined, opts: { json?: boolean; strict?: boolean; report?: boolean }) => {
      state.exitCode = await runCommand(opts, () => {
        const graphDir = dir ?? (program.opts().graph as string | undefined);
        const result = tryLoadGraph(graphDir);
        const errors = result.problems.filter((p) => p.level === 'error').length;
        const warnings = result.problems.length - errors;
        const failed = errors > 0 || (opts.strict === true && warnings > 0);
        // The report needs a loaded graph; with errors there is nothing trustworthy to count.
        const report = opts.report && result.ok ? curationReport(result.graph, readUnverifiedIdentifiers(graphDir ?? bundledGraphDir())) : undefined;
        if (opts.json) {
          printJson({
            ok: !failed,
            errors,
            warnings,
            problems: result.problems,
            ...(result.ok ? { nodes: result.graph.order, edges: result.graph.size } : {}),
            ...(report ? { report } : {}),
          });
        } else {
          for (const p of result.problems) process.stdout.write(`${terminalSafe(oneLine(formatProblem(p)))}\n`);
          const summary = result.ok ? `${result.graph.order} nodes, ${result.graph.size} edges; ` : '';
          process.stdout.write(`${failed ? 'invalid' : 'valid'}: ${summary}${errors} error(s), ${warnings} warning(s)\n`);
          if (report) process.stdout.write(terminalSafe(formatCurationReport(report)));
          else if (opts.report) process.stdout.write('no curation report: the graph has errors\n');
        }
        return failed ? 1 : 0;
      });
    });
}
