/** Node-only entry for loading: the bundled graph, a graph directory, or (via importers) other formats. */
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { ValidationError } from '../errors.js';
import { sortProblems, tryLoadGraphFromFiles, type LoadResult } from '../graph/load-graph.js';
import type { KnowledgeGraph } from '../model/types.js';
import { importGraphFile, tryImportGraphFile } from './import-graph-file.js';
import { bundledGraphDir, readGraphDirContents, type GraphDirContents } from './read-graph-dir.js';

/** Loads the curated graph (no argument) or the graph at path; throws ValidationError on bad data. */
export function loadGraph(path?: string): KnowledgeGraph {
  if (path !== undefined && isFile(path)) return importGraphFile(path);
  const dir = path ?? bundledGraphDir();
  return loadGraphDirContents(readGraphDirContents(dir), graphName(dir, path));
}

/** Like loadGraph, but returns every problem instead of throwing on bad data. */
export function tryLoadGraph(path?: string): LoadResult {
  if (path !== undefined && isFile(path)) return tryImportGraphFile(path);
  const dir = path ?? bundledGraphDir();
  return tryLoadGraphDirContents(readGraphDirContents(dir), graphName(dir, path));
}

/** The loader over files already read: the reader's refusals and warnings join the loader's problems. */
export function tryLoadGraphDirContents(read: GraphDirContents, name: string): LoadResult {
  const result = tryLoadGraphFromFiles(read.files, name);
  if (read.problems.length === 0) return result;
  const problems = sortProblems([...read.problems, ...result.problems]);
  if (!result.ok || problems.some((p) => p.level === 'error')) return { ok: false, problems };
  return { ...result, problems };
}

export function loadGraphDirContents(read: GraphDirContents, name: string): KnowledgeGraph {
  const result = tryLoadGraphDirContents(read, name);
  if (!result.ok) throw new ValidationError(result.problems);
  return result.graph;
}

/** The name a loaded directory gets (the curated graph has its own). */
export function graphName(dir: string, path: string | undefined): string {
  return path === undefined ? 'mechkg curated graph' : basename(resolve(dir));
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false; // a missing path is reported by readGraphDirContents with its name
  }
}
