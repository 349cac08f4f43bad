/**
 * Node-only: streams a TSV file as lines of bytes (never the whole file as one string), in large reads into
 * two reused buffers, and splits a line into tab-separated fields without creating strings. Only a line that
 * straddles two reads is copied (once, in front of the next read).
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { MechkgError } from '../errors.js';
import { MAX_ROW_BYTES } from '../model/input-limits.js';

export interface LineProgress {
  file: string;
  lines: number;
  bytes: number;
  totalBytes: number;
  elapsedMs: number;
}

/** Default read size: large reads into two reused buffers (one parsed while the next is read). */
export const CHUNK_BYTES = 4 << 20;

export interface ChunkOptions {
  /** Bytes per read (default CHUNK_BYTES; tests use tiny sizes to cut lines anywhere). */
  chunkSize?: number;
  /** Room kept in front of each read for the cut line carried over from the previous read (grows as needed). */
  carryRoom?: number;
  /** Read only bytes [start, end) of the file (both at line starts; default: all of it). */
  start?: number;
  end?: number;
  /** Called after each read with the bytes consumed so far. */
  onRead?: (bytes: number, totalBytes: number, elapsedMs: number) => void;
  /** Longest line accepted (default MAX_ROW_BYTES); a longer one is a LineTooLongError, read no further. */
  maxLineBytes?: number;
}

/** A line over the limit: where it starts (file offset), so the caller can name its line number. */
export class LineTooLongError extends MechkgError {
  override name = 'LineTooLongError';
  constructor(
    readonly path: string,
    readonly offset: number,
    readonly limit: number,
  ) {
    super(`${path}: the row starting at byte ${offset} is over ${limit} bytes (the limit for one row); is this a KGX TSV file?`);
  }
}

/**
 * Reads a file in large chunks and calls onChunk(buf, start, end, fileOffset) with whole lines only: buf[start,
 * end) ends just after a `\n` (or at the end of the file, for a last line without one), and fileOffset is the
 * file offset of buf[start]. The buffer is reused: onChunk must not keep it. While onChunk parses one chunk,
 * the next is read into a second buffer (the read runs on libuv's thread pool); the line cut by the end of a
 * read is copied in front of the next one, so no line is ever concatenated twice.
 */
export async function forEachChunk(
  path: string,
  onChunk: (buf: Buffer, start: number, end: number, fileOffset: number) => void,
  options: ChunkOptions = {},
): Promise<{ bytes: number; totalBytes: number }> {
  const chunk = Math.max(1, options.chunkSize ?? CHUNK_BYTES);
  let room = Math.max(1, options.carryRoom ?? 1 << 16);
  const totalBytes = statSync(path).size;
  const started = Date.now();
  const fh = await open(path, 'r');
  const from = options.start ?? 0;
  const to = Math.min(options.end ?? totalBytes, totalBytes);
  const read = (buf: Buffer, at: number, position: number) => {
    const length = Math.min(chunk, to - position);
    return length > 0 ? fh.read(buf, at, length, position) : Promise.resolve({ bytesRead: 0 });
  };
  let bufs = [Buffer.allocUnsafe(room + chunk), Buffer.allocUnsafe(room + chunk)];
  let pending = read(bufs[0]!, room, from);
  try {
    let cur = 0;
    let position = from; // file offset of the next read
    let carry = 0; // bytes of a cut line, just before `room` in bufs[cur]
    for (;;) {
      const { bytesRead } = await pending;
      const buf = bufs[cur]!;
      const base = position - carry; // file offset of buf[room - carry]
      position += bytesRead;
      const start = room - carry;
      const end = room + bytesRead;
      if (bytesRead === 0) {
        if (carry > 0) onChunk(buf, start, end, base);
        break;
      }
      const next = bufs[1 - cur]!;
      pending = read(next, room, position);
      const lastNl = buf.lastIndexOf(10, end - 1);
      const maxLine = options.maxLineBytes ?? MAX_ROW_BYTES;
      if (carry > 0 && lastNl >= start && buf.indexOf(10, room) - start > maxLine) throw new LineTooLongError(path, base, maxLine); // a long line ends here
      let cut = start; // start of the unfinished line
      if (lastNl >= start) {
        onChunk(buf, start, lastNl + 1, base);
        cut = lastNl + 1;
      }
      carry = end - cut;
      if (carry > maxLine) throw new LineTooLongError(path, base + (cut - start), maxLine);
      if (carry > room) {
        // a line longer than the room: wait for the read in flight, then move it into larger buffers
        const done = await pending;
        const bigger = Math.max(carry, room * 2);
        const moved = Buffer.allocUnsafe(bigger + chunk);
        next.copy(moved, bigger, room, room + done.bytesRead);
        bufs = cur === 0 ? [Buffer.allocUnsafe(bigger + chunk), moved] : [moved, Buffer.allocUnsafe(bigger + chunk)];
        room = bigger;
        pending = Promise.resolve(done);
      }
      buf.copy(bufs[1 - cur]!, room - carry, cut, end);
      cur = 1 - cur;
      options.onRead?.(position - carry - from, totalBytes, Date.now() - started);
    }
    return { bytes: position - from, totalBytes };
  } finally {
    await pending.catch(() => undefined); // a read still in flight when onChunk threw
    await fh.close();
  }
}

/**
 * Calls onLine(buf, start, end, lineNumber, fileOffset) for each line (1-based numbers, `\r\n` accepted; the
 * line is buf[start, end) without its terminator). onProgress is called at most every 250 ms and once at
 * the end. Returns the number of lines.
 */
export async function forEachLine(
  path: string,
  onLine: (buf: Buffer, start: number, end: number, lineNumber: number, fileOffset: number) => void,
  onProgress?: (p: LineProgress) => void,
  options: Omit<ChunkOptions, 'onRead'> = {},
): Promise<number> {
  let lineNumber = 0;
  const started = Date.now();
  let lastReport = started;
  const read = await forEachChunk(
    path,
    (buf, start, end, fileOffset) => {
      let pos = start;
      while (pos < end) {
        let nl = buf.indexOf(10, pos);
        if (nl < 0 || nl >= end) nl = end;
        onLine(buf, pos, trimCr(buf, pos, nl), ++lineNumber, fileOffset + (pos - start));
        pos = nl + 1;
      }
    },
    {
      ...options,
      onRead: onProgress
        ? (bytes, totalBytes, elapsedMs) => {
            const now = Date.now();
            if (now - lastReport >= 250) {
              lastReport = now;
              onProgress({ file: path, lines: lineNumber, bytes, totalBytes, elapsedMs });
            }
          }
        : undefined,
    },
  );
  onProgress?.({ file: path, lines: lineNumber, bytes: read.bytes, totalBytes: read.totalBytes, elapsedMs: Date.now() - started });
  return lineNumber;
}

/** The 1-based line number of the line that starts at file offset `offset` (counts the newlines before it). */
export function lineNumberAt(path: string, offset: number): number {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let line = 1;
    for (let pos = 0; pos < offset; ) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, offset - pos), pos);
      if (n === 0) break;
      for (let i = buf.indexOf(10, 0); i >= 0 && i < n; i = buf.indexOf(10, i + 1)) line++;
      pos += n;
    }
    return line;
  } finally {
    closeSync(fd);
  }
}

export function trimCr(buf: Buffer, start: number, end: number): number {
  return end > start && buf[end - 1] === 13 ? end - 1 : end;
}

/**
 * Splits buf[start, end) at tabs into starts/ends (at most starts.length fields; the last one found runs to
 * the next tab or the end), finding the tabs with Buffer.indexOf. Returns the number of fields.
 */
export function splitTabs(buf: Buffer, start: number, end: number, starts: Int32Array, ends: Int32Array): number {
  const max = starts.length;
  let fields = 0;
  let fieldStart = start;
  for (;;) {
    const tab = buf.indexOf(9, fieldStart);
    starts[fields] = fieldStart;
    if (tab < 0 || tab >= end) {
      ends[fields++] = end;
      return fields;
    }
    ends[fields++] = tab;
    if (fields === max) return fields;
    fieldStart = tab + 1;
  }
}

/**
 * Splits buf[start, end) at tabs into starts/ends (at most starts.length fields; the last one found runs to
 * the next tab or the end), with the FNV-1a hash of each field's bytes in hashes (same length as starts).
 * Returns the number of fields, or -(fields) when a byte >= 0x80 was seen in them (so callers know whether
 * latin1 decoding is exact).
 */
export function splitFields(buf: Buffer, start: number, end: number, starts: Int32Array, ends: Int32Array, hashes: Int32Array): number {
  const max = starts.length;
  let field = 0;
  let fieldStart = start;
  let high = 0;
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c === 9) {
      starts[field] = fieldStart;
      ends[field] = i;
      hashes[field] = h;
      field++;
      if (field === max) return (high & 0x80) === 0 ? field : -field;
      fieldStart = i + 1;
      h = 0x811c9dc5;
    } else {
      high |= c;
      h = Math.imul(h ^ c, 16777619);
    }
  }
  starts[field] = fieldStart;
  ends[field] = end;
  hashes[field] = h;
  field++;
  return (high & 0x80) === 0 ? field : -field;
}

/** Decodes buf[start, end): latin1 when the caller knows the bytes are ASCII (faster), else UTF-8. */
export function fieldText(buf: Buffer, start: number, end: number, ascii: boolean): string {
  return buf.toString(ascii ? 'latin1' : 'utf8', start, end);
}
