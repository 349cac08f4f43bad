/**
 * GraphML for yEd, Gephi, Cytoscape desktop and networkx: typed keys (string, boolean, int, long, double), list
 * values joined with `|` (a `|` or `\` inside an item is backslash-escaped), evidence and context as JSON text,
 * and the sources registry and module records as graph-level JSON so the file re-imports losslessly. Imported
 * records are written as their file gave them: categories, qualifiers, provenance and every attribute under its
 * own name (what GraphML cannot type, lists and mixed values, is named in the graph's `mechkg_attribute_types`),
 * and an undirected file's edges once, in an undirected graph. Each node and edge also carries yEd's graphics
 * (yed-graphics.ts: label, geometry at the diagram's or the file's position, colour, shape, arrow by sign).
 */
import type { AttributeValue, EdgeRecord, GraphMeta, KnowledgeGraph, NodeRecord } from '../model/types.js';
import { CATEGORIES, predicateLabel } from '../model/vocabulary.js';
import type { ExportOptions } from './export-types.js';
import { attributeColumns, givenEdgeFields, graphAttributes, isImportedEdge, isImportedNode, isUndirectedGraph, type ColumnType } from './foreign-records.js';
import { biolinkCategory, biolinkEdge, knowledgeLevel, MECHKG_INFORES, publications } from './provenance.js';
import { escapeXml, joinList } from './text-codecs.js';
import { nodePositions } from './node-positions.js';
import { YED_EDGE_KEY, YED_NAMESPACE, YED_NODE_KEY, yedEdgeGraphics, yedNodeGraphics } from './yed-graphics.js';

type Value = AttributeValue | undefined;
type Row = Map<string, Value>;
interface KeySpec<T> {
  name: string;
  get(record: T, ctx: { sources: GraphMeta['sources'] }): Value;
}

const list = (items: readonly string[]): string[] | undefined => (items.length ? [...items] : undefined);

/** Curated node fields in file order; the importer reads the same names back. */
export const GRAPHML_NODE_KEYS: KeySpec<NodeRecord>[] = [
  { name: 'label', get: (n) => n.label },
  { name: 'category', get: (n) => n.category },
  { name: 'biolink_category', get: (n) => biolinkCategory(n.category) },
  { name: 'description', get: (n) => n.description },
  { name: 'synonyms', get: (n) => list(n.synonyms) },
  { name: 'abbreviations', get: (n) => list(n.abbreviations) },
  { name: 'identifiers', get: (n) => list(n.identifiers) },
  { name: 'modules', get: (n) => list(n.modules) },
  { name: 'state_of', get: (n) => (n.state_of ? JSON.stringify(n.state_of) : undefined) },
  { name: 'color', get: (n) => CATEGORIES[n.category].color },
  { name: 'shape', get: (n) => CATEGORIES[n.category].shape },
];

export const GRAPHML_EDGE_KEYS: KeySpec<EdgeRecord>[] = [
  { name: 'predicate', get: (e) => e.predicate },
  { name: 'predicate_label', get: (e) => predicateLabel(e.predicate) },
  { name: 'sign', get: (e) => e.sign ?? undefined },
  { name: 'causal', get: (e) => e.causal },
  { name: 'strength', get: (e) => e.strength },
  { name: 'contested', get: (e) => e.contested },
  { name: 'preclinical_only', get: (e) => e.preclinicalOnly },
  { name: 'module', get: (e) => e.module },
  { name: 'note', get: (e) => e.note },
  { name: 'reaction', get: (e) => e.reaction },
  { name: 'context', get: (e) => (e.context ? JSON.stringify(e.context) : undefined) },
  { name: 'evidence', get: (e) => JSON.stringify(e.evidence) },
  { name: 'evidence_count', get: (e) => e.evidence.length },
  { name: 'publications', get: (e, ctx) => list(publications(e, ctx.sources)) },
  { name: 'biolink_predicate', get: (e) => biolinkEdge(e).predicate },
  { name: 'qualified_predicate', get: (e) => biolinkEdge(e).qualified_predicate },
  { name: 'object_direction_qualifier', get: (e) => biolinkEdge(e).object_direction_qualifier },
  { name: 'object_aspect_qualifier', get: (e) => biolinkEdge(e).object_aspect_qualifier },
  { name: 'knowledge_level', get: (e) => knowledgeLevel(e) },
  { name: 'agent_type', get: () => 'manual_agent' },
  { name: 'primary_knowledge_source', get: () => MECHKG_INFORES },
];

/** Graph-level keys: the graph name, the mechkg registry (sources, modules) and the untyped columns, as JSON. */
export const GRAPHML_GRAPH_KEYS = ['name', 'mechkg_sources', 'mechkg_modules', 'mechkg_attribute_types'] as const;

function curatedRow<T>(keys: readonly KeySpec<T>[], record: T, ctx: { sources: GraphMeta['sources'] }): Row {
  return new Map(keys.map((k) => [k.name, k.get(record, ctx)]));
}

/** An imported node: what its file gave (label, categories, description, synonyms, identifiers, attributes) plus display styles. */
function importedNodeRow(n: NodeRecord): Row {
  const row: Row = new Map<string, Value>([
    ['label', n.label],
    ['categories', list(n.categories!)],
    ['category', n.category],
    ['description', n.description || undefined],
    ['synonyms', list(n.synonyms)],
    ['identifiers', list(n.identifiers)],
    ['color', CATEGORIES[n.category].color],
    ['shape', CATEGORIES[n.category].shape],
  ]);
  return withAttributes(row, n.attributes);
}

function importedEdgeRow(e: EdgeRecord): Row {
  const row: Row = new Map<string, Value>([
    ['predicate', e.predicate],
    ['predicate_label', predicateLabel(e.predicate)],
    ['sign', e.sign ?? undefined],
    ['causal', e.causal],
  ]);
  for (const [k, v] of givenEdgeFields(e)) row.set(k, v);
  return withAttributes(row, e.attributes);
}

/** The file's attributes under their own names; one that takes a slot mechkg also writes is listed in mechkg_attributes. */
function withAttributes(row: Row, attributes: Readonly<Record<string, AttributeValue>> | undefined): Row {
  const taken: string[] = [];
  for (const k of Object.keys(attributes ?? {})) {
    const v = attributes![k]!;
    if (v === null) continue;
    if (row.get(k) !== undefined) taken.push(k);
    row.set(k, v);
  }
  if (taken.length) row.set('mechkg_attributes', taken);
  return row;
}

/** GraphML's type for a column; lists and mixed values are text (named in mechkg_attribute_types). */
function graphmlType(t: ColumnType, values: Iterable<Value>): 'string' | 'boolean' | 'int' | 'long' | 'double' {
  if (t === 'boolean' || t === 'double') return t;
  if (t === 'long') {
    for (const v of values) if (typeof v === 'number' && (v > 2147483647 || v < -2147483648)) return 'long';
    return 'int';
  }
  return 'string';
}

function cellText(t: ColumnType, v: AttributeValue): string {
  if (t === 'json') return JSON.stringify(v);
  if (Array.isArray(v)) return joinList(v.map(String));
  return String(v);
}

interface Columns {
  types: Map<string, ColumnType>;
  graphml: Map<string, string>;
}

function columnsOf(rows: readonly Row[]): Columns {
  const plain = (r: Row) => Object.fromEntries([...r].filter((kv): kv is [string, AttributeValue] => kv[1] !== undefined));
  const types = attributeColumns(rows.map(plain));
  const graphml = new Map<string, string>();
  for (const [k, t] of types) graphml.set(k, graphmlType(t, rows.map((r) => r.get(k))));
  return { types, graphml };
}

export function writeGraphml(graph: KnowledgeGraph, options: ExportOptions = {}): string {
  const meta = graph.getAttributes();
  const ctx = { sources: meta.sources ?? {} };
  const modules = Object.fromEntries(Object.entries(meta.modules ?? {}).map(([id, { origin: _o, ...m }]) => [id, m]));
  const undirected = isUndirectedGraph(graph);
  const nodes = graph.mapNodes((id, n) => ({ id, row: isImportedNode(n) ? importedNodeRow(n) : curatedRow(GRAPHML_NODE_KEYS, n, ctx) }));
  const edges = graph
    .filterEdges((_k, e) => !(undirected && e.reverseOf !== undefined))
    .map((key) => {
      const e = graph.getEdgeAttributes(key);
      return { key, source: graph.source(key), target: graph.target(key), row: isImportedEdge(e) ? importedEdgeRow(e) : curatedRow(GRAPHML_EDGE_KEYS, e, ctx) };
    });
  const nodeCols = columnsOf(nodes.map((n) => n.row));
  const edgeCols = columnsOf(edges.map((e) => e.row));
  // columns whose values GraphML has no type for (lists, JSON), so that mechkg reads them back as they were
  const untyped = (c: Columns) => Object.fromEntries([...c.types].filter(([k, t]) => (t.startsWith('list_of_') || t === 'json') && !CURATED_LIST_KEYS.has(k)));
  const attributeTypes = { node: untyped(nodeCols), edge: untyped(edgeCols) };
  // the file's graph-level attributes (an imported graph's G.graph), typed like a one-row column each
  const graphAttrs = Object.entries(graphAttributes(meta.attributes));
  const graphCols = columnsOf([new Map<string, Value>(graphAttrs)]);
  const graphUntyped = untyped(graphCols);

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="${YED_NAMESPACE}"`,
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const k of GRAPHML_GRAPH_KEYS) out.push(`  <key id="g_${k}" for="graph" attr.name="${k}" attr.type="string"/>`);
  if (Object.keys(graphUntyped).length) out.push('  <key id="g_mechkg_graph_attribute_types" for="graph" attr.name="mechkg_graph_attribute_types" attr.type="string"/>');
  for (const [k, t] of graphCols.graphml) out.push(`  <key id="ga_${escapeXml(k, true)}" for="graph" attr.name="${escapeXml(k, true)}" attr.type="${t}"/>`);
  for (const [k, t] of nodeCols.graphml) out.push(`  <key id="n_${escapeXml(k, true)}" for="node" attr.name="${escapeXml(k, true)}" attr.type="${t}"/>`);
  for (const [k, t] of edgeCols.graphml) out.push(`  <key id="e_${escapeXml(k, true)}" for="edge" attr.name="${escapeXml(k, true)}" attr.type="${t}"/>`);
  out.push(`  <key id="${YED_NODE_KEY}" for="node" yfiles.type="nodegraphics"/>`, `  <key id="${YED_EDGE_KEY}" for="edge" yfiles.type="edgegraphics"/>`);
  const positions = nodePositions(graph, options);
  out.push(`  <graph id="G" edgedefault="${undirected ? 'undirected' : 'directed'}">`);
  out.push(data('g_name', options.title ?? meta.name, '    '));
  out.push(data('g_mechkg_sources', JSON.stringify(meta.sources ?? {}), '    '));
  out.push(data('g_mechkg_modules', JSON.stringify(modules), '    '));
  if (Object.keys(attributeTypes.node).length || Object.keys(attributeTypes.edge).length) out.push(data('g_mechkg_attribute_types', JSON.stringify(attributeTypes), '    '));
  if (Object.keys(graphUntyped).length) out.push(data('g_mechkg_graph_attribute_types', JSON.stringify(graphUntyped), '    '));
  for (const [k, v] of graphAttrs) out.push(data(`ga_${k}`, cellText(graphCols.types.get(k)!, v), '    '));
  for (const { id, row } of nodes) {
    out.push(`    <node id="${escapeXml(id, true)}">`);
    for (const [k, v] of row) if (v !== undefined && v !== null) out.push(data(`n_${k}`, cellText(nodeCols.types.get(k)!, v), '      '));
    out.push(yedNodeGraphics(graph.getNodeAttributes(id), positions.get(id) ?? { x: 0, y: 0 }, '      '));
    out.push('    </node>');
  }
  for (const { key, source, target, row } of edges) {
    // an edge mechkg renamed on import (a networkx multigraph key used again on another node pair) gets its file's id back
    out.push(`    <edge id="${escapeXml(graph.getEdgeAttribute(key, 'fileId') ?? key, true)}" source="${escapeXml(source, true)}" target="${escapeXml(target, true)}">`);
    for (const [k, v] of row) if (v !== undefined && v !== null) out.push(data(`e_${k}`, cellText(edgeCols.types.get(k)!, v), '      '));
    out.push(yedEdgeGraphics(graph.getEdgeAttributes(key), undirected, '      '));
    out.push('    </edge>');
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

/** mechkg's own list fields, which its reader splits at `|` without being told. */
const CURATED_LIST_KEYS: ReadonlySet<string> = new Set(['synonyms', 'abbreviations', 'identifiers', 'modules', 'publications', 'categories']);

function data(key: string, value: string, indent: string): string {
  return `${indent}<data key="${escapeXml(key, true)}">${escapeXml(value)}</data>`;
}
