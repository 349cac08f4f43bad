/** mechkg's public API for Node: everything in index.ts plus file-system loaders. Re-exports only. */
export * from './index.js';
export { loadGraph, tryLoadGraph } from './node/load-graph.js';
export { readGraphDir, bundledGraphDir } from './node/read-graph-dir.js';
export { loadKgxIndex, type LoadKgxOptions, type KgxLoadReport } from './scale/kgx-index.js';
export { importGraphFile, tryImportGraphFile } from './node/import-graph-file.js';
export { createNodeExportEnv, nodeExportEnv, type GraphvizChoice } from './node/export-env.js';
export { readUnverifiedIdentifiers, UNVERIFIED_IDENTIFIERS_FILE } from './node/read-unverified-identifiers.js';
