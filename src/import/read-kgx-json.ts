/**
 * KGX JSON (`{"nodes": [...], "edges": [...]}`), KGX JSON Lines (one node or edge object per line) and TRAPI
 * messages (`message.knowledge_graph` with nodes and edges keyed by id, `sources`, `qualifiers`, `attributes`)
 * to common records. Field meanings are KGX's (src/import/kgx-fields.ts).
 */
import type { Provenance } from '../model/types.js';
import { kgxEdge, kgxNode, ownEdgeFields, ownNodeFields, ownSources, type RowValue } from './kgx-fields.js';
import { attributeValue, emptyRecords, isRecord, problemAt, type RecordsIn, type Where } from './records.js';

const rowOf = (o: Record<string, unknown>): Map<string, RowValue> => {
  const row = new Map<string, RowValue>();
  for (const k of Object.keys(o)) if (o[k] !== null && o[k] !== undefined) row.set(k, attributeValue(o[k]));
  return row;
};

const isEdgeObject = (o: Record<string, unknown>) => 'subject' in o && 'object' in o;

function addObject(r: RecordsIn, o: Record<string, unknown>, where: Where, asEdge: boolean): void {
  const row = rowOf(o);
  if (asEdge) {
    const e = kgxEdge(row, where);
    ownEdgeFields(e, row, r.problems);
    for (const s of ownSources(row, where, r.problems, e.id)) r.sources.push({ where, data: s });
    r.edges.push(e);
  } else {
    const n = kgxNode(row, where);
    ownNodeFields(n, row, true, r.problems);
    r.nodes.push(n);
  }
}

/** KGX JSON: a document with a `nodes` and / or an `edges` list. */
export function readKgxJson(path: string, doc: Record<string, unknown>): RecordsIn {
  const r = emptyRecords('KGX JSON');
  for (const key of ['nodes', 'edges'] as const) {
    const items = doc[key];
    if (items === undefined) continue;
    if (!Array.isArray(items)) {
      r.problems.push({ level: 'error', code: 'malformed_file', file: path, message: `"${key}" must be a list of objects` });
      continue;
    }
    for (let i = 0; i < items.length; i++) {
      const where: Where = { file: path, element: `${key}[${i}]` };
      const o = items[i];
      if (!isRecord(o)) r.problems.push(problemAt(where, 'malformed_file', 'expected an object'));
      else addObject(r, o, where, key === 'edges');
    }
  }
  return r;
}

/** KGX JSON Lines: each non-empty line one object; an object with subject and object is an edge. */
export function readKgxJsonl(path: string, text: string, r: RecordsIn = emptyRecords('KGX JSON Lines')): RecordsIn {
  let pos = 0;
  let line = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    line++;
    const s = text.slice(pos, nl).trim();
    pos = nl + 1;
    if (s === '') continue;
    const where: Where = { file: path, line };
    let o: unknown;
    try {
      o = JSON.parse(quoteNumericIds(s));
    } catch (err) {
      r.problems.push({ level: 'error', code: 'malformed_file', file: path, line, message: `not valid JSON Lines: ${err instanceof Error ? err.message : String(err)}` });
      continue;
    }
    if (!isRecord(o)) {
      r.problems.push({ level: 'error', code: 'malformed_file', file: path, line, message: 'expected one JSON object per line' });
      continue;
    }
    addObject(r, o, where, isEdgeObject(o));
  }
  return r;
}

/**
 * Ids written as JSON numbers stay the text written: `"id": 1e400` is node "1e400", not Infinity (printed
 * "null"), and 12345678901234567890 keeps its digits. Only id, subject and object values are quoted.
 */
function quoteNumericIds(line: string): string {
  return line.replace(/("(?:id|subject|object)"\s*:\s*)(-?\d[\d.eE+-]*)(?=\s*[,}])/g, '$1"$2"');
}

/** The knowledge graph of a TRAPI message (`{message: {knowledge_graph}}` or a bare `{knowledge_graph}`), or undefined. */
export function trapiKnowledgeGraph(doc: Record<string, unknown>): Record<string, unknown> | undefined {
  const m = isRecord(doc.message) ? doc.message : doc;
  return isRecord(m.knowledge_graph) ? m.knowledge_graph : undefined;
}

/** TRAPI: nodes and edges keyed by id (lists are accepted too), provenance in `sources`, extra data in `attributes`. */
export function readTrapi(path: string, kg: Record<string, unknown>): RecordsIn {
  const r = emptyRecords('TRAPI message');
  const entries = (v: unknown, what: string): [string | undefined, unknown, string][] => {
    if (v === undefined) return [];
    if (Array.isArray(v)) return v.map((x, i) => [undefined, x, `knowledge_graph.${what}[${i}]`]);
    if (isRecord(v)) return Object.keys(v).map((k) => [k, v[k], `knowledge_graph.${what}[${JSON.stringify(k)}]`]);
    r.problems.push({ level: 'error', code: 'malformed_file', file: path, message: `knowledge_graph.${what} must be an object keyed by id` });
    return [];
  };
  for (const [key, o, element] of entries(kg.nodes, 'nodes')) {
    const where: Where = { file: path, element };
    if (!isRecord(o)) {
      r.problems.push(problemAt(where, 'malformed_file', 'expected a node object'));
      continue;
    }
    const row = new Map<string, RowValue>();
    row.set('id', key ?? attributeValue(o.id));
    if (o.name !== undefined && o.name !== null) row.set('name', attributeValue(o.name));
    if (o.categories !== undefined) row.set('category', attributeValue(o.categories));
    if (o.is_set !== undefined) row.set('is_set', attributeValue(o.is_set));
    setTrapiAttributes(row, o.attributes);
    r.nodes.push(kgxNode(row, where));
  }
  for (const [key, o, element] of entries(kg.edges, 'edges')) {
    const where: Where = { file: path, element };
    if (!isRecord(o)) {
      r.problems.push(problemAt(where, 'malformed_file', 'expected an edge object'));
      continue;
    }
    const row = new Map<string, RowValue>();
    if (key !== undefined) row.set('id', key);
    else if (o.id !== undefined) row.set('id', attributeValue(o.id));
    for (const k of ['subject', 'predicate', 'object'] as const) if (o[k] !== undefined && o[k] !== null) row.set(k, attributeValue(o[k]));
    setTrapiAttributes(row, o.attributes);
    if (Array.isArray(o.qualifiers)) {
      for (const q of o.qualifiers) if (isRecord(q) && typeof q.qualifier_type_id === 'string') row.set(q.qualifier_type_id.replace(/^biolink:/, ''), attributeValue(q.qualifier_value));
    }
    const e = kgxEdge(row, where);
    if (Array.isArray(o.sources)) addSources(e.provenance, o.sources, e.attributes);
    r.edges.push(e);
  }
  return r;
}

/**
 * TRAPI attributes as KGX-style fields (biolink:knowledge_level -> knowledge_level; other types keep their id),
 * the first of a type id given twice. When the fields cannot hold all of it (sub-attributes, a type id given
 * twice, original_attribute_name, value_type_id, attribute_source ...), the list itself is kept too, as the
 * attribute `attributes`, exactly as given.
 */
function setTrapiAttributes(row: Map<string, RowValue>, v: unknown): void {
  if (!Array.isArray(v)) return;
  let lossy = false;
  const seen = new Set<string>();
  for (const a of v) {
    if (!isRecord(a) || typeof a.attribute_type_id !== 'string') {
      lossy = true;
      continue;
    }
    if (Object.keys(a).some((k) => k !== 'attribute_type_id' && k !== 'value' && a[k] !== null && !(Array.isArray(a[k]) && (a[k] as unknown[]).length === 0))) lossy = true;
    const type = a.attribute_type_id;
    const name = /^biolink:/.test(type) ? type.slice(8) : type;
    if (seen.has(name)) {
      lossy = true;
      continue;
    }
    seen.add(name);
    row.set(name, attributeValue(a.value));
  }
  if (lossy) row.set('attributes', attributeValue(v));
}

/** TRAPI `sources` (resource_id + resource_role) as KGX provenance; the list itself is kept as an attribute. */
function addSources(p: Provenance, sources: unknown[], attributes: Record<string, unknown>): void {
  for (const s of sources) {
    if (!isRecord(s) || typeof s.resource_id !== 'string') continue;
    if (s.resource_role === 'primary_knowledge_source') p.primary_knowledge_source = s.resource_id;
    else if (s.resource_role === 'aggregator_knowledge_source') (p.aggregator_knowledge_source ??= []).push(s.resource_id);
  }
  attributes.sources = attributeValue(sources);
}
