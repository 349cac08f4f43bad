/**
 * The pathway diagram: which compartment and module box each node belongs to and where it is drawn.
 * Positions inside a compartment come from graph/layout/positions.json (ELK, computed at build time by
 * `npm run layout`); a node the file does not know yet (curators add nodes all the time) is placed
 * deterministically in a "not yet laid out" box under its compartment's laid-out nodes, in id order.
 * Compartments then sit in the grid their `column` and `row` give, sized by what they hold. Pure and
 * deterministic: the same graph, layout data and positions give the same picture.
 */
import type { LayoutFileData } from '../model/diagram-schema.js';
import type { KnowledgeGraph } from '../model/types.js';

/** graph/layout/positions.json, as written by scripts/layout-graph.mjs. */
export interface PositionsFile {
  version: 1;
  /** Per compartment: the laid-out content's size and each node's centre, relative to its top-left. */
  compartments: Record<string, { width: number; height: number; nodes: Record<string, [number, number]> }>;
}

export interface PlacedNode {
  x: number;
  y: number;
  compartment: string;
  /** The module box: `${compartment}/${module}`, or `${compartment}/~new` for nodes placed by fallback. */
  group: string;
}

export interface DiagramBox {
  id: string;
  label: string;
  kind: 'compartment' | 'lane' | 'module' | 'new';
  /** Compartment of a module box; null for compartments. */
  parent: string | null;
  /** Module id of a module box. */
  module?: string;
}

export interface Diagram {
  nodes: Map<string, PlacedNode>;
  /** Compartments (in grid order) and module boxes (sorted by id): the compound nodes of the drawing. */
  boxes: DiagramBox[];
  /** Nodes the positions file did not place (shown in the "not yet laid out" boxes). */
  unplaced: string[];
  /** Ids in the positions file that are no longer nodes of the graph (the file needs `npm run layout`). */
  stale: string[];
}

/** Room a node takes in the layout: its shape plus its label below it (the stylesheet's sizes). */
export function nodeBox(label: string, degree: number): { width: number; height: number } {
  const size = 24 + (Math.min(Math.max(degree, 1), 16) - 1) * (26 / 15);
  const chars = Math.min(label.length, 18);
  const lines = Math.ceil(label.length / 18);
  return { width: Math.round(Math.max(size, chars * 7) + 16), height: Math.round(size + lines * 15 + 12) };
}

export const NEW_GROUP = '~new';
const CELL = { width: 150, height: 80 };
const GAP = 90;
/** Space around a compartment's content for its label and border. */
export const COMPARTMENT_PAD = { top: 56, side: 30, bottom: 30 };

/** Which compartment a node is drawn in: listed explicitly, else by category, module, fallback. */
export function compartmentOf(layout: LayoutFileData, listed: ReadonlyMap<string, string>, category: string, modules: readonly string[], id: string): string {
  return listed.get(id) ?? layout.defaults.categories[category as keyof typeof layout.defaults.categories] ?? (modules[0] !== undefined ? layout.defaults.modules[modules[0]] : undefined) ?? layout.defaults.fallback;
}

/**
 * For a graph without layout data: one lane per module in a square-ish grid, every node placed by the
 * deterministic fallback. Instant for any size, so a large opened graph draws without a layout pause.
 */
export function moduleLanes(graph: KnowledgeGraph): LayoutFileData {
  const modules = [...new Set(graph.mapNodes((_id, a) => a.modules[0] ?? 'other'))].sort();
  const titles = graph.getAttribute('modules') ?? {};
  const columns = Math.max(1, Math.ceil(Math.sqrt(modules.length)));
  return {
    compartments: modules.map((m, i) => ({ id: m, label: titles[m]?.title ?? m, kind: 'lane' as const, column: i % columns, row: Math.floor(i / columns), nodes: [] })),
    defaults: { categories: {}, modules: Object.fromEntries(modules.map((m) => [m, m])), fallback: modules[0] ?? 'other' },
  };
}

export function placeDiagram(graph: KnowledgeGraph, layout: LayoutFileData, positions: PositionsFile | null): Diagram {
  const listed = new Map<string, string>();
  for (const c of layout.compartments) for (const n of c.nodes) listed.set(n, c.id);
  const compartments = [...layout.compartments].sort((a, b) => a.column - b.column || a.row - b.row || a.id.localeCompare(b.id));
  const members = new Map<string, string[]>(compartments.map((c) => [c.id, []]));
  const assigned = new Map<string, string>();
  for (const id of [...graph.nodes()].sort()) {
    const a = graph.getNodeAttributes(id);
    let c = compartmentOf(layout, listed, a.category, a.modules, id);
    if (!members.has(c)) c = layout.defaults.fallback;
    if (!members.has(c)) c = compartments[0]!.id;
    assigned.set(id, c);
    members.get(c)!.push(id);
  }

  // Inside each compartment: stored positions, then a grid of the rest below them.
  const local = new Map<string, { x: number; y: number; group: string }>();
  const size = new Map<string, { width: number; height: number }>();
  const unplaced: string[] = [];
  for (const c of compartments) {
    const stored = positions?.compartments[c.id];
    const ids = members.get(c.id)!;
    const rest: string[] = [];
    for (const id of ids) {
      const p = stored?.nodes[id];
      if (p) local.set(id, { x: p[0], y: p[1], group: `${c.id}/${graph.getNodeAttribute(id, 'modules')[0] ?? 'other'}` });
      else rest.push(id);
    }
    // New nodes fill rows about as wide as the compartment (at least three cells, more for many nodes).
    const width = Math.max(stored?.width ?? 0, CELL.width * Math.min(Math.max(1, rest.length), Math.max(3, Math.ceil(Math.sqrt(rest.length * 2)))));
    let height = stored && Object.keys(stored.nodes).some((id) => local.has(id)) ? stored.height : 0;
    if (rest.length) {
      const perRow = Math.max(1, Math.floor(width / CELL.width));
      const top = height > 0 ? height + GAP : 40;
      rest.forEach((id, i) => {
        local.set(id, { x: CELL.width * ((i % perRow) + 0.5), y: top + CELL.height * (Math.floor(i / perRow) + 0.5), group: `${c.id}/${NEW_GROUP}` });
        unplaced.push(id);
      });
      height = top + CELL.height * Math.ceil(rest.length / perRow);
    }
    size.set(c.id, { width, height: Math.max(height, CELL.height) });
  }

  // Compartments in their grid: columns left to right, each column's compartments stacked by row.
  const columns = [...new Set(compartments.map((c) => c.column))].sort((a, b) => a - b);
  const origin = new Map<string, { x: number; y: number }>();
  let x = 0;
  for (const col of columns) {
    const inCol = compartments.filter((c) => c.column === col);
    const colWidth = Math.max(...inCol.map((c) => size.get(c.id)!.width)) + 2 * COMPARTMENT_PAD.side;
    let y = 0;
    for (const c of inCol) {
      origin.set(c.id, { x: x + COMPARTMENT_PAD.side, y: y + COMPARTMENT_PAD.top });
      y += size.get(c.id)!.height + COMPARTMENT_PAD.top + COMPARTMENT_PAD.bottom + GAP;
    }
    x += colWidth + GAP;
  }

  const nodes = new Map<string, PlacedNode>();
  for (const [id, p] of local) {
    const c = assigned.get(id)!;
    const o = origin.get(c)!;
    nodes.set(id, { x: Math.round(o.x + p.x), y: Math.round(o.y + p.y), compartment: c, group: p.group });
  }
  const modules = graph.getAttribute('modules') ?? {};
  const groupIds = [...new Set([...nodes.values()].map((n) => n.group))].sort();
  const boxes: DiagramBox[] = [
    ...compartments.map((c): DiagramBox => ({ id: c.id, label: c.label, kind: c.kind, parent: null })),
    ...groupIds.map((g): DiagramBox => {
      const [parent, module] = g.split('/') as [string, string];
      return module === NEW_GROUP
        ? { id: g, label: 'not yet laid out (npm run layout)', kind: 'new', parent }
        : { id: g, label: modules[module]?.title ?? module, kind: 'module', parent, module };
    }),
  ];
  const stale = positions ? Object.values(positions.compartments).flatMap((c) => Object.keys(c.nodes).filter((id) => !graph.hasNode(id))).sort() : [];
  return { nodes, boxes, unplaced: unplaced.sort(), stale };
}
