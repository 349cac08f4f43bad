/**
 * Cytoscape elements for the pathway diagram (src/layout/place-diagram.ts): compartments and module
 * boxes become compound parents, each node sits at its precomputed position, and a collapsed module
 * becomes one node per compartment box with summary edges to the rest (one per neighbour and sign).
 * Boxes and summaries are marked in data (`box`, `meta`), never by class, so view classes cannot clear them.
 */
import type cytoscape from 'cytoscape';
import type { Diagram, KnowledgeGraph } from '../../src/index.js';
import { edgeElement, nodeElement } from './elements.js';

export const BOX = 'box:';

/** Is this Cytoscape element part of the diagram's furniture (a box or a summary), not a graph element? */
export function isFurniture(ele: cytoscape.SingularElementArgument): boolean {
  return ele.data('box') !== undefined || ele.data('meta') === true;
}

export function diagramElements(graph: KnowledgeGraph, diagram: Diagram, nodes: readonly string[], edges: readonly string[], collapsed: ReadonlySet<string>): cytoscape.ElementDefinition[] {
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
    out.push({ ...nodeElement(graph, id), data: { ...nodeElement(graph, id).data, parent: BOX + p.group }, position: { x: p.x, y: p.y } });
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
  for (const b of diagram.boxes) {
    if (!used.has(b.id) && !members.has(b.id)) continue;
    const m = members.get(b.id);
    if (m) {
      out.push({
        group: 'nodes',
        data: { id: BOX + b.id, label: `${b.label} (${m.n})`, box: 'collapsed', module: b.module, parent: b.parent ? BOX + b.parent : undefined },
        position: { x: Math.round(m.x / m.n), y: Math.round(m.y / m.n) },
      });
    } else {
      out.push({ group: 'nodes', data: { id: BOX + b.id, label: b.label, box: b.kind, module: b.module, labelWidth: labelWidth(b.id), parent: b.parent ? BOX + b.parent : undefined } });
    }
  }
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
