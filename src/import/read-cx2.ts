/**
 * CX2 (Cytoscape Exchange 2.0: NDEx, Cytoscape Web, Cytoscape desktop) to common records. Aspects may come in
 * fragments (joined in order); attribute aliases and defaults from attributeDeclarations are applied; a node's
 * id is its CX2 id as text (what the file gives; `represents`, `name` and the rest are its fields), an edge's
 * `s` / `t` name nodes by that id. A file whose status says it failed, or that has no status (cut off), is
 * refused, as the spec asks. mechkg's own CX2 (networkAttributes `mechkg_format`) carries each record's mechkg id
 * and its registry, and comes back as it went out. Node coordinates (x, y) are kept; visual properties are not read.
 */
import { CX2_DERIVED_ON_IMPORTED_EDGE, CX2_DERIVED_ON_IMPORTED_NODE, flatEdge, flatNode } from './flat-record.js';
import type { AttributeValue } from '../model/types.js';
import { attributeBag, emptyRecords, isRecord, jsonField, positionOf, problemAt, type RecordsIn, type Where } from './records.js';

/** Whether a parsed JSON document is CX2 (an array whose first object is the CX descriptor). */
export function isCx2(doc: unknown): boolean {
  return Array.isArray(doc) && isRecord(doc[0]) && typeof doc[0].CXVersion === 'string';
}

/** Whether it is CX version 1 (an aspect array that starts with numberVerification), which mechkg does not read. */
export function isCx1(doc: unknown): boolean {
  return Array.isArray(doc) && isRecord(doc[0]) && 'numberVerification' in doc[0];
}

type Declared = Record<string, { d?: unknown; a?: unknown; v?: unknown }>;

export function readCx2(path: string, doc: unknown[]): RecordsIn {
  const r = emptyRecords('CX2');
  const fail = (element: string, message: string) => r.problems.push(problemAt({ file: path, element }, 'malformed_file', message));
  const version = String((doc[0] as Record<string, unknown>).CXVersion);
  if (!/^2\./.test(version)) {
    fail('[0]', `CXVersion "${version}": mechkg reads CX 2.x`);
    return r;
  }
  const aspects = new Map<string, { items: unknown[]; at: string[] }>();
  doc.slice(1).forEach((block, i) => {
    if (!isRecord(block)) return fail(`[${i + 1}]`, 'an aspect block must be an object with one aspect name');
    for (const name of Object.keys(block)) {
      const items = block[name];
      if (!Array.isArray(items)) return fail(`[${i + 1}].${name}`, 'an aspect holds a list of elements');
      const a = aspects.get(name) ?? { items: [], at: [] };
      items.forEach((x, j) => {
        a.items.push(x);
        a.at.push(`[${i + 1}].${name}[${j}]`);
      });
      aspects.set(name, a);
    }
  });
  const status = aspects.get('status')?.items[0];
  if (!isRecord(status)) fail('status', 'no status aspect: the CX2 stream is incomplete (the spec asks readers to treat this as an I/O error)');
  else if (status.success === false) fail('status', `the file's producer reports that writing it failed${status.error ? `: ${String(status.error)}` : ''}`);

  const declarations: Record<'nodes' | 'edges' | 'networkAttributes', Declared> = { nodes: {}, edges: {}, networkAttributes: {} };
  for (const d of aspects.get('attributeDeclarations')?.items ?? []) {
    if (!isRecord(d)) continue;
    for (const k of ['nodes', 'edges', 'networkAttributes'] as const) if (isRecord(d[k])) Object.assign(declarations[k], d[k]);
  }
  /** An element's attributes by their full names, with declared defaults filled in. */
  const attributes = (v: unknown, kind: 'nodes' | 'edges'): Record<string, unknown> => {
    const decl = declarations[kind];
    const alias = new Map<string, string>();
    for (const name of Object.keys(decl)) if (typeof decl[name]!.a === 'string') alias.set(decl[name]!.a as string, name);
    const out: Record<string, unknown> = Object.create(null);
    if (isRecord(v)) for (const k of Object.keys(v)) out[alias.get(k) ?? k] = v[k];
    for (const name of Object.keys(decl)) if (!(name in out) && decl[name]!.v !== undefined) out[name] = decl[name]!.v;
    return out;
  };

  const net = aspects.get('networkAttributes')?.items[0];
  const networkAt: Where = { file: path, element: 'networkAttributes[0]' };
  const na = isRecord(net) ? net : {};
  if (typeof na.name === 'string' && na.name) r.name = na.name;
  const fromMechkg = na.mechkg_format === 'mechkg-cx2';
  if (fromMechkg) {
    const sources = jsonField(na.mechkg_sources, 'mechkg_sources', networkAt, r.problems);
    if (isRecord(sources)) for (const k of Object.keys(sources)) r.sources.push({ where: { ...networkAt, element: `networkAttributes mechkg_sources.${k}` }, data: sources[k] });
    const modules = jsonField(na.mechkg_modules, 'mechkg_modules', networkAt, r.problems);
    if (isRecord(modules)) for (const k of Object.keys(modules)) r.modules.push({ where: { ...networkAt, element: `networkAttributes mechkg_modules.${k}` }, data: modules[k] });
  }
  const jsonColumns = fromMechkg ? jsonField(na.mechkg_json_attributes, 'mechkg_json_attributes', networkAt, r.problems) : undefined;
  // the network's own attributes: all but its name in a foreign file; in mechkg's, those it lists as the original file's
  const listed = fromMechkg ? jsonField(na.mechkg_graph_attributes, 'mechkg_graph_attributes', networkAt, r.problems) : undefined;
  const networkJson = new Set(isRecord(jsonColumns) && Array.isArray(jsonColumns.network) ? (jsonColumns.network as unknown[]).map(String) : []);
  for (const k of Object.keys(na)) {
    if (k === 'name' || (fromMechkg && !(Array.isArray(listed) && listed.includes(k)))) continue;
    (r.attributes ??= attributeBag())[k] = (networkJson.has(k) && typeof na[k] === 'string' ? jsonField(na[k], k, networkAt, r.problems) : na[k]) as AttributeValue;
  }
  const jsonOf = (kind: 'nodes' | 'edges') => new Set(isRecord(jsonColumns) && Array.isArray(jsonColumns[kind]) ? (jsonColumns[kind] as unknown[]).map(String) : []);
  /** mechkg's own CX2: JSON-text columns parsed, the mechkg id taken out, reserved names put back. */
  const unpack = (d: Record<string, unknown>, json: Set<string>, where: Where): { id: unknown; reserved: Record<string, unknown> } => {
    for (const k of json) if (typeof d[k] === 'string') d[k] = jsonField(d[k], k, where, r.problems);
    const id = d.mechkg_id;
    delete d.mechkg_id;
    const reserved = jsonField(d.mechkg_reserved_attributes, 'mechkg_reserved_attributes', where, r.problems);
    return { id, reserved: isRecord(reserved) ? reserved : {} };
  };

  const nodeJson = jsonOf('nodes');
  const idOf = new Map<string, string>();
  const nodes = aspects.get('nodes') ?? { items: [], at: [] };
  nodes.items.forEach((el, i) => {
    const where: Where = { file: path, element: nodes.at[i]! };
    if (!isRecord(el) || (typeof el.id !== 'number' && typeof el.id !== 'string')) return void r.problems.push(problemAt(where, 'invalid_field', 'a node needs an "id" (a number)'));
    const d = attributes(el.v, 'nodes');
    const own = fromMechkg ? unpack(d, nodeJson, where) : { id: undefined, reserved: {} };
    const id = own.id !== undefined ? String(own.id) : String(el.id);
    if (idOf.has(String(el.id))) r.problems.push(problemAt(where, 'duplicate_id', `node id ${String(el.id)} is used twice`, id));
    idOf.set(String(el.id), id);
    const n = flatNode(where, id, d, fromMechkg ? CX2_DERIVED_ON_IMPORTED_NODE : undefined);
    for (const k of Object.keys(own.reserved)) n.attributes[k] = own.reserved[k] as never;
    const position = positionOf(el.x, el.y);
    if (position) n.position = position;
    r.nodes.push(n);
  });

  const edgeJson = jsonOf('edges');
  const undirected = fromMechkg && na.mechkg_undirected === true;
  const edges = aspects.get('edges') ?? { items: [], at: [] };
  edges.items.forEach((el, i) => {
    const where: Where = { file: path, element: edges.at[i]! };
    if (!isRecord(el)) return void r.problems.push(problemAt(where, 'invalid_field', 'an edge must be an object with "id", "s" and "t"'));
    const end = (k: 's' | 't') => {
      const ref = el[k];
      if (ref === undefined || ref === null) return undefined;
      const id = idOf.get(String(ref));
      if (id === undefined) r.problems.push(problemAt(where, 'dangling_endpoint', `"${k}": ${String(ref)} is not the id of a node in the file`));
      return id;
    };
    const source = end('s');
    const target = end('t');
    if (source === undefined || target === undefined) {
      if (el.s === undefined || el.t === undefined) r.problems.push(problemAt(where, 'invalid_field', 'an edge needs "s" and "t" (its source and target node ids)'));
      return;
    }
    const d = attributes(el.v, 'edges');
    const own = fromMechkg ? unpack(d, edgeJson, where) : { id: undefined, reserved: {} };
    const e = flatEdge(where, { id: own.id ?? el.id, source, target }, d, r.problems, fromMechkg ? CX2_DERIVED_ON_IMPORTED_EDGE : undefined);
    for (const k of Object.keys(own.reserved)) e.attributes[k] = own.reserved[k] as never;
    if (undirected) e.undirected = true;
    r.edges.push(e);
  });
  if (undirected && r.edges.length > 0) r.undirectedEdges = r.edges.length;
  return r;
}
