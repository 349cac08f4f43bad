/**
 * A snapshot cache for graph directories, so a query does not re-parse and re-validate YAML on every run.
 * The key is every data file's path, size and mtime plus the compiled loader's own files; any change
 * misses and rebuilds. Only graphs that loaded without errors are stored. MECHKG_NO_CACHE=1 disables it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MultiDirectedGraph } from 'graphology';
import { listGraphFiles } from '../node/read-graph-dir.js';
import type { SerializedGraph } from 'graphology-types';
import type { EdgeRecord, GraphMeta, KnowledgeGraph, NodeRecord } from '../model/types.js';

const FORMAT = 1;
/** Compiled modules whose change alters what a loaded graph holds. */
const LOADER_FILES = ['../graph/build-graph.js', '../load/validate-files.js', '../model/schema.js', '../model/vocabulary.js'];

function cacheFile(dir: string): string {
  const name = createHash('sha1').update(resolve(dir)).digest('hex').slice(0, 16);
  return join(tmpdir(), `mechkg-cache-${process.getuid?.() ?? 'u'}`, `${name}.json`);
}

/** Path, size and mtime of every YAML file under dir and of the loader: what the snapshot depends on. */
export function graphFingerprint(dir: string): string {
  const hash = createHash('sha1').update(`${FORMAT}\0${resolve(dir)}`);
  for (const full of listGraphFiles(dir)) {
    const s = statSync(full);
    hash.update(`${full}\0${s.size}\0${s.mtimeMs}\n`);
  }
  const here = dirname(fileURLToPath(import.meta.url));
  for (const f of LOADER_FILES) {
    const s = statSync(join(here, f));
    hash.update(`${f}\0${s.size}\0${s.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** The cached graph for dir if its fingerprint still matches, else null. */
export function readCachedGraph(dir: string, fingerprint: string): KnowledgeGraph | null {
  let text: string;
  try {
    text = readFileSync(cacheFile(dir), 'utf8');
  } catch {
    return null; // no snapshot yet
  }
  try {
    const snapshot = JSON.parse(text) as { fingerprint: string; graph: SerializedGraph<NodeRecord, EdgeRecord, GraphMeta> };
    if (snapshot.fingerprint !== fingerprint) return null;
    return MultiDirectedGraph.from(snapshot.graph) as KnowledgeGraph;
  } catch {
    return null; // a truncated or foreign snapshot is rebuilt from the data files
  }
}

/** Stores the snapshot (atomically). Returns false when the cache directory cannot be written. */
export function writeCachedGraph(dir: string, fingerprint: string, graph: KnowledgeGraph): boolean {
  const file = cacheFile(dir);
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ fingerprint, graph: graph.export() }));
    renameSync(tmp, file);
    return true;
  } catch {
    return false; // a read-only or full temp directory only costs speed, never the query
  }
}
