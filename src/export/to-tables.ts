/**
 * Spreadsheet tables (PREFIX_nodes.csv, PREFIX_edges.csv, RFC 4180, cells that would run as formulas prefixed
 * with `'`) and Cytoscape's simple interaction
 * format (SIF: "source<TAB>predicate<TAB>target", isolated nodes alone on a line).
 */
import type { KnowledgeGraph } from '../model/types.js';
import { CATEGORIES, predicateLabel } from '../model/vocabulary.js';
import type { ExportOutput } from './export-types.js';
import { edgeSourceIds, publications } from './provenance.js';
import { formatDelimited, joinList, spreadsheetSafe } from './text-codecs.js';

export const CSV_NODE_COLUMNS = ['id', 'label', 'category', 'category_label', 'description', 'synonyms', 'abbreviations', 'identifiers', 'modules'] as const;
export const CSV_EDGE_COLUMNS = [
  'id',
  'source',
  'source_label',
  'predicate',
  'predicate_label',
  'target',
  'target_label',
  'sign',
  'causal',
  'strength',
  'contested',
  'preclinical_only',
  'module',
  'note',
  'context',
  'sources',
  'publications',
  'evidence',
] as const;

export function writeCsv(graph: KnowledgeGraph): ExportOutput {
  const sources = graph.getAttribute('sources') ?? {};
  const nodes = graph.mapNodes((id, n) => [
    id,
    n.label,
    n.category,
    CATEGORIES[n.category].label,
    n.description,
    joinList(n.synonyms),
    joinList(n.abbreviations),
    joinList(n.identifiers),
    joinList(n.modules),
  ]);
  const edges = graph.mapEdges((key, e, s, t) => [
    key,
    s,
    graph.getNodeAttribute(s, 'label'),
    e.predicate,
    predicateLabel(e.predicate),
    t,
    graph.getNodeAttribute(t, 'label'),
    e.sign ?? '',
    String(e.causal),
    String(e.strength),
    String(e.contested),
    String(e.preclinicalOnly),
    e.module,
    e.note ?? '',
    e.context ? JSON.stringify(e.context) : '',
    joinList(edgeSourceIds(e)),
    joinList(publications(e, sources)),
    JSON.stringify(e.evidence),
  ]);
  return {
    files: [
      // opened in spreadsheets: cells that would run as formulas are neutralised
      { name: 'nodes.csv', content: formatDelimited(CSV_NODE_COLUMNS, nodes.map((r) => r.map(spreadsheetSafe)), ',') },
      { name: 'edges.csv', content: formatDelimited(CSV_EDGE_COLUMNS, edges.map((r) => r.map(spreadsheetSafe)), ',') },
    ],
  };
}

export function writeSif(graph: KnowledgeGraph): string {
  const lines = graph.mapEdges((_k, e, s, t) => `${s}\t${e.predicate}\t${t}`);
  graph.forEachNode((id) => {
    if (graph.degree(id) === 0) lines.push(id);
  });
  return lines.join('\n') + (lines.length ? '\n' : '');
}
