/**
 * CX2 (Cytoscape Exchange 2.0), what NDEx, Cytoscape Web and Cytoscape desktop 3.10 read: one JSON array of the
 * CX descriptor, metaData, attributeDeclarations (one type per attribute), networkAttributes, nodes (integer
 * id, attributes in `v`, x/y from the diagram), edges (id, `s`, `t`, `v`), a portable visual style (colour and
 * shape by category, colour and arrow by sign, dashed when not causal) and the closing status. mechkg's own
 * fields ride in `v` (and its registry in networkAttributes) so that mechkg reads the file back as it went out;
 * imported records carry what their file gave (categories, qualifiers, provenance, attributes by name).
 */
import type { AttributeValue, EdgeRecord, GraphMeta, KnowledgeGraph, NodeRecord } from '../model/types.js';
import { CATEGORIES, CATEGORY_NAMES, predicateLabel } from '../model/vocabulary.js';
import { SIGN_COLORS } from './dot-style.js';
import type { ExportOptions } from './export-types.js';
import { attributeColumns, givenEdgeFields, graphAttributes, isImportedEdge, isImportedNode, isUndirectedGraph, PREFIX_CONTEXT, type ColumnType } from './foreign-records.js';
import { nodePositions } from './node-positions.js';
import { biolinkCategory, biolinkEdge, knowledgeLevel, MECHKG_INFORES, MECHKG_PREFIX, publications } from './provenance.js';

export const CX2_FORMAT_TAG = 'mechkg-cx2';

type Value = AttributeValue | undefined;
type Row = Map<string, Value>;
export type Cx2Document = Record<string, unknown>[];

/** CX2 NODE_SHAPE values (portable style) for the explorer's shapes that Cytoscape lacks. */
const PORTABLE_SHAPES = new Set(['ellipse', 'triangle', 'rectangle', 'round-rectangle', 'parallelogram', 'diamond', 'hexagon', 'octagon', 'vee']);
const NEAREST_SHAPE: Readonly<Record<string, string>> = { barrel: 'round-rectangle', tag: 'parallelogram', 'round-tag': 'parallelogram', pentagon: 'hexagon', star: 'octagon', 'round-diamond': 'diamond' };
const portableShape = (shape: string) => (PORTABLE_SHAPES.has(shape) ? shape : NEAREST_SHAPE[shape] ?? 'ellipse');

const nonEmpty = (xs: readonly string[]): string[] | undefined => (xs.length ? [...xs] : undefined);
const curie = (id: string) => (id.includes(':') ? id : `${MECHKG_PREFIX}:${id}`);

function curatedNode(id: string, n: NodeRecord): Row {
  return new Map<string, Value>([
    ['name', n.label],
    // CX2's "represents": a standard identifier of what the node is (the preferred CURIE), "alias" the others
    ['represents', n.identifiers[0] ?? curie(id)],
    ['alias', nonEmpty(n.identifiers.slice(1))],
    ['mechkg_id', id],
    ['category', n.category],
    ['biolink_category', biolinkCategory(n.category)],
    ['description', n.description || undefined],
    ['synonyms', nonEmpty(n.synonyms)],
    ['abbreviations', nonEmpty(n.abbreviations)],
    ['identifiers', nonEmpty(n.identifiers)],
    ['modules', nonEmpty(n.modules)],
    ['state_of', n.state_of ? JSON.stringify(n.state_of) : undefined],
  ]);
}

function importedNode(id: string, n: NodeRecord): Row {
  const row = new Map<string, Value>([
    ['name', n.label],
    ['represents', curie(id)],
    ['mechkg_id', id],
    ['categories', nonEmpty(n.categories!)],
    ['category', n.category],
    ['description', n.description || undefined],
    ['synonyms', nonEmpty(n.synonyms)],
    ['identifiers', nonEmpty(n.identifiers)],
  ]);
  // the file's own "name" attribute takes CX2's name slot; the label then travels as "label"
  if (n.attributes && Object.hasOwn(n.attributes, 'name')) row.set('label', n.label);
  return withAttributes(row, n.attributes, ['mechkg_id']);
}

/** The columns every CX2 edge starts with, curated or imported. */
function edgeHead(key: string, e: EdgeRecord): [string, Value][] {
  return [
    ['interaction', e.predicate],
    ['predicate', e.predicate],
    ['predicate_label', predicateLabel(e.predicate)],
    ['mechkg_id', key],
    ['sign', e.sign ?? undefined],
    ['causal', e.causal],
  ];
}

function curatedEdge(key: string, e: EdgeRecord, sources: GraphMeta['sources']): Row {
  const b = biolinkEdge(e);
  const row = new Map<string, Value>([
    ...edgeHead(key, e),
    ['strength', e.strength],
    ['contested', e.contested],
    ['preclinical_only', e.preclinicalOnly],
    ['module', e.module],
    ['note', e.note],
    ['reaction', e.reaction],
    ['context', e.context ? JSON.stringify(e.context) : undefined],
    ['evidence', JSON.stringify(e.evidence)],
    ['evidence_count', e.evidence.length],
    ['publications', nonEmpty(publications(e, sources))],
    ['biolink_predicate', b.predicate],
  ]);
  for (const k of Object.keys(b)) if (k !== 'predicate') row.set(k, b[k]);
  row.set('knowledge_level', knowledgeLevel(e));
  row.set('agent_type', 'manual_agent');
  row.set('primary_knowledge_source', MECHKG_INFORES);
  return row;
}

function importedEdge(key: string, e: EdgeRecord): Row {
  const row = new Map<string, Value>(edgeHead(key, e));
  for (const [k, v] of givenEdgeFields(e)) row.set(k, v);
  return withAttributes(row, e.attributes, ['mechkg_id', 'predicate']);
}

/** The file's attributes by name (CX2 forbids "id" in `v`); one that takes a slot mechkg writes is listed in mechkg_attributes. */
function withAttributes(row: Row, attributes: Readonly<Record<string, AttributeValue>> | undefined, reserved: readonly string[]): Row {
  const taken: string[] = [];
  const moved: Record<string, AttributeValue> = {};
  for (const k of Object.keys(attributes ?? {})) {
    const v = attributes![k]!;
    if (v === null) continue;
    if (k === 'id' || reserved.includes(k)) {
      moved[k] = v;
      continue;
    }
    if (row.get(k) !== undefined) taken.push(k);
    row.set(k, v);
  }
  if (taken.length) row.set('mechkg_attributes', taken);
  // names CX2 or mechkg reserve keep their values in one JSON field
  if (Object.keys(moved).length) row.set('mechkg_reserved_attributes', JSON.stringify(moved));
  return row;
}

/** CX2's data type for a column: longs that fit are "integer"; mixed values and objects are JSON text. */
function cx2Type(t: ColumnType, values: Iterable<Value>): string {
  if (t === 'json') return 'string';
  if (t === 'long' || t === 'list_of_long') {
    for (const v of values) for (const x of Array.isArray(v) ? v : [v]) if (typeof x === 'number' && (x > 2147483647 || x < -2147483648)) return t;
    return t === 'long' ? 'integer' : 'list_of_integer';
  }
  return t;
}

interface Columns {
  types: Map<string, ColumnType>;
  declared: Record<string, { d: string }>;
}

/** `mapped`: the columns the visual style maps, declared even when no element has a value (a style may not map undeclared ones). */
function columnsOf(rows: readonly Row[], mapped: Readonly<Record<string, ColumnType>>): Columns {
  const types = attributeColumns(rows.map((r) => Object.fromEntries([...r].filter((kv): kv is [string, AttributeValue] => kv[1] !== undefined))));
  const declared: Record<string, { d: string }> = {};
  for (const [k, t] of types) declared[k] = { d: cx2Type(t, rows.map((r) => r.get(k))) };
  for (const [k, t] of Object.entries(mapped)) if (!types.has(k)) declared[k] = { d: t };
  return { types, declared };
}

function values(row: Row, types: Map<string, ColumnType>): Record<string, AttributeValue> {
  const v: Record<string, AttributeValue> = {};
  for (const [k, x] of row) if (x !== undefined && x !== null) v[k] = types.get(k) === 'json' ? JSON.stringify(x) : x;
  return v;
}

/** Portable style: category colour and shape, sign colour and arrow (tee for -), dashed when not causal. */
function visualProperties(): Record<string, unknown> {
  const categories = CATEGORY_NAMES;
  return {
    default: {
      network: { NETWORK_BACKGROUND_COLOR: '#FFFFFF' },
      node: { NODE_SHAPE: 'ellipse', NODE_BACKGROUND_COLOR: CATEGORIES.unknown.color, NODE_WIDTH: 40, NODE_HEIGHT: 40, NODE_LABEL_COLOR: '#222222' },
      edge: { EDGE_LINE_COLOR: SIGN_COLORS.none, EDGE_TARGET_ARROW_COLOR: SIGN_COLORS.none, EDGE_TARGET_ARROW_SHAPE: 'triangle', EDGE_LINE_STYLE: 'solid', EDGE_WIDTH: 2 },
    },
    nodeMapping: {
      NODE_LABEL: { type: 'PASSTHROUGH', definition: { attribute: 'name' } },
      NODE_BACKGROUND_COLOR: { type: 'DISCRETE', definition: { attribute: 'category', map: categories.map((c) => ({ v: c, vp: CATEGORIES[c].color })) } },
      NODE_SHAPE: { type: 'DISCRETE', definition: { attribute: 'category', map: categories.map((c) => ({ v: c, vp: portableShape(CATEGORIES[c].shape) })) } },
    },
    edgeMapping: {
      EDGE_LABEL: { type: 'PASSTHROUGH', definition: { attribute: 'predicate_label' } },
      EDGE_LINE_COLOR: { type: 'DISCRETE', definition: { attribute: 'sign', map: [{ v: '+', vp: SIGN_COLORS['+'] }, { v: '-', vp: SIGN_COLORS['-'] }] } },
      EDGE_TARGET_ARROW_COLOR: { type: 'DISCRETE', definition: { attribute: 'sign', map: [{ v: '+', vp: SIGN_COLORS['+'] }, { v: '-', vp: SIGN_COLORS['-'] }] } },
      EDGE_TARGET_ARROW_SHAPE: { type: 'DISCRETE', definition: { attribute: 'sign', map: [{ v: '+', vp: 'triangle' }, { v: '-', vp: 'tee' }] } },
      EDGE_LINE_STYLE: { type: 'DISCRETE', definition: { attribute: 'causal', map: [{ v: false, vp: 'dashed' }] } },
    },
  };
}

export function toCx2(graph: KnowledgeGraph, options: ExportOptions = {}): Cx2Document {
  const meta = graph.getAttributes();
  const sources = meta.sources ?? {};
  const modules = Object.fromEntries(Object.entries(meta.modules ?? {}).map(([id, { origin: _o, ...m }]) => [id, m]));
  const undirected = isUndirectedGraph(graph);
  const at = nodePositions(graph, options);
  const index = new Map<string, number>();
  const nodeRows = graph.mapNodes((id, n) => {
    index.set(id, index.size);
    return { id, row: isImportedNode(n) ? importedNode(id, n) : curatedNode(id, n) };
  });
  const edgeRows = graph
    .filterEdges((_k, e) => !(undirected && e.reverseOf !== undefined))
    .map((key) => {
      const e = graph.getEdgeAttributes(key);
      return { s: index.get(graph.source(key))!, t: index.get(graph.target(key))!, row: isImportedEdge(e) ? importedEdge(key, e) : curatedEdge(key, e, sources) };
    });
  const nodeCols = columnsOf(nodeRows.map((n) => n.row), { name: 'string', category: 'string' });
  const edgeCols = columnsOf(edgeRows.map((e) => e.row), { predicate_label: 'string', sign: 'string', causal: 'boolean' });
  const json = (c: Columns) => [...c.types].filter(([, t]) => t === 'json').map(([k]) => k);
  const network: Record<string, AttributeValue> = {
    name: options.title ?? meta.name,
    description: `Exported by mechkg: ${graph.order} nodes, ${edgeRows.length} edges.`,
    // NDEx's convention for the prefixes a network's CURIEs use
    '@context': JSON.stringify(PREFIX_CONTEXT),
    mechkg_format: CX2_FORMAT_TAG,
    mechkg_sources: JSON.stringify(sources),
    mechkg_modules: JSON.stringify(modules),
    mechkg_undirected: undirected,
  };
  // an imported file's own network attributes win their slot (its @context is merged with mechkg's prefixes)
  const own = graphAttributes(meta.attributes);
  const ownCols = columnsOf([new Map(Object.entries(own))], {});
  for (const [k, v] of Object.entries(own)) {
    const context = k === '@context' && typeof v === 'string' ? jsonObject(v) : undefined;
    network[k] = context ? JSON.stringify({ ...context, ...PREFIX_CONTEXT }) : ownCols.types.get(k) === 'json' ? JSON.stringify(v) : (v as AttributeValue);
  }
  if (Object.keys(own).length) network.mechkg_graph_attributes = JSON.stringify(Object.keys(own));
  network.mechkg_json_attributes = JSON.stringify({ nodes: json(nodeCols), edges: json(edgeCols), network: json(ownCols) });
  const networkTypes: Record<string, { d: string }> = Object.fromEntries(Object.entries(network).map(([k, v]) => [k, { d: typeof v === 'boolean' ? 'boolean' : 'string' }]));
  for (const k of Object.keys(own)) if (k !== '@context') networkTypes[k] = ownCols.declared[k]!;
  const nodes = nodeRows.map(({ id, row }) => ({ id: index.get(id)!, x: at.get(id)?.x ?? 0, y: at.get(id)?.y ?? 0, v: values(row, nodeCols.types) }));
  const edges = edgeRows.map(({ s, t, row }, i) => ({ id: i, s, t, v: values(row, edgeCols.types) }));
  return [
    { CXVersion: '2.0', hasFragments: false },
    {
      metaData: [
        { name: 'attributeDeclarations', elementCount: 1 },
        { name: 'networkAttributes', elementCount: 1 },
        { name: 'nodes', elementCount: nodes.length },
        { name: 'edges', elementCount: edges.length },
        { name: 'visualProperties', elementCount: 1 },
      ],
    },
    { attributeDeclarations: [{ networkAttributes: networkTypes, nodes: nodeCols.declared, edges: edgeCols.declared }] },
    { networkAttributes: [network] },
    { nodes },
    { edges },
    { visualProperties: [visualProperties()] },
    { status: [{ error: '', success: true }] },
  ];
}

export function writeCx2(graph: KnowledgeGraph, options: ExportOptions = {}): string {
  return JSON.stringify(toCx2(graph, options), null, 1) + '\n';
}

function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
