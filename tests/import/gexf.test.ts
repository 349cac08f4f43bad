/**
 * GEXF, Gephi's own format, read as Gephi writes it (tests/fixtures/gexf/gephi-0.10.gexf is in the shape Gephi
 * 0.10's exporter writes: GEXF 1.3, typed attribute columns, viz size / position / colour) and as networkx's
 * read_gexf reads it: the same ids, labels, attribute values and edges (checked against networkx itself where
 * python3 with networkx is installed). Then direction (undirected edges both ways, mutual edges as two), Gephi's
 * drawing written back by the cyjs and CX2 exports, and broken files refused with the element named.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportGraph } from '../../src/export/index.js';
import { importGraph, sniffFormat, tryImportGraph } from '../../src/import/import-graph.js';
import { HAS_NETWORKX } from '../export/graph-fixtures.js';

const FILE = join(import.meta.dirname, '../fixtures/gexf/gephi-0.10.gexf');
const TEXT = readFileSync(FILE, 'utf8');

describe('GEXF as Gephi writes it', () => {
  const r = tryImportGraph({ path: 'gephi-0.10.gexf', text: TEXT });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  const g = r.graph;

  it('is told by its content', () => {
    expect(sniffFormat(TEXT)).toMatchObject({ format: 'gexf' });
  });

  it('keeps ids, labels, typed attribute columns, categories and the edges with their predicates and qualifiers', () => {
    expect(g.nodes()).toEqual(['CHEBI:30411', 'HGNC:7468', 'CHEBI:17230']);
    expect(g.getNodeAttribute('CHEBI:30411', 'label')).toBe('vitamin B12');
    expect(g.getNodeAttribute('CHEBI:30411', 'categories')).toEqual(['biolink:SmallMolecule']);
    expect(g.getNodeAttribute('CHEBI:30411', 'category')).toBe('small_molecule');
    expect(g.getNodeAttribute('HGNC:7468', 'attributes')).toEqual({ 'Modularity Class': 0, Degree: 2, color: '#ff8800', size: 16 });
    expect(g.edges()).toEqual(['0', '1']);
    expect(g.getEdgeAttributes('0')).toMatchObject({ predicate: 'biolink:affects', qualifiers: { object_direction_qualifier: 'increased' }, sign: '+', causal: true, attributes: { weight: 1 } });
    expect(g.getEdgeAttributes('1')).toMatchObject({ sign: '-', attributes: { weight: 2.5, label: 'lowers' } });
    expect(g.getAttribute('attributes')).toEqual({ creator: 'Gephi 0.10.1', description: 'B12 to autophagy, laid out with ForceAtlas 2', lastmodifieddate: '2026-11-30' });
    expect(r.problems).toEqual([]);
  });

  it('keeps Gephi\'s drawing: positions, colours and sizes, written back by cyjs and CX2', async () => {
    expect(g.getNodeAttribute('CHEBI:30411', 'position')).toEqual({ x: -182.44128, y: 35.069008 });
    const cyjs = JSON.parse(String(await exportGraph(g, 'cyjs')));
    const b12 = cyjs.elements.nodes.find((n: { data: { id: string } }) => n.data.id === 'CHEBI:30411');
    expect(b12.position).toEqual({ x: -182.44128, y: 35.069008 });
    expect(b12.data.color).toBe('#71c129');
    const cx2 = JSON.parse(String(await exportGraph(g, 'cx2')));
    const nodes = cx2.find((a: Record<string, unknown>) => a.nodes).nodes;
    expect(nodes.find((n: { v: { name: string } }) => n.v.name === 'homocysteine')).toMatchObject({ x: 201.3, y: 44 });
  });

  it.skipIf(!HAS_NETWORKX)('reads what networkx\'s read_gexf reads: ids, labels, attribute values, edges', () => {
    const py = `
import json, sys, networkx as nx
g = nx.read_gexf(sys.argv[1])
nodes = {n: {k: v for k, v in d.items() if k != 'viz'} for n, d in g.nodes(data=True)}
print(json.dumps({'nodes': nodes, 'edges': [[u, v, d] for u, v, d in g.edges(data=True)]}))`;
    const out = spawnSync('python3', ['-c', py, FILE], { encoding: 'utf8' });
    expect(out.status, out.stderr).toBe(0);
    const nx = JSON.parse(out.stdout) as { nodes: Record<string, Record<string, unknown>>; edges: [string, string, Record<string, unknown>][] };
    expect(Object.keys(nx.nodes).sort()).toEqual(g.nodes().sort());
    for (const [id, d] of Object.entries(nx.nodes)) {
      const { label, category, ...rest } = d;
      expect(g.getNodeAttribute(id, 'label')).toBe(label);
      expect(g.getNodeAttribute(id, 'categories')).toEqual([category]);
      expect(g.getNodeAttribute(id, 'attributes')).toMatchObject(rest);
    }
    expect(nx.edges.length).toBe(g.size);
    for (const [u, v, d] of nx.edges) {
      const { id, predicate, object_direction_qualifier, ...rest } = d;
      const e = g.getEdgeAttributes(String(id));
      expect([g.source(String(id)), g.target(String(id)), e.predicate, e.qualifiers?.object_direction_qualifier]).toEqual([u, v, predicate, object_direction_qualifier]);
      expect(e.attributes).toEqual(rest);
    }
  });
});

const doc = (graph: string, attrs = '') => `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <graph ${graph}>
    <attributes class="node">${attrs}</attributes>
    <nodes><node id="a" label="A"/><node id="b" label="B"/></nodes>
    <edges><edge id="e" source="a" target="b"/><edge id="m" source="b" target="a" type="mutual"/></edges>
  </graph>
</gexf>`;

describe('GEXF direction and refusals', () => {
  it('reads an undirected graph\'s edges both ways, with a warning, and a mutual edge as two directed ones', () => {
    const r = tryImportGraph({ path: 'u.gexf', text: doc('defaultedgetype="undirected"') });
    if (!r.ok) throw new Error('did not load');
    expect(r.graph.edges().sort()).toEqual(['e', 'e~reverse', 'm', 'm~mutual']);
    expect(r.graph.source('m~mutual')).toBe('a');
    expect(r.problems.some((p) => /undirected/.test(p.message))).toBe(true);
    const d = importGraph({ path: 'd.gexf', text: doc('defaultedgetype="directed"') });
    expect(d.edges().sort()).toEqual(['e', 'm', 'm~mutual']);
  });

  it.each([
    ['a value that is not of its column\'s type', doc('defaultedgetype="directed"', '<attribute id="0" title="n" type="integer"/>').replace('<node id="a" label="A"/>', '<node id="a" label="A"><attvalues><attvalue for="0" value="many"/></attvalues></node>'), /<node id="a"> #1: attvalue for "n": "many" is not of type integer/],
    ['a value for an undeclared column', doc('defaultedgetype="directed"').replace('<node id="a" label="A"/>', '<node id="a" label="A"><attvalues><attvalue for="9" value="x"/></attvalues></node>'), /<attvalue for="9">: no <attribute id="9"> is declared/],
    ['a <gexf> in another namespace', doc('').replace('http://www.gexf.net/1.2draft', 'http://example.org/g'), /not GEXF: the <gexf> element is in namespace "http:\/\/example.org\/g"/],
    ['malformed XML', doc('').replace('</nodes>', ''), /not well-formed XML/],
  ])('refuses %s, naming where', (_what, text, message) => {
    const r = tryImportGraph({ path: 'bad.gexf', text });
    expect(r.ok).toBe(false);
    const errors = r.problems.filter((p) => p.level === 'error');
    expect(errors.map((p) => `${p.file}:${p.line ?? ''} ${p.message}`).join('\n')).toMatch(message);
    expect(errors.every((p) => p.file === 'bad.gexf' && (p.line ?? 0) > 0)).toBe(true);
  });
});

// GEXF 1.3 as Gephi 0.9+ writes a dynamic graph of timestamps, with the list column types 1.3 added
// (hand-written in the shape of the GEXF 1.3 schema's list types and timestamp attributes).
const GEXF13 = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3" xmlns:viz="http://gexf.net/1.3/viz">
  <graph defaultedgetype="directed" mode="dynamic" timeformat="double" timerepresentation="timestamp">
    <attributes class="node" mode="static">
      <attribute id="nums" title="nums" type="listinteger"/>
      <attribute id="ws" title="ws" type="listdouble"/>
      <attribute id="flags" title="flags" type="listboolean"/>
      <attribute id="odd" title="odd" type="listinteger"/>
      <attribute id="big" title="big" type="biginteger"/>
    </attributes>
    <attributes class="node" mode="dynamic"><attribute id="score" title="score" type="double"/></attributes>
    <nodes>
      <node id="a" label="A">
        <attvalues>
          <attvalue for="nums" value="[1, 2, 3]"/>
          <attvalue for="ws" value="0.5|1.5"/>
          <attvalue for="flags" value="[true, FALSE]"/>
          <attvalue for="odd" value="[1, two]"/>
          <attvalue for="big" value="123456789012345678901234567890"/>
          <attvalue for="score" value="1.0" timestamp="2000.0"/>
          <attvalue for="score" value="2.0" timestamp="2001.0"/>
        </attvalues>
        <spells><spell timestamp="2000.0"/></spells>
      </node>
      <node id="b" label="B" timestamps="&lt;[2000.0, 2001.0]&gt;"/>
    </nodes>
    <edges><edge id="0" source="a" target="b" timestamp="2000.0"/></edges>
  </graph>
</gexf>`;

describe('GEXF 1.3 list types and timestamps', () => {
  it('reads list columns as lists of their base type (text kept when an item is not of it; big integers as text)', () => {
    const g = importGraph({ path: 'g13.gexf', text: GEXF13 });
    expect(g.getNodeAttribute('a', 'attributes')).toEqual({ nums: [1, 2, 3], ws: [0.5, 1.5], flags: [true, false], odd: '[1, two]', big: '123456789012345678901234567890', score: 1 });
  });

  it('counts timestamps (spells, attvalues, node and edge timestamp / timestamps) in the dynamic-graph warning', () => {
    const r = tryImportGraph({ path: 'g13.gexf', text: GEXF13 });
    expect(r.problems.map((p) => p.message)).toContain('the graph is dynamic: the time intervals of 5 element(s) or value(s) (spells, start / end, timestamps) are not kept; each attribute keeps its first value');
  });
});

describe('GEXF long values', () => {
  it('a long past 2^53 keeps its exact digits (as text), as in GraphML', () => {
    const text = doc('defaultedgetype="directed"', '<attribute id="0" title="n" type="long"/>').replace('<node id="a" label="A"/>', '<node id="a" label="A"><attvalues><attvalue for="0" value="9007199254740993"/></attvalues></node>');
    expect(importGraph({ path: 'l.gexf', text }).getNodeAttribute('a', 'attributes')).toEqual({ n: '9007199254740993' });
  });
});

describe('GEXF hierarchies', () => {
  it('GEXF 1.2 <parents> are kept as the list "parents", as networkx\'s read_gexf keeps them', () => {
    const text = doc('defaultedgetype="directed"').replace('<node id="a" label="A"/>', '<node id="a" label="A"><parents><parent for="b"/><parent for="c"/></parents></node>');
    expect(importGraph({ path: 'p.gexf', text }).getNodeAttribute('a', 'attributes')).toEqual({ parents: ['b', 'c'] });
  });
});
