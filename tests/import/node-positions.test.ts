/**
 * Where an opened file draws its nodes is kept: Cytoscape JSON `position` (cytoscape.js and Cytoscape desktop
 * files from ../shared/conformance), CX2 `x`/`y`, and the centre of a yEd `<y:Geometry>`; the Cytoscape JSON and
 * CX2 exports write it back, so a drawing survives mechkg -> Cytoscape -> mechkg; a file that placed only some
 * nodes still gets every node placed in CX2 (which needs all or none), the unplaced below the drawing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportGraph } from '../../src/export/index.js';
import { importGraph } from '../../src/import/index.js';
import { positionOf } from '../../src/import/records.js';
import type { KnowledgeGraph } from '../../src/model/types.js';
import { tryImportGraphFile } from '../../src/node/import-graph-file.js';

const DIR = join(import.meta.dirname, '../../../shared/conformance');
const positions = (g: KnowledgeGraph) => Object.fromEntries(g.mapNodes((id, n) => [id, n.position ?? null]));

function open(name: string): KnowledgeGraph {
  const r = tryImportGraphFile(join(DIR, name));
  if (!r.ok) throw new Error(`${name} did not load`);
  return r.graph;
}

describe.skipIf(!existsSync(DIR))('node positions of opened files', () => {
  it.each(['cytoscape/documentation_demos_cose-bilkent-layout-compound_data.json', 'cytoscape/documentation_demos_genemania-export_data.json'])('%s: every node sits where the file puts it', (name) => {
    const doc = JSON.parse(readFileSync(join(DIR, name), 'utf8'));
    const elements: { group?: string; data: { id: string; source?: string }; position?: { x: number; y: number } }[] = Array.isArray(doc) ? doc : Array.isArray(doc.elements) ? doc.elements : doc.elements.nodes;
    const given = elements.filter((el) => el.position && el.group !== 'edges' && el.data.source === undefined);
    expect(given.length).toBeGreaterThan(20);
    const g = open(name);
    for (const el of given) expect(g.getNodeAttribute(String(el.data.id), 'position')).toEqual({ x: el.position!.x, y: el.position!.y });
  });

  it('yEd: the centre of each node geometry', () => {
    const text = readFileSync(join(DIR, 'graphml/yed_noedges.graphml'), 'utf8');
    const g = open('graphml/yed_noedges.graphml');
    const nodes = [...text.matchAll(/<node id="([^"]+)"[\s\S]*?<y:Geometry height="([\d.]+)" width="([\d.]+)" x="([\d.-]+)" y="([\d.-]+)"/g)];
    expect(nodes.length).toBe(g.order);
    for (const [, id, h, w, x, y] of nodes) expect(g.getNodeAttribute(id!, 'position')).toEqual({ x: Number(x) + Number(w) / 2, y: Number(y) + Number(h) / 2 });
  });

  it('a drawing survives Cytoscape JSON -> CX2 -> mechkg -> Cytoscape JSON', async () => {
    const g = open('cytoscape/documentation_demos_genemania-export_data.json');
    const cx2 = String(await exportGraph(g, 'cx2'));
    const fromCx2 = importGraph({ path: 'back.cx2', text: cx2 }, 'cx2');
    expect(positions(fromCx2)).toEqual(positions(g));
    const cyjs = JSON.parse(String(await exportGraph(fromCx2, 'cyjs')));
    const back = importGraph({ path: 'back.cyjs', text: JSON.stringify(cyjs) }, 'cyjs');
    expect(positions(back)).toEqual(positions(g));
    expect(cyjs.elements.nodes.every((n: { position?: unknown }) => n.position !== undefined)).toBe(true);
  });

  it('a file that placed some nodes: CX2 places the rest below the drawing, the placed ones unmoved', async () => {
    const text = JSON.stringify([
      { data: { id: 'a' }, position: { x: 10, y: 20 } },
      { data: { id: 'b' }, position: { x: 300, y: 400 } },
      { data: { id: 'c' } },
      { data: { id: 'd' }, position: { x: 'left', y: 5 } },
      { data: { id: 'ab', source: 'a', target: 'b' } },
    ]);
    const g = importGraph({ path: 'part.cyjs', text }, 'cyjs');
    expect(positions(g)).toEqual({ a: { x: 10, y: 20 }, b: { x: 300, y: 400 }, c: null, d: null });
    const doc = JSON.parse(String(await exportGraph(g, 'cx2'))) as Record<string, unknown>[];
    const nodes = (doc.find((a) => 'nodes' in a)!.nodes as { x: number; y: number; v: { name: string } }[]).map((n) => [n.v.name, n.x, n.y]);
    const at = Object.fromEntries(nodes.map(([name, x, y]) => [name, { x, y }]));
    expect(at.a).toEqual({ x: 10, y: 20 });
    expect(at.b).toEqual({ x: 300, y: 400 });
    for (const id of ['c', 'd']) expect((at[id] as { y: number }).y).toBeGreaterThan(400);
  });

  it('a coordinate must be a finite number: no position rather than an invented 0,0', () => {
    expect(positionOf(1.5, -2)).toEqual({ x: 1.5, y: -2 });
    for (const [x, y] of [['1', 2], [1, null], [NaN, 1], [Infinity, 0], [undefined, undefined]] as const) expect(positionOf(x, y)).toBeUndefined();
  });
});
