/**
 * A work budget for enumerations that can blow up: edge expansions and wall time. The algorithm calls
 * spend() once per edge it expands; when either limit is hit it stops and reports complete: false.
 */
import { UsageError } from '../errors.js';

export interface BudgetOptions {
  /** Most edge expansions before giving up (default 5,000,000). */
  maxExpansions?: number;
  /** Most wall-clock milliseconds before giving up (default 5,000). */
  maxMillis?: number;
  /** Called about every 200 ms of a long enumeration (the CLI prints it on a TTY). */
  onProgress?: (progress: Progress) => void;
}

export interface Progress {
  expansions: number;
  found: number;
  elapsedMs: number;
}

export type StopReason = 'expansions' | 'time';

/** Work done, reported with every budgeted result. */
export interface WorkStats {
  expansions: number;
  /** Which limit cut the enumeration, or null when it ran to the end. */
  stoppedBy: StopReason | null;
}

export const DEFAULT_MAX_EXPANSIONS = 5_000_000;
export const DEFAULT_MAX_MILLIS = 5_000;
const CHECK_EVERY = 4096;
const PROGRESS_EVERY_MS = 200;

export class Budget {
  expansions = 0;
  found = 0;
  stoppedBy: StopReason | null = null;
  private readonly maxExpansions: number;
  private readonly deadline: number;
  private readonly started = now();
  private nextCheck = CHECK_EVERY;
  private nextProgress: number;
  private readonly onProgress: ((p: Progress) => void) | undefined;

  constructor(where: string, opts: BudgetOptions) {
    this.maxExpansions = positive(where, 'maxExpansions', opts.maxExpansions ?? DEFAULT_MAX_EXPANSIONS);
    this.deadline = this.started + positive(where, 'maxMillis', opts.maxMillis ?? DEFAULT_MAX_MILLIS);
    this.onProgress = opts.onProgress;
    this.nextProgress = this.started + PROGRESS_EVERY_MS;
  }

  /** Counts n expansions; false once the budget is exhausted (and from then on). */
  spend(n = 1): boolean {
    if (this.stoppedBy) return false;
    this.expansions += n;
    if (this.expansions > this.maxExpansions) {
      this.stoppedBy = 'expansions';
      return false;
    }
    if (this.expansions >= this.nextCheck) {
      this.nextCheck = this.expansions + CHECK_EVERY;
      const t = now();
      if (t > this.deadline) {
        this.stoppedBy = 'time';
        return false;
      }
      if (this.onProgress && t >= this.nextProgress) {
        this.nextProgress = t + PROGRESS_EVERY_MS;
        this.onProgress({ expansions: this.expansions, found: this.found, elapsedMs: Math.round(t - this.started) });
      }
    }
    return true;
  }

  get exhausted(): boolean {
    return this.stoppedBy !== null;
  }

  stats(): WorkStats {
    return { expansions: Math.min(this.expansions, this.maxExpansions), stoppedBy: this.stoppedBy };
  }
}

function positive(where: string, name: string, value: number): number {
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
    throw new UsageError(`${where}: option ${name} must be a positive number, got ${JSON.stringify(value)}`);
  }
  return value;
}

function now(): number {
  return globalThis.performance ? globalThis.performance.now() : Date.now();
}
