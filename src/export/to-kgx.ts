/**
 * KGX (Biolink) nodes and edges, as TSV (PREFIX_nodes.tsv, PREFIX_edges.tsv) or JSON Lines
 * (PREFIX_nodes.jsonl, PREFIX_edges.jsonl). Standard columns carry Biolink categories, predicates,
 * qualifiers and provenance (knowledge_level, agent_type, primary_knowledge_source, publications);
 * mechkg_* columns carry what Biolink has no slot for (the mechkg predicate and sign, evidence,
 * context, cited source records), so a mechkg export re-imports exactly.
 */
import type { EdgeRecord, GraphMeta, KnowledgeGraph, NodeRecord } from '../model/types.js';
import type { ExportOutput } from './export-types.js';
import { biolinkCategory, biolinkEdge, edgeSources, knowledgeLevel, MECHKG_INFORES, MECHKG_PREFIX, publications } from './provenance.js';
import { formatDelimited, joinList } from './text-codecs.js';

type Value = string | string[] | Record<string, unknown> | unknown[] | undefined;

export const KGX_NODE_COLUMNS = ['id', 'category', 'name', 'description', 'synonym', 'xref', 'provided_by', 'mechkg_category', 'mechkg_abbreviations', 'mechkg_modules'] as const;
export const KGX_EDGE_COLUMNS = [
  'id',
  'subject',
  'predicate',
  'object',
  'qualified_predicate',
  'object_direction_qualifier',
  'object_aspect_qualifier',
  'knowledge_level',
  'agent_type',
  'primary_knowledge_source',
  'publications',
  'mechkg_predicate',
  'mechkg_sign',
  'mechkg_module',
  'mechkg_note',
  'mechkg_context',
  'mechkg_evidence',
  'mechkg_sources',
] as const;

/** Columns whose values are JSON (text in TSV, native in JSON Lines). */
export const KGX_JSON_COLUMNS: ReadonlySet<string> = new Set(['mechkg_context', 'mechkg_evidence', 'mechkg_sources']);

/** A mechkg slug as a KGX CURIE ("mechkg:vitamin-b12"). */
export function mechkgCurie(id: string): string {
  return `${MECHKG_PREFIX}:${id}`;
}

function kgxNode(id: string, n: NodeRecord): Record<string, Value> {
  return {
    id: mechkgCurie(id),
    category: [biolinkCategory(n.category)],
    name: n.label,
    description: n.description,
    synonym: n.synonyms,
    xref: n.identifiers,
    provided_by: [MECHKG_INFORES],
    mechkg_category: n.category,
    mechkg_abbreviations: n.abbreviations,
    mechkg_modules: n.modules,
  };
}

function kgxEdge(key: string, e: EdgeRecord, source: string, target: string, sources: GraphMeta['sources']): Record<string, Value> {
  return {
    id: mechkgCurie(key),
    subject: mechkgCurie(source),
    ...biolinkEdge(e.predicate),
    object: mechkgCurie(target),
    knowledge_level: knowledgeLevel(e.predicate),
    agent_type: 'manual_agent',
    primary_knowledge_source: MECHKG_INFORES,
    publications: publications(e, sources),
    mechkg_predicate: e.predicate,
    mechkg_sign: e.sign ?? undefined,
    mechkg_module: e.module,
    mechkg_note: e.note,
    mechkg_context: e.context,
    mechkg_evidence: e.evidence,
    mechkg_sources: edgeSources(e, sources),
  };
}

function rows(graph: KnowledgeGraph): { nodes: Record<string, Value>[]; edges: Record<string, Value>[] } {
  const sources = graph.getAttribute('sources') ?? {};
  return {
    nodes: graph.mapNodes((id, n) => kgxNode(id, n)),
    edges: graph.mapEdges((key, e, s, t) => kgxEdge(key, e, s, t, sources)),
  };
}

function cell(column: string, v: Value): string {
  if (v === undefined) return '';
  if (KGX_JSON_COLUMNS.has(column)) return JSON.stringify(v);
  if (Array.isArray(v)) return joinList(v as string[]);
  return String(v);
}

export function writeKgxTsv(graph: KnowledgeGraph): ExportOutput {
  const { nodes, edges } = rows(graph);
  const table = (cols: readonly string[], rs: Record<string, Value>[]) => formatDelimited(cols, rs.map((r) => cols.map((c) => cell(c, r[c]))), '\t');
  return {
    files: [
      { name: 'nodes.tsv', content: table(KGX_NODE_COLUMNS, nodes) },
      { name: 'edges.tsv', content: table(KGX_EDGE_COLUMNS, edges) },
    ],
  };
}

export function writeKgxJsonl(graph: KnowledgeGraph): ExportOutput {
  const { nodes, edges } = rows(graph);
  const lines = (rs: Record<string, Value>[]) =>
    rs.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))))).join('\n') + (rs.length ? '\n' : '');
  return {
    files: [
      { name: 'nodes.jsonl', content: lines(nodes) },
      { name: 'edges.jsonl', content: lines(edges) },
    ],
  };
}
