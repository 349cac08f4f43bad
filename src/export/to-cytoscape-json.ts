/**
 * Cytoscape.js JSON (.cyjs) as Cytoscape desktop and networkx.cytoscape_graph read it: top-level data,
 * directed, multigraph, elements {nodes, edges}; node data.value is the id and edge data.key the edge id.
 * The sources registry and module records ride in data.mechkg, so the file re-imports losslessly; a node an
 * opened file placed keeps its `position`.
 */
import type { AttributeValue, EdgeRecord, KnowledgeGraph, NodeRecord } from '../model/types.js';
import { CATEGORIES, predicateLabel } from '../model/vocabulary.js';
import type { ExportOptions } from './export-types.js';
import { givenEdgeFields, graphAttributes, isImportedEdge, isImportedNode, isUndirectedGraph } from './foreign-records.js';
import { biolinkCategory, biolinkEdge, edgeSources, knowledgeLevel, MECHKG_INFORES, publications } from './provenance.js';

export const CYJS_FORMAT_TAG = 'mechkg-cyjs';

export interface CytoscapeJson {
  data: Record<string, unknown>;
  directed: boolean;
  multigraph: true;
  elements: { nodes: { data: Record<string, unknown>; position?: { x: number; y: number } }[]; edges: { data: Record<string, unknown> }[] };
}

export function toCytoscapeJson(graph: KnowledgeGraph, options: ExportOptions = {}): CytoscapeJson {
  const meta = graph.getAttributes();
  const modules = Object.fromEntries(Object.entries(meta.modules ?? {}).map(([id, { origin: _o, ...m }]) => [id, m]));
  const undirected = isUndirectedGraph(graph);
  const nodes = graph.mapNodes((id, n) => ({
    data: isImportedNode(n) ? importedNode(id, n) : {
      id,
      value: id,
      name: n.label,
      label: n.label,
      category: n.category,
      biolink_category: biolinkCategory(n.category),
      description: n.description,
      synonyms: n.synonyms,
      abbreviations: n.abbreviations,
      identifiers: n.identifiers,
      modules: n.modules,
      ...(n.state_of ? { state_of: { ...n.state_of } } : {}),
      color: CATEGORIES[n.category].color,
      shape: CATEGORIES[n.category].shape,
    },
    // where the opened file drew the node, as cytoscape.js and Cytoscape desktop write it
    ...(n.position ? { position: { x: n.position.x, y: n.position.y } } : {}),
  }));
  const edges = graph.filterEdges((_k, e) => !(undirected && e.reverseOf !== undefined)).map((key) => {
    const e = graph.getEdgeAttributes(key);
    const source = graph.source(key);
    const target = graph.target(key);
    return { data: isImportedEdge(e) ? importedEdge(key, e, source, target) : {
      id: key,
      key,
      source,
      target,
      interaction: e.predicate,
      predicate: e.predicate,
      predicate_label: predicateLabel(e.predicate),
      sign: e.sign,
      causal: e.causal,
      strength: e.strength,
      contested: e.contested,
      preclinical_only: e.preclinicalOnly,
      module: e.module,
      ...(e.note !== undefined ? { note: e.note } : {}),
      ...(e.reaction !== undefined ? { reaction: e.reaction } : {}),
      ...(e.context !== undefined ? { context: e.context } : {}),
      evidence: e.evidence,
      // Flat copies for tools whose tables hold only strings and lists (Cytoscape desktop).
      evidence_json: JSON.stringify(e.evidence),
      sources_json: JSON.stringify(edgeSources(e, meta.sources ?? {})),
      publications: publications(e, meta.sources ?? {}),
      biolink: { ...biolinkEdge(e), knowledge_level: knowledgeLevel(e), agent_type: 'manual_agent', primary_knowledge_source: MECHKG_INFORES },
    } };
  });
  return {
    data: {
      ...graphAttributes(meta.attributes),
      name: options.title ?? meta.name,
      mechkg: { format: CYJS_FORMAT_TAG, version: 1, name: meta.name, sources: meta.sources ?? {}, modules, ...(options.paths ? { paths: options.paths } : {}) },
    },
    directed: !undirected,
    multigraph: true,
    elements: { nodes, edges },
  };
}

export function writeCytoscapeJson(graph: KnowledgeGraph, options: ExportOptions = {}): string {
  return JSON.stringify(toCytoscapeJson(graph, options), null, 2) + '\n';
}

/**
 * An imported node as its file gave it (id, label, categories, description, synonyms, identifiers and every
 * attribute, under its own name), plus mechkg's display category, colour and shape for styling. An attribute
 * whose name mechkg also writes wins that slot and is listed in `mechkg_attributes`.
 */
function importedNode(id: string, n: NodeRecord): Record<string, unknown> {
  const data: Record<string, unknown> = { id, value: id, name: n.label, label: n.label, categories: n.categories, category: n.category, color: CATEGORIES[n.category].color, shape: CATEGORIES[n.category].shape };
  if (n.description) data.description = n.description;
  if (n.synonyms.length) data.synonyms = n.synonyms;
  if (n.identifiers.length) data.identifiers = n.identifiers;
  return withAttributes(data, n.attributes, ['id']);
}

/** An imported edge: its predicate, qualifiers, negated, provenance and attributes as given, plus sign and causal for styling. */
function importedEdge(key: string, e: EdgeRecord, source: string, target: string): Record<string, unknown> {
  const data: Record<string, unknown> = { id: key, key: e.fileId ?? key, source, target, predicate: e.predicate, interaction: e.predicate, predicate_label: predicateLabel(e.predicate), sign: e.sign, causal: e.causal };
  for (const [k, v] of givenEdgeFields(e)) data[k] = v;
  return withAttributes(data, e.attributes, ['id', 'source', 'target', 'predicate']);
}

function withAttributes(data: Record<string, unknown>, attributes: Readonly<Record<string, AttributeValue>> | undefined, reserved: readonly string[]): Record<string, unknown> {
  const taken: string[] = [];
  // an attribute with the name of a slot Cytoscape owns (an attribute "id" of a GraphML or graphology node) rides
  // in mechkg_reserved_attributes as JSON text, as in the CX2 export, and comes back under its name on import
  const held: Record<string, AttributeValue> = {};
  for (const k of Object.keys(attributes ?? {})) {
    if (reserved.includes(k)) {
      held[k] = attributes![k]!;
      continue;
    }
    if (k in data) taken.push(k);
    data[k] = attributes![k];
  }
  if (taken.length) data.mechkg_attributes = taken;
  if (Object.keys(held).length) data.mechkg_reserved_attributes = JSON.stringify(held);
  return data;
}

