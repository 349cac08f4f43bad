/**
 * Cytoscape.js JSON (.cyjs) as Cytoscape desktop and networkx.cytoscape_graph read it: top-level data,
 * directed, multigraph, elements {nodes, edges}; node data.value is the id and edge data.key the edge id.
 * The sources registry and module records ride in data.mechkg, so the file re-imports losslessly.
 */
import type { KnowledgeGraph } from '../model/types.js';
import { CATEGORIES, predicateLabel } from '../model/vocabulary.js';
import type { ExportOptions } from './export-types.js';
import { biolinkCategory, biolinkEdge, edgeSources, knowledgeLevel, MECHKG_INFORES, publications } from './provenance.js';

export const CYJS_FORMAT_TAG = 'mechkg-cyjs';

export interface CytoscapeJson {
  data: Record<string, unknown>;
  directed: true;
  multigraph: true;
  elements: { nodes: { data: Record<string, unknown> }[]; edges: { data: Record<string, unknown> }[] };
}

export function toCytoscapeJson(graph: KnowledgeGraph, options: ExportOptions = {}): CytoscapeJson {
  const meta = graph.getAttributes();
  const modules = Object.fromEntries(Object.entries(meta.modules ?? {}).map(([id, { origin: _o, ...m }]) => [id, m]));
  const nodes = graph.mapNodes((id, n) => ({
    data: {
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
      color: CATEGORIES[n.category].color,
      shape: CATEGORIES[n.category].shape,
    },
  }));
  const edges = graph.mapEdges((key, e, source, target) => ({
    data: {
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
      ...(e.context !== undefined ? { context: e.context } : {}),
      evidence: e.evidence,
      // Flat copies for tools whose tables hold only strings and lists (Cytoscape desktop).
      evidence_json: JSON.stringify(e.evidence),
      sources_json: JSON.stringify(edgeSources(e, meta.sources ?? {})),
      publications: publications(e, meta.sources ?? {}),
      biolink: { ...biolinkEdge(e), knowledge_level: knowledgeLevel(e), agent_type: 'manual_agent', primary_knowledge_source: MECHKG_INFORES },
    },
  }));
  return {
    data: {
      name: options.title ?? meta.name,
      mechkg: { format: CYJS_FORMAT_TAG, version: 1, name: meta.name, sources: meta.sources ?? {}, modules, ...(options.paths ? { paths: options.paths } : {}) },
    },
    directed: true,
    multigraph: true,
    elements: { nodes, edges },
  };
}

export function writeCytoscapeJson(graph: KnowledgeGraph, options: ExportOptions = {}): string {
  return JSON.stringify(toCytoscapeJson(graph, options), null, 2) + '\n';
}
