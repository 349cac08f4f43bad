/**
 * Cytoscape elements for the pathway diagram (src/layout/place-diagram.ts): each node sits at its
 * precomputed position; compartments and module boxes are plain nodes drawn under the edges, sized around
 * the members drawn (as Cytoscape's compound parents would be: node bodies plus padding), and a collapsed
 * module becomes one node per compartment box with summary edges to the rest (one per neighbour and sign).
 * Not compounds: Cytoscape restyles a compound's whole family (descendants, ancestors, their edges) on each
 * style change and measures every parent before the first frame, which was most of the curated graph's first
 * render (and made a 5,000-element one several times slower).
 * Boxes and summaries are marked in data (`box`, `meta`), never by class, so view classes cannot clear them.
 */
import type cytoscape from 'cytoscape';
import type { Diagram, KnowledgeGraph } from '../../src/index.js';
import { edgeElement, nodeElement } from './elements.js';
import { BOX_PADDING, COLLAPSED_LABEL, nodeDiameter } from './style.js';

export const BOX = 'box:';

/** Is this Cytoscape element part of the diagram's furniture (a box or a summary), not a graph element? */
export function isFurniture(ele: cytoscape.SingularElementArgument): boolean {
  return ele.data('box') !== undefined || ele.data('meta') === true;
}

export function diagramElements(
  graph: KnowledgeGraph,
  diagram: Diagram,
  nodes: readonly string[],
  edges: readonly string[],
  collapsed: ReadonlySet<string>,
  /** Width of a collapsed module's box for its label at the drawn font size (Renderer.collapsedWidth). */
  collapsedWidth: (label: string) => number,
): cytoscape.ElementDefinition[] {
  const boxes = new Map(diagram.boxes.map((b) => [b.id, b]));
  const out: cytoscape.ElementDefinition[] = [];
  const used = new Set<string>();
  /** Node id -> the id it is drawn as (itself, or its collapsed module box). */
  const rep = new Map<string, string>();
  const members = new Map<string, { n: number; x: number; y: number }>();
  for (const id of nodes) {
    const p = diagram.nodes.get(id);
    if (!p) continue;
    const box = boxes.get(p.group);
    if (box?.module && collapsed.has(box.module)) {
      rep.set(id, BOX + p.group);
      const m = members.get(p.group) ?? { n: 0, x: 0, y: 0 };
      members.set(p.group, { n: m.n + 1, x: m.x + p.x, y: m.y + p.y });
      used.add(p.compartment);
      continue;
    }
    rep.set(id, id);
    used.add(p.group).add(p.compartment);
    const el = nodeElement(graph, id);
    out.push({ ...el, data: { ...el.data, diagramBox: BOX + p.group }, position: { x: p.x, y: p.y } });
  }
  // Box titles are cut to the box's width (from its drawn members), so neighbouring titles never overlap.
  const extent = new Map<string, { x1: number; x2: number }>();
  for (const [id, p] of diagram.nodes) {
    if (!rep.has(id)) continue;
    for (const key of [p.group, p.compartment]) {
      const e = extent.get(key) ?? { x1: Infinity, x2: -Infinity };
      extent.set(key, { x1: Math.min(e.x1, p.x - 60), x2: Math.max(e.x2, p.x + 60) });
    }
  }
  const labelWidth = (id: string) => {
    const e = extent.get(id);
    return e ? Math.max(80, Math.round(e.x2 - e.x1)) : 200;
  };
  const geometry = boxGeometry(diagram, out, members);
  const boxEls: cytoscape.ElementDefinition[] = [];
  for (const b of diagram.boxes) {
    const m = members.get(b.id);
    if (m) {
      const label = `${b.label} (${m.n})`;
      out.push({
        group: 'nodes',
        data: { id: BOX + b.id, label, box: 'collapsed', module: b.module, labelWidth: COLLAPSED_LABEL.maxWidth, boxWidth: collapsedWidth(label) },
        position: { x: Math.round(m.x / m.n), y: Math.round(m.y / m.n) },
      });
      continue;
    }
    const g = geometry.get(b.id);
    if (!g || !used.has(b.id)) continue;
    boxEls.push({
      group: 'nodes',
      data: { id: BOX + b.id, label: b.label, box: b.kind, module: b.module, labelWidth: labelWidth(b.id), inner: Boolean(b.parent), w: g.x2 - g.x1, h: g.y2 - g.y1 },
      position: { x: (g.x1 + g.x2) / 2, y: (g.y1 + g.y2) / 2 },
      grabbable: false,
    });
  }
  // Boxes first, so they are drawn under everything even where z-indices tie.
  out.unshift(...boxEls);
  const meta = new Map<string, cytoscape.ElementDefinition>();
  for (const key of edges) {
    const s = rep.get(graph.source(key));
    const t = rep.get(graph.target(key));
    if (!s || !t) continue;
    if (s === graph.source(key) && t === graph.target(key)) {
      out.push(edgeElement(graph, key));
      continue;
    }
    if (s === t) continue;
    const sign = graph.getEdgeAttribute(key, 'sign') ?? 'none';
    const id = `meta:${s}>${t}:${sign}`;
    const prev = meta.get(id);
    if (prev) prev.data.count = (prev.data.count as number) + 1;
    else meta.set(id, { group: 'edges', data: { id, source: s, target: t, sign, causal: true, strength: 2, meta: true, count: 1 } });
  }
  for (const e of meta.values()) out.push({ ...e, data: { ...e.data, predicateLabel: `${e.data.count} edge${e.data.count === 1 ? '' : 's'}` } });
  return out;
}

type Extent = { x1: number; y1: number; x2: number; y2: number };

/** Half the size of a collapsed module's box (its label, one line), for the compartment around it. */
const COLLAPSED_HALF = { x: 90, y: 17 };

/**
 * Extents of the boxes, as compound parents would have them: a module box around its drawn members' bodies
 * (collapsed summaries included) plus its padding, a compartment around its module boxes plus its own.
 */
function boxGeometry(diagram: Diagram, drawn: readonly cytoscape.ElementDefinition[], collapsedMembers: ReadonlyMap<string, { n: number; x: number; y: number }>): Map<string, Extent> {
  const extents = new Map<string, Extent>();
  const grow = (id: string, e: Extent) => {
    const o = extents.get(id);
    extents.set(id, o ? { x1: Math.min(o.x1, e.x1), y1: Math.min(o.y1, e.y1), x2: Math.max(o.x2, e.x2), y2: Math.max(o.y2, e.y2) } : { ...e });
  };
  const around = (x: number, y: number, hx: number, hy: number): Extent => ({ x1: x - hx, y1: y - hy, x2: x + hx, y2: y + hy });
  const pad = (e: Extent, by: number): Extent => ({ x1: e.x1 - by, y1: e.y1 - by, x2: e.x2 + by, y2: e.y2 + by });
  for (const el of drawn) {
    const p = diagram.nodes.get(el.data.id as string);
    if (!p || !el.position) continue;
    const r = nodeDiameter(el.data.degree as number) / 2;
    grow(p.group, around(el.position.x, el.position.y, r, r));
  }
  const boxes = new Map(diagram.boxes.map((b) => [b.id, b]));
  for (const [group, m] of collapsedMembers) {
    const parent = boxes.get(group)?.parent;
    if (parent) grow(parent, pad(around(m.x / m.n, m.y / m.n, COLLAPSED_HALF.x, COLLAPSED_HALF.y), BOX_PADDING.compartment));
  }
  // Modules (boxes with a parent) first, then their compartments around them.
  for (const b of diagram.boxes) {
    const e = extents.get(b.id);
    if (b.parent && e) {
      const padded = pad(e, BOX_PADDING.module);
      extents.set(b.id, padded);
      grow(b.parent, padded);
    }
  }
  for (const b of diagram.boxes) {
    const e = extents.get(b.id);
    if (!b.parent && e) extents.set(b.id, pad(e, BOX_PADDING.compartment));
  }
  return extents;
}
