/**
 * Node-link JSON as networkx writes it (tests/fixtures/networkx-written, written by networkx's node_link_data;
 * see the README there): told by content (it was taken for KGX JSON and refused: no subject / object), every
 * node and edge kept, the multigraph keys as edge ids, an undirected graph read both ways. Compared with
 * networkx's own node_link_graph where python3 has networkx.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniffFormat, tryImportGraph } from '../../src/import/index.js';
import type { KnowledgeGraph } from '../../src/model/types.js';
import { HAS_NETWORKX } from '../export/graph-fixtures.js';

const DIR = join(import.meta.dirname, '../fixtures/networkx-written');
const FILES = ['multidigraph.json', 'path_graph.json', 'digraph_links.json'];
const text = (name: string) => readFileSync(join(DIR, name), 'utf8');

function load(name: string): { graph: KnowledgeGraph; warnings: string[] } {
  const r = tryImportGraph({ path: name, text: text(name) });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return { graph: r.graph, warnings: r.problems.map((p) => p.message) };
}

describe('node-link JSON written by networkx', () => {
  it.each(FILES)('%s is told as node-link JSON by its content', (name) => {
    expect(sniffFormat(text(name)).format).toBe('node-link');
  });

  it('multidigraph.json: ids as written, parallel edges by their keys, attributes and predicates kept', () => {
    const { graph, warnings } = load('multidigraph.json');
    expect(graph.nodes()).toEqual(['HGNC:1', 'MONDO:2', 'HGNC:3']);
    expect(graph.getNodeAttribute('HGNC:1', 'label')).toBe('gene one');
    expect(graph.getNodeAttribute('HGNC:1', 'attributes')).toMatchObject({ score: 3 });
    expect(graph.mapEdges((id, a, s, t) => [id, s, t, a.predicate])).toEqual([
      ['0', 'HGNC:1', 'MONDO:2', 'biolink:causes'],
      ['1', 'HGNC:1', 'MONDO:2', 'biolink:treats'],
      ['k7', 'MONDO:2', 'HGNC:3', 'biolink:related_to'],
      // networkx keys count per node pair: the second key 0 is renamed, and the warning says so
      ['0--2', 'HGNC:3', 'HGNC:1', 'biolink:related_to'],
    ]);
    expect(warnings.some((w) => w.endsWith('edge id "0" is used again; this edge is kept as "0--2"'))).toBe(true);
  });

  it('path_graph.json ("directed": false) reads each edge both ways, with the warning', () => {
    const { graph, warnings } = load('path_graph.json');
    expect(graph.nodes()).toEqual(['0', '1', '2']);
    expect(graph.size).toBe(4);
    expect(warnings.some((w) => /the graph is undirected: each of its 2 edge\(s\) is read both ways/.test(w))).toBe(true);
  });

  it('digraph_links.json: the "links" list of networkx before 3.4', () => {
    const { graph } = load('digraph_links.json');
    expect(graph.mapEdges((_, __, s, t) => [s, t])).toEqual([['1', '2']]);
  });

  if (!HAS_NETWORKX) console.warn('node-link-json: python3 with networkx is not available; the networkx comparison is SKIPPED');
  it.skipIf(!HAS_NETWORKX).each(FILES)('%s: the nodes and (source, target) pairs networkx reads', (name) => {
    const script = [
      'import json, sys, networkx as nx',
      'd = json.load(open(sys.argv[1]))',
      'g = nx.node_link_graph(d, edges="links" if "links" in d else "edges")',
      'print(json.dumps({"directed": g.is_directed(), "nodes": [str(n) for n in g.nodes()], "edges": [[str(u), str(v)] for u, v in g.edges()]}))',
    ].join('\n');
    const r = spawnSync('python3', ['-c', script, join(DIR, name)], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const nx = JSON.parse(r.stdout) as { directed: boolean; nodes: string[]; edges: [string, string][] };
    const { graph } = load(name);
    expect(graph.nodes()).toEqual(nx.nodes);
    const expected = nx.directed ? nx.edges : nx.edges.flatMap(([u, v]) => [[u, v], [v, u]]);
    expect(graph.mapEdges((_, __, s, t) => [s, t]).sort()).toEqual(expected.sort());
  });
});

describe('node-link JSON in d3\'s index form', () => {
  // The shape of d3's force-layout data (d3 v3's force.links(), d3 v4+'s forceLink with its default id, the
  // node's index): nodes without "id", links naming their ends by index; saved after a simulation ran, a link's
  // ends are the node objects themselves, with their "index". Hand-written in that shape.
  const INDEXED = { nodes: [{ name: 'Myriel', group: 1 }, { name: 'Napoleon', group: 1 }, { name: 'Baptistine', group: 2 }], links: [{ source: 1, target: 0, value: 1 }, { source: 2, target: 0, value: 8 }] };
  const SIMULATED = { nodes: INDEXED.nodes.map((n, i) => ({ ...n, index: i, x: i * 10, y: 5, vx: 0, vy: 0 })), links: [{ source: { name: 'Napoleon', index: 1, x: 10, y: 5 }, target: { name: 'Myriel', index: 0, x: 0, y: 5 }, value: 1, index: 0 }] };

  it('is told as node-link JSON (it was taken for KGX JSON and refused: "KGX rejects a node without one")', () => {
    expect(sniffFormat(JSON.stringify(INDEXED)).format).toBe('node-link');
    expect(sniffFormat(JSON.stringify(SIMULATED)).format).toBe('node-link');
  });

  it('each node\'s id is its index, its name the label; links by index, with a warning saying so', () => {
    const r = tryImportGraph({ path: 'miserables.json', text: JSON.stringify(INDEXED) });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    expect(r.graph.mapNodes((id, n) => [id, n.label, n.attributes])).toEqual([['0', 'Myriel', { group: 1 }], ['1', 'Napoleon', { group: 1 }], ['2', 'Baptistine', { group: 2 }]]);
    expect(r.graph.filterEdges((_k, e) => e.reverseOf === undefined).map((k) => [r.graph.source(k), r.graph.target(k), r.graph.getEdgeAttribute(k, 'attributes')])).toEqual([['1', '0', { value: 1 }], ['2', '0', { value: 8 }]]);
    expect(r.problems.some((p) => /the nodes have no "id": read as d3 reads them, each node's id is its index in the list \(0 to 2\)/.test(p.message))).toBe(true);
  });

  it('a file saved after the simulation: link ends are node objects, read by their index', () => {
    const r = tryImportGraph({ path: 'sim.json', text: JSON.stringify(SIMULATED) });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    expect(r.graph.mapEdges((_k, _e, s, t) => [s, t]).sort()).toEqual([['0', '1'], ['1', '0']]);
    expect(r.graph.getNodeAttribute('1', 'position')).toEqual({ x: 10, y: 5 });
  });

  it('refuses a link whose index names no node, with the element', () => {
    const r = tryImportGraph({ path: 'bad.json', text: JSON.stringify({ ...INDEXED, links: [{ source: 1, target: 0 }, { source: 0, target: 7 }] }) });
    expect(r.ok).toBe(false);
    expect(r.problems.filter((p) => p.level === 'error').map((p) => p.message)).toEqual(['links[1]: target: 7 is not the index of a node (0 to 2): in a file whose nodes have no "id", d3 reads a link\'s ends as node indices']);
  });
});
