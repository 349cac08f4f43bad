/**
 * GraphML that the tools wrote, read as they read it: a yEd 3.23.2 file with a group node
 * (tests/fixtures/yed-written), the CDATA test input of Gephi's GraphML importer
 * (tests/fixtures/gephi-written/cdata.graphml), and an empty <data/> in a typed column, which networkx reads as
 * the empty string. Checked against networkx itself where python3 has it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportGraph } from '../../src/export/index.js';
import { tryImportGraph } from '../../src/import/index.js';
import type { KnowledgeGraph } from '../../src/model/types.js';
import { HAS_NETWORKX } from '../export/graph-fixtures.js';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const YED = join(FIXTURES, 'yed-written/yed_created_edges_simplified.graphml');
const GEPHI_CDATA = join(FIXTURES, 'gephi-written/cdata.graphml');

function load(path: string, text = readFileSync(path, 'utf8')): KnowledgeGraph {
  const r = tryImportGraph({ path: path.replace(/^.*\//, ''), text });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line ?? ''} ${p.message}`).join('\n'));
  return r.graph;
}

/** networkx's read_graphml of a file: node attributes and edges with their attributes, or its error. */
function networkx(path: string): { nodes?: Record<string, Record<string, unknown>>; edges?: [string, string, Record<string, unknown>][]; error?: string } {
  const script = [
    'import json, sys, networkx as nx',
    'try:',
    '    g = nx.read_graphml(sys.argv[1])',
    '    print(json.dumps({"nodes": dict(g.nodes(data=True)), "edges": [[u, v, d] for u, v, d in g.edges(data=True)]}))',
    'except Exception as e:',
    '    print(json.dumps({"error": str(e)}))',
  ].join('\n');
  const r = spawnSync('python3', ['-c', script, path], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

describe('GraphML written by yEd', () => {
  const g = load(YED);

  it('keeps every node and edge id, the nested group members included', () => {
    expect(g.nodes().sort()).toEqual(['n0', 'n1', 'n2', 'n2::n0', 'n2::n1']);
    expect(g.edges().sort()).toEqual(['e0', 'e1', 'e2']);
    expect(g.extremities('e0')).toEqual(['n1', 'n2::n1']);
  });

  it('names the group holding each member as its attribute "parent", as a Cytoscape compound node, and cyjs draws the group', async () => {
    expect(g.mapNodes((id, a) => [id, a.attributes?.parent]).filter(([, p]) => p !== undefined)).toEqual([['n2::n0', 'n2'], ['n2::n1', 'n2']]);
    const out = await exportGraph(g, 'cyjs');
    const nodes = (JSON.parse(String(out)) as { elements: { nodes: { data: { id: string; parent?: string } }[] } }).elements.nodes;
    expect(nodes.filter((n) => n.data.parent !== undefined).map((n) => [n.data.id, n.data.parent])).toEqual([['n2::n0', 'n2'], ['n2::n1', 'n2']]);
  });

  it('names a group node by the label yEd draws (its active realizer) and places it at that drawing', () => {
    expect(g.getNodeAttribute('n2', 'label')).toBe('Northern Italy');
    // the open GroupNode (active="0"): x 80.33888888888887 + 148.71388888888893 / 2, y 61 + 82.37646484375 / 2
    expect(g.getNodeAttribute('n2', 'position')).toEqual({ x: 80.33888888888887 + 148.71388888888893 / 2, y: 61 + 82.37646484375 / 2 });
    expect(g.mapNodes((_, a) => a.label).sort()).toEqual(['Brescia', 'Ivrea', 'Northern Italy', 'Savona', 'Turin']);
  });

  it.skipIf(!HAS_NETWORKX)('agrees with networkx on ids, edges, shape-node labels and the empty url data', () => {
    const nx = networkx(YED);
    expect(Object.keys(nx.nodes!).sort()).toEqual(g.nodes().sort());
    expect(nx.edges!.map(([u, v, d]) => [d.id, u, v]).sort()).toEqual(g.mapEdges((id, _, s, t) => [id, s, t]).sort());
    for (const [id, d] of Object.entries(nx.nodes!)) {
      if (d.label !== undefined) expect(g.getNodeAttribute(id, 'label')).toBe(d.label);
      expect(g.getNodeAttribute(id, 'attributes')).toMatchObject({ url: d.url });
    }
  });
});

describe("GraphML read by Gephi's importer", () => {
  it('cdata.graphml: keys declared inside <graph>, one id for nodes and for edges: read as Gephi reads them, with a warning', () => {
    const r = tryImportGraph({ path: 'cdata.graphml', text: readFileSync(GEPHI_CDATA, 'utf8') });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.graph.getNodeAttribute('n0', 'label')).toBe('foo');
    expect(r.graph.getNodeAttribute('n1', 'label')).toBe('bar');
    expect(r.graph.getEdgeAttribute('e0', 'attributes')).toMatchObject({ label: 'foobar' });
    const w = r.problems.filter((p) => /<key> declaration/.test(p.message));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ level: 'warning', line: 7 });
    expect(w[0]!.message).toMatch(/2 <key> declaration\(s\) inside a <graph>: read as Gephi reads them/);
  });

  it.skipIf(!HAS_NETWORKX)('networkx rejects it, as the warning says', () => {
    expect(networkx(GEPHI_CDATA).error).toMatch(/no key lbl/);
  });
});

describe('an empty <data/> in a typed column', () => {
  // Hand-written from the GraphML primer's key and data elements (no tool's file with an empty typed <data/> was
  // found): networkx reads both empty forms as "" and refuses neither.
  const text = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="w" for="node" attr.name="weight" attr.type="double"/>',
    '  <graph edgedefault="directed">',
    '    <node id="a"><data key="w"/></node>',
    '    <node id="b"><data key="w"></data></node>',
    '    <node id="c"><data key="w">2.5</data></node>',
    '  </graph>',
    '</graphml>',
  ].join('\n');

  it('is the empty string, not an error', () => {
    const g = load('empty-data.graphml', text);
    expect(g.mapNodes((id, a) => [id, (a.attributes as Record<string, unknown>).weight])).toEqual([
      ['a', ''],
      ['b', ''],
      ['c', 2.5],
    ]);
  });
});

describe("GraphML in the shape Gephi's exporter writes it", () => {
  // Hand-written after Gephi's ExporterGraphML (gephi/gephi modules/ExportPlugin/src/main/java/org/gephi/io/exporter/
  // plugin/ExporterGraphML.java at commit 06b91ad475143c4ce87a6b7afaeab28d87b512bc): the label, "Edge Label" and
  // weight keys it always declares, an edge's type label as a `label` XML attribute, and for a mixed graph
  // edgedefault="directed" with directed="false" on its undirected edges. No file Gephi wrote in GraphML was found.
  const gephiGraphml = (undirectedEdge: boolean) =>
    [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
      '  <key attr.name="label" attr.type="string" for="node" id="label"/>',
      '  <key attr.name="Edge Label" attr.type="string" for="edge" id="edgelabel"/>',
      '  <key attr.name="weight" attr.type="double" for="edge" id="weight"/>',
      '  <graph edgedefault="directed">',
      '    <node id="1"><data key="label">one</data></node>',
      '    <node id="2"><data key="label">two</data></node>',
      '    <edge id="0" source="1" target="2" label="regulates"><data key="edgelabel">1 to 2</data><data key="weight">1.0</data></edge>',
      ...(undirectedEdge ? ['    <edge id="1" source="2" target="1" directed="false"><data key="weight">2.0</data></edge>'] : []),
      '  </graph>',
      '</graphml>',
    ].join('\n');

  it("keeps an edge's type label (the label XML attribute) beside its Edge Label data", () => {
    const g = load('gephi.graphml', gephiGraphml(false));
    expect(g.getEdgeAttribute('0', 'attributes')).toMatchObject({ label: 'regulates', 'Edge Label': '1 to 2', weight: 1 });
  });

  it('refuses a mixed graph as networkx does, and says Gephi wrote it and what to export instead', () => {
    const r = tryImportGraph({ path: 'gephi-mixed.graphml', text: gephiGraphml(true) });
    expect(r.ok).toBe(false);
    const error = r.problems.find((p) => p.level === 'error')!;
    expect(error).toMatchObject({ file: 'gephi-mixed.graphml', line: 10 });
    expect(error.message).toMatch(/a mixed graph, as Gephi exports one to GraphML; networkx rejects mixed graphs.*export GEXF from Gephi instead/);
  });
});

describe("GraphML <desc>, as Gephi's importer reads it", () => {
  it('withdesc.graphml: each <desc> is the description, and the label Gephi shows (Node Zero, Node One, Edge Zero)', () => {
    const g = load(join(FIXTURES, 'gephi-written/withdesc.graphml'));
    expect(g.getNodeAttribute('n0', 'label')).toBe('Node Zero');
    expect(g.getNodeAttribute('n1', 'label')).toBe('Node One');
    expect(g.getNodeAttribute('n1', 'description')).toBe('Node One');
    expect(g.getEdgeAttribute('e0', 'attributes')).toMatchObject({ label: 'Edge Zero', description: 'Edge Zero' });
  });

  it('a <desc> does not replace a label the data give', () => {
    const text = readFileSync(YED, 'utf8').replace('<node id="n0">', '<node id="n0">\n      <desc>a town in Piedmont</desc>');
    const g = load('desc.graphml', text);
    expect(g.getNodeAttribute('n0', 'label')).toBe('Ivrea');
    expect(g.getNodeAttribute('n0', 'description')).toBe('a town in Piedmont');
  });
});

describe('GraphML as networkx writes 64-bit integers and several graphs', () => {
  // In the shape networkx 3.6.1's write_graphml gives a Python int past 2^53 (attr.type="long").
  const LONG = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="d1" for="edge" attr.name="big" attr.type="long" />',
    '  <key id="d0" for="node" attr.name="n" attr.type="long" />',
    '  <graph edgedefault="directed">',
    '    <node id="a"><data key="d0">9007199254740993</data></node>',
    '    <node id="b"><data key="d0">42</data></node>',
    '    <edge source="a" target="b"><data key="d1">-12345678901234567891</data></edge>',
    '  </graph>',
    '</graphml>',
  ].join('\n');

  it('a long past 2^53 keeps its exact digits (as text; a JavaScript number would round it), a smaller one is a number', () => {
    const g = load('long.graphml', LONG);
    expect(g.getNodeAttribute('a', 'attributes')).toEqual({ n: '9007199254740993' });
    expect(g.getNodeAttribute('b', 'attributes')).toEqual({ n: 42 });
    expect(g.getEdgeAttribute(g.edges()[0]!, 'attributes')).toEqual({ big: '-12345678901234567891' });
  });

  it('a file of several <graph> elements: the first is read, as networkx reads it, with a warning naming the line', () => {
    const text = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
      '  <graph id="G1" edgedefault="directed"><node id="a"/><node id="b"/><edge source="a" target="b"/></graph>',
      '  <graph id="G2" edgedefault="directed"><node id="c"/></graph>',
      '</graphml>',
    ].join('\n');
    const r = tryImportGraph({ path: 'two.graphml', text });
    if (!r.ok) throw new Error('did not load');
    expect(r.graph.nodes()).toEqual(['a', 'b']);
    expect(r.problems.find((p) => /<graph> elements/.test(p.message))).toMatchObject({ level: 'warning', line: 4, message: expect.stringMatching(/^the file holds 2 <graph> elements; only the first is read/) });
  });
});

describe('a <data> holding XML elements', () => {
  it('is not kept, as networkx does not keep it, with one warning naming the key (it was read as the empty string)', () => {
    const text = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:h="http://www.w3.org/1999/xhtml">',
      '  <key id="d0" for="node" attr.name="note" attr.type="string"/>',
      '  <key id="d1" for="node" attr.name="url" attr.type="string"/>',
      '  <graph edgedefault="directed">',
      '    <node id="a"><data key="d0"><h:p>rich <h:b>text</h:b></h:p></data><data key="d1"/></node>',
      '  </graph>',
      '</graphml>',
    ].join('\n');
    const r = tryImportGraph({ path: 'markup.graphml', text });
    if (!r.ok) throw new Error('did not load');
    expect(r.graph.getNodeAttribute('a', 'attributes')).toEqual({ url: '' });
    expect(r.problems.map((p) => p.message)).toContain('1 <data> value(s) of "note" hold XML elements, not text: not kept (networkx does not keep them either)');
  });
});
