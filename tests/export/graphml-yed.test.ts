/**
 * yEd's graphics in the GraphML export, so that yEd opens a drawn, labelled graph rather than a pile of unlabeled
 * squares: the `y:` namespace, a `nodegraphics` and an `edgegraphics` key, per node a y:ShapeNode (geometry
 * centred where the diagram puts the node, the same point the CX2 export gives it, or where the opened file drew
 * it; fill and shape by category; the label), per edge a y:PolyLineEdge (colour and arrowhead by sign, dashed when
 * not causal, the predicate as label). Checked by parsing the XML (no python needed), by reading it back with
 * mechkg (labels and positions, no warning about its own graphics) and, where python3 has networkx, by
 * networkx's read_graphml, which turns yEd graphics into `label`, `x`, `y` and `shape_type`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { exportGraph, selectPaths } from '../../src/export/index.js';
import { tryImportGraph } from '../../src/import/index.js';
import type { KnowledgeGraph } from '../../src/model/types.js';
import { CATEGORIES, predicateLabel } from '../../src/model/vocabulary.js';
import { loadGraph } from '../../src/node.js';
import { tryImportGraphFile } from '../../src/node/import-graph-file.js';
import { readLayoutPositions } from '../../src/node/read-positions.js';
import { SIGN_COLORS } from '../../src/export/dot-style.js';
import { HAS_NETWORKX } from './graph-fixtures.js';

const Y = 'http://www.yworks.com/xml/graphml';
const YED_SHAPES = ['rectangle', 'roundrectangle', 'ellipse', 'parallelogram', 'hexagon', 'octagon', 'diamond', 'triangle', 'trapezoid', 'trapezoid2', 'rectangle3d', 'star5', 'star6', 'star8', 'fatarrow', 'fatarrow2'];
const YED_ARROWS = ['none', 'standard', 't_shape', 'delta', 'white_delta', 'diamond', 'short'];
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', trimValues: false, parseTagValue: false, processEntities: true, htmlEntities: true, isArray: (n) => ['key', 'node', 'edge', 'data'].includes(n) });

type El = Record<string, unknown>;
interface Drawn {
  nodes: Map<string, { x: number; y: number; w: number; h: number; fill: string; shape: string; label: string }>;
  edges: Map<string, { color: string; type: string; target: string; label: string }>;
}

/** The yEd graphics of a GraphML text, by node and edge id (fails when a node or edge has none). */
function drawn(text: string): Drawn {
  expect(XMLValidator.validate(text)).toBe(true);
  const root = xml.parse(text).graphml as El;
  expect(root['@_xmlns:y']).toBe(Y);
  const keys = root.key as El[];
  const nodeKey = keys.find((k) => k['@_yfiles.type'] === 'nodegraphics' && k['@_for'] === 'node')?.['@_id'];
  const edgeKey = keys.find((k) => k['@_yfiles.type'] === 'edgegraphics' && k['@_for'] === 'edge')?.['@_id'];
  expect(nodeKey).toBeDefined();
  expect(edgeKey).toBeDefined();
  const graph = root.graph as El;
  const out: Drawn = { nodes: new Map(), edges: new Map() };
  for (const n of (graph.node as El[] | undefined) ?? []) {
    const d = (n.data as El[]).filter((x) => x['@_key'] === nodeKey);
    expect(d, `node ${n['@_id']}: one nodegraphics`).toHaveLength(1);
    const s = d[0]!['y:ShapeNode'] as El;
    const g = s['y:Geometry'] as El;
    const [x, y, w, h] = ['@_x', '@_y', '@_width', '@_height'].map((k) => Number(g[k]));
    for (const v of [x, y, w, h]) expect(Number.isFinite(v)).toBe(true);
    const label = s['y:NodeLabel'] as El;
    out.nodes.set(String(n['@_id']), { x: x! + w! / 2, y: y! + h! / 2, w: w!, h: h!, fill: String((s['y:Fill'] as El)['@_color']), shape: String((s['y:Shape'] as El)['@_type']), label: String(label['#text'] ?? '') });
  }
  for (const e of (graph.edge as El[] | undefined) ?? []) {
    const d = (e.data as El[]).filter((x) => x['@_key'] === edgeKey);
    expect(d, `edge ${e['@_id']}: one edgegraphics`).toHaveLength(1);
    const p = d[0]!['y:PolyLineEdge'] as El;
    const line = p['y:LineStyle'] as El;
    out.edges.set(String(e['@_id']), { color: String(line['@_color']), type: String(line['@_type']), target: String((p['y:Arrows'] as El)['@_target']), label: String((p['y:EdgeLabel'] as El)['#text'] ?? '') });
  }
  return out;
}

const curated = loadGraph();
const positions = readLayoutPositions();

describe('GraphML export: yEd graphics', () => {
  it.each([
    ['the curated graph', () => curated],
    ['a path subgraph (B12 -> autophagy)', () => selectPaths(curated, 'B12', 'autophagy', { maxLength: 6 }).graph],
  ])('%s: every node a labelled, coloured, placed ShapeNode; every edge a PolyLineEdge styled by sign', async (_what, pick) => {
    const graph: KnowledgeGraph = pick();
    const d = drawn(String(await exportGraph(graph, 'graphml', { positions })));
    expect(d.nodes.size).toBe(graph.order);
    expect(d.edges.size).toBe(graph.size);
    graph.forEachNode((id, n) => {
      const g = d.nodes.get(id)!;
      expect(g.label).toBe(n.label);
      expect(g.fill.toLowerCase()).toBe(CATEGORIES[n.category].color.toLowerCase());
      expect(YED_SHAPES).toContain(g.shape);
      expect(g.w).toBeGreaterThan(0);
    });
    // not a pile: the nodes sit where the diagram puts them, which is where the CX2 export puts them too
    const cx2 = JSON.parse(String(await exportGraph(graph, 'cx2', { positions }))) as El[];
    const cxNodes = (cx2.find((a) => 'nodes' in a)!.nodes as { x: number; y: number; v: { mechkg_id: string } }[]);
    for (const c of cxNodes) {
      const g = d.nodes.get(c.v.mechkg_id)!;
      expect([g.x, g.y], c.v.mechkg_id).toEqual([c.x, c.y]);
    }
    expect(new Set([...d.nodes.values()].map((g) => `${g.x},${g.y}`)).size).toBe(graph.order);
    graph.forEachEdge((key, e) => {
      const g = d.edges.get(key)!;
      expect(YED_ARROWS).toContain(g.target);
      expect(g.target).toBe(e.causal && e.sign === '-' ? 't_shape' : 'standard');
      expect(g.color.toLowerCase()).toBe((e.causal ? SIGN_COLORS[e.sign ?? 'none'] : SIGN_COLORS.none).toLowerCase());
      expect(g.type).toBe(e.causal ? 'line' : 'dashed');
      expect(g.label).toBe(predicateLabel(e.predicate));
    });
  });

  const YED_FILE = join(import.meta.dirname, '../../../shared/conformance/graphml/yed_noedges.graphml');
  it.skipIf(!existsSync(YED_FILE))('an opened yEd file goes back out where yEd drew it, with its labels', async () => {
    const r = tryImportGraphFile(YED_FILE);
    if (!r.ok) throw new Error('yed_noedges.graphml did not load');
    const d = drawn(String(await exportGraph(r.graph, 'graphml')));
    r.graph.forEachNode((id, n) => {
      expect(n.position, id).toBeDefined();
      const g = d.nodes.get(id)!;
      expect([g.x, g.y]).toEqual([n.position!.x, n.position!.y]);
      expect(g.label).toBe(n.label);
    });
  });

  it('mechkg reads its own yEd graphics back without a warning, labels and positions as drawn', async () => {
    const graph = selectPaths(curated, 'B12', 'autophagy', { maxLength: 6 }).graph;
    const text = String(await exportGraph(graph, 'graphml', { positions }));
    const r = tryImportGraph({ path: 'b12.graphml', text }, 'graphml');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.problems.filter((p) => p.level === 'warning')).toEqual([]);
    const d = drawn(text);
    r.graph.forEachNode((id, n) => {
      expect(n.label).toBe(graph.getNodeAttribute(id, 'label'));
      expect(n.position).toEqual({ x: d.nodes.get(id)!.x, y: d.nodes.get(id)!.y });
    });
    r.graph.forEachEdge((_k, e) => expect(e.attributes?.label).toBeUndefined());
  });

  if (!HAS_NETWORKX) console.warn('graphml-yed: python3 with networkx is not available; the networkx check is SKIPPED (pip install networkx to run it)');
  it.skipIf(!HAS_NETWORKX)('networkx reads the export: data keys as before, yEd graphics as label, x, y and shape_type', async () => {
    const graph = selectPaths(curated, 'B12', 'autophagy', { maxLength: 6 }).graph;
    const dir = mkdtempSync(join(tmpdir(), 'mechkg-yed-'));
    const text = String(await exportGraph(graph, 'graphml', { positions }));
    writeFileSync(join(dir, 'g.graphml'), text);
    const script = [
      'import json, sys, networkx as nx',
      'g = nx.read_graphml(sys.argv[1])',
      'print(json.dumps({"nodes": {n: d for n, d in g.nodes(data=True)}, "edges": [[u, v, d] for u, v, d in g.edges(data=True)]}))',
    ].join('\n');
    const r = spawnSync('python3', ['-c', script, join(dir, 'g.graphml')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const got = JSON.parse(r.stdout) as { nodes: Record<string, Record<string, unknown>>; edges: [string, string, Record<string, unknown>][] };
    const d = drawn(text);
    expect(Object.keys(got.nodes).sort()).toEqual(graph.nodes().sort());
    graph.forEachNode((id, n) => {
      const a = got.nodes[id]!;
      expect(a.label).toBe(n.label);
      expect(a.category).toBe(n.category);
      expect(a.shape_type).toBe(d.nodes.get(id)!.shape);
      expect(Number(a.x) + d.nodes.get(id)!.w / 2).toBe(d.nodes.get(id)!.x);
    });
    expect(got.edges).toHaveLength(graph.size);
    for (const [, , a] of got.edges) {
      expect(typeof a.causal).toBe('boolean');
      expect(a.label).toBe(predicateLabel(String(a.predicate)));
    }
  });
});
