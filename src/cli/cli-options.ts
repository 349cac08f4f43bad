/** Turning CLI option strings into library option values; bad values are UsageErrors naming the flag. */
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { printJson } from './run-command.js';
import { oneLineCopy, terminalSafe } from './terminal-text.js';
import type { EvidenceKind } from '../model/vocabulary.js';

/** A command as data: its name, description, positional arguments and plain options ([flags, description, default?]). */
export interface CommandSpec {
  name: string;
  description: string;
  args: readonly (readonly [spec: string, description: string])[];
  options?: readonly (readonly [flags: string, description: string, defaultValue?: string])[];
}

/** Adds the command a CommandSpec describes to program (options in the order given, as --help lists them). */
export function defineCommand(program: Command, spec: CommandSpec): Command {
  const cmd = program.command(spec.name).description(spec.description);
  for (const [arg, description] of spec.args) cmd.argument(arg, description);
  for (const [flags, description, defaultValue] of spec.options ?? []) cmd.option(flags, description, defaultValue);
  return cmd;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function intOption(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n)) throw new UsageError(`${flag}: expected a whole number, got "${value}"`);
  return n;
}

/** Adds the budget options of enumerating commands; the defaults are the library's, named in the help. */
export function budgetOptions(cmd: Command, defaults = { maxExpansions: '5000000', timeout: '5000' }): Command {
  return cmd
    .option('--max-expansions <n>', `work budget: most edge expansions (default ${defaults.maxExpansions})`)
    .option('--timeout <ms>', `work budget: most milliseconds (default ${defaults.timeout})`);
}

/** `--json`, which every query command takes. */
export function jsonOption(cmd: Command): Command {
  return cmd.option('--json', 'print JSON');
}

/** `--min-evidence`, which every traversing command takes. */
export function minEvidenceOption(cmd: Command, note = ''): Command {
  return cmd.option('--min-evidence <kind>', `${note}skip edges whose best evidence is weaker than this kind`);
}

/**
 * The options that filter what a route may pass through, in this order: `--avoid` (what it may not enter,
 * in the command's words), `--min-evidence`, and `--include-associations` (with the command's note on what
 * following a non-causal edge gives).
 */
export function routeFilterOptions(cmd: Command, words: { avoid: string; associations: string }, note = ''): Command {
  return minEvidenceOption(cmd.option('--avoid <node|category>', `${note}${words.avoid} (repeatable)`, collect), note).option(
    '--include-associations',
    `${note}also follow non-causal edges${words.associations}`,
  );
}

/** What `paths`, `shortest` and `export --paths` say of their filters. */
export const PATH_FILTER_WORDS = { avoid: 'path must not enter this node or category', associations: ' (correlations, associations)' };

export function budgetValues(opts: { maxExpansions?: string; timeout?: string }): { maxExpansions?: number; maxMillis?: number } {
  const out: { maxExpansions?: number; maxMillis?: number } = {};
  const e = intOption('--max-expansions', opts.maxExpansions);
  const t = intOption('--timeout', opts.timeout);
  if (e !== undefined) out.maxExpansions = e;
  if (t !== undefined) out.maxMillis = t;
  return out;
}

/**
 * Writes a result: JSON on stdout with --json, else the human text. The formatter is handed a copy in which
 * every data string is one line, and its text is made terminal-safe.
 */
export function output<T>(json: boolean | undefined, value: T, human: (safe: T) => string): void {
  if (json) printJson(value);
  else process.stdout.write(terminalSafe(human(oneLineCopy(value))));
}

/** Flags of a path query, shared by `paths`, `explain` and `export --paths`. */
export interface PathFlags {
  json?: boolean;
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

/** Adds the path-query options; `note` prefixes each description (e.g. "with --paths: "). */
export function addPathOptions(cmd: Command, defaultLimit: number, note = ''): Command {
  const limited = cmd
    .option('--max-length <n>', `${note}longest path in edges`, '6')
    .option('--limit <k>', `${note}most paths`, String(defaultLimit))
    .option('--sign <sign>', `${note}keep only paths with this net sign: + or -`)
    .option('--via <node>', `${note}path must visit this node (repeatable)`, collect);
  return budgetOptions(
    routeFilterOptions(limited, PATH_FILTER_WORDS, note).option(
      '--rank <rank>',
      `${note}evidence (best-supported first: weakest step's evidence kind, then its independent studies, then length) or length (shortest first)`,
      'evidence',
    ),
  );
}

/** Path-query flags as findPaths options (values are checked by findPaths, which names the option). */
export function pathValues(flags: PathFlags) {
  return {
    maxLength: intOption('--max-length', flags.maxLength),
    limit: intOption('--limit', flags.limit),
    sign: flags.sign,
    via: flags.via,
    avoid: flags.avoid,
    minEvidence: flags.minEvidence as EvidenceKind | undefined,
    includeAssociations: flags.includeAssociations ?? false,
    rank: flags.rank as 'length' | 'evidence' | undefined,
    ...budgetValues(flags),
  };
}
