/**
 * Opening non-YAML graphs (KGX TSV / JSON / JSON Lines, TRAPI, Cytoscape JSON, GraphML) through the library's
 * importer, which tells the format by content. Loaded on demand, so the XML parser and importers stay out of
 * the first download.
 */
import './zod-jitless.js';
import { importGraph, type GraphFile, type KnowledgeGraph } from '../../src/index.js';

export function importUserFiles(files: readonly GraphFile[]): KnowledgeGraph {
  return importGraph(files, 'auto');
}
