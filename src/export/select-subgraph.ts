/**
 * Choosing what to export: a neighbourhood of seed nodes, the paths of a query, categories or modules,
 * or the whole graph. Each returns a Selection: an induced KnowledgeGraph (graph meta keeps only the
 * sources its edges cite and the modules its records belong to) plus, for path selections, the paths.
 */
import { MultiDirectedGraph } from 'graphology';
import { UsageError } from '../errors.js';
import { resolveNode } from '../graph/resolve-name.js';
import type { EdgeRecord, GraphMeta, KnowledgeGraph, NodeRecord } from '../model/types.js';
import { CATEGORIES, CATEGORY_NAMES, type Category } from '../model/vocabulary.js';
import { findPaths, type FindPathsOptions } from '../query/index.js';
import type { ExportPath } from './export-types.js';
import { edgeSourceIds } from './provenance.js';

export interface Selection {
  graph: KnowledgeGraph;
  /** Paths of a path selection, best first; empty for other selections. */
  paths: ExportPath[];
  /** A short human title ("paths from vitamin B12 to autophagy"). */
  title: string;
}

export type Direction = 'in' | 'out' | 'both';

export interface NeighborhoodOptions {
  /** Steps from the seeds (default 1; 0 selects only the seeds). */
  depth?: number;
  /** Follow edges out of, into, or both ways from the seeds (default both). */
  direction?: Direction;
  /** Also cross non-causal edges (default true). */
  includeAssociations?: boolean;
}

/** The subgraph induced by a node set (every edge between two kept nodes), or by an explicit edge set. */
export function inducedSubgraph(graph: KnowledgeGraph, nodeIds: Iterable<string>, edgeIds?: Iterable<string>): KnowledgeGraph {
  const keep = new Set(nodeIds);
  const out: KnowledgeGraph = new MultiDirectedGraph<NodeRecord, EdgeRecord, GraphMeta>();
  for (const id of keep) {
    if (!graph.hasNode(id)) throw new UsageError(`inducedSubgraph: no node "${id}" in the graph`);
    out.addNode(id, graph.getNodeAttributes(id));
  }
  const edges = edgeIds ? [...edgeIds] : graph.filterEdges((_k, _a, s, t) => keep.has(s) && keep.has(t));
  for (const key of edges) {
    const s = graph.source(key);
    const t = graph.target(key);
    if (!keep.has(s) || !keep.has(t)) throw new UsageError(`inducedSubgraph: edge "${key}" leaves the selected nodes`);
    out.addDirectedEdgeWithKey(key, s, t, graph.getEdgeAttributes(key));
  }
  out.replaceAttributes(trimMeta(graph.getAttributes(), out));
  return out;
}

/** Graph meta restricted to the sources cited and the modules used by a subgraph. */
function trimMeta(meta: GraphMeta, sub: KnowledgeGraph): GraphMeta {
  const sourceIds = new Set<string>();
  const moduleIds = new Set<string>();
  sub.forEachEdge((_k, e) => {
    edgeSourceIds(e).forEach((s) => sourceIds.add(s));
    moduleIds.add(e.module);
  });
  sub.forEachNode((_id, n) => n.modules.forEach((m) => moduleIds.add(m)));
  const pick = <T>(rec: Record<string, T> | undefined, ids: Set<string>) => Object.fromEntries(Object.entries(rec ?? {}).filter(([id]) => ids.has(id)));
  return { name: meta.name, sources: pick(meta.sources, sourceIds), modules: pick(meta.modules, moduleIds), ...(meta.attributes ? { attributes: meta.attributes } : {}) };
}

export function selectWholeGraph(graph: KnowledgeGraph): Selection {
  return { graph: inducedSubgraph(graph, graph.nodes()), paths: [], title: graph.getAttribute('name') ?? 'mechkg' };
}

/** Seeds (any name resolveNode accepts) and every node within `depth` steps in the given direction. */
export function selectNeighborhood(graph: KnowledgeGraph, seeds: readonly string[], options: NeighborhoodOptions = {}): Selection {
  const where = 'selectNeighborhood';
  if (seeds.length === 0) throw new UsageError(`${where}: give at least one seed node`);
  const depth = options.depth ?? 1;
  if (!Number.isInteger(depth) || depth < 0 || depth > 50) throw new UsageError(`${where}: option depth must be an integer from 0 to 50, got ${JSON.stringify(depth)}`);
  const direction = options.direction ?? 'both';
  if (!['in', 'out', 'both'].includes(direction)) throw new UsageError(`${where}: option direction must be one of in, out, both; got ${JSON.stringify(direction)}`);
  const associations = options.includeAssociations ?? true;
  const ids = seeds.map((s) => resolveNode(graph, s));
  const seen = new Set(ids);
  let frontier = [...seen];
  for (let step = 0; step < depth && frontier.length > 0; step++) {
    const next: string[] = [];
    const visit = (e: EdgeRecord, other: string) => {
      if ((associations || e.causal) && !seen.has(other)) {
        seen.add(other);
        next.push(other);
      }
    };
    for (const id of frontier) {
      if (direction !== 'in') graph.forEachOutEdge(id, (_k, e, _s, t) => visit(e, t));
      if (direction !== 'out') graph.forEachInEdge(id, (_k, e, s) => visit(e, s));
    }
    frontier = next;
  }
  // Every edge among the selected nodes (so the picture does not hide a link), minus associations if excluded.
  const edges = graph.filterEdges((_k, e, s, t) => seen.has(s) && seen.has(t) && (associations || e.causal));
  const sub = inducedSubgraph(graph, seen, edges);
  const labels = ids.map((id) => graph.getNodeAttribute(id, 'label')).join(', ');
  return { graph: sub, paths: [], title: `${labels}: ${depth}-step neighbourhood${direction === 'both' ? '' : ` (${direction === 'out' ? 'downstream' : 'upstream'})`}` };
}

export interface FilterOptions {
  categories?: readonly string[];
  modules?: readonly string[];
}

/** Nodes in any of the categories (when given) and in any of the modules (when given), with the edges among them. */
export function selectByFilter(graph: KnowledgeGraph, options: FilterOptions): Selection {
  const where = 'selectByFilter';
  const categories = new Set(options.categories ?? []);
  const modules = new Set(options.modules ?? []);
  for (const c of categories) {
    if (!Object.hasOwn(CATEGORIES, c)) throw new UsageError(`${where}: unknown category "${c}"; expected one of ${CATEGORY_NAMES.join(', ')}`);
  }
  const knownModules = new Set(Object.keys(graph.getAttribute('modules') ?? {}));
  graph.forEachNode((_id, n) => n.modules.forEach((m) => knownModules.add(m)));
  for (const m of modules) {
    if (!knownModules.has(m)) throw new UsageError(`${where}: unknown module "${m}"; the graph has ${[...knownModules].sort().join(', ') || 'no modules'}`);
  }
  if (categories.size === 0 && modules.size === 0) throw new UsageError(`${where}: give categories or modules`);
  const ids = graph.filterNodes((_id, n) => (categories.size === 0 || categories.has(n.category as Category)) && (modules.size === 0 || n.modules.some((m) => modules.has(m))));
  const parts = [categories.size ? `categories ${[...categories].join(', ')}` : '', modules.size ? `modules ${[...modules].join(', ')}` : ''].filter(Boolean);
  return { graph: inducedSubgraph(graph, ids), paths: [], title: parts.join('; ') };
}

/** The nodes and edges of the paths findPaths returns for a query (options passed through). */
export function selectPaths(graph: KnowledgeGraph, from: string, to: string, options: FindPathsOptions = {}): Selection {
  const result = findPaths(graph, from, to, options);
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const paths: ExportPath[] = result.paths.map((p) => {
    p.nodes.forEach((n) => nodes.add(n.id));
    p.edges.forEach((e) => edges.add(e.id));
    return { nodes: p.nodes.map((n) => n.id), edges: p.edges.map((e) => e.id), sign: p.sign };
  });
  if (paths.length === 0) {
    nodes.add(result.from.id);
    nodes.add(result.to.id);
  }
  return { graph: inducedSubgraph(graph, nodes, edges), paths, title: `${result.from.label} → ${result.to.label}` };
}
