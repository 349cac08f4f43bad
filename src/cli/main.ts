/** The mechkg CLI: a thin layer over the library. Each command lives in src/cli/commands/. */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerExportCommands } from './commands/export-commands.js';
import { registerHypothesesCommand } from './commands/hypotheses-command.js';
import { registerQueryCommands } from './commands/query-commands.js';
import { guardStandardStreams } from './closed-output.js';
import { terminalSafe } from './terminal-text.js';

export async function main(argv: string[]): Promise<number> {
  guardStandardStreams();
  const state = { exitCode: 0 };
  const program = new Command('mechkg')
    .description('Explore a knowledge graph of metabolic mechanisms: causal paths, effects, evidence, exports.')
    .version(packageVersion(), '-V, --version', 'print the version of mechkg')
    .option('--graph <path>', 'use another graph: a mechkg graph directory, a KGX TSV / CSV / JSON / JSON Lines file, a TRAPI message, Cytoscape JSON, CX2, graphology JSON (Gephi), node-link JSON (networkx), GraphML or GEXF (told by content)')
    .showSuggestionAfterError()
    // commander echoes unknown commands and options: terminal-safe like every other text path
    .configureOutput({ writeErr: (s) => process.stderr.write(terminalSafe(s)), writeOut: (s) => process.stdout.write(terminalSafe(s)) })
    .exitOverride();
  // validate pulls in the whole YAML/zod loader: registered only when it can be the command (or for help),
  // so query commands start fast.
  if (!QUERY_COMMANDS.has(commandName(argv.slice(2)) ?? '')) (await import('./commands/validate.js')).registerValidate(program, state);
  registerQueryCommands(program, state);
  registerHypothesesCommand(program, state);
  registerExportCommands(program, state);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    throw err;
  }
  return state.exitCode;
}

/** The version in package.json (two folders above this file in src/ and in dist/src/ alike: found by walking up). */
function packageVersion(): string {
  for (const rel of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'mechkg' && pkg.version) return pkg.version;
    } catch {
      // not at this level
    }
  }
  return 'unknown';
}

const QUERY_COMMANDS = new Set(['paths', 'shortest', 'effects', 'regulators', 'neighbors', 'loops', 'show', 'search', 'explain', 'hypotheses']);

/** The command word of an argument list (the first non-option, skipping the value of --graph). */
function commandName(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--graph') i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}
