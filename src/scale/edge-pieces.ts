/**
 * Node-only: the rows of a big KGX edges file cut into pieces of about PIECE_BYTES that two threads share
 * out as they go: the loader's thread takes pieces from the front, the worker from the back, each piece
 * claimed once with an atomic compare-and-swap on shared memory, until the two meet. A fixed split point
 * left one thread idle for as long as the other needed longer, and which one that was depended on the
 * file's shape (bytes per row, the nodes file's size, the worker's start-up): with claiming, both finish
 * within about one piece of each other whatever the file.
 *
 * A piece owns the lines that start in its byte range: it runs from the first line start at or after its
 * nominal start to the first line start at or after the next piece's, so both threads cut the file at the
 * same places without talking to each other.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { MAX_ROW_BYTES } from '../model/input-limits.js';
import { forEachChunk } from './tsv-lines.js';

/** Nominal bytes per piece: small enough that the threads finish close together, big enough that claiming costs nothing. */
export const PIECE_BYTES = 1 << 20;
/** Claim values: who parses the piece. */
export const FRONT = 1;
export const BACK = 2;

export interface PiecePlan {
  path: string;
  /** Where the rows start (just after the header line) and the file's size. */
  rowsStart: number;
  size: number;
  pieceBytes: number;
  /** Number of pieces. */
  count: number;
  /** One Int32 per piece: 0 unclaimed, FRONT or BACK (over a SharedArrayBuffer when a worker shares it). */
  claims: Int32Array;
}

export function makePiecePlan(path: string, rowsStart: number, size: number, pieceBytes = PIECE_BYTES, shared = true): PiecePlan {
  const bytes = Math.max(1, Math.floor(pieceBytes));
  const count = Math.max(1, Math.ceil((size - rowsStart) / bytes));
  const claims = new Int32Array(shared ? new SharedArrayBuffer(4 * count) : new ArrayBuffer(4 * count));
  return { path, rowsStart, size, pieceBytes: bytes, count, claims };
}

/** Claims piece j for `who`; false when the other thread has it. */
export function claimPiece(plan: PiecePlan, j: number, who: number): boolean {
  return Atomics.compareExchange(plan.claims, j, 0, who) === 0;
}

/** Pieces claimed by `who` so far (for progress reports). */
export function claimedBy(plan: PiecePlan, who: number): number {
  let n = 0;
  for (let j = 0; j < plan.count; j++) if (Atomics.load(plan.claims, j) === who) n++;
  return n;
}

/**
 * Reads pieces of one file: each piece's bytes in one read (pieces are about a megabyte), handed to onChunk
 * as whole lines. A piece longer than the longest row allowed (a row that long, or a file without line
 * ends) is streamed instead, so the row-length limit is checked there as everywhere else.
 */
export class PieceReader {
  private fd: number | null = null;
  private buf: Buffer = Buffer.allocUnsafe(0);
  private readonly probe = Buffer.allocUnsafe(4096);
  /** Line-aligned start of piece j (computed once: a piece's end is the next one's start). */
  private readonly starts = new Map<number, number>();

  constructor(private readonly plan: PiecePlan) {}

  /** Bytes [start, end) of piece j, at line starts. */
  range(j: number): [number, number] {
    return [this.start(j), this.start(j + 1)];
  }

  async read(j: number, onChunk: (buf: Buffer, start: number, end: number, fileOffset: number) => void): Promise<void> {
    const [start, end] = this.range(j);
    if (end <= start) return;
    const n = end - start;
    if (n > MAX_ROW_BYTES) {
      await forEachChunk(this.plan.path, onChunk, { start, end });
      return;
    }
    if (this.buf.length < n) this.buf = Buffer.allocUnsafe(Math.max(n, this.plan.pieceBytes * 2));
    let got = 0;
    while (got < n) {
      const r = readSync(this.fileDescriptor(), this.buf, got, n - got, start + got);
      if (r === 0) break; // the file shrank under us: parse what is there
      got += r;
    }
    onChunk(this.buf, 0, got, start);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private fileDescriptor(): number {
    this.fd ??= openSync(this.plan.path, 'r');
    return this.fd;
  }

  /** The first line start at or after piece j's nominal start (the rows' start for j = 0, the file's end past the last). */
  private start(j: number): number {
    const { rowsStart, size, pieceBytes, count } = this.plan;
    if (j <= 0) return rowsStart;
    if (j >= count) return size;
    let s = this.starts.get(j);
    if (s === undefined) {
      s = this.lineStartFrom(rowsStart + j * pieceBytes);
      this.starts.set(j, s);
    }
    return s;
  }

  /**
   * The first line start at or after x: just past the first `\n` at x - 1 or later. When no `\n` comes
   * within the longest row allowed, a row there is too long: the cut is put past the limit, and the piece
   * holding that row's start reports it (the first error in file order is the one the loader names).
   */
  private lineStartFrom(x: number): number {
    const { size } = this.plan;
    const fd = this.fileDescriptor();
    const limit = Math.min(size, x - 1 + MAX_ROW_BYTES + 1);
    for (let pos = x - 1; pos < limit; ) {
      const n = readSync(fd, this.probe, 0, Math.min(this.probe.length, limit - pos), pos);
      if (n === 0) return size;
      const nl = this.probe.subarray(0, n).indexOf(10);
      if (nl >= 0) return pos + nl + 1;
      pos += n;
    }
    return limit;
  }
}
