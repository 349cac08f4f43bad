import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binomialUpperTail, hypergeometricUpperTail } from '../../src/index.js';

// Exact references in rational arithmetic (BigInt), converted to a float only at the end.
function choose(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let r = 1n;
  for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
  return r;
}

function ratio(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  // num/den = (num * 10^s / den) * 10^-s with s chosen so that the quotient has about 20 digits.
  const s = 20 + den.toString().length - num.toString().length;
  const q = s >= 0 ? (num * 10n ** BigInt(s)) / den : num / (den * 10n ** BigInt(-s));
  const first = Math.min(s, 300);
  return Number(q) * 10 ** -first * 10 ** -(s - first);
}

function exactBinomial(k: number, n: number): number {
  let num = 0n;
  for (let j = Math.max(k, 0); j <= n; j++) num += choose(n, j);
  return ratio(num, 2n ** BigInt(n));
}

function exactHypergeometric(k: number, N: number, K: number, m: number): number {
  let num = 0n;
  for (let j = Math.max(k, 0); j <= Math.min(K, m); j++) num += choose(K, j) * choose(N - K, m - j);
  return ratio(num, choose(N, m));
}

function close(a: number, b: number, tolerance = 1e-11): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b)) || Math.abs(a - b) < 1e-300;
}

describe('binomialUpperTail', () => {
  it('gives the textbook values', () => {
    expect(binomialUpperTail(5, 5)).toBeCloseTo(1 / 32, 15);
    expect(binomialUpperTail(0, 5)).toBe(1);
    expect(binomialUpperTail(6, 5)).toBe(0);
    expect(binomialUpperTail(3, 4)).toBeCloseTo(5 / 16, 15);
  });

  it('equals the exact rational sum (fair coin)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: -2, max: 302 }), (n, k) => {
        expect(close(binomialUpperTail(k, n), exactBinomial(k, n))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps tiny tails in large samples instead of underflowing term by term', () => {
    // P(X >= 1900 | n = 2000): about 1e-453 would underflow; 950 of 1000 is still representable.
    const p = binomialUpperTail(950, 1000);
    expect(p).toBeGreaterThan(0);
    expect(close(p, exactBinomial(950, 1000))).toBe(true);
  });
});

describe('hypergeometricUpperTail', () => {
  it('gives the textbook values', () => {
    // 5 marked among 123, 57 drawn, all 5 among them: C(57,5) / C(123,5).
    expect(hypergeometricUpperTail(5, 123, 5, 57)).toBeCloseTo(Number(choose(57, 5)) / Number(choose(123, 5)), 14);
    expect(hypergeometricUpperTail(0, 10, 3, 4)).toBe(1);
    expect(hypergeometricUpperTail(4, 10, 3, 4)).toBe(0);
    // drawing everything finds every success for sure
    expect(hypergeometricUpperTail(3, 10, 3, 10)).toBeCloseTo(1, 15);
  });

  it('equals the exact rational sum', () => {
    const arb = fc.integer({ min: 1, max: 400 }).chain((N) =>
      fc.tuple(fc.constant(N), fc.integer({ min: 0, max: N }), fc.integer({ min: 0, max: N })).chain(([N, K, m]) => fc.tuple(fc.constant(N), fc.constant(K), fc.constant(m), fc.integer({ min: -1, max: Math.min(K, m) + 1 }))),
    );
    fc.assert(
      fc.property(arb, ([N, K, m, k]) => {
        expect(close(hypergeometricUpperTail(k, N, K, m), exactHypergeometric(k, N, K, m))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('handles graph-sized populations (Stirling range) against the exact value, to 1e-9 relative', () => {
    // ln C(N, m) near 4e4 carries ~1e-11 absolute rounding, so the tail is good to ~1e-10 relative.
    expect(close(hypergeometricUpperTail(15, 5000, 20, 2000), exactHypergeometric(15, 5000, 20, 2000), 1e-9)).toBe(true);
    expect(close(hypergeometricUpperTail(3, 1_000_000, 20, 50), exactHypergeometric(3, 1_000_000, 20, 50), 1e-9)).toBe(true);
  });
});
