/** Query engine barrel (re-exports only). */
export * from './path-index.js';
