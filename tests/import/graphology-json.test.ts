/**
 * graphology JSON, as Gephi's JSON exporter writes it (tests/fixtures/gephi-written/*.json, the expected outputs
 * of Gephi's JsonTest; see the README there): told by content, every key and edge kept, labels and positions
 * read, undirected edges (an undirected graph, or `undirected: true` in a mixed one) read both ways. Checked
 * against graphology's own reader (Graph.from), the library mechkg's graphs are.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { sniffFormat, tryImportGraph } from '../../src/import/index.js';
import type { KnowledgeGraph } from '../../src/model/types.js';

const DIR = join(import.meta.dirname, '../fixtures/gephi-written');
const text = (name: string) => readFileSync(join(DIR, name), 'utf8');

function load(name: string): { graph: KnowledgeGraph; warnings: string[] } {
  const r = tryImportGraph({ path: name, text: text(name) });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return { graph: r.graph, warnings: r.problems.map((p) => p.message) };
}

describe('graphology JSON written by Gephi', () => {
  it.each(['undirected.json', 'mixed.json', 'position.json', 'labels.json'])('%s is told as graphology JSON by its content', (name) => {
    expect(sniffFormat(text(name)).format).toBe('graphology');
  });

  it.each(['undirected.json', 'mixed.json', 'position.json', 'labels.json'])('%s: the nodes and edges graphology reads, each undirected edge also read backwards', (name) => {
    const reference = Graph.from(JSON.parse(text(name)));
    const { graph } = load(name);
    expect(graph.nodes().sort()).toEqual(reference.nodes().sort());
    const expected = reference.mapEdges((id, _, s, t, _a, _b, undirected) => (undirected ? [[id, s, t], [`${id}~reverse`, t, s]] : [[id, s, t]])).flat();
    expect(graph.mapEdges((id, _, s, t) => [id, s, t]).sort()).toEqual(expected.sort());
  });

  it('mixed.json: says that 1 of its 2 edges is undirected', () => {
    expect(load('mixed.json').warnings).toContain(`1 of the graph's 2 edges are undirected: each is read both ways (a second edge "<id>~reverse"), since mechkg's queries follow directions`);
  });

  it('position.json and labels.json: x / y as the position, label as the name, weight kept', () => {
    const positions = load('position.json').graph;
    expect(positions.getNodeAttribute('1', 'position')).toEqual({ x: 2.5, y: 4.7 });
    expect(positions.getNodeAttribute('2', 'position')).toEqual({ x: -3.3, y: -5.4 });
    const labels = load('labels.json').graph;
    expect(labels.getNodeAttribute('1', 'label')).toBe('1');
    expect(labels.getEdgeAttribute('1', 'attributes')).toMatchObject({ label: '1', weight: 1 });
  });
});

describe('JSON that is no graph mechkg reads', () => {
  it('a Cytoscape style file says so and names the export that gives the network', () => {
    // Hand-written in the shape Cytoscape desktop writes styles (File > Export > Styles to File, JSON): a list of
    // {format_version, generated_by, target_cytoscapejs_version, title, style}; no file is kept for one line of it.
    const styles = JSON.stringify([{ format_version: '1.0', generated_by: 'cytoscape-3.9.1', target_cytoscapejs_version: '~2.1', title: 'default', style: [{ selector: 'node', css: {} }] }]);
    const sniffed = sniffFormat(styles);
    expect(sniffed.format).toBeNull();
    expect(sniffed.why).toMatch(/a Cytoscape style file .*no network.*Cytoscape JSON \.cyjs/);
  });
});

describe('graphology JSON attributes named "id"', () => {
  it('a node\'s or edge\'s attribute "id" is kept as an attribute: the id is the key', () => {
    const text = JSON.stringify({ options: { type: 'directed' }, nodes: [{ key: 'n1', attributes: { id: 'HGNC:5', label: 'A' } }, { key: 'n2' }], edges: [{ key: 'e1', source: 'n1', target: 'n2', attributes: { id: 'rel-7' } }] });
    const r = tryImportGraph({ path: 'g.json', text });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    expect(r.graph.getNodeAttribute('n1', 'attributes')).toEqual({ id: 'HGNC:5' });
    expect(r.graph.getEdgeAttribute('e1', 'attributes')).toEqual({ id: 'rel-7' });
  });
});
