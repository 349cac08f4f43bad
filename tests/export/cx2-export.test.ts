/**
 * The CX2 export checked against the structure the CX2 specification (Cytoscape Exchange Format 2.0) lays down:
 * the descriptor first and the status last, one aspect per block, attributeDeclarations before the aspects it
 * declares, every attribute declared with one of the spec's types and every value of that type, integer node
 * ids, edges whose s / t are node ids, x and y on all nodes or none, one networkAttributes element, portable
 * visual properties with the spec's mapping types and shape values. Then the reader: a CX2 file written the
 * way NDEx writes them (aliases, defaults, fragments) comes in, and broken ones are refused with a reason.
 * No JSON Schema for CX2 is published; the checker also applies the rules of a real consumer's validator,
 * Cytoscape Web's (cytoscape/cytoscape-web src/models/CxModel/impl/validator.ts, read, not copied): a metaData
 * aspect naming only aspects the document has, every node and edge with an id, edge ends among the nodes, and
 * network attribute declarations without an alias (`a`) or default (`v`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportGraph, selectPaths, toCx2 } from '../../src/export/index.js';
import { importGraph, tryImportGraph } from '../../src/import/index.js';
import { placeDiagram, type PositionsFile } from '../../src/layout/place-diagram.js';
import { loadGraph } from '../../src/node.js';
import { readLayoutPositions } from '../../src/node/read-positions.js';
import { tryImportGraphFile } from '../../src/node/import-graph-file.js';
import { HOSTILE, hostileGraph } from './graph-fixtures.js';

const TYPES = new Set(['string', 'long', 'integer', 'double', 'boolean', 'list_of_string', 'list_of_long', 'list_of_integer', 'list_of_double', 'list_of_boolean']);
const NODE_SHAPES = new Set(['ellipse', 'triangle', 'rectangle', 'round-rectangle', 'parallelogram', 'diamond', 'hexagon', 'octagon', 'vee']);
const ARROWS = new Set(['none', 'triangle', 'triangle-cross', 'square', 'diamond', 'circle', 'arrow', 'open_circle', 'cross_open_delta', 'open_diamond', 'open_square', 'open_delta', 'tee']);

function ofType(type: string, v: unknown): boolean {
  if (type.startsWith('list_of_')) return Array.isArray(v) && v.every((x) => ofType(type.slice(8), x));
  if (type === 'string') return typeof v === 'string';
  if (type === 'boolean') return typeof v === 'boolean';
  if (type === 'double') return typeof v === 'number' && Number.isFinite(v);
  if (type === 'integer') return Number.isInteger(v) && Math.abs(v as number) <= 2147483647;
  return Number.isSafeInteger(v);
}

/** Every rule of the spec's structure sections, as one list of broken rules (empty when the document conforms). */
function cx2Problems(doc: unknown): string[] {
  const bad: string[] = [];
  if (!Array.isArray(doc)) return ['the document is not a JSON array'];
  const first = doc[0] as Record<string, unknown>;
  if (first?.CXVersion !== '2.0') bad.push('the first element is not the CX descriptor {"CXVersion": "2.0"}');
  if (first && 'hasFragments' in first && typeof first.hasFragments !== 'boolean') bad.push('hasFragments is not a boolean');
  const blocks = doc.slice(1) as Record<string, unknown>[];
  const names = blocks.map((b) => Object.keys(b));
  if (names.some((n) => n.length !== 1)) bad.push('an aspect block does not have exactly one aspect name');
  if (names.some((n, i) => !Array.isArray(blocks[i]![n[0]!]))) bad.push('an aspect value is not a list');
  const order = names.map((n) => n[0]!);
  if (order[order.length - 1] !== 'status') bad.push('the last element is not the status aspect');
  const status = blocks[blocks.length - 1]!.status as { success?: unknown; error?: unknown }[];
  if (status?.length !== 1 || status[0]!.success !== true || typeof status[0]!.error !== 'string') bad.push('status is not one {error, success: true}');
  const aspect = (name: string) => (blocks.find((b) => name in b)?.[name] ?? []) as Record<string, unknown>[];
  const declAt = order.indexOf('attributeDeclarations');
  for (const a of ['networkAttributes', 'nodes', 'edges']) if (order.indexOf(a) >= 0 && order.indexOf(a) < declAt) bad.push(`${a} comes before attributeDeclarations`);
  const meta = aspect('metaData') as { name?: unknown; elementCount?: unknown }[];
  if (!order.includes('metaData')) bad.push('no metaData aspect (Cytoscape Web refuses the document)');
  for (const m of meta) {
    if (typeof m.name === 'string' && !order.includes(m.name)) bad.push(`metaData names ${m.name}, which the document lacks`);
    if (typeof m.name !== 'string') bad.push('a metaData element has no name');
    else if (m.elementCount !== undefined && m.elementCount !== aspect(m.name).length) bad.push(`metaData says ${m.name} has ${String(m.elementCount)} elements, it has ${aspect(m.name).length}`);
  }
  const decl = aspect('attributeDeclarations');
  if (decl.length !== 1) bad.push('attributeDeclarations does not hold exactly one object');
  const declared = (decl[0] ?? {}) as Record<string, Record<string, { d?: string; a?: string }>>;
  for (const kind of Object.keys(declared)) for (const [k, d] of Object.entries(declared[kind]!)) if (!TYPES.has(String(d.d))) bad.push(`${kind}.${k} is declared with type ${String(d.d)}`);
  for (const kind of Object.keys(declared)) if (!['networkAttributes', 'nodes', 'edges'].includes(kind)) bad.push(`attributeDeclarations has "${kind}", not an aspect with attributes`);
  for (const [k, d] of Object.entries(declared.networkAttributes ?? {})) if ('a' in d || 'v' in d) bad.push(`networkAttributes.${k} is declared with an alias or default, which network attributes may not have`);
  const checkValues = (kind: string, v: Record<string, unknown>, where: string) => {
    for (const [k, x] of Object.entries(v)) {
      const d = declared[kind]?.[k]?.d;
      if (!d) bad.push(`${where}: attribute "${k}" is not declared in attributeDeclarations.${kind}`);
      else if (!ofType(d, x)) bad.push(`${where}: "${k}" = ${JSON.stringify(x)} is not a ${d}`);
    }
  };
  const net = aspect('networkAttributes');
  if (net.length !== 1) bad.push('networkAttributes does not hold exactly one element');
  if (net[0]) checkValues('networkAttributes', net[0], 'networkAttributes');
  const nodes = aspect('nodes') as { id?: unknown; v?: Record<string, unknown>; x?: unknown; y?: unknown; z?: unknown }[];
  const ids = new Set<unknown>();
  nodes.forEach((n, i) => {
    if (!Number.isSafeInteger(n.id)) bad.push(`nodes[${i}]: id ${String(n.id)} is not a long`);
    if (ids.has(n.id)) bad.push(`nodes[${i}]: id ${String(n.id)} is used twice`);
    ids.add(n.id);
    if (n.v && 'id' in n.v) bad.push(`nodes[${i}]: "id" inside v`);
    if (n.v) checkValues('nodes', n.v, `nodes[${i}]`);
    if (('x' in n) !== ('y' in n)) bad.push(`nodes[${i}]: x without y or y without x`);
    if ('x' in n && (typeof n.x !== 'number' || typeof n.y !== 'number')) bad.push(`nodes[${i}]: x / y are not numbers`);
  });
  const withXY = nodes.filter((n) => 'x' in n).length;
  if (withXY !== 0 && withXY !== nodes.length) bad.push(`${withXY} of ${nodes.length} nodes have coordinates (all or none)`);
  const edgeIds = new Set<unknown>();
  (aspect('edges') as { id?: unknown; s?: unknown; t?: unknown; v?: Record<string, unknown> }[]).forEach((e, i) => {
    if (!Number.isSafeInteger(e.id) || edgeIds.has(e.id)) bad.push(`edges[${i}]: id ${String(e.id)} is not a unique long`);
    edgeIds.add(e.id);
    if (!ids.has(e.s) || !ids.has(e.t)) bad.push(`edges[${i}]: s / t ${String(e.s)} -> ${String(e.t)} are not node ids`);
    if (e.v && 'id' in e.v) bad.push(`edges[${i}]: "id" inside v`);
    if (e.v) checkValues('edges', e.v, `edges[${i}]`);
  });
  const vp = aspect('visualProperties');
  if (vp.length > 1) bad.push('visualProperties holds more than one element');
  for (const p of vp as { default?: { node?: Record<string, unknown>; edge?: Record<string, unknown> }; nodeMapping?: Record<string, { type: string; definition: { attribute: string; map?: { vp: unknown }[] } }>; edgeMapping?: typeof p.nodeMapping }[]) {
    if (p.default?.node?.NODE_SHAPE !== undefined && !NODE_SHAPES.has(String(p.default.node.NODE_SHAPE))) bad.push(`default NODE_SHAPE ${String(p.default.node.NODE_SHAPE)}`);
    for (const [kind, mapping] of [['nodes', p.nodeMapping], ['edges', p.edgeMapping]] as const) {
      for (const [prop, m] of Object.entries(mapping ?? {})) {
        if (!['DISCRETE', 'PASSTHROUGH', 'CONTINUOUS'].includes(m.type)) bad.push(`${prop}: mapping type ${m.type}`);
        if (!declared[kind]?.[m.definition.attribute]) bad.push(`${prop}: maps undeclared attribute ${m.definition.attribute}`);
        for (const x of m.definition.map ?? []) {
          if (prop === 'NODE_SHAPE' && !NODE_SHAPES.has(String(x.vp))) bad.push(`NODE_SHAPE value ${String(x.vp)}`);
          if (prop.endsWith('ARROW_SHAPE') && !ARROWS.has(String(x.vp))) bad.push(`${prop} value ${String(x.vp)}`);
        }
      }
    }
  }
  return bad;
}

describe('cx2Problems (the spec checker) finds broken documents', () => {
  const good = () => toCx2(hostileGraph()) as Record<string, unknown>[];
  it.each([
    ['no descriptor', (d: Record<string, unknown>[]) => d.shift(), /CX descriptor/],
    ['no status', (d: Record<string, unknown>[]) => d.pop(), /status/],
    ['an undeclared attribute', (d: Record<string, unknown>[]) => ((d.find((b) => b.nodes)!.nodes as { v: Record<string, unknown> }[])[0]!.v.extra = 1), /not declared/],
    ['a value of the wrong type', (d: Record<string, unknown>[]) => ((d.find((b) => b.nodes)!.nodes as { v: Record<string, unknown> }[])[0]!.v.name = 3), /is not a string/],
    ['an edge to no node', (d: Record<string, unknown>[]) => ((d.find((b) => b.edges)!.edges as { t: number }[])[0]!.t = 99), /not node ids/],
    ['no metaData', (d: Record<string, unknown>[]) => d.splice(d.findIndex((b) => b.metaData), 1), /no metaData/],
    ['metaData naming a missing aspect', (d: Record<string, unknown>[]) => (d.find((b) => b.metaData)!.metaData as { name: string }[]).push({ name: 'cartesianLayout' }), /names cartesianLayout/],
    ['an edge without an id', (d: Record<string, unknown>[]) => delete (d.find((b) => b.edges)!.edges as { id?: number }[])[0]!.id, /is not a unique long/],
    ['a network attribute with a default', (d: Record<string, unknown>[]) => (((d.find((b) => b.attributeDeclarations)!.attributeDeclarations as Record<string, Record<string, Record<string, unknown>>>[])[0]!.networkAttributes!.name!.v = 'x')), /alias or default/],
  ])('%s', (_what, breakIt, message) => {
    const d = good();
    breakIt(d);
    expect(cx2Problems(d).join('\n')).toMatch(message);
  });
});

describe('the CX2 export follows the CX2 specification', () => {
  it('on the curated graph', async () => {
    const doc = JSON.parse(String(await exportGraph(loadGraph(), 'cx2')));
    expect(cx2Problems(doc)).toEqual([]);
  });

  it('on hostile labels, which come back as text', async () => {
    const doc = JSON.parse(String(await exportGraph(hostileGraph(), 'cx2')));
    expect(cx2Problems(doc)).toEqual([]);
    const nodes = doc.find((b: Record<string, unknown>) => b.nodes).nodes;
    expect(nodes[0].v.name).toBe(HOSTILE);
  });

  it('on a path subgraph (B12 -> autophagy)', async () => {
    const { graph: sub } = selectPaths(loadGraph(), 'B12', 'autophagy', { maxLength: 6 });
    expect(sub.size).toBeGreaterThan(0);
    expect(cx2Problems(toCx2(sub))).toEqual([]);
  });

  it('on every file of shared/conformance that loads (Cytoscape, networkx, yEd, KGX, TRAPI)', () => {
    const dir = join(import.meta.dirname, '../../../shared/conformance');
    if (!existsSync(dir)) return;
    const files = ['kgx', 'cytoscape', 'graphml'].flatMap((d) => readdirSync(join(dir, d)).map((f) => join(dir, d, f)));
    let checked = 0;
    for (const f of files) {
      const r = tryImportGraphFile(f);
      if (!r.ok) continue;
      expect([f, cx2Problems(toCx2(r.graph))]).toEqual([f, []]);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('on an imported KGX file with typed and list columns', async () => {
    const text = readFileSync(join(import.meta.dirname, '../../../shared/conformance/kgx/monarch-tiny_edges.tsv'), 'utf8');
    const g = importGraph({ path: 'monarch-tiny_edges.tsv', text });
    const doc = JSON.parse(String(await exportGraph(g, 'cx2')));
    expect(cx2Problems(doc)).toEqual([]);
  });

  it('places nodes where the diagram does (graph/layout/positions.json) and styles sign and category', async () => {
    const graph = loadGraph();
    const positions = readLayoutPositions() as PositionsFile;
    expect(positions).not.toBeNull();
    const doc = toCx2(graph, { positions });
    const placed = placeDiagram(graph, graph.getAttribute('layout')!, positions).nodes.get('vitamin-b12')!;
    const b12 = (doc.find((b) => b.nodes)!.nodes as { x: number; y: number; v: Record<string, unknown> }[]).find((n) => n.v.mechkg_id === 'vitamin-b12')!;
    expect([b12.x, b12.y]).toEqual([placed.x, placed.y]);
    expect(b12.v.represents).toBe(graph.getNodeAttribute('vitamin-b12', 'identifiers')[0]);
    const net = (doc.find((b) => b.networkAttributes)!.networkAttributes as Record<string, string>[])[0]!;
    expect(JSON.parse(net['@context']!).mechkg).toMatch(/^urn:mechkg:$/);
    const vp = JSON.stringify(doc.find((b) => b.visualProperties));
    expect(vp).toContain('"EDGE_TARGET_ARROW_SHAPE"');
    expect(vp).toContain('"tee"');
  });
});

describe('reading CX2', () => {
  // written the way NDEx writes a network: aliases, a default value, fragmented nodes
  const ndex = (extra: Record<string, unknown>[] = [{ status: [{ error: '', success: true }] }]) =>
    JSON.stringify([
      { CXVersion: '2.0', hasFragments: true },
      { attributeDeclarations: [{ networkAttributes: { name: { d: 'string' } }, nodes: { name: { d: 'string', a: 'n' }, represents: { d: 'string' }, score: { d: 'double', v: 0.5 } }, edges: { interaction: { d: 'string', a: 'i' } } }] },
      { networkAttributes: [{ name: 'tiny NDEx network' }] },
      { nodes: [{ id: 10, v: { n: 'TP53', represents: 'HGNC:11998' } }] },
      { nodes: [{ id: 11, v: { n: 'MDM2', score: 0.9 } }] },
      { edges: [{ id: 0, s: 11, t: 10, v: { i: 'biolink:negatively_regulates' } }] },
      ...extra,
    ]);

  it('keeps the file\'s ids, names, attributes (with aliases and defaults) and interactions', () => {
    const g = importGraph({ path: 'tiny.cx2', text: ndex() });
    expect(g.getAttribute('name')).toBe('tiny NDEx network');
    expect(g.nodes().sort()).toEqual(['10', '11']);
    expect(g.getNodeAttribute('10', 'label')).toBe('TP53');
    expect(g.getNodeAttribute('10', 'attributes')).toEqual({ represents: 'HGNC:11998', score: 0.5 });
    expect(g.getNodeAttribute('11', 'attributes')).toEqual({ score: 0.9 });
    expect(g.mapEdges((_k, e, s, t) => [s, e.predicate, t])).toEqual([['11', 'biolink:negatively_regulates', '10']]);
  });

  it.each([
    ['a file without status (cut off)', ndex([]), /no status aspect/],
    ['a file whose producer failed', ndex([{ status: [{ error: 'disk full', success: false }] }]), /writing it failed: disk full/],
    ['an edge to a node the file lacks', ndex([{ edges: [{ id: 1, s: 10, t: 99 }] }, { status: [{ error: '', success: true }] }]), /"t": 99 is not the id of a node/],
  ])('refuses %s, saying why', (_what, text, message) => {
    const r = tryImportGraph({ path: 'bad.cx2', text });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => `${p.file}: ${p.message}`).join('\n')).toMatch(message);
  });

  it('names CX version 1 and says what to do', () => {
    const r = tryImportGraph({ path: 'old.cx', text: JSON.stringify([{ numberVerification: [{ longNumber: 281474976710655 }] }, { nodes: [{ '@id': 1, n: 'A' }] }]) });
    expect(r.ok).toBe(false);
    expect(r.problems[0]!.message).toMatch(/CX version 1.*CX2/);
  });
});
