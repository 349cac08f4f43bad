/**
 * Scratch arrays reused across queries on the same index, so a query on a big graph costs what it
 * touches, not O(nodes) of allocation and zero-filling. A Stamped array resets in O(1): an entry counts
 * only when its stamp equals the current epoch. Arrays are lent per query (a Lease) and given back when
 * the query ends; a query that re-enters (from an onProgress callback) simply borrows other arrays.
 */

/** Int32 values valid only where stamp === epoch; reset() forgets every entry in O(1). */
export class Stamped {
  readonly stamp: Uint32Array;
  readonly value: Int32Array;
  epoch = 0;

  constructor(readonly size: number) {
    this.stamp = new Uint32Array(size);
    this.value = new Int32Array(size);
  }

  reset(): void {
    this.epoch++;
    if (this.epoch >= 0xffffffff) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
  }

  has(i: number): boolean {
    return this.stamp[i] === this.epoch;
  }

  get(i: number, fallback: number): number {
    return this.stamp[i] === this.epoch ? this.value[i]! : fallback;
  }

  set(i: number, v: number): void {
    this.stamp[i] = this.epoch;
    this.value[i] = v;
  }

  /** Forgets entry i (epoch is never 0). */
  unset(i: number): void {
    this.stamp[i] = 0;
  }
}

interface Pool {
  stamped: Map<number, Stamped[]>;
  ints: Map<number, Int32Array[]>;
  floats: Map<number, Float64Array[]>;
}

const pools = new WeakMap<object, Pool>();
/** Free arrays kept per size and kind; more are dropped to the garbage collector. */
const KEEP = 8;

function poolOf(owner: object): Pool {
  let pool = pools.get(owner);
  if (!pool) {
    pool = { stamped: new Map(), ints: new Map(), floats: new Map() };
    pools.set(owner, pool);
  }
  return pool;
}

/** The arrays one query borrowed from its index's pool; release() gives them all back. */
export class Lease {
  private readonly pool: Pool;
  private stampedHeld: Stamped[] = [];
  private intsHeld: Int32Array[] = [];
  private floatsHeld: Float64Array[] = [];

  constructor(owner: object) {
    this.pool = poolOf(owner);
  }

  /** A Stamped array of `size` entries, all unset. */
  stamped(size: number): Stamped {
    const arr = this.pool.stamped.get(size)?.pop() ?? new Stamped(size);
    arr.reset();
    this.stampedHeld.push(arr);
    return arr;
  }

  /** An Int32Array of `size` entries with arbitrary contents (write before you read). */
  ints(size: number): Int32Array {
    const arr = this.pool.ints.get(size)?.pop() ?? new Int32Array(size);
    this.intsHeld.push(arr);
    return arr;
  }

  /** A Float64Array of `size` entries with arbitrary contents (write before you read). */
  floats(size: number): Float64Array {
    const arr = this.pool.floats.get(size)?.pop() ?? new Float64Array(size);
    this.floatsHeld.push(arr);
    return arr;
  }

  release(): void {
    for (const arr of this.stampedHeld) giveBack(this.pool.stamped, arr.size, arr);
    for (const arr of this.intsHeld) giveBack(this.pool.ints, arr.length, arr);
    for (const arr of this.floatsHeld) giveBack(this.pool.floats, arr.length, arr);
    this.stampedHeld = [];
    this.intsHeld = [];
    this.floatsHeld = [];
  }
}

function giveBack<T>(map: Map<number, T[]>, size: number, arr: T): void {
  let free = map.get(size);
  if (!free) map.set(size, (free = []));
  if (free.length < KEEP) free.push(arr);
}

/** Runs fn with a lease on owner's pool, giving the arrays back however fn ends. */
export function withLease<T>(owner: object, fn: (lease: Lease) => T): T {
  const lease = new Lease(owner);
  try {
    return fn(lease);
  } finally {
    lease.release();
  }
}
