#!/usr/bin/env node
// Whole-process time of a `paths` query vs bare `node -e 0` (median of N runs each, interleaved).
// Usage: node scripts/bench-cli.mjs [runs=21] [-- extra mechkg args]
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 21);
const dash = process.argv.indexOf('--');
const query = dash >= 0 ? process.argv.slice(dash + 1) : ['paths', 'B12', 'autophagy', '--json'];

function time(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bare = [];
const cli = [];
time(['bin/mechkg.js', ...query]); // warm the file-system cache
for (let i = 0; i < runs; i++) {
  bare.push(time(['-e', '0']));
  cli.push(time(['bin/mechkg.js', ...query]));
}
const b = median(bare);
const c = median(cli);
console.log(`node -e 0:              median ${b.toFixed(1)} ms (${runs} runs)`);
console.log(`mechkg ${query.join(' ')}: median ${c.toFixed(1)} ms`);
console.log(`overhead over bare node: ${(c - b).toFixed(1)} ms (goal: <= 150 ms)`);
console.log(`machine: ${cpus()[0]?.model ?? 'unknown'} x${cpus().length}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
