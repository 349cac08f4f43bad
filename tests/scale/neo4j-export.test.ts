/**
 * writeNeo4j: the CSV headers neo4j-admin database import full reads, and escaping that survives a CSV
 * parser (quotes, commas, line breaks, the `;` array delimiter). No Neo4j needed.
 */
import { describe, expect, it } from 'vitest';
import { CATEGORIES, exportGraph, loadGraph, parseDelimited, type ExportFile } from '../../src/node.js';
import { NEO4J_EDGE_HEADER, NEO4J_NODE_HEADER, csvField, neo4jArray, neo4jType, writeNeo4j } from '../../src/export/neo4j.js';

function files(graph = loadGraph()): Record<string, string> {
  const out = writeNeo4j(graph) as { files: ExportFile[] };
  return Object.fromEntries(out.files.map((f) => [f.name, String(f.content)]));
}

describe('csvField and neo4jArray', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded', '" padded"'],
    ['', ''],
  ])('csvField(%j) is %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('joins arrays with ; and turns a ; inside an item into ,', () => {
    expect(neo4jArray(['a', 'b;c'])).toBe('a;b,c');
    expect(neo4jArray([])).toBe('');
    expect(neo4jType('risk_factor_for')).toBe('RISK_FACTOR_FOR');
  });
});

describe('writeNeo4j', () => {
  it('writes the headers neo4j-admin reads (:ID, :LABEL, :START_ID, :END_ID, :TYPE) and is registered as "neo4j"', async () => {
    const f = files();
    expect(Object.keys(f).sort()).toEqual(['edges.csv', 'nodes.csv', 'queries.cypher']);
    expect(f['nodes.csv']!.split('\n')[0]).toBe(NEO4J_NODE_HEADER.join(','));
    expect(f['edges.csv']!.split('\n')[0]).toBe(NEO4J_EDGE_HEADER.join(','));
    const registered = (await exportGraph(loadGraph(), 'neo4j')) as { files: ExportFile[] };
    expect(registered.files.map((x) => x.name)).toEqual(['nodes.csv', 'edges.csv', 'queries.cypher']);
  });

  it('writes one row per node and edge, with Biolink labels, types, signs and evidence as JSON', () => {
    const graph = loadGraph();
    const f = files(graph);
    const nodes = parseDelimited(f['nodes.csv']!, ',').slice(1);
    const edges = parseDelimited(f['edges.csv']!, ',').slice(1);
    expect(nodes).toHaveLength(graph.order);
    expect(edges).toHaveLength(graph.size);
    const [id, labels] = nodes[0]!.fields;
    expect(labels).toBe(`${CATEGORIES[graph.getNodeAttribute(id!, 'category')].biolink.replace('biolink:', '')};Entity`);
    const key = graph.edges()[0]!;
    const row = edges[0]!.fields;
    const e = graph.getEdgeAttributes(key);
    expect(row.slice(0, 6)).toEqual([graph.source(key), graph.target(key), e.predicate.toUpperCase(), key, e.predicate, e.sign ?? '']);
    expect(JSON.parse(row[NEO4J_EDGE_HEADER.indexOf('evidence')]!)).toEqual(e.evidence);
  });

  it('escapes quotes, commas, line breaks and ; inside values so a CSV parser reads them back', () => {
    const graph = loadGraph().copy();
    const id = graph.nodes()[0]!;
    graph.mergeNodeAttributes(id, { label: 'B12, "cobalamin"', description: 'line one\nline two, with "quotes"', synonyms: ['a;b', 'plain'] });
    const key = graph.edges()[0]!;
    graph.mergeEdgeAttributes(key, { note: 'note, with "quotes"\nand a break' });
    const f = files(graph);
    const node = parseDelimited(f['nodes.csv']!, ',').find((r) => r.fields[0] === id)!.fields;
    expect(node[NEO4J_NODE_HEADER.indexOf('name')]).toBe('B12, "cobalamin"');
    expect(node[NEO4J_NODE_HEADER.indexOf('description')]).toBe('line one\nline two, with "quotes"');
    expect(node[NEO4J_NODE_HEADER.indexOf('synonyms:string[]')]).toBe('a,b;plain');
    const edge = parseDelimited(f['edges.csv']!, ',').find((r) => r.fields[3] === key)!.fields;
    expect(edge[NEO4J_EDGE_HEADER.indexOf('note')]).toBe('note, with "quotes"\nand a break');
    expect(edge).toHaveLength(NEO4J_EDGE_HEADER.length);
  });

  it('writes queries.cypher with the import command and path, effects and neighbourhood queries', () => {
    const q = files()['queries.cypher']!;
    expect(q).toContain('neo4j-admin database import full');
    expect(q).toContain('--nodes=mechkg_nodes.csv --relationships=mechkg_edges.csv');
    expect(q).toMatch(/MATCH p = \(s\)-\[:[A-Z_|]+\*1\.\.6\]->\(t\)/);
    expect(q).toContain('mechkg effects NODE --up');
    expect(q).toContain('mechkg neighbors NODE --depth 2');
    expect(q).not.toMatch(/\|ASSOCIATED_WITH\b/); // associations are not in the causal type list
  });
});
