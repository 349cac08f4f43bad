/**
 * What the flat writers (Cytoscape JSON, GraphML, CX2) share about imported records: which records came from
 * another tool's file, the fields such a record carries as that file gave them (categories, qualifiers,
 * provenance, unmodelled attributes), one type per attribute name for formats with typed columns, and the
 * undirected edges that import read both ways (written back once, in an undirected graph).
 */
import type { AttributeValue, EdgeRecord, GraphMeta, KnowledgeGraph, NodeRecord } from '../model/types.js';
import { MECHKG_PREFIX } from './provenance.js';

/**
 * Base IRI of mechkg's own CURIEs (`mechkg:vitamin-b12` is `urn:mechkg:vitamin-b12`): a name, not a web address.
 * The project has no public host that could resolve one; README.md#identifiers says what the ids mean.
 */
export const MECHKG_BASE_IRI = 'urn:mechkg:';

/** A JSON-LD style prefix map for exports that carry `mechkg:` CURIEs (and Biolink terms). */
export const PREFIX_CONTEXT: Readonly<Record<string, string>> = { [MECHKG_PREFIX]: MECHKG_BASE_IRI, biolink: 'https://w3id.org/biolink/vocab/' };

/** A node read from another tool's file (it keeps the categories that file gave). */
export const isImportedNode = (n: NodeRecord): boolean => n.categories !== undefined;
/** An edge read from another tool's file: curated edges always carry evidence, imported ones never do. */
export const isImportedEdge = (e: EdgeRecord): boolean => e.evidence.length === 0;

/** The given fields of an imported edge as flat key -> value (qualifiers, negated, provenance), in a stable order. */
export function givenEdgeFields(e: EdgeRecord): [string, AttributeValue][] {
  const out: [string, AttributeValue][] = [];
  for (const k of Object.keys(e.qualifiers ?? {})) out.push([k, e.qualifiers![k]!]);
  if (e.negated !== undefined) out.push(['negated', e.negated]);
  const p = e.provenance ?? {};
  if (p.knowledge_level !== undefined) out.push(['knowledge_level', p.knowledge_level]);
  if (p.agent_type !== undefined) out.push(['agent_type', p.agent_type]);
  if (p.primary_knowledge_source !== undefined) out.push(['primary_knowledge_source', p.primary_knowledge_source]);
  if (p.aggregator_knowledge_source !== undefined) out.push(['aggregator_knowledge_source', p.aggregator_knowledge_source]);
  if (p.publications !== undefined) out.push(['publications', p.publications]);
  return out;
}

/**
 * An undirected file's edges as import left them: each edge and its reverse (`<id>~reverse`, reverseOf set).
 * When every edge of the graph is such a pair, writers that can say "undirected" write each pair once.
 */
export function isUndirectedGraph(graph: KnowledgeGraph): boolean {
  if (graph.size === 0) return false;
  const reverses = new Set<string>();
  graph.forEachEdge((_k, e) => {
    if (e.reverseOf !== undefined) reverses.add(e.reverseOf);
  });
  if (reverses.size === 0) return false;
  return graph.everyEdge((k, e) => e.reverseOf !== undefined ? graph.hasEdge(e.reverseOf) : reverses.has(k));
}

/** Column types the typed formats share (GraphML's and CX2's names differ; see the writers). */
export type ColumnType = 'boolean' | 'long' | 'double' | 'string' | 'list_of_string' | 'list_of_long' | 'list_of_double' | 'list_of_boolean' | 'json';

function scalarType(v: AttributeValue): 'boolean' | 'long' | 'double' | 'string' | 'json' {
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isSafeInteger(v) ? 'long' : Number.isFinite(v) ? 'double' : 'json';
  if (typeof v === 'string') return 'string';
  return 'json';
}

function valueType(v: AttributeValue): ColumnType {
  if (!Array.isArray(v)) return scalarType(v);
  const item = joinTypes(v.map(scalarType));
  return item === 'json' || item === undefined ? (v.length === 0 ? 'list_of_string' : 'json') : (`list_of_${item}` as ColumnType);
}

function joinTypes<T extends string>(types: readonly T[]): T | 'double' | 'json' | undefined {
  let t: string | undefined;
  for (const x of types) {
    if (t === undefined || t === x) t = x;
    else if ((t === 'long' && x === 'double') || (t === 'double' && x === 'long')) t = 'double';
    else if ((t === 'list_of_long' && x === 'list_of_double') || (t === 'list_of_double' && x === 'list_of_long')) t = 'list_of_double';
    else return 'json';
  }
  return t as T | undefined;
}

/**
 * One type per attribute name over all records of a kind (columns must have one type in GraphML and CX2):
 * booleans, integers (long), numbers (double), strings, lists of one of these; mixed values, objects and
 * lists of lists are 'json' (the value written as JSON text; the writer says which columns are).
 */
export function attributeColumns(records: Iterable<Readonly<Record<string, AttributeValue>> | undefined>): Map<string, ColumnType> {
  const seen = new Map<string, ColumnType[]>();
  for (const r of records) {
    if (!r) continue;
    for (const k of Object.keys(r)) {
      const v = r[k]!;
      if (v === null) continue;
      const list = seen.get(k) ?? [];
      list.push(valueType(v));
      seen.set(k, list);
    }
  }
  const out = new Map<string, ColumnType>();
  for (const [k, types] of seen) out.set(k, (joinTypes(types) ?? 'string') as ColumnType);
  return out;
}

/** An imported graph's own graph-level attributes, for the exports that write them back (its name and mechkg's registry are written apart). */
export function graphAttributes(attributes: GraphMeta['attributes']): Record<string, AttributeValue> {
  return Object.fromEntries(Object.entries(attributes ?? {}).filter(([k, v]) => v !== null && k !== 'name' && k !== 'mechkg' && !k.startsWith('mechkg_')));
}
