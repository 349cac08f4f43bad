/**
 * GraphML for yEd, Gephi, Cytoscape desktop and networkx: typed keys (string, boolean, int), list values
 * joined with `|` (a `|` or `\` inside an item is backslash-escaped), evidence and context as JSON text,
 * and the sources registry and module records as graph-level JSON so the file re-imports losslessly.
 */
import type { EdgeRecord, GraphMeta, KnowledgeGraph, NodeRecord } from '../model/types.js';
import { CATEGORIES, predicateLabel } from '../model/vocabulary.js';
import type { ExportOptions } from './export-types.js';
import { biolinkCategory, biolinkEdge, knowledgeLevel, MECHKG_INFORES, publications } from './provenance.js';
import { escapeXml, joinList } from './text-codecs.js';

type KeyType = 'string' | 'boolean' | 'int';
interface KeySpec<T> {
  name: string;
  type: KeyType;
  get(record: T, ctx: { sources: GraphMeta['sources'] }): string | number | boolean | undefined;
}

const list = (items: readonly string[]) => (items.length ? joinList(items) : undefined);

/** Node keys in file order; the importer reads the same names back. */
export const GRAPHML_NODE_KEYS: KeySpec<NodeRecord>[] = [
  { name: 'label', type: 'string', get: (n) => n.label },
  { name: 'category', type: 'string', get: (n) => n.category },
  { name: 'biolink_category', type: 'string', get: (n) => biolinkCategory(n.category) },
  { name: 'description', type: 'string', get: (n) => n.description },
  { name: 'synonyms', type: 'string', get: (n) => list(n.synonyms) },
  { name: 'abbreviations', type: 'string', get: (n) => list(n.abbreviations) },
  { name: 'identifiers', type: 'string', get: (n) => list(n.identifiers) },
  { name: 'modules', type: 'string', get: (n) => list(n.modules) },
  { name: 'color', type: 'string', get: (n) => CATEGORIES[n.category].color },
  { name: 'shape', type: 'string', get: (n) => CATEGORIES[n.category].shape },
];

export const GRAPHML_EDGE_KEYS: KeySpec<EdgeRecord>[] = [
  { name: 'predicate', type: 'string', get: (e) => e.predicate },
  { name: 'predicate_label', type: 'string', get: (e) => predicateLabel(e.predicate) },
  { name: 'sign', type: 'string', get: (e) => e.sign ?? undefined },
  { name: 'causal', type: 'boolean', get: (e) => e.causal },
  { name: 'strength', type: 'int', get: (e) => e.strength },
  { name: 'contested', type: 'boolean', get: (e) => e.contested },
  { name: 'preclinical_only', type: 'boolean', get: (e) => e.preclinicalOnly },
  { name: 'module', type: 'string', get: (e) => e.module },
  { name: 'note', type: 'string', get: (e) => e.note },
  { name: 'context', type: 'string', get: (e) => (e.context ? JSON.stringify(e.context) : undefined) },
  { name: 'evidence', type: 'string', get: (e) => JSON.stringify(e.evidence) },
  { name: 'evidence_count', type: 'int', get: (e) => e.evidence.length },
  { name: 'publications', type: 'string', get: (e, ctx) => list(publications(e, ctx.sources)) },
  { name: 'biolink_predicate', type: 'string', get: (e) => biolinkEdge(e).predicate },
  { name: 'qualified_predicate', type: 'string', get: (e) => biolinkEdge(e).qualified_predicate },
  { name: 'object_direction_qualifier', type: 'string', get: (e) => biolinkEdge(e).object_direction_qualifier },
  { name: 'object_aspect_qualifier', type: 'string', get: (e) => biolinkEdge(e).object_aspect_qualifier },
  { name: 'knowledge_level', type: 'string', get: (e) => knowledgeLevel(e) },
  { name: 'agent_type', type: 'string', get: () => 'manual_agent' },
  { name: 'primary_knowledge_source', type: 'string', get: () => MECHKG_INFORES },
];

/** Graph-level keys: the graph name and the mechkg registry (sources, modules) as JSON. */
export const GRAPHML_GRAPH_KEYS = ['name', 'mechkg_sources', 'mechkg_modules'] as const;

export function writeGraphml(graph: KnowledgeGraph, options: ExportOptions = {}): string {
  const meta = graph.getAttributes();
  const ctx = { sources: meta.sources ?? {} };
  const modules = Object.fromEntries(Object.entries(meta.modules ?? {}).map(([id, { origin: _o, ...m }]) => [id, m]));
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const k of GRAPHML_GRAPH_KEYS) out.push(`  <key id="g_${k}" for="graph" attr.name="${k}" attr.type="string"/>`);
  for (const k of GRAPHML_NODE_KEYS) out.push(`  <key id="n_${k.name}" for="node" attr.name="${k.name}" attr.type="${k.type}"/>`);
  for (const k of GRAPHML_EDGE_KEYS) out.push(`  <key id="e_${k.name}" for="edge" attr.name="${k.name}" attr.type="${k.type}"/>`);
  out.push('  <graph id="G" edgedefault="directed">');
  out.push(data('g_name', options.title ?? meta.name, '    '));
  out.push(data('g_mechkg_sources', JSON.stringify(meta.sources ?? {}), '    '));
  out.push(data('g_mechkg_modules', JSON.stringify(modules), '    '));
  graph.forEachNode((id, n) => {
    out.push(`    <node id="${escapeXml(id, true)}">`);
    for (const k of GRAPHML_NODE_KEYS) {
      const v = k.get(n, ctx);
      if (v !== undefined) out.push(data(`n_${k.name}`, v, '      '));
    }
    out.push('    </node>');
  });
  graph.forEachEdge((key, e, source, target) => {
    out.push(`    <edge id="${escapeXml(key, true)}" source="${escapeXml(source, true)}" target="${escapeXml(target, true)}">`);
    for (const k of GRAPHML_EDGE_KEYS) {
      const v = k.get(e, ctx);
      if (v !== undefined) out.push(data(`e_${k.name}`, v, '      '));
    }
    out.push('    </edge>');
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

function data(key: string, value: string | number | boolean, indent: string): string {
  return `${indent}<data key="${key}">${escapeXml(String(value))}</data>`;
}
