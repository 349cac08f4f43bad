/** JSON Schemas for editors (yaml-language-server completion), generated from the zod schema. */
import * as z from 'zod/mini';
import { moduleFileSchema, sourcesFileSchema } from './schema.js';

export function dataFileJsonSchemas(): Record<'module.schema.json' | 'sources.schema.json', unknown> {
  return {
    'module.schema.json': { ...z.toJSONSchema(moduleFileSchema, { io: 'input' }), title: 'mechkg module file' },
    'sources.schema.json': { ...z.toJSONSchema(sourcesFileSchema, { io: 'input' }), title: 'mechkg sources registry' },
  };
}
