/** Turning CLI option strings into library option values; bad values are UsageErrors naming the flag. */
import type { Command } from 'commander';
import { UsageError } from '../errors.js';

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function intOption(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n)) throw new UsageError(`${flag}: expected a whole number, got "${value}"`);
  return n;
}

/** Adds the budget options shared by enumerating commands. */
export function budgetOptions(cmd: Command): Command {
  return cmd
    .option('--max-expansions <n>', 'work budget: most edge expansions (default 5000000)')
    .option('--timeout <ms>', 'work budget: most milliseconds (default 5000)');
}

export function budgetValues(opts: { maxExpansions?: string; timeout?: string }): { maxExpansions?: number; maxMillis?: number } {
  const out: { maxExpansions?: number; maxMillis?: number } = {};
  const e = intOption('--max-expansions', opts.maxExpansions);
  const t = intOption('--timeout', opts.timeout);
  if (e !== undefined) out.maxExpansions = e;
  if (t !== undefined) out.maxMillis = t;
  return out;
}

/** Writes a result: JSON on stdout with --json, else the human text. */
export function output(json: boolean | undefined, value: unknown, human: () => string): void {
  if (json) process.stdout.write(JSON.stringify(value, null, 2) + '\n');
  else process.stdout.write(human());
}
