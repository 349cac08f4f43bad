/**
 * Ids given more than once in a list of byte strings (the edge ids of a KGX file), each later use with its
 * use number (2 for the second use, ...), in list order. Two passes over a bit table of hashes keep only the
 * ids whose hash occurs twice; those are sorted by hash with an LSD radix sort and equal hashes compared
 * byte for byte. A million distinct ids cost two passes over a few-megabyte table and a sort of the few
 * percent that collide by chance, instead of a million random probes into a table larger than the cache.
 */
import { fnv1a } from './byte-interner.js';

export interface RepeatedUse {
  /** Position of this use in the list. */
  at: number;
  /** Which use of the id it is: 2, 3, ... */
  use: number;
}

const DIGIT_BITS = 11;
const MAX_COMPARED_RUN = 32;
const BUCKETS = 1 << DIGIT_BITS;

/**
 * Entries are bytes[ends[i - 1], ends[i]) (from 0 for the first); empty entries are no id and never repeat.
 * `hashes`, when given, is fnv1a(entry) for each entry, taken earlier (while the file was parsed).
 */
export function repeatedUses(bytes: Uint8Array, ends: ArrayLike<number>, count: number, hashes?: ArrayLike<number>): RepeatedUse[] {
  count = Math.min(count, ends.length, hashes ? hashes.length : Infinity);
  // Int32: a Uint32Array element above 2^31 reads as a heap number, several times slower in these loops
  let hash: Int32Array;
  if (hashes instanceof Int32Array) hash = hashes;
  else {
    hash = new Int32Array(count);
    for (let i = 0; i < count; i++) hash[i] = hashes ? hashes[i]! | 0 : fnv1a(bytes, i === 0 ? 0 : ends[i - 1]!, ends[i]!);
  }
  // Keep only entries whose hash another entry shares, in a bit table a few times the size of the list:
  // every repeated id is among them, and a list of distinct ids leaves only chance collisions.
  let { keys, items, m } = sharedHashes(hash, ends, count);
  // Stable LSD passes keep equal hashes in list order, so the first use of an id comes first in its run.
  let keysTo = new Int32Array(m);
  let itemsTo = new Int32Array(m);
  const counts = new Int32Array(BUCKETS);
  for (let shift = 0; shift < 32; shift += DIGIT_BITS) {
    counts.fill(0);
    for (let i = 0; i < m; i++) counts[(keys[i]! >>> shift) & (BUCKETS - 1)]!++;
    for (let b = 0, sum = 0; b < BUCKETS; b++) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < m; i++) {
      const at = counts[(keys[i]! >>> shift) & (BUCKETS - 1)]!++;
      keysTo[at] = keys[i]!;
      itemsTo[at] = items[i]!;
    }
    [keys, keysTo] = [keysTo, keys];
    [items, itemsTo] = [itemsTo, items];
  }
  const same = (a: number, b: number): boolean => {
    const sa = a === 0 ? 0 : ends[a - 1]!;
    const sb = b === 0 ? 0 : ends[b - 1]!;
    const n = ends[a]! - sa;
    if (ends[b]! - sb !== n) return false;
    for (let j = 0; j < n; j++) if (bytes[sa + j] !== bytes[sb + j]) return false;
    return true;
  };
  const repeated: RepeatedUse[] = [];
  for (let i = 0; i < m; ) {
    let end = i + 1;
    while (end < m && keys[end] === keys[i]) end++;
    if (end - i > 1) {
      // A run of one hash: usually one id used again, rarely ids whose hashes collide. A long run (a file
      // crafted to collide) is grouped by its text instead, so it costs linear time, not quadratic.
      if (end - i > MAX_COMPARED_RUN) groupByText(bytes, ends, items, i, end, repeated);
      else {
        const firsts: number[] = [];
        const uses: number[] = [];
        for (let j = i; j < end; j++) {
          const item = items[j]!;
          const k = firsts.findIndex((f) => same(f, item));
          if (k < 0) {
            firsts.push(item);
            uses.push(1);
          } else repeated.push({ at: item, use: ++uses[k]! });
        }
      }
    }
    i = end;
  }
  return repeated.sort((a, b) => a.at - b.at);
}

function groupByText(bytes: Uint8Array, ends: ArrayLike<number>, items: Int32Array, from: number, to: number, repeated: RepeatedUse[]): void {
  const uses = new Map<string, number>();
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let j = from; j < to; j++) {
    const item = items[j]!;
    // latin1 maps each byte to one character, so equal texts are equal bytes
    const key = text.toString('latin1', item === 0 ? 0 : ends[item - 1]!, ends[item]!);
    const use = (uses.get(key) ?? 0) + 1;
    uses.set(key, use);
    if (use > 1) repeated.push({ at: item, use });
  }
}

/** The non-empty entries whose hash another non-empty entry shares, in list order, with their hashes. */
function sharedHashes(hash: Int32Array, ends: ArrayLike<number>, count: number): { keys: Int32Array<ArrayBuffer>; items: Int32Array<ArrayBuffer>; m: number } {
  // 8 bits per entry: a table that stays in cache; about 1 in 8 distinct ids survives by chance, and
  // those are sorted, which costs less than a table four times the size probed at random
  let bits = 1 << 16;
  while (bits < count * 8 && bits < 1 << 28) bits *= 2;
  const mask = bits - 1;
  const seen = new Int32Array(bits >>> 5);
  const twice = new Int32Array(bits >>> 5);
  let previousEnd = 0;
  for (let i = 0; i < count; i++) {
    const end = ends[i]!;
    if (end === previousEnd) continue; // no id
    previousEnd = end;
    const h = hash[i]! & mask;
    const w = h >>> 5;
    const b = 1 << (h & 31);
    if (seen[w]! & b) twice[w]! |= b;
    else seen[w]! |= b;
  }
  // one pass collects the survivors (about 1 in 8 of distinct ids), in arrays grown when a list repeats much
  let keys = new Int32Array((count >>> 3) + 1024);
  let items = new Int32Array(keys.length);
  let m = 0;
  previousEnd = 0;
  for (let i = 0; i < count; i++) {
    const end = ends[i]!;
    if (end === previousEnd) continue;
    previousEnd = end;
    const h = hash[i]! & mask;
    if (twice[h >>> 5]! & (1 << (h & 31))) {
      if (m === keys.length) {
        keys = grown(keys);
        items = grown(items);
      }
      keys[m] = hash[i]!;
      items[m++] = i;
    }
  }
  return { keys, items, m };
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
