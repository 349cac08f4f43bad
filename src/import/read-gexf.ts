/**
 * GEXF (Gephi's own format, versions 1.1 to 1.3) to common records, as networkx's read_gexf reads it: node
 * `label`, attribute columns declared in `<attributes class="node|edge">` (typed, with their `<default>`)
 * filled from `<attvalues>` by title, `defaultedgetype` with a per-edge `type` (an undirected edge is read both
 * ways, with a warning; a `mutual` edge is two directed edges), edge `id`, `label` and `weight`, nested `<nodes>`
 * flattened with the parent as `pid`, GEXF 1.2's `<parents>` as the list `parents`. Gephi's drawing is kept: `viz:position` as the node's position,
 * `viz:color` as a `color` attribute (`#rrggbb`, alpha as `color_alpha`), `viz:size` as `size`, `viz:shape` and
 * edge `viz:thickness` as `viz_shape` / `thickness`. `<meta>` (creator, description, keywords) are graph
 * attributes. GEXF 1.3 list types (`listinteger`, `listdouble`, `listboolean`, ...) are lists of their base type.
 * Dynamic graphs: time intervals and timestamps (spells, start / end, timestamp(s)) are not kept, with a warning.
 */
import type { AttributeValue } from '../model/types.js';
import { flatEdgeKeyed, flatNodeKeyed } from './flat-record.js';
import { attributeBag, emptyRecords, isRecord, lineAt, positionOf, problemAt, type RecordsIn, type Where } from './records.js';
import { checkXml, parseXml, type XmlElement } from './xml-document.js';

type El = XmlElement;
const GEXF_NS = /^https?:\/\/(www\.)?gexf\.net\/1\.[0-9](draft)?\/?$/;

interface Column {
  title: string;
  type: string;
  default?: string;
}

/** The XML attributes that put an element or a value in time (GEXF 1.2 intervals, GEXF 1.3 timestamps). */
const TIME_KEYS = ['@_start', '@_end', '@_startopen', '@_endopen', '@_timestamp', '@_timestamps', '@_intervals'];

/**
 * A GEXF 1.3 list value (`listinteger`, `listdouble`, `listboolean`, ... as Gephi writes them: `[1, 2, 3]`, or
 * `|`-separated) as a list of its base type; undefined when an item is not of that type (then kept as text).
 */
function listValue(v: string, base: string): AttributeValue | undefined {
  const items = v.replace(/^\[|\]$/g, '').split(/[|,]/).map((x) => x.trim()).filter((x) => x !== '');
  if (['integer', 'long', 'short', 'byte', 'float', 'double'].includes(base)) {
    return items.every((x) => /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(x)) ? items.map(Number) : undefined;
  }
  if (base === 'boolean') return items.every((x) => /^(true|false)$/i.test(x)) ? items.map((x) => x.toLowerCase() === 'true') : undefined;
  return items;
}

const asArray = (v: unknown): El[] => (Array.isArray(v) ? (v as El[]) : v === undefined || v === '' ? [] : [v as El]);

export function readGexf(path: string, text: string): RecordsIn {
  const r = emptyRecords('GEXF');
  if (!checkXml(path, text, r)) return r;
  const root = /<gexf\b([^>]*)>/.exec(text);
  const ns = root ? /\sxmlns\s*=\s*["']([^"']*)["']/.exec(root[1]!) : null;
  if (!root || (ns && !GEXF_NS.test(ns[1]!))) {
    r.problems.push({ level: 'error', code: 'malformed_file', file: path, line: root ? lineAt(text, root.index).line : 1, message: root ? `not GEXF: the <gexf> element is in namespace "${ns![1]}", not http://gexf.net/1.x` : 'not GEXF: no <gexf> element' });
    return r;
  }
  const parsed = parseXml(path, text, r, { arrays: ['graph', 'attributes', 'attribute', 'nodes', 'node', 'edges', 'edge', 'attvalue', 'spell', 'parent'], trimValues: true });
  if (!parsed) return r;
  const { doc, lineOf } = parsed;
  const gexf = doc.gexf as El | undefined;
  const graph = asArray(gexf?.graph)[0];
  if (!gexf || !graph) {
    r.problems.push({ level: 'error', code: 'malformed_file', file: path, message: 'expected a <gexf> element with a <graph>' });
    return r;
  }
  const gw: Where = { file: path, element: '<graph>' };
  if (isRecord(gexf.meta)) {
    for (const k of ['creator', 'description', 'keywords']) {
      const v = gexf.meta[k];
      if (typeof v === 'string' && v !== '') (r.attributes ??= attributeBag())[k] = v;
    }
    if (typeof gexf.meta['@_lastmodifieddate'] === 'string') (r.attributes ??= attributeBag()).lastmodifieddate = gexf.meta['@_lastmodifieddate'];
  }
  const columns: Record<'node' | 'edge', Map<string, Column>> = { node: new Map(), edge: new Map() };
  for (const a of asArray(graph.attributes)) {
    const cls = a['@_class'] === 'edge' ? 'edge' : 'node';
    for (const c of asArray(a.attribute)) {
      const id = String(c['@_id'] ?? '');
      const col: Column = { title: String(c['@_title'] ?? id), type: String(c['@_type'] ?? 'string').toLowerCase() };
      if (c.default !== undefined) col.default = String(c.default);
      columns[cls].set(id, col);
    }
  }
  let timed = 0;
  const typed = (raw: string, col: Column, where: Where): AttributeValue | undefined => {
    const v = raw.trim();
    const t = col.type;
    if (t === 'integer' || t === 'long' || t === 'short' || t === 'byte') {
      // a whole number past 2^53 (a 64-bit long) would be rounded as a JavaScript number: kept as its exact digits
      if (/^[+-]?\d+$/.test(v)) return Number.isSafeInteger(Number(v)) ? Number(v) : v;
    } else if (t === 'float' || t === 'double') {
      if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v)) return Number(v);
      // xsd:double's INF, -INF and NaN (Gephi writes them; networkx reads them as float): kept as text, as in GraphML, since JSON has no infinity
      if (/^[+-]?(inf|infinity|nan)$/i.test(v)) return v;
    } else if (t === 'boolean') {
      if (/^(true|false|1|0)$/i.test(v)) return /^(true|1)$/i.test(v);
    } else if (t === 'liststring') return v.replace(/^\[|\]$/g, '').split(/[|,]/).map((x) => x.trim()).filter((x) => x !== '');
    else if (t.startsWith('list')) return listValue(v, t.slice(4)) ?? raw;
    else return raw;
    r.problems.push(problemAt(where, 'invalid_field', `attvalue for "${col.title}": "${raw.slice(0, 40)}" is not of type ${t} (networkx rejects the file)`));
    return undefined;
  };
  /** The attribute columns of an element: its attvalues by title, then the columns' defaults. */
  const valuesOf = (el: El, kind: 'node' | 'edge', where: Where): Record<string, unknown> => {
    const out: Record<string, unknown> = Object.create(null);
    if (asArray(el.spells).length || TIME_KEYS.some((k) => el[k] !== undefined)) timed++;
    const attvalues = isRecord(el.attvalues) ? asArray(el.attvalues.attvalue) : [];
    for (const av of attvalues) {
      const id = String(av['@_for'] ?? av['@_id'] ?? '');
      const col = columns[kind].get(id);
      if (!col) {
        r.problems.push(problemAt(where, 'invalid_field', `<attvalue for="${id}">: no <attribute id="${id}"> is declared for ${kind}s`));
        continue;
      }
      if (TIME_KEYS.some((k) => av[k] !== undefined)) timed++;
      if (col.title in out) continue; // a dynamic attribute's later values
      const v = typed(String(av['@_value'] ?? ''), col, where);
      if (v !== undefined) out[col.title] = v;
    }
    for (const col of columns[kind].values()) if (!(col.title in out) && col.default !== undefined) out[col.title] = typed(col.default, col, where);
    return out;
  };
  const viz = (el: El, out: Record<string, unknown>) => {
    const c = el.color;
    if (isRecord(c)) {
      const hex = typeof c['@_hex'] === 'string' ? c['@_hex'] : ['@_r', '@_g', '@_b'].every((k) => c[k] !== undefined) ? '#' + ['@_r', '@_g', '@_b'].map((k) => Math.max(0, Math.min(255, Number(c[k]) | 0)).toString(16).padStart(2, '0')).join('') : undefined;
      if (hex) out.color = hex.toLowerCase();
      if (c['@_a'] !== undefined && Number(c['@_a']) !== 1) out.color_alpha = Number(c['@_a']);
    }
    if (isRecord(el.size) && el.size['@_value'] !== undefined) out.size = Number(el.size['@_value']);
    if (isRecord(el.thickness) && el.thickness['@_value'] !== undefined) out.thickness = Number(el.thickness['@_value']);
    if (isRecord(el.shape) && el.shape['@_value'] !== undefined) out.viz_shape = String(el.shape['@_value']);
  };

  const defaultType = String(graph['@_defaultedgetype'] ?? 'undirected');
  // nested <nodes> (a hierarchy) are flattened, with the parent's id as "pid", as networkx does; walked with a stack
  const stack: { holder: El; pid?: string }[] = [{ holder: graph }];
  let nodeNo = 0;
  while (stack.length > 0) {
    const { holder, pid } = stack.pop()!;
    for (const list of asArray(holder.nodes)) {
      for (const el of asArray(list.node)) {
        const id = el['@_id'];
        const line = lineOf(el);
        const where: Where = { file: path, ...(line !== undefined ? { line } : {}), element: `<node${typeof id === 'string' ? ` id="${id}"` : ''}> #${++nodeNo}` };
        if (typeof id !== 'string') {
          r.problems.push(problemAt(where, 'invalid_field', 'a <node> needs an id'));
          continue;
        }
        const d = valuesOf(el, 'node', where);
        if (typeof el['@_label'] === 'string') d.label = el['@_label'];
        const parent = pid ?? (typeof el['@_pid'] === 'string' ? el['@_pid'] : undefined);
        if (parent !== undefined) d.pid = parent;
        // GEXF 1.2's several parents (<parents><parent for="..."/></parents>), kept as networkx keeps them: "parents"
        const parents = isRecord(el.parents) ? asArray(el.parents.parent).map((p) => p['@_for']).filter((p): p is string => typeof p === 'string') : [];
        if (parents.length > 0) d.parents = parents;
        viz(el, d);
        const n = flatNodeKeyed(where, id, d);
        const p = isRecord(el.position) ? el.position : undefined;
        const position = p ? positionOf(Number(p['@_x']), Number(p['@_y'])) : undefined;
        if (position) n.position = position;
        if (p && p['@_z'] !== undefined && Number(p['@_z']) !== 0) n.attributes.z = Number(p['@_z']);
        r.nodes.push(n);
        if (el.nodes !== undefined) stack.push({ holder: el, pid: id });
      }
    }
  }
  let edgeNo = 0;
  let undirected = 0;
  for (const list of asArray(graph.edges)) {
    for (const el of asArray(list.edge)) {
      const id = el['@_id'];
      const line = lineOf(el);
      const where: Where = { file: path, ...(line !== undefined ? { line } : {}), element: `<edge${typeof id === 'string' ? ` id="${id}"` : ''}> #${++edgeNo}` };
      const d = valuesOf(el, 'edge', where);
      if (typeof el['@_label'] === 'string') d.label = el['@_label'];
      if (el['@_weight'] !== undefined) d.weight = Number(el['@_weight']);
      if (typeof el['@_kind'] === 'string') d.kind = el['@_kind'];
      viz(el, d);
      const type = String(el['@_type'] ?? defaultType);
      const e = flatEdgeKeyed(where, { id, source: el['@_source'], target: el['@_target'] }, d, r.problems);
      if (type === 'undirected') {
        e.undirected = true;
        undirected++;
      }
      r.edges.push(e);
      if (type === 'mutual') r.edges.push({ ...flatEdgeKeyed(where, { id: typeof id === 'string' ? `${id}~mutual` : undefined, source: el['@_target'], target: el['@_source'] }, d, r.problems) });
    }
  }
  if (undirected > 0) r.undirectedEdges = undirected;
  if (timed > 0) r.problems.push({ level: 'warning', code: 'invalid_field', file: path, message: `the graph is dynamic: the time intervals of ${timed} element(s) or value(s) (spells, start / end, timestamps) are not kept; each attribute keeps its first value` });
  void gw;
  return r;
}
