/**
 * Exact upper tails of the binomial and hypergeometric distributions, summed in log space so that large
 * counts neither overflow (C(100000, 20)) nor lose the small p-values that rank hypotheses.
 */

const TABLE_SIZE = 1024;
const logFactorials = new Float64Array(TABLE_SIZE);
for (let n = 2; n < TABLE_SIZE; n++) logFactorials[n] = logFactorials[n - 1]! + Math.log(n);

/** ln(n!) for a whole number n >= 0: a table below 1024, Stirling's series above (error far below 1e-15). */
export function logFactorial(n: number): number {
  if (n < TABLE_SIZE) return logFactorials[n]!;
  const inv = 1 / n;
  const inv2 = inv * inv;
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260));
}

/** ln C(n, k); -Infinity outside 0 <= k <= n. */
export function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return -Infinity;
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/** ln(sum(exp(terms))) without overflow or underflow of the largest term. */
function logSumExp(terms: number[]): number {
  let max = -Infinity;
  for (const t of terms) if (t > max) max = t;
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (const t of terms) sum += Math.exp(t - max);
  return max + Math.log(sum);
}

/** P(X >= k) for X ~ Binomial(n, p): the chance of k or more successes in n trials. */
export function binomialUpperTail(k: number, n: number, p = 0.5): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  const terms: number[] = [];
  for (let j = k; j <= n; j++) terms.push(logChoose(n, j) + j * lp + (n - j) * lq);
  return Math.min(1, Math.exp(logSumExp(terms)));
}

/**
 * P(X >= k) for X ~ Hypergeometric(population N, K successes in it, m drawn): the chance that m items
 * drawn without replacement include k or more of the K successes.
 */
export function hypergeometricUpperTail(k: number, N: number, K: number, m: number): number {
  const lo = Math.max(0, m + K - N);
  const hi = Math.min(K, m);
  if (k <= lo) return 1;
  if (k > hi) return 0;
  const denominator = logChoose(N, m);
  const terms: number[] = [];
  for (let j = k; j <= hi; j++) terms.push(logChoose(K, j) + logChoose(N - K, m - j) - denominator);
  return Math.min(1, Math.exp(logSumExp(terms)));
}
