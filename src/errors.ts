/** One error base class and a few named kinds; messages read "where: what". */
import type { Problem } from './model/types.js';

export class MechkgError extends Error {
  override name = 'MechkgError';
  /** Process exit code the CLI uses for this error. */
  readonly exitCode: number = 1;
}

/** Bad arguments or options (exit 2). */
export class UsageError extends MechkgError {
  override name = 'UsageError';
  override readonly exitCode = 2;
}

/** A node or edge name that does not resolve, or resolves to several (exit 2). */
export class NameResolutionError extends MechkgError {
  override name = 'NameResolutionError';
  override readonly exitCode = 2;
  constructor(
    message: string,
    readonly query: string,
    readonly reason: 'unknown' | 'ambiguous',
    readonly suggestions: { id: string; label: string }[],
  ) {
    super(message);
  }
}

/** Loading found errors; carries every problem, not just the first. */
export class ValidationError extends MechkgError {
  override name = 'ValidationError';
  constructor(readonly problems: Problem[]) {
    const errors = problems.filter((p) => p.level === 'error');
    super(`${errors.length} error(s) in graph data; first: ${errors[0] ? formatProblem(errors[0]) : 'none'}`);
  }
}

/** "file:line:column: level [code] id: message", the shape editors and CI logs link to. */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.line, p.line !== undefined ? p.column : undefined].filter((x) => x !== undefined).join(':');
  return `${where}: ${p.level} [${p.code}]${p.id ? ` ${p.id}:` : ''} ${p.message}`;
}
