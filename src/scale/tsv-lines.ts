/**
 * Node-only: streams a TSV file as lines of bytes (never the whole file as one string), and splits a line
 * into tab-separated fields without creating strings. Only a line that straddles two read chunks is copied.
 */
import { createReadStream, statSync } from 'node:fs';

export interface LineProgress {
  file: string;
  lines: number;
  bytes: number;
  totalBytes: number;
  elapsedMs: number;
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
): Promise<number> {
  const totalBytes = statSync(path).size;
  const started = Date.now();
  let lineNumber = 0;
  let chunkOffset = 0; // file offset of the current chunk's first byte
  let carry: Buffer | null = null; // start of a line cut by the previous chunk
  let carryOffset = 0;
  let lastReport = started;
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let pos = 0;
    if (carry) {
      const nl = chunk.indexOf(10);
      if (nl < 0) {
        carry = Buffer.concat([carry, chunk]);
        chunkOffset += chunk.length;
        continue;
      }
      const line = Buffer.concat([carry, chunk.subarray(0, nl)]);
      onLine(line, 0, trimCr(line, 0, line.length), ++lineNumber, carryOffset);
      carry = null;
      pos = nl + 1;
    }
    const length = chunk.length;
    while (pos < length) {
      const nl = chunk.indexOf(10, pos);
      if (nl < 0) {
        carry = Buffer.from(chunk.subarray(pos)); // a copy, so the chunk itself can be collected
        carryOffset = chunkOffset + pos;
        break;
      }
      onLine(chunk, pos, trimCr(chunk, pos, nl), ++lineNumber, chunkOffset + pos);
      pos = nl + 1;
    }
    chunkOffset += length;
    if (onProgress) {
      const now = Date.now();
      if (now - lastReport >= 250) {
        lastReport = now;
        onProgress({ file: path, lines: lineNumber, bytes: chunkOffset, totalBytes, elapsedMs: now - started });
      }
    }
  }
  if (carry && carry.length > 0) onLine(carry, 0, trimCr(carry, 0, carry.length), ++lineNumber, carryOffset);
  onProgress?.({ file: path, lines: lineNumber, bytes: chunkOffset, totalBytes, elapsedMs: Date.now() - started });
  return lineNumber;
}

function trimCr(buf: Buffer, start: number, end: number): number {
  return end > start && buf[end - 1] === 13 ? end - 1 : end;
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
