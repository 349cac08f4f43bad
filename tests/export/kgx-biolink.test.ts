/**
 * mechkg's KGX export conforms to Biolink 4.4.4, checked against the model file itself
 * (../shared/biolink/biolink-model.yaml, read here with a YAML parser, not through mechkg's generated tables):
 * every predicate is a current (not deprecated) Biolink predicate, every qualifier column a Biolink slot with
 * a permitted value, every category a Biolink class, knowledge_level and agent_type values of their enums.
 * Then the rules KGX's validator (biolink/kgx kgx/validator.py) applies, read from the same model file: the
 * required slots of a node (`named thing`: id, category) and of an edge (`association`: id, subject, predicate,
 * object, knowledge_level, agent_type) are columns with a value on every row, no category or predicate is a
 * mixin or abstract, a qualifier column is a slot under `qualifier`, and a column whose slot is single-valued
 * never holds a `|` list (KGX would read a list), node ids unique and edge ends among the nodes. On the whole
 * curated graph, on a path subgraph, and on the re-export of every file of shared/conformance that loads (where
 * the slots the file left empty are filled, with warnings, and only the file's own terms may fail the term rules).
 * And src/model/biolink-model.ts is what scripts/gen-biolink.mjs makes of the model file. Skipped without shared/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportGraph, selectPaths } from '../../src/export/index.js';
import { loadGraph } from '../../src/node.js';
import type { KnowledgeGraph } from '../../src/model/types.js';
import { tryImportGraphFile } from '../../src/node/import-graph-file.js';
// @ts-expect-error: a plain .mjs script without types
import { generate, OUT } from '../../scripts/gen-biolink.mjs';

const MODEL = join(import.meta.dirname, '../../../shared/biolink/biolink-model.yaml');
const CONFORMANCE_DIR = join(import.meta.dirname, '../../../shared/conformance');
const CONFORMANCE = existsSync(CONFORMANCE_DIR) ? ['kgx', 'cytoscape', 'graphml'].flatMap((d) => readdirSync(join(CONFORMANCE_DIR, d)).sort().map((f) => `${d}/${f}`)) : [];

describe.skipIf(!existsSync(MODEL))('KGX export against the Biolink 4.4.4 model file', () => {
  const text = existsSync(MODEL) ? readFileSync(MODEL, 'utf8') : '';
  const model = text ? parse(text) : { slots: {}, classes: {}, enums: {} };
  const snake = (s: string) => s.replace(/ /g, '_');
  const camel = (s: string) => s.split(' ').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  const slots = new Map(Object.entries(model.slots as Record<string, { is_a?: string; deprecated?: string } | null>).map(([k, v]) => [snake(k), v ?? {}]));
  const classes = new Set(Object.keys(model.classes).map(camel));
  const enumValues = (name: string) => new Set(Object.keys(model.enums[name].permissible_values));
  const isPredicate = (p: string) => {
    for (let s: string | undefined = p, i = 0; s && i < 50; s = slots.get(s)?.is_a && snake(slots.get(s)!.is_a!), i++) if (s === 'related_to') return true;
    return false;
  };

  it('writes only current Biolink predicates, qualifiers, classes and enum values', async () => {
    const out = await exportGraph(loadGraph(), 'kgx');
    if (typeof out === 'string' || out instanceof Uint8Array) throw new Error('expected files');
    const table = (name: string) => {
      const [head, ...rows] = String(out.files.find((f) => f.name === name)!.content).trimEnd().split('\n');
      const cols = head!.split('\t');
      return rows.map((r) => Object.fromEntries(r.split('\t').map((v, i) => [cols[i]!, v])));
    };
    const edges = table('edges.tsv');
    const nodes = table('nodes.tsv');
    expect(edges.length).toBeGreaterThan(100);
    const levels = enumValues('KnowledgeLevelEnum');
    const agents = enumValues('AgentTypeEnum');
    const directions = enumValues('DirectionQualifierEnum');
    const aspects = enumValues('GeneOrGeneProductOrChemicalEntityAspectEnum');
    for (const e of edges) {
      const p = e.predicate!.replace(/^biolink:/, '');
      expect(isPredicate(p), `${e.predicate} is a Biolink predicate`).toBe(true);
      expect(slots.get(p)!.deprecated, `${e.predicate} is not deprecated`).toBeUndefined();
      if (e.qualified_predicate) expect(isPredicate(e.qualified_predicate.replace(/^biolink:/, ''))).toBe(true);
      if (e.object_direction_qualifier) expect(directions.has(e.object_direction_qualifier)).toBe(true);
      if (e.object_aspect_qualifier) expect(aspects.has(e.object_aspect_qualifier)).toBe(true);
      expect(levels.has(e.knowledge_level!)).toBe(true);
      expect(agents.has(e.agent_type!)).toBe(true);
      for (const col of Object.keys(e)) if (!col.startsWith('mechkg_') && col !== 'id') expect(slots.has(col), `column ${col} is a Biolink slot`).toBe(true);
    }
    for (const n of nodes) {
      for (const c of n.category!.split('|')) expect(classes.has(c.replace(/^biolink:/, '')), `${c} is a Biolink class`).toBe(true);
    }
  });

  const kgxTables = async (graph: Parameters<typeof exportGraph>[0]) => {
    const out = await exportGraph(graph, 'kgx');
    if (typeof out === 'string' || out instanceof Uint8Array) throw new Error('expected files');
    const table = (name: string) => {
      const [head, ...rows] = String(out.files.find((f) => f.name === name)!.content).trimEnd().split('\n');
      const cols = head!.split('\t');
      return { cols, rows: rows.map((r) => Object.fromEntries(r.split('\t').map((v, i) => [cols[i]!, v]))) };
    };
    return { nodes: table('nodes.tsv'), edges: table('edges.tsv') };
  };
  const ancestors = (slot: string) => {
    const out: string[] = [];
    for (let s: string | undefined = slot; s && out.length < 50; s = slots.get(s)?.is_a && snake(slots.get(s)!.is_a!)) out.push(s);
    return out;
  };
  const required = (cls: string) => {
    const c = model.classes[cls] as { is_a?: string; slots?: string[]; slot_usage?: Record<string, { required?: boolean } | null> };
    const own = Object.entries(c.slot_usage ?? {}).filter(([, u]) => u?.required).map(([k]) => snake(k));
    const fromSlots = (c.slots ?? []).filter((k) => (model.slots[k] as { required?: boolean } | null)?.required).map(snake);
    const up: string[] = c.is_a ? required(c.is_a) : [];
    return [...new Set([...up, ...own, ...fromSlots])];
  };
  const classOf = new Map(Object.entries(model.classes as Record<string, { mixin?: boolean; abstract?: boolean }>).map(([k, v]) => [camel(k), v ?? {}]));

  type Table = Awaited<ReturnType<typeof kgxTables>>['nodes'];
  /** The KGX validator's rules, as violations: [rule, value] (an empty list: the files pass). */
  const violations = (nodes: Table, edges: Table): [string, string][] => {
    const out: [string, string][] = [];
    const nodeRequired = required('named thing');
    const edgeRequired = required('association');
    expect(nodeRequired).toEqual(expect.arrayContaining(['id', 'category']));
    expect(edgeRequired).toEqual(expect.arrayContaining(['id', 'subject', 'predicate', 'object', 'knowledge_level', 'agent_type']));
    for (const [t, req] of [[nodes, nodeRequired], [edges, edgeRequired]] as const) {
      for (const col of req) {
        if (!t.cols.includes(col)) out.push(['required column', col]);
        else for (const r of t.rows) if (!r[col]) out.push([`required ${col}`, String(r.id || `${r.subject} ${r.object}`)]);
      }
      for (const col of t.cols) {
        const slot = slots.get(col);
        if (!slot) continue; // mechkg_* columns: not Biolink slots
        if ((slot as { multivalued?: boolean }).multivalued) continue;
        for (const r of t.rows) if (r[col]?.includes('|')) out.push([`single-valued ${col} holds a list`, r[col]!]);
      }
    }
    for (const col of edges.cols) if ((col.endsWith('_qualifier') || col === 'qualified_predicate') && !ancestors(col).includes('qualifier')) out.push(['not a qualifier', col]);
    for (const n of nodes.rows) {
      for (const c of n.category!.split('|')) {
        const cls = classOf.get(c.replace(/^biolink:/, ''));
        if (!cls) out.push(['not a Biolink class', c]);
        else if (cls.mixin || cls.abstract) out.push(['mixin or abstract category', c]);
      }
    }
    for (const e of edges.rows) {
      const slot = slots.get(e.predicate!.replace(/^biolink:/, '')) as { mixin?: boolean; abstract?: boolean } | undefined;
      if (!slot) out.push(['not a Biolink predicate', e.predicate!]);
      else if (slot.mixin || slot.abstract) out.push(['mixin or abstract predicate', e.predicate!]);
    }
    const ids = new Set(nodes.rows.map((n) => n.id));
    if (ids.size !== nodes.rows.length) out.push(['node ids repeat', String(nodes.rows.length - ids.size)]);
    for (const e of edges.rows) if (!ids.has(e.subject!) || !ids.has(e.object!)) out.push(['edge end not among the nodes', `${e.subject} ${e.object}`]);
    return out;
  };

  it.each([
    ['the curated graph', () => loadGraph()],
    ['a path subgraph (B12 -> autophagy)', () => selectPaths(loadGraph(), 'B12', 'autophagy', { maxLength: 6 }).graph],
  ])('%s passes the KGX validator\'s rules', async (_what, graph) => {
    const { nodes, edges } = await kgxTables(graph());
    expect(edges.rows.length).toBeGreaterThan(3);
    expect(violations(nodes, edges)).toEqual([]);
  });

  // Every file of shared/conformance that loads, written back as KGX: the slots Biolink requires are filled
  // (what the file lacked, as KGX fills it or `not_provided`, with a warning), ids stay unique and ends among
  // the nodes. Terms the file itself used are kept as given, so the only term violations allowed are its own.
  const loaded = CONFORMANCE.map((name) => ({ name, r: tryImportGraphFile(join(CONFORMANCE_DIR, name)) })).filter((x) => x.r.ok) as { name: string; r: { ok: true; graph: KnowledgeGraph } }[];
  it.skipIf(loaded.length === 0).each(loaded.map((x) => x.name))('a re-export of conformance/%s passes the KGX validator\'s rules (terms aside that the file gave)', async (name) => {
    const graph = loaded.find((x) => x.name === name)!.r.graph;
    const out = await exportGraph(graph, 'kgx');
    if (typeof out === 'string' || out instanceof Uint8Array) throw new Error('expected files');
    const { nodes, edges } = await kgxTables(graph);
    expect(nodes.rows.length).toBe(graph.order);
    expect(edges.rows.length).toBe(graph.size);
    const given = new Set([...graph.mapNodes((_id, n) => n.categories ?? []).flat(), ...graph.mapEdges((_k, e) => e.predicate)]);
    // a `|` in a single-valued column the file itself wrote there (a name with a `|`, a list in `relation`)
    const cellOf = (v: unknown) => (Array.isArray(v) ? v.join('|') : String(v));
    const givenCells = new Set([
      ...graph.mapNodes((_id, n) => [n.label, n.description, ...Object.values(n.attributes ?? {})]).flat().map(cellOf),
      ...graph.mapEdges((_k, e) => Object.values({ ...e.attributes, ...e.provenance, ...e.qualifiers })).flat().map(cellOf),
    ]);
    const own = violations(nodes, edges).filter(([rule, value]) => !((/^(not a Biolink|mixin or abstract)/.test(rule) && given.has(value)) || (rule.startsWith('single-valued') && givenCells.has(value))));
    expect(own).toEqual([]);
    // each fill is said: a warning per required slot the file left empty
    const warnings = out.warnings ?? [];
    expect(warnings.some((w) => w.includes('without knowledge_level'))).toBe(graph.someEdge((_k, e) => !e.provenance?.knowledge_level));
    expect(warnings.some((w) => w.includes('without agent_type'))).toBe(graph.someEdge((_k, e) => !e.provenance?.agent_type));
    expect(warnings.some((w) => w.includes('without category'))).toBe(graph.someNode((_id, n) => (n.categories ?? []).length === 0));
  });

  it('src/model/biolink-model.ts is generated from this model file', () => {
    expect(readFileSync(OUT, 'utf8')).toBe(generate(text));
  });
});
