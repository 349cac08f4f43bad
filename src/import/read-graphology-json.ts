/**
 * graphology's serialization format (what `graph.export()` writes and `Graph.from` reads; Gephi's JSON exporter
 * writes it, and sigma.js apps load it) to common records: `{attributes?, options?: {type, multi,
 * allowSelfLoops}, nodes: [{key, attributes?}], edges: [{key?, source, target, attributes?, undirected?}]}`.
 * A node's attributes are its fields (`label` its name; numeric `x` / `y`, which Gephi writes, its position);
 * an edge's attributes likewise (no predicate: read as biolink:related_to with a warning, as everywhere). An
 * edge is undirected when the graph's `options.type` is "undirected", or when it says `undirected: true`
 * (graphology's "mixed" graphs); undirected edges are read both ways, with a warning, as in GraphML.
 */
import { flatEdgeKeyed, flatNodeKeyed } from './flat-record.js';
import { emptyRecords, isRecord, positionOf, problemAt, readGraphAttributes, type RecordsIn, type Where } from './records.js';

/** Whether a parsed JSON document is in graphology's serialization format (nodes keyed by "key", not "id" or "data"). */
export function isGraphologyJson(doc: unknown): boolean {
  if (!isRecord(doc) || !Array.isArray(doc.nodes) || (doc.edges !== undefined && !Array.isArray(doc.edges))) return false;
  if (doc.options !== undefined && !isRecord(doc.options)) return false;
  const nodes = (doc.nodes as unknown[]).slice(0, 5);
  const edges = ((doc.edges as unknown[] | undefined) ?? []).slice(0, 5);
  if (nodes.length === 0) return isRecord(doc.options) && edges.every((e) => isRecord(e) && 'source' in e && 'target' in e);
  return nodes.every((n) => isRecord(n) && 'key' in n && !('id' in n) && !('data' in n)) && edges.every((e) => isRecord(e) && 'source' in e && 'target' in e && !('data' in e));
}

export function readGraphologyJson(path: string, doc: Record<string, unknown>): RecordsIn {
  const r = emptyRecords('graphology JSON');
  const options = isRecord(doc.options) ? doc.options : {};
  const type = options.type === 'undirected' || options.type === 'directed' ? options.type : 'mixed';
  readGraphAttributes(r, doc.attributes);
  (doc.nodes as unknown[]).forEach((el, i) => {
    const where: Where = { file: path, element: `nodes[${i}]` };
    if (!isRecord(el) || el.key === undefined || el.key === null || el.key === '') {
      r.problems.push(problemAt(where, 'invalid_field', 'a node needs a "key" (graphology rejects a node without one)'));
      return;
    }
    const attributes = isRecord(el.attributes) ? el.attributes : {};
    const n = flatNodeKeyed(where, el.key, attributes);
    const position = positionOf(attributes.x, attributes.y);
    if (position) n.position = position;
    r.nodes.push(n);
  });
  let undirected = 0;
  ((doc.edges as unknown[] | undefined) ?? []).forEach((el, i) => {
    const where: Where = { file: path, element: `edges[${i}]` };
    if (!isRecord(el)) {
      r.problems.push(problemAt(where, 'malformed_file', 'expected an edge object with "source" and "target"'));
      return;
    }
    const e = flatEdgeKeyed(where, { id: el.key, source: el.source, target: el.target }, isRecord(el.attributes) ? el.attributes : {}, r.problems);
    if (type === 'undirected' || (type === 'mixed' && el.undirected === true)) {
      e.undirected = true;
      undirected++;
    }
    r.edges.push(e);
  });
  if (undirected > 0) r.undirectedEdges = undirected;
  return r;
}
