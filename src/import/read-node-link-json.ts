/**
 * Node-link JSON (networkx's `node_link_data` / `json_graph`, the d3 force-layout shape) to common records, as
 * networkx's `node_link_graph` reads it: `{directed, multigraph, graph, nodes: [{id, ...}], edges | links:
 * [{source, target, key?, ...}]}` (networkx 3.4+ writes `edges`, earlier versions `links`). A node's other
 * fields are its attributes (`name` or `label` its name); an edge's likewise, its multigraph `key` its id (as
 * in networkx's Cytoscape JSON). `directed` absent is undirected, as in networkx; undirected edges are read
 * both ways with a warning, as in GraphML. `graph` holds the graph attributes (`name` its name). d3's index
 * form (nodes without "id", links naming their ends by index) is read as d3 reads it: a node's id is its index.
 */
import { flatEdge, flatNode } from './flat-record.js';
import { emptyRecords, isRecord, positionOf, problemAt, readGraphAttributes, type RecordsIn, type Where } from './records.js';

/** The edge list of a node-link document ("edges", or "links" as networkx before 3.4 and d3 write it). */
function edgeList(doc: Record<string, unknown>): { name: 'edges' | 'links'; list: unknown[] } | null {
  if (Array.isArray(doc.links)) return { name: 'links', list: doc.links };
  if (Array.isArray(doc.edges)) return { name: 'edges', list: doc.edges };
  return null;
}

/** Whether a parsed JSON document is node-link JSON: nodes with "id", edges with "source" and "target" (not KGX's subject / object). */
export function isNodeLinkJson(doc: unknown): boolean {
  if (!isRecord(doc) || !Array.isArray(doc.nodes)) return false;
  const edges = edgeList(doc);
  if (!edges) return false;
  const nodes = (doc.nodes as unknown[]).slice(0, 5);
  const sample = edges.list.slice(0, 5);
  const marked = edges.name === 'links' || typeof doc.directed === 'boolean' || typeof doc.multigraph === 'boolean';
  const named = nodes.every((n) => isRecord(n) && 'id' in n && !('data' in n)) || (edges.name === 'links' && byIndex(doc.nodes as unknown[], edges.list));
  return marked && named && sample.every((e) => isRecord(e) && 'source' in e && 'target' in e && !('subject' in e) && !('data' in e));
}

/**
 * d3's index form (its force layout's default: `forceLink().id` is the node's index; d3 v3's `force.links()`):
 * nodes without "id", links whose source and target are indices into the node list (or, saved after a
 * simulation ran, the node objects themselves, which carry their "index").
 */
function byIndex(nodes: unknown[], links: unknown[]): boolean {
  const isEnd = (v: unknown) => (typeof v === 'number' && Number.isInteger(v)) || (isRecord(v) && typeof v.index === 'number');
  return nodes.length > 0 && nodes.every((n) => isRecord(n) && !('id' in n)) && links.slice(0, 5).every((e) => isRecord(e) && isEnd(e.source) && isEnd(e.target));
}

/** A link end of d3's index form as the node id it names (the index as text), or an error message. */
function indexEnd(v: unknown, count: number): { id: string } | { error: string } {
  const i = isRecord(v) ? v.index : v;
  if (typeof i === 'number' && Number.isInteger(i) && i >= 0 && i < count) return { id: String(i) };
  return { error: `${JSON.stringify(isRecord(v) ? { index: v.index } : v)} is not the index of a node (0 to ${count - 1}): in a file whose nodes have no "id", d3 reads a link's ends as node indices` };
}

export function readNodeLinkJson(path: string, doc: Record<string, unknown>): RecordsIn {
  const r = emptyRecords('node-link JSON');
  // networkx's multigraph keys count per node pair (0, 1, ... for each pair)
  r.keysPerPair = true;
  readGraphAttributes(r, doc.graph);
  const edges = edgeList(doc)!;
  const nodeList = doc.nodes as unknown[];
  // d3's index form: a node's id is its index in the list (d3's node.index), its name (if any) the label
  const indexed = edges.name === 'links' && byIndex(nodeList, edges.list);
  if (indexed) r.problems.push({ level: 'warning', code: 'invalid_field', file: path, message: `the nodes have no "id": read as d3 reads them, each node's id is its index in the list (0 to ${nodeList.length - 1}) and each link names its ends by index` });
  nodeList.forEach((el, i) => {
    const where: Where = { file: path, element: `nodes[${i}]` };
    if (indexed && isRecord(el)) {
      const n = flatNode(where, String(i), el);
      // where d3's simulation put the node (kept as attributes too)
      const position = positionOf(el.x, el.y);
      if (position) n.position = position;
      r.nodes.push(n);
      return;
    }
    if (!isRecord(el) || el.id === undefined || el.id === null || el.id === '') {
      r.problems.push(problemAt(where, 'invalid_field', 'a node needs an "id" (networkx reads no node without one)'));
      return;
    }
    r.nodes.push(flatNode(where, el.id, el));
  });
  const undirected = doc.directed !== true;
  edges.list.forEach((el, i) => {
    const where: Where = { file: path, element: `${edges.name}[${i}]` };
    if (!isRecord(el)) {
      r.problems.push(problemAt(where, 'malformed_file', 'expected an edge object with "source" and "target"'));
      return;
    }
    const fields = Object.fromEntries(Object.entries(el).filter(([k]) => k !== 'key' && !(indexed && (k === 'source' || k === 'target'))));
    let ends = { source: el.source, target: el.target };
    if (indexed) {
      const source = indexEnd(el.source, nodeList.length);
      const target = indexEnd(el.target, nodeList.length);
      const bad = [['source', source], ['target', target]].find(([, x]) => 'error' in (x as object)) as [string, { error: string }] | undefined;
      if (bad) {
        r.problems.push(problemAt(where, 'invalid_field', `${bad[0]}: ${bad[1].error}`));
        return;
      }
      ends = { source: (source as { id: string }).id, target: (target as { id: string }).id };
    }
    const e = flatEdge(where, { id: el.key, ...ends }, fields, r.problems);
    if (undirected) e.undirected = true;
    r.edges.push(e);
  });
  if (undirected && r.edges.length > 0) r.undirectedEdges = r.edges.length;
  return r;
}
