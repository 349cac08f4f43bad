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
