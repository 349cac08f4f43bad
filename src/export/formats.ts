/**
 * The export format registry: name -> extensions, output shape and writer. A new format is one entry
 * here (multi-file writers return { files: [{ name, content }] }, names being suffixes of --out PREFIX).
 */
import { UsageError } from '../errors.js';
import type { KnowledgeGraph } from '../model/types.js';
import type { ExportEnv, ExportFormat, ExportOptions, ExportOutput } from './export-types.js';
import { writeCx2 } from './to-cx2.js';
import { writeCytoscapeJson } from './to-cytoscape-json.js';
import { writeDot } from './to-dot.js';
import { renderFigure } from './to-figure.js';
import { writeGraphml } from './to-graphml.js';
import { writeHtml } from './to-html.js';
import { writeKgxJsonl, writeKgxTsv } from './to-kgx.js';
import { writeMermaid } from './to-mermaid.js';
import { writeSbgn } from './to-sbgn.js';
import { writeNeo4j } from './neo4j.js';
import { writeCsv, writeSif } from './to-tables.js';

export const EXPORT_FORMATS: Record<string, ExportFormat> = {
  cyjs: { name: 'cyjs', description: 'Cytoscape.js JSON (Cytoscape desktop, networkx.cytoscape_graph); re-importable', extensions: ['.cyjs', '.json'], output: 'text', needs: [], write: writeCytoscapeJson },
  graphml: { name: 'graphml', description: 'GraphML (yEd, Gephi, Cytoscape desktop, networkx); re-importable', extensions: ['.graphml'], output: 'text', needs: [], write: writeGraphml },
  cx2: { name: 'cx2', description: 'CX2 (NDEx, Cytoscape Web, Cytoscape desktop 3.10) with a portable style and diagram positions; re-importable', extensions: ['.cx2'], output: 'text', needs: [], write: writeCx2 },
  sbgn: { name: 'sbgn', description: 'SBGN-ML 0.3 Activity Flow (Newt and other SBGN editors): influence arcs by sign; associations left out', extensions: ['.sbgn', '.sbgnml'], output: 'text', needs: [], write: writeSbgn },
  kgx: { name: 'kgx', description: 'KGX TSV: PREFIX_nodes.tsv and PREFIX_edges.tsv (Biolink); re-importable', extensions: ['nodes.tsv', 'edges.tsv'], output: 'files', needs: [], write: writeKgxTsv },
  'kgx-jsonl': { name: 'kgx-jsonl', description: 'KGX JSON Lines: PREFIX_nodes.jsonl and PREFIX_edges.jsonl; re-importable', extensions: ['nodes.jsonl', 'edges.jsonl'], output: 'files', needs: [], write: writeKgxJsonl },
  dot: { name: 'dot', description: 'Graphviz DOT with sign styles and a legend', extensions: ['.dot', '.gv'], output: 'text', needs: [], write: writeDot },
  mermaid: { name: 'mermaid', description: 'Mermaid flowchart for Markdown (GitHub)', extensions: ['.mmd', '.md'], output: 'text', needs: [], write: writeMermaid },
  csv: { name: 'csv', description: 'spreadsheet tables: PREFIX_nodes.csv and PREFIX_edges.csv', extensions: ['nodes.csv', 'edges.csv'], output: 'files', needs: [], write: writeCsv },
  sif: { name: 'sif', description: "Cytoscape's simple interaction format", extensions: ['.sif'], output: 'text', needs: [], write: writeSif },
  svg: { name: 'svg', description: 'teaching figure with legend and numbered citations (Graphviz in WebAssembly; --graphviz system for dot)', extensions: ['.svg'], output: 'text', needs: ['graphviz'], write: (g, o, env) => renderFigure(g, 'svg', o, env) },
  png: { name: 'png', description: 'teaching figure as PNG at 150 dpi (rasterised with resvg)', extensions: ['.png'], output: 'binary', needs: ['graphviz'], write: (g, o, env) => renderFigure(g, 'png', o, env) },
  html: { name: 'html', description: 'one self-contained offline page: interactive view, legend, evidence, path step-through', extensions: ['.html'], output: 'text', needs: ['assets'], write: writeHtml },
  neo4j: { name: 'neo4j', description: 'Neo4j bulk import: PREFIX_nodes.csv, PREFIX_edges.csv and PREFIX_queries.cypher (import command, Cypher queries)', extensions: ['nodes.csv', 'edges.csv', 'queries.cypher'], output: 'files', needs: [], write: writeNeo4j },
};

export function exportFormat(name: string): ExportFormat {
  const f = Object.hasOwn(EXPORT_FORMATS, name) ? EXPORT_FORMATS[name] : undefined;
  if (!f) throw new UsageError(`export: unknown format "${name}"; expected one of ${Object.keys(EXPORT_FORMATS).join(', ')}`);
  return f;
}

/** Runs a format's writer. */
export async function exportGraph(graph: KnowledgeGraph, format: string, options: ExportOptions = {}, env: ExportEnv = {}): Promise<ExportOutput> {
  return exportFormat(format).write(graph, options, env);
}
