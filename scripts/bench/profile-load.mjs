#!/usr/bin/env node
/**
 * Where the time of loading a KGX file goes: runs `mechkg-bench.mjs EDGES QUERIES load compact` under
 * `node --cpu-prof` (one profile per thread: the main thread and the edge-parsing worker) and prints, per
 * thread, the CPU time of the functions that take most of it (self time, summed by function and file;
 * "(idle)" is time a thread waited, e.g. the main thread for the worker, and is not counted as busy).
 *
 *   npm run bench:profile-load -- EDGES_TSV [--top 12] [--interval-us 200]
 *
 * Uses the compiled library in dist/ (`npm run build:lib` first). Not a test: nothing asserts a time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const edges = args[0];
if (!edges || edges.startsWith('--')) {
  process.stderr.write('usage: node scripts/bench/profile-load.mjs EDGES_TSV [--top 12] [--interval-us 200]\n');
  process.exit(2);
}
const top = Number(opt('top', '12'));
const queries = edges.replace(/_edges\.tsv$/, '_queries.json');
const dir = mkdtempSync(join(tmpdir(), 'mechkg-profile-'));
try {
  const run = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-interval=${opt('interval-us', '200')}`, join(here, 'mechkg-bench.mjs'), edges, queries, 'load', 'compact'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`profile-load: the load failed: ${run.stderr.trim()}`);
  const result = JSON.parse(run.stdout.trim().split('\n').at(-1));
  process.stdout.write(`${edges}: load ${(result.load_ms / 1000).toFixed(2)} s in-process, peak RSS ${Math.round(result.max_rss_kb / 1024)} MB\n`);
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort();
  files.forEach((file, k) => {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const selfUs = new Map();
    profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const byFunction = new Map();
    let total = 0;
    for (const node of profile.nodes) {
      const us = selfUs.get(node.id) ?? 0;
      if (us === 0) continue;
      const { functionName, url } = node.callFrame;
      const key = `${functionName || '(anonymous)'} ${url ? url.split('/').slice(-2).join('/') : ''}`.trim();
      byFunction.set(key, (byFunction.get(key) ?? 0) + us);
      if (functionName !== '(idle)') total += us;
    }
    process.stdout.write(`\n${k === 0 ? 'main thread' : `thread ${k}`} (${file}): ${(total / 1000).toFixed(0)} ms busy\n`);
    for (const [key, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      process.stdout.write(`  ${(us / 1000).toFixed(0).padStart(6)} ms  ${((100 * us) / Math.max(1, total)).toFixed(1).padStart(5)}%  ${key}\n`);
    }
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
