/**
 * Node-only: the size rule that picks the compact index. A KGX edges TSV of at least COMPACT_THRESHOLD_BYTES
 * opens as a CompactIndex (streamed, typed arrays, no graphology); anything smaller goes through the importer
 * into graphology like the curated graph. MECHKG_COMPACT=always / never overrides the rule.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { UsageError } from '../errors.js';
import type { QueryIndex } from '../query/query-input.js';
import type { KgxLoadReport } from './kgx-index.js';
import { PARALLEL_MIN_BYTES, warmEdgeWorker } from './edge-worker.js';

/**
 * 2 MB: about 13,000 KGX edge rows. The importer (full validation into graphology) took 4.5 s and 600 MB on
 * 100,000 rows (16 MB) where the compact index took 0.2 s and 70 MB with identical answers; below ~2 MB the
 * importer stays under about half a second.
 */
export const COMPACT_THRESHOLD_BYTES = 2 * 1024 * 1024;

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
  if (mode === 'always' || mode === '1') return true;
  // mechkg's own KGX exports carry full evidence in mechkg_* columns, which only the importer reads: they go
  // through it whatever their size, so a round trip never loses evidence.
  return size >= COMPACT_THRESHOLD_BYTES && !hasMechkgColumns(path);
}

/** Whether the header row names mechkg's own columns (mechkg_evidence, ...). */
function hasMechkgColumns(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(65536);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const header = buf.toString('utf8', 0, n).split('\n', 1)[0]!;
    return header.split('\t').some((column) => column.trim().startsWith('mechkg_'));
  } finally {
    closeSync(fd);
  }
}

/** The compact index of path when the size rule picks it, else null (the caller loads it into graphology). */
export async function openLargeKgx(path: string | undefined): Promise<(QueryIndex & KgxLoadReport) | null> {
  if (path === undefined || !wantsCompactIndex(path)) return null;
  const { loadKgxIndex } = await import('./kgx-index.js');
  return loadKgxIndex(path); // its warnings (index.problems) are the caller's to print
}

/**
 * The CLI launcher's first step: when the arguments name (`--graph PATH` or `--graph=PATH`) an edges file
 * the compact index will read with two threads, starts that file's worker thread at once (edge-worker.ts),
 * so its start-up overlaps the loading of the rest of mechkg. A wrong guess costs one idle thread.
 */
export function warmForArguments(args: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): void {
  let path: string | undefined;
  for (let i = 0; i < args.length && args[i] !== '--'; i++) {
    const a = args[i]!;
    if (a === '--graph') path = args[i + 1];
    else if (a.startsWith('--graph=')) path = a.slice('--graph='.length);
  }
  if (path === undefined) return;
  try {
    if (wantsCompactIndex(path, env) && statSync(path).size >= PARALLEL_MIN_BYTES) warmEdgeWorker(path);
  } catch {
    // a bad MECHKG_COMPACT or an unreadable file: the command itself reports it
  }
}
