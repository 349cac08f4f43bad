/** Node-only entry for loading: the bundled graph, a graph directory, or (via importers) other formats. */
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { loadGraphFromFiles, tryLoadGraphFromFiles, type LoadResult } from '../graph/load-graph.js';
import type { KnowledgeGraph } from '../model/types.js';
import { importGraphFile, tryImportGraphFile } from './import-graph-file.js';
import { bundledGraphDir, readGraphDir } from './read-graph-dir.js';

/** Loads the curated graph (no argument) or the graph at path; throws ValidationError on bad data. */
export function loadGraph(path?: string): KnowledgeGraph {
  if (path !== undefined && isFile(path)) return importGraphFile(path);
  const dir = path ?? bundledGraphDir();
  return loadGraphFromFiles(readGraphDir(dir), graphName(dir, path));
}

/** Like loadGraph, but returns every problem instead of throwing on bad data. */
export function tryLoadGraph(path?: string): LoadResult {
  if (path !== undefined && isFile(path)) return tryImportGraphFile(path);
  const dir = path ?? bundledGraphDir();
  return tryLoadGraphFromFiles(readGraphDir(dir), graphName(dir, path));
}

function graphName(dir: string, path: string | undefined): string {
  return path === undefined ? 'mechkg curated graph' : basename(resolve(dir));
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false; // a missing path is reported by readGraphDir with its name
  }
}
