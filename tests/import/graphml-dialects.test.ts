/**
 * What GraphML writers put beside nodes and edges, read as they mean it: the graph's own <data> (networkx's
 * G.graph, written by `write_graphml`) kept as graph attributes and written back; yEd graphics beyond label and
 * position reported as not kept (the conformance file yEd wrote); and Gephi's GraphML dialect (its exporter's
 * keys: `label`, `r` / `g` / `b`, `x` / `y`, `size`, `Edge Label`, `weight`) with positions and colours. The
 * Gephi document is written here in that dialect (no Gephi-written GraphML is in shared/conformance).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportGraph } from '../../src/export/index.js';
import { importGraph, tryImportGraph } from '../../src/import/index.js';

const CONFORMANCE = join(import.meta.dirname, '../../../shared/conformance');

const NETWORKX = `<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="d2" for="graph" attr.name="organism" attr.type="string"/>
  <key id="d1" for="graph" attr.name="version" attr.type="long"/>
  <key id="d0" for="graph" attr.name="curated" attr.type="boolean"/>
  <key id="d3" for="graph" attr.name="name" attr.type="string"/>
  <graph edgedefault="directed">
    <data key="d0">True</data>
    <data key="d1">3</data>
    <data key="d2">H. sapiens</data>
    <data key="d3">tiny</data>
    <node id="a"/>
    <node id="b"/>
    <edge source="a" target="b"/>
  </graph>
</graphml>
`;

const GEPHI = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key attr.name="label" attr.type="string" for="node" id="label"/>
<key attr.name="Edge Label" attr.type="string" for="edge" id="edgelabel"/>
<key attr.name="weight" attr.type="double" for="edge" id="weight"/>
<key attr.name="r" attr.type="int" for="node" id="r"/>
<key attr.name="g" attr.type="int" for="node" id="g"/>
<key attr.name="b" attr.type="int" for="node" id="b"/>
<key attr.name="x" attr.type="float" for="node" id="x"/>
<key attr.name="y" attr.type="float" for="node" id="y"/>
<key attr.name="size" attr.type="float" for="node" id="size"/>
<graph edgedefault="directed">
<node id="HGNC:11603">
<data key="label">STX17</data>
<data key="size">12.5</data>
<data key="r">230</data>
<data key="g">97</data>
<data key="b">1</data>
<data key="x">-40.25</data>
<data key="y">118.0</data>
</node>
<node id="GO:0006914">
<data key="label">autophagy</data>
<data key="size">10.0</data>
<data key="r">94</data>
<data key="g">60</data>
<data key="b">153</data>
<data key="x">210.5</data>
<data key="y">-12.75</data>
</node>
<edge id="0" source="HGNC:11603" target="GO:0006914">
<data key="edgelabel">required for</data>
<data key="weight">2.0</data>
</edge>
</graph>
</graphml>
`;

describe('GraphML beside nodes and edges', () => {
  it('keeps the graph\'s own <data> (networkx G.graph) as graph attributes, typed, and writes them back', async () => {
    const g = importGraph({ path: 'tiny.graphml', text: NETWORKX });
    expect(g.getAttribute('name')).toBe('tiny');
    expect(g.getAttribute('attributes')).toEqual({ curated: true, version: 3, organism: 'H. sapiens' });
    for (const format of ['graphml', 'cyjs', 'cx2'] as const) {
      const back = importGraph({ path: `back.${format}`, text: String(await exportGraph(g, format)) }, format);
      expect([format, back.getAttribute('attributes')]).toEqual([format, { curated: true, version: 3, organism: 'H. sapiens' }]);
    }
    const out = String(await exportGraph(g, 'graphml'));
    expect(out).toContain('for="graph" attr.name="version" attr.type="int"');
    expect(out).toContain('for="graph" attr.name="curated" attr.type="boolean"');
  });

  it('reads no graph attribute from a graph key\'s <default> (networkx applies defaults to nodes and edges only)', () => {
    const text = NETWORKX.replace('<key id="d2" for="graph" attr.name="organism" attr.type="string"/>', '<key id="d2" for="graph" attr.name="organism" attr.type="string"><default>mouse</default></key>').replace('<data key="d2">H. sapiens</data>', '');
    expect(importGraph({ path: 'd.graphml', text }).getAttribute('attributes')).toEqual({ curated: true, version: 3 });
  });

  it.skipIf(!existsSync(CONFORMANCE))('says that yEd graphics beyond label and position are not kept (the yEd conformance file)', () => {
    const r = tryImportGraph({ path: 'nx_0556_data.graphml', text: readFileSync(join(CONFORMANCE, 'graphml/nx_0556_data.graphml'), 'utf8') });
    expect(r.ok).toBe(true);
    const w = r.problems.filter((p) => /yEd graphics/.test(p.message));
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toMatch(/yEd graphics of 3 node\(s\) and 1 edge\(s\) \(fill, shape, border, line style, arrows\) are not kept/);
    expect(w[0]!.file).toBe('nx_0556_data.graphml');
  });

  it('reads Gephi\'s GraphML: labels, positions from x / y, colours and sizes as attributes, edge label and weight', async () => {
    const r = tryImportGraph({ path: 'gephi.graphml', text: GEPHI });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    const g = r.graph;
    expect(g.nodes()).toEqual(['HGNC:11603', 'GO:0006914']);
    expect(g.getNodeAttribute('HGNC:11603', 'label')).toBe('STX17');
    expect(g.getNodeAttribute('HGNC:11603', 'position')).toEqual({ x: -40.25, y: 118 });
    expect(g.getNodeAttribute('GO:0006914', 'position')).toEqual({ x: 210.5, y: -12.75 });
    expect(g.getNodeAttribute('HGNC:11603', 'attributes')).toMatchObject({ r: 230, g: 97, b: 1, size: 12.5 });
    expect(g.getEdgeAttributes('0').attributes).toEqual({ 'Edge Label': 'required for', weight: 2 });
    expect(r.problems.some((p) => /yEd/.test(p.message))).toBe(false);
    // positions reach the drawing exports; the colour columns go back under their own names
    const cyjs = JSON.parse(String(await exportGraph(g, 'cyjs')));
    expect(cyjs.elements.nodes[0].position).toEqual({ x: -40.25, y: 118 });
    const back = importGraph({ path: 'back.graphml', text: String(await exportGraph(g, 'graphml')) });
    expect(back.getNodeAttribute('HGNC:11603', 'attributes')).toMatchObject({ r: 230, g: 97, b: 1, x: -40.25, y: 118 });
    expect(back.getNodeAttribute('HGNC:11603', 'position')).toEqual({ x: -40.25, y: 118 });
  });
});
