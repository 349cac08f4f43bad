/**
 * Cytoscape JSON to common records, in every shape cytoscape.js (`cy.add(...)`, `cy.json()`) and Cytoscape
 * desktop write: an element array (edges told by `group: "edges"` or by `data.source` / `data.target`), a bare
 * `{nodes, edges}`, or `{elements: [...] | {nodes, edges}}` with graph `data`. Compound parents
 * (`data.parent`) are node attributes, not edges; a node's `position` is where the file draws it; the graph
 * `data` other than its name (Cytoscape desktop's network table) are graph attributes. mechkg's own .cyjs
 * carries its registry in `data.mechkg`. Styles (`style`) are not read; an element's `classes` (cytoscape.js's
 * style classes, a string of names or a list) are kept as its attribute `classes`, a list of names.
 */
import type { AttributeValue } from '../model/types.js';
import { DERIVED_ON_IMPORTED_EDGE, DERIVED_ON_IMPORTED_NODE, flatEdge, flatNode } from './flat-record.js';
import { attributeBag, emptyRecords, isRecord, jsonField, positionOf, problemAt, type RecordsIn, type Where } from './records.js';

export type CytoscapeShape = 'element array' | '{nodes, edges}' | '{elements}';

/** The Cytoscape shape of a parsed JSON document, or null when it is none of them. */
export function cytoscapeShape(doc: unknown): CytoscapeShape | null {
  const isElement = (el: unknown) => isRecord(el) && isRecord(el.data);
  if (Array.isArray(doc)) return doc.length === 0 || doc.every(isElement) ? 'element array' : null;
  if (!isRecord(doc)) return null;
  if ('elements' in doc) {
    const els = doc.elements;
    return Array.isArray(els) || (isRecord(els) && (els.nodes === undefined || Array.isArray(els.nodes)) && (els.edges === undefined || Array.isArray(els.edges))) ? '{elements}' : null;
  }
  const nodes = doc.nodes;
  const edges = doc.edges;
  if ((nodes === undefined || Array.isArray(nodes)) && (edges === undefined || Array.isArray(edges)) && (nodes !== undefined || edges !== undefined)) {
    const all = [...((nodes as unknown[] | undefined) ?? []).slice(0, 5), ...((edges as unknown[] | undefined) ?? []).slice(0, 5)];
    return all.length > 0 && all.every(isElement) ? '{nodes, edges}' : null;
  }
  return null;
}

export function readCytoscapeJson(path: string, doc: unknown, shape: CytoscapeShape): RecordsIn {
  const r = emptyRecords(`Cytoscape JSON (${shape})`);
  let nodes: { el: unknown; element: string }[] = [];
  let edges: { el: unknown; element: string }[] = [];
  const isEdge = (el: unknown) => isRecord(el) && (el.group === 'edges' || (el.group !== 'nodes' && isRecord(el.data) && el.data.source !== undefined && el.data.target !== undefined));
  const split = (list: unknown[], base: string) => {
    list.forEach((el, i) => (isEdge(el) ? edges : nodes).push({ el, element: `${base}[${i}]` }));
  };
  if (shape === 'element array') split(doc as unknown[], '');
  else {
    const d = doc as Record<string, unknown>;
    const container = shape === '{elements}' ? d.elements : d;
    const base = shape === '{elements}' ? 'elements' : '';
    if (Array.isArray(container)) split(container, base);
    else {
      const c = container as Record<string, unknown>;
      nodes = ((c.nodes as unknown[] | undefined) ?? []).map((el, i) => ({ el, element: `${base ? base + '.' : ''}nodes[${i}]` }));
      edges = ((c.edges as unknown[] | undefined) ?? []).map((el, i) => ({ el, element: `${base ? base + '.' : ''}edges[${i}]` }));
    }
    const meta = isRecord(d.data) && isRecord(d.data.mechkg) ? d.data.mechkg : undefined;
    if (meta) {
      if (typeof meta.name === 'string') r.name = meta.name;
      const sources = isRecord(meta.sources) ? meta.sources : {};
      for (const k of Object.keys(sources)) r.sources.push({ where: { file: path, element: `data.mechkg.sources.${k}` }, data: sources[k] });
      const modules = isRecord(meta.modules) ? meta.modules : {};
      for (const k of Object.keys(modules)) r.modules.push({ where: { file: path, element: `data.mechkg.modules.${k}` }, data: modules[k] });
    } else if (isRecord(d.data) && typeof d.data.name === 'string') r.name = d.data.name;
    // the network's other data (Cytoscape desktop's network table: organism, SUID, shared_name ...)
    if (isRecord(d.data)) for (const k of Object.keys(d.data)) if (k !== 'name' && k !== 'mechkg') (r.attributes ??= attributeBag())[k] = d.data[k] as AttributeValue;
  }
  // mechkg's own .cyjs: the fields it derives for imported records are not attributes of them
  const fromMechkg = !Array.isArray(doc) && isRecord((doc as Record<string, unknown>).data) && isRecord(((doc as Record<string, unknown>).data as Record<string, unknown>).mechkg);
  // networkx writes "directed": false for an undirected graph; its edges are read both ways, as in GraphML
  const undirected = !Array.isArray(doc) && (doc as Record<string, unknown>).directed === false;
  let generated = 0;
  for (const { el, element } of nodes) {
    const where: Where = { file: path, element: element || 'element' };
    if (!isRecord(el) || !isRecord(el.data)) {
      r.problems.push(problemAt(where, 'malformed_file', 'expected an element object with a "data" object'));
      continue;
    }
    const d = el.data;
    let id = d.id ?? d.value;
    if (id === undefined || id === null || id === '') {
      // cytoscape.js gives an element without an id a generated one
      id = `${path.replace(/^.*[\\/]/, '')}#node${++generated}`;
    }
    const n = flatNode(where, id, d, fromMechkg ? DERIVED_ON_IMPORTED_NODE : undefined);
    if (fromMechkg) putBackReserved(d, n.attributes, where, r);
    keepClasses(el, n.attributes);
    const position = isRecord(el.position) ? positionOf(el.position.x, el.position.y) : undefined;
    if (position) n.position = position;
    r.nodes.push(n);
  }
  for (const { el, element } of edges) {
    const where: Where = { file: path, element: element || 'element' };
    if (!isRecord(el) || !isRecord(el.data)) {
      r.problems.push(problemAt(where, 'malformed_file', 'expected an element object with a "data" object'));
      continue;
    }
    const d = el.data;
    const e = flatEdge(where, { id: d.id ?? d.key, source: d.source, target: d.target }, d, r.problems, fromMechkg ? DERIVED_ON_IMPORTED_EDGE : undefined);
    // networkx's cytoscape_data writes a multigraph's keys (unique per node pair only) and no id
    if ((d.id === undefined || d.id === null) && d.key !== undefined && d.key !== null) r.keysPerPair = true;
    if (fromMechkg) putBackReserved(d, e.attributes, where, r);
    if (undirected) e.undirected = true;
    // mechkg's own .cyjs: `key` is the id the original file gave the edge (a networkx key), when mechkg renamed it
    if (fromMechkg && d.id !== undefined && d.key !== undefined && d.key !== null && String(d.key) !== String(d.id)) e.fileId = String(d.key);
    keepClasses(el, e.attributes);
    r.edges.push(e);
    // flat copies of the cited source records (mechkg's .cyjs, for tools that keep only flat columns)
    const cited = e.own ? jsonField(d.sources_json, 'sources_json', where, r.problems, e.id) : undefined;
    if (Array.isArray(cited)) for (const s of cited) r.sources.push({ where, data: s });
  }
  if (undirected && r.edges.length > 0) r.undirectedEdges = r.edges.length;
  if (generated > 0) r.problems.push({ level: 'warning', code: 'invalid_field', file: path, message: `${generated} node(s) had no id; each was given one as cytoscape.js does (FILE#nodeN)` });
  return r;
}

/** mechkg's own .cyjs: attributes named like a Cytoscape slot (an attribute "id"), carried as JSON text, put back. */
function putBackReserved(d: Record<string, unknown>, attributes: Record<string, AttributeValue>, where: Where, r: RecordsIn): void {
  if (d.mechkg_reserved_attributes === undefined) return;
  const held = jsonField(d.mechkg_reserved_attributes, 'mechkg_reserved_attributes', where, r.problems);
  if (isRecord(held)) for (const k of Object.keys(held)) attributes[k] = held[k] as AttributeValue;
}

/** cytoscape.js element `classes` ("a b" or ["a", "b"]) as the attribute `classes`, unless the data has its own. */
function keepClasses(el: Record<string, unknown>, attributes: Record<string, AttributeValue>): void {
  const given = el.classes;
  const names = typeof given === 'string' ? given.split(/\s+/) : Array.isArray(given) ? given.filter((c): c is string => typeof c === 'string') : [];
  const classes = names.filter((c) => c !== '');
  if (classes.length > 0 && !('classes' in attributes)) attributes.classes = classes;
}
