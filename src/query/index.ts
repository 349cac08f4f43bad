/** Query engine barrel (re-exports only). */
export * from './path-index.js';
export * from './query-input.js';
export * from './budget.js';
export * from './path-result.js';
export type { NetSign } from './query-options.js';
export * from './find-paths.js';
export * from './effect-entries.js';
export * from './effects.js';
export * from './regulators.js';
export * from './neighbors.js';
export * from './find-loops.js';
export * from './cite-source.js';
export * from './explain-paths.js';
export * from './describe.js';
export * from './search.js';
export * from './kgx-sign.js';
export * from './explain-observations.js';
export { binomialUpperTail, hypergeometricUpperTail } from './tail-probabilities.js';
