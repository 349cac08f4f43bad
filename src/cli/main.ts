/** The mechkg CLI: a thin layer over the library. Each command lives in src/cli/commands/. */
import { Command, CommanderError } from 'commander';
import { registerExportCommands } from './commands/export-commands.js';
import { registerQueryCommands } from './commands/query-commands.js';
import { registerValidate } from './commands/validate.js';

export async function main(argv: string[]): Promise<number> {
  const state = { exitCode: 0 };
  const program = new Command('mechkg')
    .description('Explore a knowledge graph of metabolic mechanisms: causal paths, effects, evidence, exports.')
    .option('--graph <path>', 'use another graph: a mechkg graph directory or a KGX *_edges.tsv file')
    .showSuggestionAfterError()
    .exitOverride();
  registerValidate(program, state);
  registerQueryCommands(program, state);
  registerExportCommands(program, state);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    throw err;
  }
  return state.exitCode;
}
