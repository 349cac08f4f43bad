/**
 * The name and module an imported file's records get: the file's name without its directories, `.gz`, its
 * KGX `_nodes` / `_edges` part and extension (`monarch-tiny_edges.tsv` -> `monarch-tiny`), and that name as a
 * slug for the one module every foreign record of the file is filed under. Shared by the importer and the
 * compact index, so both readers give a node the same module. Zod-free.
 */
import { displayName } from './display-name.js';
import { slugify } from './kgx-conventions.js';

export function importedBaseName(path: string): string {
  const name = displayName(path).replace(/\.gz$/i, '');
  return name.replace(/_(nodes|edges)\.(tsv|jsonl|json)$/i, '').replace(/\.(cyjs|cx2|json|graphml|gexf|xml|tsv|jsonl)$/i, '') || 'imported';
}

/** The module id of the records of a file named fallbackName (a base name, as above). */
export function moduleIdOf(fallbackName: string): string {
  return slugify(fallbackName.replace(/\.[a-z]+$/i, '')) || 'imported';
}

export function importedModuleId(path: string): string {
  return moduleIdOf(importedBaseName(path));
}
