/** describeNode / describeEdge / describe: everything the graph knows about one node or edge (`mechkg show`). */
import { NameResolutionError } from '../errors.js';
import { normalizeName } from '../graph/resolve-name.js';
import { ReferenceList, type Reference } from './cite-source.js';
import { pathEdge, pathNode, type PathEdge, type PathNode } from './path-result.js';
import type { PathIndex } from './path-index.js';
import { queryContext, type QueryContext, type QueryInput } from './query-input.js';
import { resolveNumber } from './query-options.js';

export interface NodeDetails extends PathNode {
  description?: string;
  synonyms: string[];
  abbreviations: string[];
  identifiers: string[];
  modules: string[];
}

export interface NodeDescription {
  kind: 'node';
  node: NodeDetails;
  outgoing: PathEdge[];
  incoming: PathEdge[];
  /** The nodes at the other end of those edges. */
  neighbors: PathNode[];
  references: Reference[];
}

export interface EdgeDescription {
  kind: 'edge';
  edge: PathEdge;
  source: PathNode;
  target: PathNode;
  references: Reference[];
}

export type Description = NodeDescription | EdgeDescription;

/** A node by any name, with its edges (each with all evidence) and the sources they cite. */
export function describeNode(input: QueryInput, name: string): NodeDescription {
  const ctx = queryContext(input);
  return nodeDescription(ctx, resolveNumber(ctx, name));
}

/** An edge by id, with all its evidence and the sources it cites. */
export function describeEdge(input: QueryInput, id: string): EdgeDescription {
  const ctx = queryContext(input);
  const e = edgeNumbers(ctx.index).get(id);
  if (e === undefined) {
    const q = normalizeName(id);
    const suggestions = [...edgeNumbers(ctx.index).keys()]
      .filter((k) => q && normalizeName(k).includes(q))
      .slice(0, 5)
      .map((k) => ({ id: k, label: k }));
    throw new NameResolutionError(`no edge with id "${id}"${suggestions.length ? `; did you mean ${suggestions.map((s) => s.id).join(', ')}?` : ''}`, id, 'unknown', suggestions);
  }
  return edgeDescription(ctx, e);
}

/** A node id, else an edge id, else any node name (unknown names throw with suggestions). */
export function describeItem(input: QueryInput, name: string): Description {
  const ctx = queryContext(input);
  if (ctx.index.indexOf(name) < 0) {
    const e = edgeNumbers(ctx.index).get(name);
    if (e !== undefined) return edgeDescription(ctx, e);
  }
  return nodeDescription(ctx, resolveNumber(ctx, name));
}

const edgeMaps = new WeakMap<PathIndex, Map<string, number>>();

function edgeNumbers(index: PathIndex): Map<string, number> {
  let map = edgeMaps.get(index);
  if (!map) {
    map = new Map();
    for (let e = 0; e < index.edgeCount; e++) map.set(index.edgeId(e), e);
    edgeMaps.set(index, map);
  }
  return map;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function nodeDescription(ctx: QueryContext, n: number): NodeDescription {
  const { index, names } = ctx;
  const base = pathNode(index, n);
  const attr = (key: string) => names.getNodeAttribute(base.id, key);
  const node: NodeDetails = {
    ...base,
    synonyms: strings(attr('synonyms')),
    abbreviations: strings(attr('abbreviations')),
    identifiers: strings(attr('identifiers')),
    modules: strings(attr('modules')),
  };
  const description = attr('description');
  if (typeof description === 'string') node.description = description;
  const outgoing = Array.from(index.outEdges(n), (e) => pathEdge(index, e));
  const incoming = Array.from(index.inEdges(n), (e) => pathEdge(index, e));
  const others = new Set([...Array.from(index.outEdges(n), (e) => index.edgeTarget(e)), ...Array.from(index.inEdges(n), (e) => index.edgeSource(e))]);
  const neighbors = [...others].map((m) => pathNode(index, m)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { kind: 'node', node, outgoing, incoming, neighbors, references: references(ctx, [...outgoing, ...incoming]) };
}

function edgeDescription(ctx: QueryContext, e: number): EdgeDescription {
  const { index } = ctx;
  const edge = pathEdge(index, e);
  return { kind: 'edge', edge, source: pathNode(index, index.edgeSource(e)), target: pathNode(index, index.edgeTarget(e)), references: references(ctx, [edge]) };
}

function references(ctx: QueryContext, edges: PathEdge[]): Reference[] {
  const refs = new ReferenceList(ctx.sources);
  for (const edge of edges) for (const ev of edge.evidence) refs.number(ev.source);
  return refs.list();
}
