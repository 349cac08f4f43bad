/** Shared CLI plumbing: turning errors into one-line messages and exit codes, JSON vs human output. */
import { MechkgError, NameResolutionError, ValidationError, formatProblem } from '../errors.js';
import { oneLine, safeJson, safeJsonChunks, terminalSafe } from './terminal-text.js';

export interface OutputOptions {
  json?: boolean;
}

/** Prints a known error as one line (JSON on stderr with --json) and returns its exit code. */
export function reportError(err: unknown, opts: OutputOptions): number {
  if (err instanceof NameResolutionError) {
    writeError(opts, err.message, { error: err.reason === 'ambiguous' ? 'ambiguous_name' : 'unknown_name', query: err.query, suggestions: err.suggestions });
    return err.exitCode;
  }
  if (err instanceof ValidationError) {
    if (opts.json) process.stderr.write(safeJson({ error: 'invalid_graph', message: err.message, problems: err.problems }) + '\n');
    else for (const p of err.problems) process.stderr.write(`mechkg: ${terminalSafe(oneLine(formatProblem(p)))}\n`);
    return err.exitCode;
  }
  if (err instanceof MechkgError) {
    writeError(opts, err.message, { error: err.name });
    return err.exitCode;
  }
  // An unexpected failure is a bug in mechkg: still one clear line, with a hint to report it.
  const message = err instanceof Error ? err.message : String(err);
  writeError(opts, `internal error: ${message} (please report this; run with MECHKG_DEBUG=1 for a stack trace)`, { error: 'internal' });
  if (process.env.MECHKG_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  return 70;
}

function writeError(opts: OutputOptions, message: string, extra: Record<string, unknown>): void {
  if (opts.json) process.stderr.write(safeJson({ ...extra, message }) + '\n');
  else process.stderr.write(`mechkg: ${terminalSafe(oneLine(message))}\n`);
}

/** JSON on stdout, written in pieces: an answer of any size, never one giant string. */
export function printJson(value: unknown): void {
  for (const chunk of safeJsonChunks(value, 2)) process.stdout.write(chunk);
  process.stdout.write('\n');
}

/** Runs a command body, mapping thrown errors to exit codes; the body returns its own exit code. */
export async function runCommand(opts: OutputOptions, body: () => number | void | Promise<number | void>): Promise<number> {
  try {
    return (await body()) ?? 0;
  } catch (err) {
    return reportError(err, opts);
  }
}
