/** The one loader: data files in, a validated graph (or every problem) out. Used by library, CLI and web. */
import { ValidationError } from '../errors.js';
import { validateFiles } from '../load/validate-files.js';
import type { GraphFile, KnowledgeGraph, Problem } from '../model/types.js';
import { buildGraph } from './build-graph.js';

export type LoadResult = { ok: true; graph: KnowledgeGraph; problems: Problem[] } | { ok: false; problems: Problem[] };

/** Validates and builds; never throws for bad data. A graph is returned only when there is no error. */
export function tryLoadGraphFromFiles(files: readonly GraphFile[], name = 'graph'): LoadResult {
  const data = validateFiles(files);
  const problems = sortProblems(data.problems);
  if (problems.some((p) => p.level === 'error')) return { ok: false, problems };
  return { ok: true, graph: buildGraph(data, name), problems };
}

/** Like tryLoadGraphFromFiles, but throws a ValidationError carrying every problem. */
export function loadGraphFromFiles(files: readonly GraphFile[], name = 'graph'): KnowledgeGraph {
  const result = tryLoadGraphFromFiles(files, name);
  if (!result.ok) throw new ValidationError(result.problems);
  return result.graph;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
