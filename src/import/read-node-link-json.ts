/**
 * Node-link JSON (networkx's `node_link_data` / `json_graph`, the d3 force-layout shape) to common records, as
 * networkx's `node_link_graph` reads it: `{directed, multigraph, graph, nodes: [{id, ...}], edges | links:
 * [{source, target, key?, ...}]}` (networkx 3.4+ writes `edges`, earlier versions `links`). A node's other
 * fields are its attributes (`name` or `label` its name); an edge's likewise, its multigraph `key` its id (as
 * in networkx's Cytoscape JSON). `directed` absent is undirected, as in networkx; undirected edges are read
 * both ways with a warning, as in GraphML. `graph` holds the graph attributes (`name` its name).
 */
import { flatEdge, flatNode } from './flat-record.js';
import { emptyRecords, isRecord, problemAt, readGraphAttributes, type RecordsIn, type Where } from './records.js';

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
  return marked && nodes.every((n) => isRecord(n) && 'id' in n && !('data' in n)) && sample.every((e) => isRecord(e) && 'source' in e && 'target' in e && !('subject' in e) && !('data' in e));
}

export function readNodeLinkJson(path: string, doc: Record<string, unknown>): RecordsIn {
  const r = emptyRecords('node-link JSON');
  // networkx's multigraph keys count per node pair (0, 1, ... for each pair)
  r.keysPerPair = true;
  readGraphAttributes(r, doc.graph);
  (doc.nodes as unknown[]).forEach((el, i) => {
    const where: Where = { file: path, element: `nodes[${i}]` };
    if (!isRecord(el) || el.id === undefined || el.id === null || el.id === '') {
      r.problems.push(problemAt(where, 'invalid_field', 'a node needs an "id" (networkx reads no node without one)'));
      return;
    }
    r.nodes.push(flatNode(where, el.id, el));
  });
  const edges = edgeList(doc)!;
  const undirected = doc.directed !== true;
  edges.list.forEach((el, i) => {
    const where: Where = { file: path, element: `${edges.name}[${i}]` };
    if (!isRecord(el)) {
      r.problems.push(problemAt(where, 'malformed_file', 'expected an edge object with "source" and "target"'));
      return;
    }
    const fields = Object.fromEntries(Object.entries(el).filter(([k]) => k !== 'key'));
    const e = flatEdge(where, { id: el.key, source: el.source, target: el.target }, fields, r.problems);
    if (undirected) e.undirected = true;
    r.edges.push(e);
  });
  if (undirected && r.edges.length > 0) r.undirectedEdges = r.edges.length;
  return r;
}
