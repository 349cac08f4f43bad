/**
 * Interns byte strings (ids read from a file) to consecutive numbers with an open-addressing hash table over
 * their UTF-8 bytes, so reading a million edges makes a JS string only for each new node, not for each row.
 * The caller hashes the bytes (fnv1a, usually while splitting the line) and passes the hash in.
 */
import { StringPool } from './string-pool.js';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 16777619;
const encoder = new TextEncoder();

/** FNV-1a of buf[start, end), as splitFields computes it. */
export function fnv1a(buf: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, FNV_PRIME);
  return h;
}

export class ByteInterner {
  /** Per slot: the hash and number + 1 (0: empty) side by side, so a probe reads one cache line. */
  private slots: Int32Array;
  private hashes: Int32Array;
  private mask: number;
  readonly pool: StringPool;

  constructor(expected = 1024) {
    let size = 1024;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(2 * size);
    this.hashes = new Int32Array(expected);
    this.mask = size - 1;
    this.pool = new StringPool(expected, expected * 16);
  }

  get size(): number {
    return this.pool.size;
  }

  /** Number of buf[start, end) (hash = fnv1a of it), or -1 when it is not interned. */
  find(buf: Uint8Array, start: number, end: number, hash: number): number {
    return this.matchFrom(hash & this.mask, buf, start, end, hash);
  }

  /** The probe of find from slot s on: the number of buf[start, end), or -1 at the first empty slot. */
  private matchFrom(s: number, buf: Uint8Array, start: number, end: number, hash: number): number {
    const slots = this.slots;
    const mask = this.mask;
    for (;;) {
      const v = slots[2 * s + 1]!;
      if (v === 0) return -1;
      if (slots[2 * s] === hash && this.pool.equalsBytes(v - 1, buf, start, end)) return v - 1;
      s = (s + 1) & mask;
    }
  }

  /**
   * find() for many keys of one buffer at once: keys holds (start, end, hash) per key; out[k] gets key k's
   * number or -1. Same answers as find, in two passes: the first probes the slots by hash only and reads
   * the first byte of each candidate, loads that do not depend on each other, so the CPU overlaps their
   * cache misses; the second compares the bytes, now mostly in cache. (One key at a time, each compare
   * waited on its own miss into the pool.)
   */
  findMany(buf: Uint8Array, keys: Int32Array, count: number, out: Int32Array): void {
    const slots = this.slots;
    const mask = this.mask;
    const pool = this.pool;
    let touched = 0;
    for (let k = 0; k < count; k++) {
      const hash = keys[3 * k + 2]!;
      let s = hash & mask;
      for (;;) {
        const v = slots[2 * s + 1]!;
        if (v === 0) {
          out[k] = -1;
          break;
        }
        if (slots[2 * s] === hash) {
          out[k] = s;
          touched ^= pool.firstByte(v - 1);
          break;
        }
        s = (s + 1) & mask;
      }
    }
    this.touched = touched;
    for (let k = 0; k < count; k++) {
      const s = out[k]!;
      if (s >= 0) out[k] = this.matchFrom(s, buf, keys[3 * k]!, keys[3 * k + 1]!, keys[3 * k + 2]!);
    }
  }
  /** XOR of the bytes findMany read ahead (kept so the reads are not optimised away). */
  touched = 0;

  /** Number of buf[start, end), adding it when new (new numbers are size - 1 afterwards). */
  intern(buf: Uint8Array, start: number, end: number, hash: number): number {
    const found = this.find(buf, start, end, hash);
    return found >= 0 ? found : this.add(buf, start, end, hash);
  }

  /** Adds buf[start, end), known not to be interned yet (find gave -1); returns its number. */
  add(buf: Uint8Array, start: number, end: number, hash: number): number {
    const n = this.pool.appendBytes(buf, start, end);
    if (n === this.hashes.length) {
      const grown = new Int32Array(n * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[n] = hash;
    if ((n + 1) * 2 > this.mask + 1) this.rehash();
    else this.place(n, hash);
    return n;
  }

  /** Bytes of the hash table and the hash list (the strings' own bytes are the pool's). */
  get tableBytes(): number {
    return this.slots.byteLength + this.hashes.byteLength;
  }

  /** The hash of each string, in number order (a copy). */
  hashList(): Int32Array {
    return this.hashes.slice(0, this.pool.size);
  }

  /** Number of a string, or -1. */
  lookup(id: string): number {
    const bytes = encoder.encode(id);
    return this.find(bytes, 0, bytes.length, fnv1a(bytes, 0, bytes.length));
  }

  private place(n: number, hash: number): void {
    let s = hash & this.mask;
    while (this.slots[2 * s + 1] !== 0) s = (s + 1) & this.mask;
    this.slots[2 * s] = hash;
    this.slots[2 * s + 1] = n + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.mask = this.slots.length / 2 - 1;
    for (let n = 0; n < this.pool.size; n++) this.place(n, this.hashes[n]!);
  }
}
