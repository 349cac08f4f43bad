/**
 * The pathway diagram is the same picture every time: the build-time ELK layout is deterministic, the
 * committed positions cover the curated graph, and nodes the file does not know yet (curators add nodes
 * in parallel) are placed deterministically without overlapping anything.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutPositions } from '../../src/layout/elk-layout.js';
import { loadGraphFromFiles, nodeBox, placeDiagram, type KnowledgeGraph, type PositionsFile } from '../../src/index.js';
import { loadGraph, readGraphDir } from '../../src/node.js';

const GRAPH_DIR = resolve(import.meta.dirname, '../../graph');
const committed = JSON.parse(readFileSync(join(GRAPH_DIR, 'layout/positions.json'), 'utf8')) as PositionsFile;

/** Pairs of nodes (in one compartment) whose label boxes overlap. */
function overlaps(graph: KnowledgeGraph, nodes: Map<string, { x: number; y: number; compartment: string }>): string[] {
  const list = [...nodes].map(([id, p]) => ({ id, ...p, ...nodeBox(graph.getNodeAttribute(id, 'label'), graph.degree(id)) }));
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i]!;
      const b = list[j]!;
      // The boxes carry a margin (nodeBox), so touching boxes still leave the labels apart.
      if (Math.abs(a.x - b.x) * 2 < (a.width + b.width) * 0.8 && Math.abs(a.y - b.y) * 2 < (a.height + b.height) * 0.8) out.push(`${a.id} / ${b.id}`);
    }
  }
  return out;
}

const NEW_MODULE = `module:
  id: zz-new-curation
  title: New curation
  summary: Nodes a curator just added.
nodes:
  - id: zz-new-protein
    label: a brand new protein
    category: protein
    description: Not in positions.json yet.
  - id: zz-new-disease
    label: a brand new disease
    category: disease
    description: Not in positions.json yet.
edges:
  - source: zz-new-protein
    predicate: increases
    target: homocysteine
    evidence:
      - source: lehninger-5e
        kind: established_biochemistry
        statement: Placeholder for a layout test.
`;

describe('pathway diagram layout', () => {
  const graph = loadGraph();
  const layout = graph.getAttribute('layout')!;

  it('ELK gives the same positions on every run and for any file order', async () => {
    const files = readGraphDir(GRAPH_DIR);
    const reversed = loadGraphFromFiles([...files].reverse(), 'reversed');
    const [a, b] = [await layoutPositions(graph, layout), await layoutPositions(reversed, reversed.getAttribute('layout')!)];
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(Object.values(a.compartments).reduce((n, c) => n + Object.keys(c.nodes).length, 0)).toBe(graph.order);
  });

  it('every curated node has a place, nothing overlaps, and positions.json names no node that is gone', () => {
    const d = placeDiagram(graph, layout, committed);
    expect(d.nodes.size).toBe(graph.order);
    // stale: rerun `npm run layout` after renaming or removing a node.
    expect(d.stale).toEqual([]);
    expect(overlaps(graph, d.nodes)).toEqual([]);
    // Every node's compartment and module box exist.
    const boxes = new Set(d.boxes.map((b) => b.id));
    for (const p of d.nodes.values()) expect(boxes.has(p.compartment) && boxes.has(p.group)).toBe(true);
  });

  it('places nodes added since the last layout deterministically, apart from the rest, without moving other columns', () => {
    const files = [...readGraphDir(GRAPH_DIR), { path: 'modules/zz-new-curation.yaml', text: NEW_MODULE }];
    const grown = loadGraphFromFiles(files, 'grown');
    const d1 = placeDiagram(grown, grown.getAttribute('layout')!, committed);
    const d2 = placeDiagram(loadGraphFromFiles([...files].reverse(), 'again'), layout, committed);
    expect([...d2.nodes].sort()).toEqual([...d1.nodes].sort());
    expect(d1.unplaced).toEqual(['zz-new-disease', 'zz-new-protein']);
    // By category (disease -> clinical), else the fallback compartment; in the "not yet laid out" box.
    expect(d1.nodes.get('zz-new-disease')).toMatchObject({ compartment: 'clinical', group: 'clinical/~new' });
    expect(d1.nodes.get('zz-new-protein')).toMatchObject({ compartment: layout.defaults.fallback, group: `${layout.defaults.fallback}/~new` });
    expect(overlaps(grown, d1.nodes)).toEqual([]);
    // Only the compartment that grew, and those below it in its column, may move.
    const before = placeDiagram(graph, layout, committed);
    const column = new Map(layout.compartments.map((c) => [c.id, c.column]));
    const grewColumn = column.get('clinical');
    for (const [id, p] of before.nodes) if (column.get(p.compartment) !== grewColumn) expect(d1.nodes.get(id)).toEqual(p);
  });

  it('without a positions file every node still gets a deterministic place', () => {
    const d = placeDiagram(graph, layout, null);
    expect(d.nodes.size).toBe(graph.order);
    expect(d.unplaced.length).toBe(graph.order);
    expect(overlaps(graph, d.nodes)).toEqual([]);
    expect([...placeDiagram(graph, layout, null).nodes]).toEqual([...d.nodes]);
  });

  it('reports ids in the positions file that are no longer nodes', () => {
    const withGhost: PositionsFile = { ...committed, compartments: { ...committed.compartments, blood: { ...committed.compartments.blood!, nodes: { ...committed.compartments.blood!.nodes, 'gone-node': [1, 1] } } } };
    expect(placeDiagram(graph, layout, withGhost).stale).toEqual(['gone-node']);
  });
});
