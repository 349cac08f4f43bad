/**
 * The path view's layout: only the drawn paths, ranked with dagre (left to right or top to bottom), every edge drawn
 * along the route dagre gives it (segments through its bend points), so an edge that spans several
 * ranks goes around the nodes in between instead of through them.
 */
import dagre from '@dagrejs/dagre';
import type cytoscape from 'cytoscape';
import { textWidth } from './text-width.js';

export interface PathLayout {
  /** 'TB': top to bottom, with node labels to the right of their nodes (below, they would sit on the edges). */
  rankdir: 'LR' | 'TB';
  positions: Map<string, { x: number; y: number }>;
  /** Edge id -> bend points between its ends (empty for a straight edge). */
  bends: Map<string, { x: number; y: number }[]>;
}

/**
 * Box of a node with its label: left to right the label sits below the node (as drawn when the layout runs);
 * top to bottom it goes to the right of the node, and the box is symmetric around the node's centre.
 */
function box(n: cytoscape.NodeSingular, rankdir: 'LR' | 'TB'): { width: number; height: number } {
  const bb = n.boundingBox({ includeLabels: true, includeOverlays: false });
  if (rankdir === 'LR') return { width: Math.max(40, bb.w) + 10, height: Math.max(40, bb.h) + 6 };
  const text = n.boundingBox({ includeNodes: false, includeLabels: true, includeOverlays: false });
  return { width: n.outerWidth() + 2 * (text.w + TB_LABEL_GAP) + 10, height: Math.max(40, n.outerHeight(), text.h) + 6 };
}

/** Gap between a node and its label on the right, top to bottom (the renderer draws it there). */
export const TB_LABEL_GAP = 6;

/**
 * Lays the drawn path(s) out left to right or top to bottom, whichever lets the fitted drawing be larger on
 * this canvas (a long path on a squarish or tall canvas reads better top to bottom: its labels come out
 * about twice as big). Each edge gets room for its label at the size it is drawn (labelPx: larger in
 * presenter mode), so no label runs over the nodes at its ends.
 */
export function layoutPath(cy: cytoscape.Core, label: { px: number; family: string }): PathLayout {
  const nodes = cy.nodes().sort((a, b) => (a.id() < b.id() ? -1 : 1));
  const edges = cy.edges().sort((a, b) => (a.id() < b.id() ? -1 : 1));
  const labels = new Map(
    edges.map((e) => {
      // Room for the label drawn along the edge (sign, predicate and any disputed / preclinical note).
      const lines = String(e.data('pathLabel') ?? '').split('\n');
      const width = Math.max(...lines.map((line) => textWidth(line, label.px, label.family, 'bold')));
      return [e.id(), { width: Math.ceil(width) + 12, height: Math.ceil(lines.length * label.px * 1.3 + 8) }] as const;
    }),
  );
  const run = (rankdir: 'LR' | 'TB') => {
    const g = new dagre.graphlib.Graph({ multigraph: true });
    g.setGraph({ rankdir, nodesep: 36, ranksep: 30, edgesep: 18, marginx: 20, marginy: 20, ranker: 'network-simplex' });
    g.setDefaultEdgeLabel(() => ({}));
    nodes.forEach((n) => {
      g.setNode(n.id(), box(n, rankdir));
    });
    edges.forEach((e) => {
      g.setEdge(e.source().id(), e.target().id(), { ...labels.get(e.id()), labelpos: 'c' }, e.id());
    });
    dagre.layout(g);
    const size = g.graph() as { width?: number; height?: number };
    const scale = Math.min(cy.width() / Math.max(1, size.width ?? 1), cy.height() / Math.max(1, size.height ?? 1));
    return { g, scale, rankdir };
  };
  const lr = run('LR');
  const tb = run('TB');
  const { g, rankdir } = tb.scale > lr.scale * 1.05 ? tb : lr;
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
  return { rankdir, positions, bends };
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
