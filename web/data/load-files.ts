/**
 * The library's loader for YAML graph files in the page: files the user opens, and the test build's
 * fixtures. Loaded on demand, so the YAML parser and the schemas stay out of the first download (the
 * curated graph arrives as a snapshot the same loader made at build time).
 */
import './zod-jitless.js';
import { loadGraphFromFiles, type GraphFile, type KnowledgeGraph } from '../../src/index.js';

export function loadYamlFiles(files: readonly GraphFile[], name: string): KnowledgeGraph {
  return loadGraphFromFiles(files, name);
}
