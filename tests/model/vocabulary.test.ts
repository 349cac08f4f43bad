/**
 * The vocabulary's Biolink mapping against the Biolink Model 4.4.4 file in shared/ (skipped when it is
 * absent), and the relation kinds every predicate declares.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONVERSION_ARCS, PREDICATES, PREDICATE_NAMES, RELATIONS, type BiolinkMapping } from '../../src/index.js';

const MODEL = join(import.meta.dirname, '../../../shared/biolink/biolink-model.yaml');

interface BiolinkModel {
  version: string;
  slots: Record<string, { range?: string } | null>;
  enums: Record<string, { permissible_values?: Record<string, unknown> }>;
}

/** Biolink writes slot names with spaces; KGX and mechkg use underscores and a biolink: prefix. */
const slotName = (curie: string) => curie.replace(/^biolink:/, '').replace(/_/g, ' ');

describe.skipIf(!existsSync(MODEL))('Biolink mapping', () => {
  let parsed: BiolinkModel | undefined;
  const model = () => (parsed ??= parse(readFileSync(MODEL, 'utf8'), { maxAliasCount: -1 }) as BiolinkModel);

  it('reads version 4.4.4 of the model', () => {
    expect(model().version).toBe('4.4.4');
  });

  it('maps every predicate to a slot of the model and every qualifier to a permissible value', () => {
    const m = model();
    const missing: string[] = [];
    for (const p of PREDICATE_NAMES) {
      const b: BiolinkMapping = PREDICATES[p].biolink;
      if (!(slotName(b.predicate) in m.slots)) missing.push(`${p}: predicate ${b.predicate}`);
      for (const [qualifier, value] of Object.entries(b)) {
        if (qualifier === 'predicate') continue;
        const slot = m.slots[slotName(qualifier)];
        if (!slot) {
          missing.push(`${p}: qualifier ${qualifier}`);
          continue;
        }
        const values = m.enums[slot.range ?? '']?.permissible_values ?? {};
        if (!(value in values)) missing.push(`${p}: ${qualifier} ${value} (not in ${slot.range})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('is not fooled by names the model lacks', () => {
    const m = model();
    expect('positively regulates' in m.slots).toBe(false);
    expect('prevents' in m.slots).toBe(false);
  });
});

describe('relation kinds', () => {
  it('gives every predicate a relation kind whose causality it shares', () => {
    for (const p of PREDICATE_NAMES) {
      const spec = PREDICATES[p];
      expect(RELATIONS[spec.relation], p).toBeDefined();
      expect(spec.causal, p).toBe(RELATIONS[spec.relation].causal);
    }
  });

  it('gives conversions, and only conversions, an SBGN arc', () => {
    for (const p of PREDICATE_NAMES) {
      const spec: { relation: string; arc?: string } = PREDICATES[p];
      if (spec.relation === 'conversion') expect(CONVERSION_ARCS, p).toContain(spec.arc);
      else expect(spec.arc, p).toBeUndefined();
    }
  });

  it.each([
    ['converted_to', 'conversion', '+'],
    ['consumes', 'consumption', '-'],
    ['produces', 'production', '+'],
    ['cofactor_for', 'stimulation', '+'],
    ['catalyzes', 'catalysis', '+'],
  ] as const)('%s is a conversion (%s) whose perturbation sign is %s', (p, arc, sign) => {
    const spec: { relation: string; arc?: string; sign: string | null } = PREDICATES[p];
    expect([spec.relation, spec.arc, spec.sign]).toEqual(['conversion', arc, sign]);
  });

  it('keeps correlations, biomarkers and confounding out of causation', () => {
    for (const p of ['biomarker_for', 'positively_correlated_with', 'negatively_correlated_with', 'associated_with', 'confounds'] as const) {
      expect(PREDICATES[p].relation, p).toBe('association');
    }
    for (const p of ['subclass_of', 'located_in'] as const) expect(PREDICATES[p].relation, p).toBe('structural');
  });
});
