/**
 * Build-time layout of the pathway diagram (scripts/layout-graph.mjs writes graph/layout/positions.json
 * with it): each module box of each compartment is laid out on its own with ELK's layered algorithm
 * (left to right along its edges), and the boxes are packed in rows inside their compartment, so
 * adding a node or an edge re-flows one box, not the whole picture.
 * Node-only (elkjs is a development dependency); the browser only reads the result (place-diagram.ts).
 * Inputs are sorted by id, so the output depends on the graph, never on file or insertion order.
 */
import elkBundled from 'elkjs/lib/elk.bundled.js';
import type { ELK as ElkApi, ElkNode } from 'elkjs/lib/elk-api.js';
import type { LayoutFileData } from '../model/diagram-schema.js';
import type { KnowledgeGraph } from '../model/types.js';
import { compartmentOf, nodeBox, type PositionsFile } from './place-diagram.js';

const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.padding': '[top=12,left=12,bottom=12,right=12]',
  'elk.layered.spacing.nodeNodeBetweenLayers': '40',
  'elk.spacing.nodeNode': '22',
  'elk.spacing.componentComponent': '40',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.randomSeed': '1',
  'elk.aspectRatio': '1.4',
};
/** Space between module boxes (room for their borders and titles), and the width:height aimed at. */
const BOX_GAP = 60;
const ASPECT = 1.5;

export async function layoutPositions(graph: KnowledgeGraph, layout: LayoutFileData): Promise<PositionsFile> {
  // elkjs is CommonJS: under NodeNext its default export is the module object or the constructor.
  const mod = elkBundled as unknown as { default?: new () => ElkApi } & (new () => ElkApi);
  const Elk = mod.default ?? mod;
  const elk = new Elk();
  const listed = new Map<string, string>();
  for (const c of layout.compartments) for (const n of c.nodes) listed.set(n, c.id);
  const known = new Set(layout.compartments.map((c) => c.id));
  const byCompartment = new Map<string, string[]>();
  for (const id of [...graph.nodes()].sort()) {
    const a = graph.getNodeAttributes(id);
    let c = compartmentOf(layout, listed, a.category, a.modules, id);
    if (!known.has(c)) c = layout.defaults.fallback;
    byCompartment.set(c, [...(byCompartment.get(c) ?? []), id]);
  }
  const out: PositionsFile = { version: 1, compartments: {} };
  for (const c of [...layout.compartments].sort((a, b) => a.id.localeCompare(b.id))) {
    const ids = byCompartment.get(c.id) ?? [];
    if (!ids.length) continue;
    const groups = new Map<string, string[]>();
    for (const id of ids) {
      const m = graph.getNodeAttribute(id, 'modules')[0] ?? 'other';
      groups.set(m, [...(groups.get(m) ?? []), id]);
    }
    // Each module box on its own (layered, left to right along its edges) ...
    const boxes: { module: string; width: number; height: number; nodes: Record<string, [number, number]> }[] = [];
    for (const m of [...groups.keys()].sort()) {
      const members = groups.get(m)!;
      const inside = new Set(members);
      const edges: { id: string; sources: string[]; targets: string[] }[] = [];
      const seen = new Set<string>();
      for (const key of [...graph.edges()].sort()) {
        const s = graph.source(key);
        const t = graph.target(key);
        if (s === t || !inside.has(s) || !inside.has(t) || seen.has(`${s}>${t}`)) continue;
        seen.add(`${s}>${t}`);
        edges.push({ id: key, sources: [s], targets: [t] });
      }
      const done: ElkNode = await elk.layout({
        id: `group:${c.id}/${m}`,
        layoutOptions: LAYOUT_OPTIONS,
        children: members.map((id) => ({ id, ...nodeBox(graph.getNodeAttribute(id, 'label'), graph.degree(id)) })),
        edges,
      });
      const nodes: Record<string, [number, number]> = {};
      for (const n of done.children ?? []) nodes[n.id] = [(n.x ?? 0) + (n.width ?? 0) / 2, (n.y ?? 0) + (n.height ?? 0) / 2];
      boxes.push({ module: m, width: done.width ?? 0, height: done.height ?? 0, nodes });
    }
    // ... then the boxes packed in rows (largest first) to a width that keeps the compartment compact.
    boxes.sort((a, b) => b.width * b.height - a.width * a.height || a.module.localeCompare(b.module));
    const area = boxes.reduce((sum, b) => sum + (b.width + BOX_GAP) * (b.height + BOX_GAP), 0);
    const target = Math.max(...boxes.map((b) => b.width), Math.sqrt(area * (c.aspect ?? ASPECT)));
    const nodes: Record<string, [number, number]> = {};
    let x = 0;
    let y = 0;
    let rowHeight = 0;
    let width = 0;
    for (const b of boxes) {
      if (x > 0 && x + b.width > target) {
        x = 0;
        y += rowHeight + BOX_GAP;
        rowHeight = 0;
      }
      for (const [id, [nx, ny]] of Object.entries(b.nodes)) nodes[id] = [Math.round(x + nx), Math.round(y + ny)];
      x += b.width + BOX_GAP;
      width = Math.max(width, x - BOX_GAP);
      rowHeight = Math.max(rowHeight, b.height);
    }
    out.compartments[c.id] = { width: Math.round(width), height: Math.round(y + rowHeight), nodes: Object.fromEntries(Object.entries(nodes).sort(([a], [b]) => a.localeCompare(b))) };
  }
  return out;
}
