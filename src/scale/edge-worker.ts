/**
 * Node-only: the worker thread that parses the back pieces of a big KGX edges file (kgx-edges-worker.ts).
 * A worker's own start-up (a fresh Node environment and the parser's modules) takes tens of milliseconds,
 * and while it starts the loader's thread is already parsing, so any delay there is time the worker
 * finishes late. The CLI therefore starts it as its very first step (warmEdgeWorker, from the launcher),
 * while the rest of mechkg is still being loaded, and the loader takes that thread for the same file.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Edges files from 32 MB (about 200,000 rows) are read by two threads. */
export const PARALLEL_MIN_BYTES = 32 << 20;

const WORKER_URL = new URL('./kgx-edges-worker.js', import.meta.url);

let warm: { path: string; worker: Worker } | null = null;

/**
 * The Node options a worker takes from this process: all but `--input-type`, which applies only to code given
 * with -e or on stdin (a worker started with it fails: `node --input-type=module -e "...loadKgxIndex..."`).
 * Profiling flags such as --cpu-prof carry over, so a profile covers both threads.
 */
function workerExecArgv(): string[] {
  const out: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--input-type') i++;
    else if (!argv[i]!.startsWith('--input-type=')) out.push(argv[i]!);
  }
  return out;
}

/** Whether the worker's compiled module is there (not when running from the TypeScript sources, e.g. in tests). */
export function workerBuilt(): boolean {
  try {
    return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));
  } catch {
    return false;
  }
}

/** Starts the worker for `path` now, to be taken by edgeWorker(path); it waits for its job. */
export function warmEdgeWorker(path: string): void {
  if (warm || !workerBuilt()) return;
  const worker = new Worker(WORKER_URL, { execArgv: workerExecArgv() });
  worker.unref(); // an unused warm worker never keeps the process alive
  warm = { path: resolve(path), worker };
}

/** A worker for the edges file at path: the one started early for it, else a new one. */
export function edgeWorker(path: string): Worker {
  if (warm && warm.path === resolve(path)) {
    const { worker } = warm;
    warm = null;
    return worker;
  }
  const worker = new Worker(WORKER_URL, { execArgv: workerExecArgv() });
  worker.unref();
  return worker;
}
