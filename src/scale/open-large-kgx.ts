/**
 * Node-only: the size rule that picks the compact index. A KGX edges TSV of at least COMPACT_THRESHOLD_BYTES
 * opens as a CompactIndex (streamed, typed arrays, no graphology); anything smaller goes through the importer
 * into graphology like the curated graph. MECHKG_COMPACT=always / never overrides the rule.
 */
import { statSync } from 'node:fs';
import { UsageError } from '../errors.js';
import type { QueryIndex } from '../query/query-input.js';
import { loadKgxIndex } from './kgx-index.js';

/** 20 MB: about 130,000 KGX edge rows; graphology needs ~1.5 s and ~250 MB from here on (BENCHMARKS.md). */
export const COMPACT_THRESHOLD_BYTES = 20 * 1024 * 1024;

/** Whether path should open as a compact index (a KGX edges TSV over the threshold, or forced). */
export function wantsCompactIndex(path: string, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const mode = (env.MECHKG_COMPACT ?? 'auto').toLowerCase();
  if (!['auto', 'always', 'never', '1', '0'].includes(mode)) {
    throw new UsageError(`MECHKG_COMPACT: expected auto, always or never, got "${env.MECHKG_COMPACT}"`);
  }
  if (mode === 'never' || mode === '0') return false;
  if (!/edges\.tsv$/i.test(path)) return false;
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) return false;
    size = st.size;
  } catch {
    return false; // a missing path is reported by the normal loader, with its name
  }
  return mode === 'always' || mode === '1' || size >= COMPACT_THRESHOLD_BYTES;
}

/** The compact index of path when the size rule picks it, else null (the caller loads it into graphology). */
export async function openLargeKgx(path: string | undefined): Promise<QueryIndex | null> {
  if (path === undefined || !wantsCompactIndex(path)) return null;
  const index = await loadKgxIndex(path);
  for (const p of index.problems) process.stderr.write(`mechkg: ${p.file}${p.line ? `:${p.line}` : ''}: warning [${p.code}]${p.id ? ` ${p.id}:` : ''} ${p.message}\n`);
  return index;
}
