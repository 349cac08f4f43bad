/**
 * Where each node sits in a drawn export (CX2 coordinates, SBGN-ML bounding boxes): the pathway diagram of the
 * graph's compartments with graph/layout/positions.json when the caller passes it, else one lane per module.
 * Every node gets a position (placeDiagram places the ones the positions file does not know), so a consumer
 * that needs all or none (CX2) gets all.
 */
import { moduleLanes, placeDiagram } from '../layout/place-diagram.js';
import type { KnowledgeGraph } from '../model/types.js';
import type { ExportOptions } from './export-types.js';

export function nodePositions(graph: KnowledgeGraph, options: ExportOptions): Map<string, { x: number; y: number }> {
  const layout = graph.getAttribute('layout');
  const diagram = layout && layout.compartments.length > 0 ? placeDiagram(graph, layout, options.positions ?? null) : placeDiagram(graph, moduleLanes(graph), null);
  return new Map([...diagram.nodes].map(([id, p]) => [id, { x: p.x, y: p.y }]));
}
