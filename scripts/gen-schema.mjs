// Writes graph/schema/*.json from the zod schema (run `npm run schema` after changing src/model/schema.ts).
import { writeFileSync, mkdirSync } from 'node:fs';
import { dataFileJsonSchemas } from '../dist/src/model/json-schema.js';

mkdirSync(new URL('../graph/schema/', import.meta.url), { recursive: true });
for (const [name, schema] of Object.entries(dataFileJsonSchemas())) {
  writeFileSync(new URL(`../graph/schema/${name}`, import.meta.url), JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote graph/schema/${name}`);
}
