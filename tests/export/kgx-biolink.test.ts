/**
 * mechkg's KGX export conforms to Biolink 4.4.4, checked against the model file itself
 * (../shared/biolink/biolink-model.yaml, read here with a YAML parser, not through mechkg's generated tables):
 * every predicate is a current (not deprecated) Biolink predicate, every qualifier column a Biolink slot with
 * a permitted value, every category a Biolink class, knowledge_level and agent_type values of their enums.
 * Then the rules KGX's validator (biolink/kgx kgx/validator.py) applies, read from the same model file: the
 * required slots of a node (`named thing`: id, category) and of an edge (`association`: id, subject, predicate,
 * object, knowledge_level, agent_type) are columns with a value on every row, no category or predicate is a
 * mixin or abstract, a qualifier column is a slot under `qualifier`, and a column whose slot is single-valued
 * never holds a `|` list (KGX would read a list). On the whole curated graph and on a path subgraph.
 * And src/model/biolink-model.ts is what scripts/gen-biolink.mjs makes of the model file. Skipped without shared/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportGraph, selectPaths } from '../../src/export/index.js';
import { loadGraph } from '../../src/node.js';
// @ts-expect-error: a plain .mjs script without types
import { generate, OUT } from '../../scripts/gen-biolink.mjs';

const MODEL = join(import.meta.dirname, '../../../shared/biolink/biolink-model.yaml');

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

  it.each([
    ['the curated graph', () => loadGraph()],
    ['a path subgraph (B12 -> autophagy)', () => selectPaths(loadGraph(), 'B12', 'autophagy', { maxLength: 6 }).graph],
  ])('%s passes the KGX validator\'s rules', async (_what, graph) => {
    const { nodes, edges } = await kgxTables(graph());
    expect(edges.rows.length).toBeGreaterThan(3);
    const nodeRequired = required('named thing');
    const edgeRequired = required('association');
    expect(nodeRequired).toEqual(expect.arrayContaining(['id', 'category']));
    expect(edgeRequired).toEqual(expect.arrayContaining(['id', 'subject', 'predicate', 'object', 'knowledge_level', 'agent_type']));
    for (const [t, req] of [[nodes, nodeRequired], [edges, edgeRequired]] as const) {
      for (const col of req) {
        expect(t.cols, `required column ${col}`).toContain(col);
        for (const r of t.rows) expect(r[col], `${r.id}: required ${col}`).not.toBe('');
      }
      for (const col of t.cols) {
        const slot = slots.get(col);
        if (!slot) continue; // mechkg_* columns: not Biolink slots
        if ((slot as { multivalued?: boolean }).multivalued) continue;
        for (const r of t.rows) expect(r[col], `${r.id}: single-valued ${col} holds a list`).not.toContain('|');
      }
    }
    for (const col of edges.cols) if (col.endsWith('_qualifier') || col === 'qualified_predicate') expect(ancestors(col), `${col} is a qualifier`).toContain('qualifier');
    for (const n of nodes.rows) {
      for (const c of n.category!.split('|')) {
        const cls = classOf.get(c.replace(/^biolink:/, ''))!;
        expect(cls.mixin || cls.abstract ? c : '', `${n.id}: category ${c} is a mixin or abstract`).toBe('');
      }
    }
    for (const e of edges.rows) {
      const slot = slots.get(e.predicate!.replace(/^biolink:/, '')) as { mixin?: boolean; abstract?: boolean };
      expect(slot.mixin || slot.abstract ? e.predicate : '', `${e.id}: predicate is a mixin or abstract`).toBe('');
    }
    const ids = new Set(nodes.rows.map((n) => n.id));
    for (const e of edges.rows) expect(ids.has(e.subject!) && ids.has(e.object!), `${e.id}: ends among the nodes`).toBe(true);
  });

  it('src/model/biolink-model.ts is generated from this model file', () => {
    expect(readFileSync(OUT, 'utf8')).toBe(generate(text));
  });
});
