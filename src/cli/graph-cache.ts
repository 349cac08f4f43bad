/**
 * A snapshot cache for graph directories, so a query does not re-parse and re-validate YAML on every run.
 *
 * Temporary directories are shared with other users, so the cache trusts nothing it did not make:
 * - the directory is $TMPDIR/mechkg-cache-<uid>, created 0700; if it exists and is not a directory owned by
 *   this user with no group or other access, the CLI runs uncached (the caller prints one warning);
 * - snapshots are written to a fresh random name opened exclusively (O_EXCL, O_NOFOLLOW, 0600), then renamed
 *   over the snapshot, so a planted link is replaced, never written through;
 * - a snapshot is read only when it is a regular file owned by this user that no one else can write;
 * - the key is a SHA-256 of the data files' bytes (the very bytes the loader gets on a miss) and of the
 *   compiled loader's own files, so an edit that keeps size and mtime still misses.
 * Only graphs that loaded without errors are stored. MECHKG_NO_CACHE=1 disables it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { graphFromSnapshot, graphSnapshot, type GraphSnapshot } from '../graph/graph-snapshot.js';
import type { GraphFile, KnowledgeGraph } from '../model/types.js';

const FORMAT = 2;
/** Compiled folders whose change alters what a loaded graph holds (relative to this file). */
const LOADER_DIRS = ['../graph', '../load', '../model', '../node'];
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

export type CacheDir = { ok: true; path: string } | { ok: false; warning?: string };

/** The per-user cache directory, created 0700 if missing; refused (with a reason) if anyone else could use it. */
export function openCacheDir(base = tmpdir()): CacheDir {
  const uid = process.getuid?.();
  const path = join(base, `mechkg-cache-${uid ?? 'u'}`);
  try {
    mkdirSync(path, { mode: 0o700 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return { ok: false }; // a read-only temp dir only costs speed
  }
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return { ok: false };
  }
  if (!st.isDirectory()) return { ok: false, warning: `${path} is not a directory; running without the snapshot cache` };
  if (uid !== undefined && (st.uid !== uid || (st.mode & 0o077) !== 0)) {
    return { ok: false, warning: `${path} is owned by another user or open to others (mode ${(st.mode & 0o777).toString(8)}); running without the snapshot cache` };
  }
  return { ok: true, path };
}

function snapshotFile(cacheDir: string, dir: string): string {
  return join(cacheDir, `${createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 32)}.json`);
}

let loaderDigest: string | undefined;

/** SHA-256 over the compiled loader's files: a new mechkg version never reads an old version's snapshot. */
function loaderFingerprint(): string {
  if (loaderDigest) return loaderDigest;
  const here = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  for (const d of LOADER_DIRS) {
    const full = join(here, d);
    for (const name of readdirSync(full).filter((n) => n.endsWith('.js')).sort()) hash.update(`${d}/${name}\0`).update(readFileSync(join(full, name))).update('\0');
  }
  return (loaderDigest = hash.digest('hex'));
}

/** The key of a snapshot: the directory, every data file's path and bytes, and the loader. */
export function graphFingerprint(dir: string, files: readonly GraphFile[]): string {
  const hash = createHash('sha256').update(`${FORMAT}\0${resolve(dir)}\0${loaderFingerprint()}\0`);
  for (const f of files) hash.update(`${f.path.length}:${f.path}\0${f.text.length}:`).update(f.text).update('\0');
  return hash.digest('hex');
}

/** The cached graph for dir if a trustworthy snapshot with this fingerprint exists, else null. */
export function readCachedGraph(cacheDir: string, dir: string, fingerprint: string): KnowledgeGraph | null {
  let fd: number;
  try {
    fd = openSync(snapshotFile(cacheDir, dir), constants.O_RDONLY | NOFOLLOW | (constants.O_NONBLOCK ?? 0));
  } catch {
    return null; // no snapshot yet (or a link planted at its name: not followed)
  }
  try {
    const st = fstatSync(fd);
    const uid = process.getuid?.();
    if (!st.isFile() || (uid !== undefined && st.uid !== uid) || (st.mode & 0o022) !== 0) return null;
    const snapshot = JSON.parse(readFileSync(fd, 'utf8')) as { format: number; fingerprint: string; graph: GraphSnapshot };
    if (snapshot.format !== FORMAT || snapshot.fingerprint !== fingerprint) return null;
    return graphFromSnapshot(snapshot.graph);
  } catch {
    return null; // a truncated or foreign snapshot is rebuilt from the data files
  } finally {
    closeSync(fd);
  }
}

/** Stores the snapshot atomically through an exclusive temporary file. Returns false when it cannot. */
export function writeCachedGraph(cacheDir: string, dir: string, fingerprint: string, graph: KnowledgeGraph): boolean {
  const file = snapshotFile(cacheDir, dir);
  const tmp = `${file}.${process.pid}.${randomBytes(8).toString('hex')}.tmp`;
  let fd: number | undefined;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, 0o600);
    writeSync(fd, JSON.stringify({ format: FORMAT, fingerprint, graph: graphSnapshot(graph) }));
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
    return true;
  } catch {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was created
    }
    return false; // a full temp directory only costs speed, never the query
  }
}
