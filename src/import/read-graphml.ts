/**
 * GraphML to common records, as networkx's read_graphml reads it (which also decides what is broken): the
 * GraphML namespace (or none), typed keys (boolean, int, long, float, double, string) with their defaults, yEd
 * node labels (`y:NodeLabel`), edge ids kept (multigraphs), nodes an edge names but the file does not declare
 * added, and `edgedefault` (undirected when absent) with per-edge `directed`. An undirected edge is read both
 * ways, with a warning. Hyperedges, a `directed` that contradicts the graph's, a value that is not of its
 * key's type and data under an undeclared key are errors, as in networkx. The graph's own <data> are kept as
 * graph attributes (networkx's G.graph). Node positions come from yEd geometry, else from numeric `x` / `y`
 * keys (Gephi's GraphML export writes those, with `r` / `g` / `b` and `size`, which stay attributes). yEd
 * graphics other than label and position (fill, shape, border, line style, arrows) are not kept, with a warning.
 * A yEd group or folder node takes the label and geometry of the drawing yEd shows (its active realizer); the
 * nodes of a nested graph (a group's members) are read flat, each with the attribute `parent` naming the node
 * that holds it (as Cytoscape's compound nodes say it, so the cyjs export draws the group).
 * Keys declared inside a <graph> are read as Gephi reads them (with a warning), and an empty <data/> is the
 * empty string whatever its key's type, as networkx reads it. A node's or edge's <desc> is its description, and
 * its label when it has none (as Gephi shows it).
 */
import type { AttributeValue } from '../model/types.js';
import { DERIVED_ON_IMPORTED_EDGE, DERIVED_ON_IMPORTED_NODE, flatEdgeKeyed, flatNodeKeyed, splitEscapedList } from './flat-record.js';
import { attributeBag, emptyRecords, isRecord, jsonField, lineAt, positionOf, problemAt, type NodePosition, type RecordsIn, type Where } from './records.js';
import { checkXml, parseXml, XML_META, type XmlElement } from './xml-document.js';
import { isYedLiveStyle, yedLiveLabel, yedLivePosition, yedLiveRole, yedLiveUserTag } from './yed-live.js';

type El = XmlElement;
const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';

interface Key {
  name: string;
  for: string;
  type: string;
  default?: string;
  yfiles?: string;
}

const asArray = (v: unknown): El[] => (Array.isArray(v) ? (v as El[]) : v === undefined ? [] : [v as El]);

export function readGraphml(path: string, text: string): RecordsIn {
  const r = emptyRecords('GraphML');
  // networkx's write_graphml writes a multigraph's keys as edge ids, and they count per node pair (0, 1, ... for each)
  r.keysPerPair = true;
  if (!checkXml(path, text, r)) return r;
  const root = /<graphml\b([^>]*)>/.exec(text);
  const ns = root ? /\sxmlns\s*=\s*["']([^"']*)["']/.exec(root[1]!) : null;
  if (!root || (ns && ns[1] !== GRAPHML_NS)) {
    const at = root ? lineAt(text, root.index).line : 1;
    r.problems.push({ level: 'error', code: 'malformed_file', file: path, line: at, message: root ? `not GraphML: the <graphml> element is in namespace "${ns![1]}", not ${GRAPHML_NS} (networkx reads no graph from it)` : 'not GraphML: no <graphml> element' });
    return r;
  }
  const parsed = parseXml(path, text, r, { arrays: ['key', 'graph', 'node', 'edge', 'data', 'hyperedge'], trimValues: false });
  if (!parsed) return r;
  const { doc, lineOf } = parsed;
  const g = doc.graphml as El | undefined;
  const graph = asArray(g?.graph)[0];
  if (!g || !graph) {
    r.problems.push({ level: 'error', code: 'malformed_file', file: path, message: 'expected a <graphml> element with a <graph>' });
    return r;
  }
  const graphs = asArray(g.graph);
  if (graphs.length > 1) {
    const line = lineOf(graphs[1]!);
    r.problems.push({ level: 'warning', code: 'invalid_field', file: path, ...(line !== undefined ? { line } : {}), message: `the file holds ${graphs.length} <graph> elements; only the first is read, as networkx's read_graphml does (the others' nodes and edges are not loaded)` });
  }
  const { keys, nested } = declaredKeys(g, graph);
  if (nested.length > 0) {
    const line = lineOf(nested[0]!);
    r.problems.push({ level: 'warning', code: 'invalid_field', file: path, ...(line !== undefined ? { line } : {}), message: `${nested.length} <key> declaration(s) inside a <graph>: read as Gephi reads them, but GraphML puts keys under <graphml> and networkx rejects the file's data` });
  }
  /** The key a <data key="id"> of an element of this kind reads: the one declared for its kind, else for all, else any. */
  const keyOf = (id: string, kind: 'node' | 'edge' | 'graph'): Key | undefined => {
    const declared = keys.get(id);
    return declared?.find((k) => k.for === kind) ?? declared?.find((k) => k.for === 'all') ?? declared?.[0];
  };

  /** mechkg's own GraphML (known from the graph's <data>): its yEd graphics only draw what its keys say. */
  let ownFile = false;
  /** Elements whose yEd graphics carried more than the label and position (reported once, below). */
  const styled = { node: 0, edge: 0 };
  /** <data> values that hold XML elements, not text (reported once, below). */
  const markup = { count: 0, keys: new Set<string>() };
  /** The typed fields of an element: its <data> by key name, defaults for the keys it lacks (not for the graph, as networkx). */
  const fieldsOf = (el: El, kind: 'node' | 'edge' | 'graph', where: Where): Record<string, unknown> => {
    const out: Record<string, unknown> = Object.create(null);
    const given = new Set<string>();
    for (const d of asArray(el.data)) {
      const keyId = String(d['@_key'] ?? '');
      const key = keyOf(keyId, kind);
      if (!key) {
        r.problems.push(problemAt(where, 'invalid_field', `<data key="${keyId}">: no <key id="${keyId}"> is declared (networkx rejects this)`));
        continue;
      }
      if (key.yfiles?.startsWith('live:')) {
        // yEd Live (yFiles for HTML): labels are the name, NodeGeometry the position (below); styles, folding
        // state and shared resources are drawing, not attributes
        const role = key.yfiles.slice(5);
        if (role === 'UserTags') {
          // the items' user data (yFiles' tag), not drawing: kept, its <y:Json> as the JSON value
          const tag = yedLiveUserTag(d);
          if (tag !== undefined) out[key.name] = tag;
          continue;
        }
        if (role === 'NodeLabels' || role === 'EdgeLabels') {
          const label = yedLiveLabel(d);
          if (label !== undefined) out.label = label;
        } else if (isYedLiveStyle(role, d) && kind !== 'graph') styled[kind]++;
        continue;
      }
      if (key.yfiles) {
        if ((key.yfiles === 'nodegraphics' || key.yfiles === 'edgegraphics') && !ownFile) {
          const label = yfilesLabel(d);
          if (label !== undefined) out.label = label;
          if (hasYfilesStyle(d) && kind !== 'graph') styled[kind]++;
        }
        continue;
      }
      given.add(keyId);
      // an empty <data/> (yEd writes one for every url and description) is the empty string whatever the key's
      // type: networkx reads it so, and refuses none
      if (typeof d['#text'] !== 'string') {
        // a <data> holding XML elements rather than text (another tool's markup): not a value networkx keeps either
        if (Object.keys(d).some((k) => !k.startsWith('@_') && k !== '#text')) {
          markup.count++;
          markup.keys.add(key.name);
          continue;
        }
        out[key.name] = '';
        continue;
      }
      const value = typed(d['#text'], key, where, `<data key="${keyId}">`);
      if (value !== undefined) out[key.name] = value;
    }
    for (const [id, declared] of keys) {
      const key = declared.find((k) => k.for === kind) ?? declared.find((k) => k.for === 'all');
      if (kind === 'graph' || given.has(id) || !key || key.default === undefined || key.yfiles?.startsWith('live:')) continue;
      const value = typed(key.default, key, where, `<key id="${id}"> default`);
      if (value !== undefined && !(key.name in out)) out[key.name] = value;
    }
    return out;
  };
  const typed = (raw: string, key: Key, where: Where, what: string): AttributeValue | undefined => {
    const t = key.type.toLowerCase();
    const v = raw.trim();
    if (t === 'boolean') {
      const b = v.toLowerCase();
      if (b === 'true' || b === '1') return true;
      if (b === 'false' || b === '0') return false;
    } else if (t === 'int' || t === 'long') {
      // a whole number past 2^53 (a 64-bit long) would be rounded as a JavaScript number: kept as its exact digits
      if (/^[+-]?\d+$/.test(v)) return Number.isSafeInteger(Number(v)) ? Number(v) : v;
    } else if (t === 'float' || t === 'double') {
      if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v)) return Number(v);
      if (/^[+-]?(inf|infinity|nan)$/i.test(v)) return v;
    } else return raw;
    r.problems.push(problemAt(where, 'invalid_field', `${what}: "${raw.slice(0, 40)}" is not a ${t} (attribute "${key.name}"; networkx rejects the file)`));
    return undefined;
  };

  const gw: Where = { file: path, element: '<graph>' };
  const gd = fieldsOf(graph, 'graph', gw);
  if (typeof gd.name === 'string' && gd.name) r.name = gd.name;
  const sources = jsonField(gd.mechkg_sources, 'mechkg_sources', gw, r.problems);
  if (isRecord(sources)) for (const k of Object.keys(sources)) r.sources.push({ where: { ...gw, element: `<graph> mechkg_sources.${k}` }, data: sources[k] });
  const modules = jsonField(gd.mechkg_modules, 'mechkg_modules', gw, r.problems);
  if (isRecord(modules)) for (const k of Object.keys(modules)) r.modules.push({ where: { ...gw, element: `<graph> mechkg_modules.${k}` }, data: modules[k] });


  // mechkg's own GraphML: its derived fields on imported records are not attributes, and the columns
  // GraphML cannot type (lists, JSON) are named in mechkg_attribute_types
  const fromMechkg = 'mechkg_sources' in gd || 'mechkg_modules' in gd;
  ownFile = fromMechkg;
  const declared = jsonField(gd.mechkg_attribute_types, 'mechkg_attribute_types', gw, r.problems);
  const untyped = (kind: 'node' | 'edge'): Record<string, unknown> => (isRecord(declared) && isRecord(declared[kind]) ? declared[kind] : {});
  const decode = (fields: Record<string, unknown>, kind: 'node' | 'edge' | 'graph', where: Where): Record<string, unknown> => {
    const types = kind === 'graph' ? (isRecord(graphTypes) ? graphTypes : {}) : untyped(kind);
    for (const k of Object.keys(types)) {
      const v = fields[k];
      if (typeof v !== 'string') continue;
      const t = types[k];
      if (t === 'json') fields[k] = jsonField(v, k, where, r.problems);
      else if (t === 'list_of_string') fields[k] = splitEscapedList(v);
      else if (t === 'list_of_long' || t === 'list_of_double') fields[k] = splitEscapedList(v).map(Number);
      else if (t === 'list_of_boolean') fields[k] = splitEscapedList(v).map((x) => x === 'true');
    }
    return fields;
  };
  // the graph's other <data> (networkx's G.graph); mechkg's own GraphML types its lists and JSON in mechkg_graph_attribute_types
  const graphTypes = jsonField(gd.mechkg_graph_attribute_types, 'mechkg_graph_attribute_types', gw, r.problems);
  const graphFields = decode(Object.fromEntries(Object.entries(gd).filter(([k]) => k !== 'name' && !k.startsWith('mechkg_'))), 'graph', gw);
  for (const k of Object.keys(graphFields)) (r.attributes ??= attributeBag())[k] = graphFields[k] as AttributeValue;
  const directed = graph['@_edgedefault'] === 'directed';
  // Nested graphs (a node holding a <graph>) are flattened, as networkx does for yEd groups (networkx 3.6 drops
  // the nested graph of any other node, with its nodes and edges; mechkg keeps them); walked with a stack, not recursion.
  const stack: { gr: El; parent?: string }[] = [{ gr: graph }];
  let nodeNo = 0;
  let edgeNo = 0;
  while (stack.length > 0) {
    const { gr, parent } = stack.pop()!;
    for (const h of asArray(gr.hyperedge)) {
      const line = lineOf(h);
      r.problems.push({ level: 'error', code: 'malformed_file', file: path, ...(line !== undefined ? { line } : {}), message: '<hyperedge>: hyperedges are not supported (networkx rejects them too); an edge joins two nodes' });
    }
    for (const el of asArray(gr.node)) {
      const id = el['@_id'];
      const line = lineOf(el);
      const where: Where = { file: path, ...(line !== undefined ? { line } : {}), element: `<node${typeof id === 'string' ? ` id="${id}"` : ''}> #${++nodeNo}` };
      if (typeof id !== 'string') {
        r.problems.push(problemAt(where, 'invalid_field', 'a <node> needs an id'));
        continue;
      }
      // a <data> named "id" (igraph and networkx write a node attribute "id" so) is an attribute: the node's id is its XML id
      const n = flatNodeKeyed(where, id, withDesc(el, decode(fieldsOf(el, 'node', where), 'node', where)), fromMechkg ? DERIVED_ON_IMPORTED_NODE : undefined);
      const position = yfilesPosition(el, (id) => keyOf(id, 'node')) ?? xyPosition(n.attributes);
      if (position) n.position = position;
      r.nodes.push(n);
      // a node of a nested graph (a yEd group's member) names the node holding it, as a Cytoscape compound node does
      if (parent !== undefined && !('parent' in n.attributes)) n.attributes.parent = parent;
      for (const inner of asArray(el.graph)) stack.push({ gr: inner, parent: id });
    }
    for (const el of asArray(gr.edge)) {
      const id = el['@_id'];
      const line = lineOf(el);
      const where: Where = { file: path, ...(line !== undefined ? { line } : {}), element: `<edge${typeof id === 'string' ? ` id="${id}"` : ''}> #${++edgeNo}` };
      const own = el['@_directed'];
      if (own === 'false' && directed) {
        r.problems.push(problemAt(where, 'invalid_field', 'directed="false" edge in a graph with edgedefault="directed": a mixed graph, as Gephi exports one to GraphML; networkx rejects mixed graphs, and so does mechkg here (export GEXF from Gephi instead: mechkg reads each edge\'s direction there)'));
        continue;
      }
      if (own === 'true' && !directed) {
        r.problems.push(problemAt(where, 'invalid_field', 'directed="true" edge in an undirected graph (networkx rejects mixed graphs)'));
        continue;
      }
      const fields = withDesc(el, decode(fieldsOf(el, 'edge', where), 'edge', where));
      // Gephi writes an edge's type label as a `label` XML attribute of <edge> (not a <data>): kept as the attribute "label"
      if (typeof el['@_label'] === 'string' && el['@_label'] !== '' && !('label' in fields)) fields.label = el['@_label'];
      // networkx keeps a simple graph's GraphML edge id as the edge attribute "id", and write_graphml writes that back
      // as a <data> named "id" with no XML id: then it is the edge's id; beside an XML id, an attribute
      const dataId = fields.id;
      if (id === undefined && (typeof dataId === 'string' || typeof dataId === 'number')) delete fields.id;
      const e = flatEdgeKeyed(where, { id: id ?? dataId, source: el['@_source'], target: el['@_target'] }, fields, r.problems, fromMechkg ? DERIVED_ON_IMPORTED_EDGE : undefined);
      if (!directed) e.undirected = true;
      r.edges.push(e);
    }
  }
  if (!directed && r.edges.length > 0) r.undirectedEdges = r.edges.length;
  if (markup.count > 0) {
    r.problems.push({ level: 'warning', code: 'invalid_field', file: path, message: `${markup.count} <data> value(s) of ${[...markup.keys].slice(0, 5).map((k) => `"${k}"`).join(', ')} hold XML elements, not text: not kept (networkx does not keep them either)` });
  }
  if (styled.node + styled.edge > 0) {
    const what = [styled.node ? `${styled.node} node(s)` : '', styled.edge ? `${styled.edge} edge(s)` : ''].filter(Boolean).join(' and ');
    r.problems.push({ level: 'warning', code: 'invalid_field', file: path, message: `yEd graphics of ${what} (fill, shape, border, line style, arrows) are not kept: mechkg keeps each node's label and position, and draws with its own styles` });
  }
  return r;
}

/**
 * An element's GraphML <desc> (its description, in the GraphML schema) as its description, and as its label when
 * it has none, as Gephi's importer shows it (its GraphMLTest reads "Node Zero" from <desc>Node Zero</desc>).
 */
function withDesc(el: El, fields: Record<string, unknown>): Record<string, unknown> {
  const d = el.desc;
  const desc = (typeof d === 'string' ? d : isRecord(d) && typeof d['#text'] === 'string' ? d['#text'] : '').trim();
  if (desc === '') return fields;
  if (fields.description === undefined) fields.description = desc;
  if ((fields.label === undefined || fields.label === '') && (fields.name === undefined || fields.name === '')) fields.label = desc;
  return fields;
}

/** Gephi's GraphML position: numeric `x` and `y` keys (kept as attributes too). */
function xyPosition(attributes: Readonly<Record<string, AttributeValue>>): NodePosition | undefined {
  const { x, y } = attributes;
  return typeof x === 'number' && typeof y === 'number' ? positionOf(x, y) : undefined;
}

/**
 * The drawings of a yEd graphics <data>: each ShapeNode, GenericNode, SVGNode, PolyLineEdge ... it holds; for a
 * group or folder (a ProxyAutoBoundsNode, whose Realizers hold an open and a closed drawing) the one its
 * `active` attribute names, as yEd shows it.
 */
function yfilesDrawings(d: El): El[] {
  const out: El[] = [];
  for (const shape of Object.keys(d)) {
    if (shape.startsWith('@_') || shape === '#text') continue;
    for (const s of asArray(d[shape])) {
      if (!isRecord(s)) continue;
      const realizers = asArray(s.Realizers).find(isRecord);
      if (!realizers) {
        out.push(s);
        continue;
      }
      const shown = Object.keys(realizers).filter((k) => !k.startsWith('@_') && k !== '#text' && k !== XML_META).flatMap((k) => asArray(realizers[k]).filter(isRecord));
      const active = Number(realizers['@_active'] ?? 0);
      const drawing = shown[Number.isInteger(active) && active >= 0 && active < shown.length ? active : 0];
      if (drawing) out.push(drawing);
    }
  }
  return out;
}

/** A yEd graphics <data> that says more than a label and a geometry (a fill, shape, border, line style ...). */
function hasYfilesStyle(d: El): boolean {
  return yfilesDrawings(d).some((s) => Object.keys(s).some((k) => !k.startsWith('@_') && !['#text', 'Geometry', 'NodeLabel', 'EdgeLabel', 'Path'].includes(k) && k !== XML_META));
}

/** The text of a yEd NodeLabel / EdgeLabel inside a graphics <data> (ShapeNode, GenericNode, GroupNode, PolyLineEdge ...). */
function yfilesLabel(d: El): string | undefined {
  for (const s of yfilesDrawings(d)) {
    for (const l of asArray(s.NodeLabel ?? s.EdgeLabel)) {
      const t = typeof l === 'string' ? l : isRecord(l) && typeof l['#text'] === 'string' ? l['#text'] : undefined;
      if (t !== undefined && t.trim() !== '') return t.trim();
    }
  }
  return undefined;
}

/** The centre of a node's yEd geometry (`<y:Geometry x y width height>`: x and y are its top-left corner). */
function yfilesPosition(el: El, keyOf: (id: string) => Key | undefined): NodePosition | undefined {
  for (const d of asArray(el.data)) {
    const role = keyOf(String(d['@_key'] ?? ''))?.yfiles;
    if (role === 'live:NodeGeometry') {
      const position = yedLivePosition(d);
      if (position) return position;
    }
    if (role !== 'nodegraphics') continue;
    for (const s of yfilesDrawings(d)) {
      for (const g of asArray(s.Geometry)) {
        if (!isRecord(g)) continue;
        const [x, y, w, h] = ['@_x', '@_y', '@_width', '@_height'].map((k) => Number(g[k] ?? NaN));
        const position = positionOf(x! + (Number.isFinite(w) ? w! / 2 : 0), y! + (Number.isFinite(h) ? h! / 2 : 0));
        if (position) return position;
      }
    }
  }
  return undefined;
}

/**
 * The <key> declarations by id. GraphML puts them under <graphml>; Gephi's reader also takes them inside a
 * <graph> (and its test files put them there), and one id may be declared once per domain (for="node" and
 * for="edge"), so each id maps to its declarations.
 */
function declaredKeys(g: El, graph: El): { keys: Map<string, Key[]>; nested: El[] } {
  const keys = new Map<string, Key[]>();
  const nested: El[] = [];
  const declare = (k: El) => {
    const id = String(k['@_id'] ?? '');
    const def = k.default;
    const key: Key = { name: String(k['@_attr.name'] ?? id), for: String(k['@_for'] ?? 'all'), type: String(k['@_attr.type'] ?? 'string') };
    if (def !== undefined) key.default = typeof def === 'string' ? def : isRecord(def) && typeof def['#text'] === 'string' ? def['#text'] : '';
    if (typeof k['@_yfiles.type'] === 'string') key.yfiles = k['@_yfiles.type'] as string;
    const live = yedLiveRole(k['@_attr.uri']);
    if (live !== undefined) key.yfiles = `live:${live}`;
    const same = keys.get(id);
    if (!same) keys.set(id, [key]);
    else if (!same.some((s) => s.for === key.for)) same.push(key);
    else same[same.findIndex((s) => s.for === key.for)] = key; // declared twice for one domain: the later wins (networkx)
  };
  for (const k of asArray(g.key)) declare(k);
  // keys inside graphs, nested ones too (walked with a stack)
  const stack: El[] = [graph];
  while (stack.length > 0) {
    const gr = stack.pop()!;
    for (const k of asArray(gr.key)) {
      declare(k);
      nested.push(k);
    }
    for (const n of asArray(gr.node)) for (const inner of asArray(n.graph)) stack.push(inner);
  }
  return { keys, nested };
}
