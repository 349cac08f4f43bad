/**
 * Where each node sits in a drawn export (CX2 coordinates, SBGN-ML bounding boxes): the pathway diagram of the
 * graph's compartments with graph/layout/positions.json when the caller passes it, else where an opened file drew
 * its nodes (Cytoscape position, CX2 x/y, yEd geometry), else one lane per module.
 * Every node gets a position (placeDiagram places the ones the positions file does not know), so a consumer
 * that needs all or none (CX2) gets all.
 */
import { moduleLanes, placeDiagram } from '../layout/place-diagram.js';
import type { KnowledgeGraph } from '../model/types.js';
import type { ExportOptions } from './export-types.js';

export function nodePositions(graph: KnowledgeGraph, options: ExportOptions): Map<string, { x: number; y: number }> {
  const layout = graph.getAttribute('layout');
  if (layout && layout.compartments.length > 0) return fromDiagram(placeDiagram(graph, layout, options.positions ?? null));
  // An opened file that drew its nodes (Cytoscape, CX2, yEd) keeps its drawing; nodes it left unplaced go
  // in module lanes below it, so a consumer that needs every node placed still gets all.
  const placed = new Map<string, { x: number; y: number }>();
  graph.forEachNode((id, n) => {
    if (n.position) placed.set(id, { x: n.position.x, y: n.position.y });
  });
  if (placed.size === 0) return fromDiagram(placeDiagram(graph, moduleLanes(graph), null));
  if (placed.size === graph.order) return placed;
  let bottom = -Infinity;
  for (const p of placed.values()) bottom = Math.max(bottom, p.y);
  const lanes = [...fromDiagram(placeDiagram(graph, moduleLanes(graph), null))].filter(([id]) => !placed.has(id));
  let top = Infinity;
  for (const [, p] of lanes) top = Math.min(top, p.y);
  for (const [id, p] of lanes) placed.set(id, { x: p.x, y: bottom + 200 + (p.y - top) });
  return placed;
}

function fromDiagram(diagram: ReturnType<typeof placeDiagram>): Map<string, { x: number; y: number }> {
  return new Map([...diagram.nodes].map(([id, p]) => [id, { x: p.x, y: p.y }]));
}
