/**
 * A loaded graph as plain JSON and back, so a graph validated once (the CLI's snapshot cache, the explorer's
 * build-time snapshot of the curated graph) is not parsed and validated again. Only the loader makes graphs
 * that go into a snapshot; reading one checks its shape, never its data.
 */
import { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { MechkgError } from '../errors.js';
import type { EdgeRecord, GraphMeta, KnowledgeGraph, NodeRecord } from '../model/types.js';

export type GraphSnapshot = SerializedGraph<NodeRecord, EdgeRecord, GraphMeta>;

export function graphSnapshot(graph: KnowledgeGraph): GraphSnapshot {
  return graph.export();
}

/** The graph of a snapshot; throws a MechkgError naming `where` when it is not a snapshot of a mechkg graph. */
export function graphFromSnapshot(snapshot: unknown, where = 'graph snapshot'): KnowledgeGraph {
  const s = snapshot as Partial<GraphSnapshot> | null;
  if (!s || typeof s !== 'object' || s.options?.type !== 'directed' || s.options.multi !== true || !Array.isArray(s.nodes) || !Array.isArray(s.edges)) {
    throw new MechkgError(`${where}: not a snapshot of a mechkg graph (expected a directed multigraph export)`);
  }
  return MultiDirectedGraph.from(s as GraphSnapshot) as KnowledgeGraph;
}
