/**
 * What every query accepts: a graphology KnowledgeGraph (indexed once via indexGraph) or any index that is
 * both a PathIndex and a NameSource (the compact index of src/scale). Queries see only the QueryContext.
 */
import type { SourceData } from '../model/schema.js';
import type { KnowledgeGraph } from '../model/types.js';
import type { NameSource } from '../graph/resolve-name.js';
import { indexGraph, type PathIndex } from './path-index.js';

/** A non-graphology graph: a PathIndex that resolves names, optionally with the source registry for citations. */
export interface QueryIndex extends PathIndex, NameSource {
  readonly sources?: Readonly<Record<string, SourceData>>;
}

export type QueryInput = KnowledgeGraph | QueryIndex;

export interface QueryContext {
  readonly index: PathIndex;
  readonly names: NameSource;
  readonly sources: Readonly<Record<string, SourceData>>;
}

const contexts = new WeakMap<object, QueryContext>();

/** The index, name source and source registry of a query input (cached per input). */
export function queryContext(input: QueryInput): QueryContext {
  let ctx = contexts.get(input);
  if (ctx) return ctx;
  if (isPathIndex(input)) {
    ctx = { index: input, names: input, sources: input.sources ?? {} };
  } else {
    const graph = input as KnowledgeGraph;
    const sources = graph.getAttribute('sources') as Record<string, SourceData> | undefined;
    ctx = { index: indexGraph(graph), names: graph, sources: sources ?? {} };
  }
  contexts.set(input, ctx);
  return ctx;
}

function isPathIndex(input: QueryInput): input is QueryIndex {
  return typeof (input as Partial<QueryIndex>).edgeSign === 'function' && typeof (input as Partial<QueryIndex>).nodeSummary === 'function';
}
