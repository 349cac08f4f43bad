/**
 * Opening non-YAML graphs (KGX TSV / JSON Lines, Cytoscape JSON, GraphML) through the library's
 * importers. Loaded on demand, so the XML parser and importers stay out of the first download.
 */
import { detectImportFormat, importGraph, type GraphFile, type KnowledgeGraph } from '../../src/index.js';

export function importUserFiles(files: readonly GraphFile[]): KnowledgeGraph {
  const format = detectImportFormat(files[0]!.path);
  if (!format) throw new Error(`cannot tell the format of ${files[0]!.path}; open .yaml files (sources.yaml and modules), KGX .tsv or .jsonl, .cyjs / .json or .graphml`);
  return importGraph(files, format);
}
