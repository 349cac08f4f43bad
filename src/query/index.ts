/** Query engine barrel (re-exports only). */
export * from './path-index.js';
export * from './query-input.js';
export * from './budget.js';
export * from './path-result.js';
export { type NetSign } from './query-options.js';
export * from './find-paths.js';
