/**
 * Many short strings stored as UTF-8 bytes in one growing byte array plus an offset table: a million edge
 * ids cost their bytes plus 4 bytes each instead of a JS string object each. Strings are decoded on read.
 * Browser-safe (Uint8Array and TextDecoder only).
 */
const decoder = new TextDecoder();
const encoder = new TextEncoder();

export class StringPool {
  private bytes: Uint8Array;
  private ends: Uint32Array;
  private byteLength = 0;
  private count = 0;
  /** DataViews for word compares: over bytes, and over the last buffer compared against (and that buffer). */
  private ownView: DataView;
  private view: DataView = new DataView(new ArrayBuffer(0));
  private viewOf: Uint8Array | null = null;

  constructor(
    private readonly expectedStrings = 1024,
    expectedBytes = expectedStrings * 16,
  ) {
    this.bytes = new Uint8Array(Math.max(64, expectedBytes));
    this.ownView = new DataView(this.bytes.buffer);
    this.ends = new Uint32Array(Math.max(16, expectedStrings));
  }

  get size(): number {
    return this.count;
  }

  /** Appends bytes [start, end) of buf (already UTF-8) as the next string; returns its number. */
  appendBytes(buf: Uint8Array, start: number, end: number): number {
    const n = end - start;
    this.reserve(n);
    const bytes = this.bytes;
    let p = this.byteLength;
    if (n < 48) for (let i = start; i < end; i++) bytes[p++] = buf[i]!;
    else bytes.set(buf.subarray(start, end), p);
    this.byteLength += n;
    return this.push();
  }

  /** Appends strings [from, to) of another pool given as its bytes and end offsets, in one copy. */
  appendRange(bytes: Uint8Array, ends: ArrayLike<number>, from: number, to: number): void {
    const n = to - from;
    if (n <= 0) return;
    const first = from === 0 ? 0 : ends[from - 1]!;
    const total = ends[to - 1]! - first;
    this.reserveBulk(n, total);
    this.bytes.set(bytes.subarray(first, first + total), this.byteLength);
    const shift = this.byteLength - first;
    const out = this.ends;
    for (let i = 0; i < n; i++) out[this.count + i] = ends[from + i]! + shift;
    this.count += n;
    this.byteLength += total;
  }

  /** Appends string i of another pool, byte for byte (no decoding). */
  appendCopy(from: StringPool, i: number): number {
    const start = i === 0 ? 0 : from.ends[i - 1]!;
    return this.appendBytes(from.bytes, start, from.ends[i]!);
  }

  append(s: string): number {
    if (s === '') {
      this.reserve(0); // most absent names and lists: no encoder call
      return this.push();
    }
    const encoded = encoder.encode(s);
    return this.appendBytes(encoded, 0, encoded.length);
  }

  get(i: number): string {
    if (i < 0 || i >= this.count) throw new RangeError(`StringPool.get: no string number ${i} (size ${this.count})`);
    const start = i === 0 ? 0 : this.ends[i - 1]!;
    return decoder.decode(this.bytes.subarray(start, this.ends[i]!));
  }

  /** Whether string i has exactly the bytes buf[start, end) (longer strings compared four bytes at a time). */
  equalsBytes(i: number, buf: Uint8Array, start: number, end: number): boolean {
    let p = i === 0 ? 0 : this.ends[i - 1]!;
    if (this.ends[i]! - p !== end - start) return false;
    const bytes = this.bytes;
    let j = start;
    if (end - start >= 8) {
      if (this.viewOf !== buf) {
        this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
        this.viewOf = buf;
      }
      const view = this.view;
      const own = this.ownView;
      for (; j + 4 <= end; j += 4, p += 4) if (view.getInt32(j) !== own.getInt32(p)) return false;
    }
    for (; j < end; j++) if (bytes[p++] !== buf[j]) return false;
    return true;
  }

  /** The first byte of string i (0 when empty): read only to bring its bytes into cache before a compare. */
  firstByte(i: number): number {
    return this.bytes[i === 0 ? 0 : this.ends[i - 1]!] ?? 0;
  }

  /** Byte length of string i, without decoding it. */
  byteSize(i: number): number {
    return this.ends[i]! - (i === 0 ? 0 : this.ends[i - 1]!);
  }

  /** Drops the spare capacity once every string is in (the pool is read-only afterwards). */
  trim(): this {
    // Copy only when that frees much: a million edge ids are 20 to 50 MB, and copying them to free the
    // last few percent of a pool sized from the file cost more load time than the bytes are worth.
    if (this.byteLength < this.bytes.length * 0.9) {
      this.bytes = this.bytes.slice(0, this.byteLength);
      this.ownView = new DataView(this.bytes.buffer);
    }
    if (this.count < this.ends.length * 0.9) this.ends = this.ends.slice(0, this.count);
    return this;
  }

  /** The bytes and end offsets of the strings so far (copies, e.g. to post to another thread). */
  export(): { bytes: Uint8Array; ends: Uint32Array } {
    return { bytes: this.bytes.slice(0, this.byteLength), ends: this.ends.slice(0, this.count) };
  }

  /** The bytes and end offsets of the strings so far, without copying: read them before the next append. */
  contents(): { bytes: Uint8Array; ends: Uint32Array } {
    return { bytes: this.bytes.subarray(0, this.byteLength), ends: this.ends.subarray(0, this.count) };
  }

  /** Bytes held (for memory reports). */
  get memoryBytes(): number {
    return this.bytes.byteLength + this.ends.byteLength;
  }

  /** Room for `strings` more strings of `bytes` bytes in all. */
  private reserveBulk(strings: number, bytes: number): void {
    if (this.byteLength + bytes > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.byteLength + bytes));
      grown.set(this.bytes.subarray(0, this.byteLength));
      this.bytes = grown;
      this.ownView = new DataView(grown.buffer);
    }
    if (this.count + strings > this.ends.length) {
      const grown = new Uint32Array(Math.max(this.ends.length * 2, this.count + strings));
      grown.set(this.ends.subarray(0, this.count));
      this.ends = grown;
    }
  }

  private reserve(n: number): void {
    if (this.byteLength + n > this.bytes.length) {
      // Grow to what the strings seen so far project for all expected ones (a file of 40-byte ids would
      // otherwise be copied through several doublings), and at least double.
      const projected = this.count > 0 && this.count < this.expectedStrings ? Math.ceil((this.byteLength / this.count) * this.expectedStrings * 1.1) : 0;
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.byteLength + n, projected));
      grown.set(this.bytes.subarray(0, this.byteLength));
      this.bytes = grown;
      this.ownView = new DataView(grown.buffer);
    }
    if (this.count === this.ends.length) {
      const grown = new Uint32Array(this.ends.length * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
  }

  private push(): number {
    this.ends[this.count] = this.byteLength;
    return this.count++;
  }
}
