/**
 * The path view's layout: only the drawn paths, ranked left to right with dagre, and every edge drawn
 * along the route dagre gives it (segments through its bend points), so an edge that spans several
 * ranks goes around the nodes in between instead of through them.
 */
import dagre from '@dagrejs/dagre';
import type cytoscape from 'cytoscape';

export interface PathLayout {
  positions: Map<string, { x: number; y: number }>;
  /** Edge id -> bend points between its ends (empty for a straight edge). */
  bends: Map<string, { x: number; y: number }[]>;
}

/** Box of a node with its label (the label sits below the node and may wrap). */
function box(n: cytoscape.NodeSingular): { width: number; height: number } {
  const bb = n.boundingBox({ includeLabels: true, includeOverlays: false });
  return { width: Math.max(40, bb.w) + 10, height: Math.max(40, bb.h) + 6 };
}

let measure: CanvasRenderingContext2D | null = null;

/** Width in px of a label drawn in bold at px (as the stylesheet draws a path edge's label). */
function labelWidth(text: string, px: number, family: string): number {
  measure ??= document.createElement('canvas').getContext('2d');
  if (!measure) return text.length * px * 0.62;
  measure.font = `bold ${px}px ${family}`;
  return measure.measureText(text).width;
}

/**
 * Lays the drawn path(s) out left to right, or top to bottom on a tall, narrow screen (a phone). Each edge
 * gets room for its label at the size it is drawn (labelPx: larger in presenter mode), so no label runs
 * over the nodes at its ends.
 */
export function layoutPath(cy: cytoscape.Core, label: { px: number; family: string }): PathLayout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: cy.height() > cy.width() * 1.2 ? 'TB' : 'LR', nodesep: 36, ranksep: 30, edgesep: 18, marginx: 20, marginy: 20, ranker: 'network-simplex' });
  g.setDefaultEdgeLabel(() => ({}));
  const nodes = cy.nodes().sort((a, b) => (a.id() < b.id() ? -1 : 1));
  nodes.forEach((n) => {
    g.setNode(n.id(), box(n));
  });
  const edges = cy.edges().sort((a, b) => (a.id() < b.id() ? -1 : 1));
  edges.forEach((e) => {
    // Room for the label drawn along the edge (sign, predicate and any disputed / preclinical note).
    const lines = String(e.data('pathLabel') ?? '').split('\n');
    const width = Math.max(...lines.map((line) => labelWidth(line, label.px, label.family)));
    g.setEdge(e.source().id(), e.target().id(), { width: Math.ceil(width) + 12, height: Math.ceil(lines.length * label.px * 1.3 + 8), labelpos: 'c' }, e.id());
  });
  dagre.layout(g);
  const positions = new Map<string, { x: number; y: number }>();
  nodes.forEach((n) => {
    const p = g.node(n.id());
    positions.set(n.id(), { x: p.x, y: p.y });
  });
  const bends = new Map<string, { x: number; y: number }[]>();
  edges.forEach((e) => {
    const pts = g.edge({ v: e.source().id(), w: e.target().id(), name: e.id() })?.points ?? [];
    bends.set(e.id(), pts.slice(1, -1));
  });
  return { positions, bends };
}

/**
 * Cytoscape segments (weights along source->target, signed distances from that line) for bend points,
 * or null when the points lie on the straight line anyway.
 */
export function segmentsFor(s: { x: number; y: number }, t: { x: number; y: number }, bends: { x: number; y: number }[]): { weights: number[]; distances: number[] } | null {
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  const len2 = dx * dx + dy * dy;
  if (len2 < 1 || bends.length === 0) return null;
  const len = Math.sqrt(len2);
  const weights: number[] = [];
  const distances: number[] = [];
  for (const p of bends) {
    const px = p.x - s.x;
    const py = p.y - s.y;
    weights.push((px * dx + py * dy) / len2);
    distances.push((dx * py - dy * px) / len);
  }
  if (distances.every((d) => Math.abs(d) < 8)) return null;
  return { weights, distances };
}
