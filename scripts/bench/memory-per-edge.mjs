#!/usr/bin/env node
/**
 * Memory of the compact index per edge and per node: loads generated plain KGX files of several sizes, each in
 * a fresh process, and fits resident memory after load (and peak RSS) as baseline + bytes/edge x edges (the
 * node count grows with the edge count in the generator: 1 node per 10 edges). Figures go to docs/scale.md.
 *
 *   node scripts/bench/memory-per-edge.mjs [--sizes 100000,300000,1000000,2000000] [--out /tmp/mechkg-bench]
 *
 * Not a test; nothing is asserted. Builds nothing: run `npm run build:lib` first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateKgx, kgxPaths } from './generate-kgx.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const sizes = opt('sizes', '100000,300000,1000000,2000000').split(',').map(Number);
const out = opt('out', '/tmp/mechkg-bench');

if (process.argv[2] === '--child') {
  const lib = await import(pathToFileURL(join(root, 'dist', 'src', 'node.js')).href);
  const index = await lib.loadKgxIndex(process.argv[3], { onProgress: () => {} });
  // Several collections with a pause between them: the edge reader thread's memory and the read buffers are
  // freed only once that thread has exited and its buffers' finalisers have run (one gc() right after the load
  // still counted them).
  for (let i = 0; i < 3; i++) {
    globalThis.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const m = process.memoryUsage();
  // arrayBuffers is part of external: reported alone, beside what the index says it holds
  process.stdout.write(JSON.stringify({ nodes: index.nodeCount, edges: index.edgeCount, rss: m.rss, heap: m.heapUsed, buffers: m.arrayBuffers, held: index.memoryBytes, peak: process.resourceUsage().maxRSS * 1024 }) + '\n');
  process.exit(0);
}

const rows = [];
for (const edges of sizes) {
  const paths = kgxPaths(out, edges, 'plain');
  if (!existsSync(paths.edges)) {
    process.stderr.write(`memory: generating ${edges.toLocaleString('en')} edges (plain)\n`);
    generateKgx({ edges, seed: 7, out, shape: 'plain' });
  }
  const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', paths.edges], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) {
    process.stderr.write(`memory: ${edges} edges failed: ${r.stderr}\n`);
    process.exit(1);
  }
  const row = JSON.parse(r.stdout);
  rows.push(row);
  process.stderr.write(`memory: ${edges.toLocaleString('en')} edges: live ${(row.rss / 2 ** 20).toFixed(0)} MB, peak ${(row.peak / 2 ** 20).toFixed(0)} MB\n`);
}

/** Least-squares line y = a + b x. */
function fit(xs, ys) {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  const b = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  return { a: my - b * mx, b };
}

const mb = (x) => (x / 2 ** 20).toFixed(0);
const lines = [
  `${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`,
  '',
  '| edges | nodes | resident after load (MB) | JS heap (MB) | ArrayBuffers (MB) | the index\'s memoryBytes (MB) | peak RSS (MB) |',
  '|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.edges.toLocaleString('en')} | ${r.nodes.toLocaleString('en')} | ${mb(r.rss)} | ${mb(r.heap)} | ${mb(r.buffers)} | ${mb(r.held)} | ${mb(r.peak)} |`),
];
if (rows.length >= 2) {
  const live = fit(rows.map((r) => r.edges), rows.map((r) => r.rss));
  const peak = fit(rows.map((r) => r.edges), rows.map((r) => r.peak));
  const held = fit(rows.map((r) => r.edges), rows.map((r) => r.held));
  lines.push('', `fit: resident ${mb(live.a)} MB + ${live.b.toFixed(0)} bytes per edge (with its 0.1 node); peak ${mb(peak.a)} MB + ${peak.b.toFixed(0)} bytes per edge; the index's own arrays ${held.b.toFixed(0)} bytes per edge`);
  const ram = totalmem();
  lines.push(`so on this machine's ${Math.round(ram / 2 ** 30)} GiB, half the memory holds about ${Math.round((ram / 2 - peak.a) / peak.b / 1e6)}M edges by the peak fit`);
}
process.stdout.write(lines.join('\n') + '\n');
