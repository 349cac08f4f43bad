/**
 * networkx multigraphs (tests/fixtures/networkx-written, written by networkx 3.6.1's write_graphml and
 * node_link_data and cytoscape_data; see the README there). networkx keys count per node pair (0, 1, ... for each pair), so a key
 * is used again on another pair: mechkg keeps every parallel edge, renames the repeated id (`0--2`, with a
 * warning) and writes the file's key back in GraphML (the edge id, which networkx reads as the key) and cyjs
 * (`data.key`, which networkx's cytoscape_graph reads). Read back by networkx itself where python3 has it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCytoscapeJson, writeGraphml } from '../../src/export/index.js';
import { tryImportGraph } from '../../src/import/index.js';
import type { KnowledgeGraph } from '../../src/model/types.js';
import { HAS_NETWORKX } from '../export/graph-fixtures.js';

const DIR = join(import.meta.dirname, '../fixtures/networkx-written');
const text = (name: string) => readFileSync(join(DIR, name), 'utf8');

function load(path: string, body: string): { graph: KnowledgeGraph; warnings: string[] } {
  const r = tryImportGraph({ path, text: body });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return { graph: r.graph, warnings: r.problems.map((p) => p.message) };
}

/** (source, target, key) of every edge as a GraphML file gives them: the edge id is networkx's key. */
function graphmlKeys(xml: string): string[] {
  return [...xml.matchAll(/<edge id="([^"]*)" source="([^"]*)" target="([^"]*)"/g)].map((m) => `${m[2]} ${m[3]} ${m[1]}`).sort();
}

/** (source, target, key) of every edge of a cyjs document, from data.key. */
function cyjsKeys(json: string): string[] {
  const doc = JSON.parse(json) as { elements: { edges: { data: { source: string; target: string; key: unknown } }[] } };
  return doc.elements.edges.map(({ data: d }) => `${d.source} ${d.target} ${String(d.key)}`).sort();
}

const DIRECTED = ['HGNC:1 MONDO:2 0', 'HGNC:1 MONDO:2 1', 'HGNC:3 HGNC:1 0', 'MONDO:2 HGNC:3 k7'];

describe('networkx multigraph keys', () => {
  it.each(['multidigraph.graphml', 'multidigraph.json', 'multidigraph.cyjs'])('%s: every parallel edge kept, its key the edge id; a key used again on another pair renamed with a warning', (name) => {
    const { graph, warnings } = load(name, text(name));
    expect(graph.mapEdges((id, _a, s, t) => `${s} ${t} ${id}`).sort()).toEqual(['HGNC:1 MONDO:2 0', 'HGNC:1 MONDO:2 1', 'HGNC:3 HGNC:1 0--2', 'MONDO:2 HGNC:3 k7']);
    expect(graph.getEdgeAttribute('0--2', 'fileId')).toBe('0');
    expect(graph.getEdgeAttribute('0', 'fileId')).toBeUndefined();
    expect(warnings.some((w) => w.endsWith('edge id "0" is used again; this edge is kept as "0--2"'))).toBe(true);
  });

  it.each(['multidigraph.graphml', 'multidigraph.json', 'multidigraph.cyjs'])('%s: GraphML and cyjs exports write the file\'s keys back, and read back the same', (name) => {
    const { graph } = load(name, text(name));
    const graphml = writeGraphml(graph);
    const cyjs = writeCytoscapeJson(graph);
    expect(graphmlKeys(graphml)).toEqual(DIRECTED);
    expect(cyjsKeys(cyjs)).toEqual(DIRECTED);
    // cytoscape.js needs unique element ids: the cyjs id stays mechkg's
    expect(new Set((JSON.parse(cyjs) as { elements: { edges: { data: { id: string } }[] } }).elements.edges.map((e) => e.data.id)).size).toBe(4);
    for (const [path, body] of [['back.graphml', graphml], ['back.cyjs', cyjs]] as const) {
      const back = load(path, body).graph;
      expect(back.mapEdges((id, a, s, t) => `${s} ${t} ${id} ${a.fileId ?? ''}`).sort()).toEqual(graph.mapEdges((id, a, s, t) => `${s} ${t} ${id} ${a.fileId ?? ''}`).sort());
    }
  });

  it('multigraph.graphml (undirected): parallel edges read both ways, written back once each with their keys', () => {
    const { graph } = load('multigraph.graphml', text('multigraph.graphml'));
    expect(graph.size).toBe(6);
    expect(graph.getEdgeAttribute('0--2~reverse', 'fileId')).toBe('0~reverse');
    const xml = writeGraphml(graph);
    expect(xml).toContain('edgedefault="undirected"');
    expect(graphmlKeys(xml)).toEqual(['a b 0', 'a b 1', 'b c 0']);
  });

  it('a KGX file\'s repeated edge id is not a multigraph key: renamed, and the export writes the new id', () => {
    const kgx = 'id\tsubject\tpredicate\tobject\ne1\tA:1\tbiolink:related_to\tA:2\ne1\tA:2\tbiolink:related_to\tA:3\n';
    const { graph } = load('x_edges.tsv', kgx);
    expect(graph.getEdgeAttribute('e1--2', 'fileId')).toBeUndefined();
    expect(graphmlKeys(writeGraphml(graph))).toEqual(['A:1 A:2 e1', 'A:2 A:3 e1--2']);
  });

  if (!HAS_NETWORKX) console.warn('networkx-multigraph: python3 with networkx is not available; the networkx read-back is SKIPPED');
  it.skipIf(!HAS_NETWORKX).each(['multidigraph.graphml', 'multidigraph.json', 'multidigraph.cyjs'])('%s: networkx reads the same multigraph keys from mechkg\'s GraphML and cyjs as from the original', (name) => {
    const { graph } = load(name, text(name));
    const dir = mkdtempSync(join(tmpdir(), 'mechkg-nx-'));
    writeFileSync(join(dir, 'out.graphml'), writeGraphml(graph));
    writeFileSync(join(dir, 'out.cyjs'), writeCytoscapeJson(graph));
    const script = [
      'import json, sys, networkx as nx',
      'def keys(g): return sorted("%s %s %s" % e for e in g.edges(keys=True))',
      'src = sys.argv[1]',
      'd = None if src.endswith(".graphml") else json.load(open(src))',
      'orig = nx.read_graphml(src) if d is None else nx.cytoscape_graph(d) if src.endswith(".cyjs") else nx.node_link_graph(d, edges="edges")',
      'gml = nx.read_graphml(sys.argv[2])',
      'cy = nx.cytoscape_graph(json.load(open(sys.argv[3])))',
      'print(json.dumps({"types": [type(g).__name__ for g in (orig, gml, cy)], "keys": [keys(g) for g in (orig, gml, cy)]}))',
    ].join('\n');
    const r = spawnSync('python3', ['-c', script, join(DIR, name), join(dir, 'out.graphml'), join(dir, 'out.cyjs')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const nx = JSON.parse(r.stdout) as { types: string[]; keys: string[][] };
    expect(nx.types).toEqual(['MultiDiGraph', 'MultiDiGraph', 'MultiDiGraph']);
    expect(nx.keys[0]).toEqual(DIRECTED);
    expect(nx.keys[1]).toEqual(DIRECTED);
    expect(nx.keys[2]).toEqual(DIRECTED);
  });
});

describe('GraphML attributes named "id" (networkx)', () => {
  it('id_attributes.graphml: a node\'s <data> "id" is an attribute, an edge\'s (with no XML id) its id; both written back', () => {
    const { graph } = load('id_attributes.graphml', text('id_attributes.graphml'));
    expect(graph.getNodeAttribute('a', 'attributes')).toEqual({ id: 'HGNC:5' });
    expect(graph.edges()).toEqual(['e1']);
    expect(graph.getEdgeAttribute('e1', 'attributes')).toBeUndefined();
    const xml = writeGraphml(graph);
    expect(xml).toMatch(/<node id="a">(\s*<data key="n_[a-z]+">[^<]*<\/data>)*\s*<data key="n_id">HGNC:5<\/data>/);
    expect(graphmlKeys(xml)).toEqual(['a b e1']);
  });

  it('id_attributes.graphml: the node attribute "id" survives cyjs (whose data.id is the node id) and comes back', () => {
    const { graph } = load('id_attributes.graphml', text('id_attributes.graphml'));
    const cyjs = writeCytoscapeJson(graph);
    const node = (JSON.parse(cyjs) as { elements: { nodes: { data: Record<string, unknown> }[] } }).elements.nodes[0]!.data;
    expect(node.id).toBe('a');
    expect(load('back.cyjs', cyjs).graph.getNodeAttribute('a', 'attributes')).toEqual({ id: 'HGNC:5' });
  });

  it.skipIf(!HAS_NETWORKX)('networkx reads the same node and edge "id" attributes from mechkg\'s GraphML as from the original', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mechkg-nx-'));
    writeFileSync(join(dir, 'out.graphml'), writeGraphml(load('id_attributes.graphml', text('id_attributes.graphml')).graph));
    const script = [
      'import json, sys, networkx as nx',
      'def ids(g): return [sorted((str(n), str(i)) for n, i in g.nodes(data="id")), sorted((u, v, str(i)) for u, v, i in g.edges(data="id"))]',
      'print(json.dumps([ids(nx.read_graphml(p)) for p in sys.argv[1:]]))',
    ].join('\n');
    const r = spawnSync('python3', ['-c', script, join(DIR, 'id_attributes.graphml'), join(dir, 'out.graphml')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const [orig, back] = JSON.parse(r.stdout) as unknown[];
    expect(back).toEqual(orig);
  });
});
