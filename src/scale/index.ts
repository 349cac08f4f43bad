/** scale barrel (re-exports only; browser-safe: the Node-only KGX loader is exported by src/node.ts). */
export { CompactIndex, type CompactNodes, type CompactEdges } from './compact-index.js';
