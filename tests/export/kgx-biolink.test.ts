/**
 * mechkg's KGX export conforms to Biolink 4.4.4, checked against the model file itself
 * (../shared/biolink/biolink-model.yaml, read here with a YAML parser, not through mechkg's generated tables):
 * every predicate is a current (not deprecated) Biolink predicate, every qualifier column a Biolink slot with
 * a permitted value, every category a Biolink class, knowledge_level and agent_type values of their enums.
 * And src/model/biolink-model.ts is what scripts/gen-biolink.mjs makes of the model file. Skipped without shared/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportGraph } from '../../src/export/index.js';
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

  it('src/model/biolink-model.ts is generated from this model file', () => {
    expect(readFileSync(OUT, 'utf8')).toBe(generate(text));
  });
});
