#!/usr/bin/env node
// Whole-process time of CLI queries vs bare `node -e 0` (median of N runs each, interleaved): `paths B12
// autophagy` and `effects B12 --down`. Then the in-process time of effects() on the curated graph, the
// call the explorer makes on each perturbation (graph already loaded; median of N per perturbation).
// Usage: node scripts/bench-cli.mjs [runs=21] [-- extra mechkg args]   (with `--`, only that CLI query)
// Build first (npx tsc -p tsconfig.json): the library is read from dist/.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 21);
const dash = process.argv.indexOf('--');
const queries = dash >= 0 ? [process.argv.slice(dash + 1)] : [['paths', 'B12', 'autophagy', '--json'], ['effects', 'B12', '--down', '--json']];

function time(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`date ${new Date().toISOString()}, commit ${commit}, load average at start ${load()}`);

for (const query of queries) {
  const bare = [];
  const cli = [];
  time(['bin/mechkg.js', ...query]); // warm the file-system cache and the graph snapshot cache
  for (let i = 0; i < runs; i++) {
    bare.push(time(['-e', '0']));
    cli.push(time(['bin/mechkg.js', ...query]));
  }
  const b = median(bare);
  const c = median(cli);
  console.log(`node -e 0:              median ${b.toFixed(1)} ms (${runs} runs)`);
  console.log(`mechkg ${query.join(' ')}: median ${c.toFixed(1)} ms`);
  console.log(`overhead over bare node: ${(c - b).toFixed(1)} ms (goal: <= 150 ms)`);
}

if (dash < 0) {
  const lib = await import(new URL('../dist/src/node.js', import.meta.url).href);
  const graph = lib.loadGraph();
  const perturbations = [
    ['B12', 'down'],
    ['metformin', 'up'],
    ['folate', 'up'],
  ];
  for (const [node, direction] of perturbations) {
    lib.effects(graph, node, { direction }); // warm-up (builds the index and the flow view once)
    const ms = [];
    let reached = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = process.hrtime.bigint();
      reached = lib.effects(graph, node, { direction }).total;
      ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    console.log(`effects(${node}, ${direction}) in process, curated graph: median ${median(ms).toFixed(2)} ms, max ${Math.max(...ms).toFixed(2)} ms (${runs} runs, ${reached} nodes reached; goal: interactive, < 100 ms)`);
  }
}
console.log(`machine: ${cpus()[0]?.model ?? 'unknown'} x${cpus().length}, node ${process.version}, load average at end ${load()}`);
