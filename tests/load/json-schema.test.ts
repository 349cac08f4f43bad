import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataFileJsonSchemas } from '../../src/model/json-schema.js';

describe('graph/schema JSON Schemas', () => {
  it('match the zod schema they are generated from (run `npm run schema` after changing it)', () => {
    for (const [name, schema] of Object.entries(dataFileJsonSchemas())) {
      const committed = JSON.parse(readFileSync(new URL(`../../graph/schema/${name}`, import.meta.url), 'utf8'));
      expect(committed, name).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });

  it('offer the closed vocabularies to editors as enums', () => {
    const text = JSON.stringify(dataFileJsonSchemas()['module.schema.json']);
    for (const word of ['small_molecule', 'inhibits', 'mendelian_randomization', 'disputes']) expect(text).toContain(word);
  });
});
