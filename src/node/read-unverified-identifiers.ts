/** Node-only: the list of identifiers the curation notes mark as unverified, kept beside the graph data. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MechkgError } from '../errors.js';
import type { UnverifiedIdentifier } from '../graph/curation-report.js';

/** File name inside a graph directory; JSON, so the YAML loader does not read it as a module. */
export const UNVERIFIED_IDENTIFIERS_FILE = 'unverified-identifiers.json';

/** The watch list of a graph directory, or an empty list when the directory has none. */
export function readUnverifiedIdentifiers(dir: string): UnverifiedIdentifier[] {
  const path = join(dir, UNVERIFIED_IDENTIFIERS_FILE);
  if (!existsSync(path)) return [];
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new MechkgError(`${path}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const list = (data as { identifiers?: unknown }).identifiers;
  if (!Array.isArray(list)) throw new MechkgError(`${path}: expected an object with an "identifiers" list`);
  return list.map((item, i) => {
    const { identifier, reason } = (item ?? {}) as Record<string, unknown>;
    if (typeof identifier !== 'string' || typeof reason !== 'string' || identifier === '' || reason === '') {
      throw new MechkgError(`${path}: identifiers[${i}] needs a non-empty "identifier" and "reason"`);
    }
    return { identifier, reason };
  });
}
