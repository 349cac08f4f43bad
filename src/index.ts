/** mechkg's public API (browser-safe). Node-only loaders are added by src/node.ts. Re-exports only. */
export * from './model/vocabulary.js';
export { ownValue } from './model/own-key.js';
export * from './model/schema.js';
export * from './model/diagram-schema.js';
export type * from './model/types.js';
export * from './errors.js';
export { tryLoadGraphFromFiles, loadGraphFromFiles, type LoadResult } from './graph/load-graph.js';
export { buildGraph, edgeRecord, summarizeEvidence } from './graph/build-graph.js';
export { graphSnapshot, graphFromSnapshot, type GraphSnapshot } from './graph/graph-snapshot.js';
export { curationReport, formatCurationReport, type CurationReport, type UnverifiedIdentifier } from './graph/curation-report.js';
export { resolveNode, tryResolveNode, searchNodes, normalizeName, type SearchHit, type NameSource } from './graph/resolve-name.js';
export * from './query/index.js';
export * from './export/index.js';
export * from './import/index.js';
export { placeDiagram, moduleLanes, compartmentOf, nodeBox, NEW_GROUP, COMPARTMENT_PAD, type Diagram, type DiagramBox, type PlacedNode, type PositionsFile } from './layout/place-diagram.js';
