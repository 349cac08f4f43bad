/** `mechkg validate [DIR]`: every problem in a graph directory, non-zero exit on any error. */
import type { Command } from 'commander';
import { formatProblem } from '../../errors.js';
import { tryLoadGraph } from '../../node/load-graph.js';
import { printJson, runCommand } from '../run-command.js';
import { oneLine, terminalSafe } from '../terminal-text.js';

export function registerValidate(program: Command, state: { exitCode: number }): void {
  program
    .command('validate')
    .description('check a graph directory (default: the curated graph) and list every problem')
    .argument('[dir]', 'graph directory (sources.yaml + module files)')
    .option('--json', 'print the report as JSON')
    .option('--strict', 'treat warnings as errors')
    .action(async (dir: string | undefined, opts: { json?: boolean; strict?: boolean }) => {
      state.exitCode = await runCommand(opts, () => {
        const result = tryLoadGraph(dir ?? (program.opts().graph as string | undefined));
        const errors = result.problems.filter((p) => p.level === 'error').length;
        const warnings = result.problems.length - errors;
        const failed = errors > 0 || (opts.strict === true && warnings > 0);
        if (opts.json) {
          printJson({
            ok: !failed,
            errors,
            warnings,
            problems: result.problems,
            ...(result.ok ? { nodes: result.graph.order, edges: result.graph.size } : {}),
          });
        } else {
          for (const p of result.problems) process.stdout.write(`${terminalSafe(oneLine(formatProblem(p)))}\n`);
          const summary = result.ok ? `${result.graph.order} nodes, ${result.graph.size} edges; ` : '';
          process.stdout.write(`${failed ? 'invalid' : 'valid'}: ${summary}${errors} error(s), ${warnings} warning(s)\n`);
        }
        return failed ? 1 : 0;
      });
    });
}
