#!/usr/bin/env node
/**
 * `npm run bench:hypotheses`: `mechkg hypotheses` on a seeded scale-free KGX graph (default 1M edges,
 * 100k nodes, generate-kgx.mjs) with 20 observations: the predicted directions of one node raised
 * (effects at the same depth as the query), 2 of them flipped as noise. Measures, each in its own process:
 *   - the whole CLI process (`mechkg --graph F hypotheses obs.csv --json`): wall time and peak RSS
 *     (/usr/bin/time -v when present), median of --runs;
 *   - in-process, after loading the compact index once: explainObservations alone, median of --runs.
 * Prints one JSON object with the figures, `complete` and the work stats, and (from one more, untimed
 * call with --limit 100) the planted node's rank and counts.
 *
 *   node scripts/bench/hypotheses-bench.mjs [--edges 1000000] [--depth 4] [--runs 3] [--seed 7] [--out /tmp/mechkg-hyp-bench]
 *
 * Not a test: nothing asserts a time.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateKgx, kgxPaths } from './generate-kgx.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const edges = Number(opt('edges', '1000000'));
const depth = Number(opt('depth', '4'));
const runs = Number(opt('runs', '3'));
const seed = Number(opt('seed', '7'));
const out = opt('out', '/tmp/mechkg-hyp-bench');
const log = (s) => process.stderr.write(`bench:hypotheses: ${s}\n`);
for (const [name, v] of [['edges', edges], ['depth', depth], ['runs', runs], ['seed', seed]]) {
  if (!Number.isInteger(v) || v < 1) {
    log(`--${name} must be a positive whole number`);
    process.exit(2);
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

if (process.argv[2] === '--in-process') {
  // Child mode: load once, then time explainObservations alone.
  const [, , , edgesPath, obsPath, d, n] = process.argv;
  const lib = await import(pathToFileURL(join(root, 'dist', 'src', 'node.js')).href);
  const { readFileSync } = await import('node:fs');
  const t0 = performance.now();
  const index = await lib.loadKgxIndex(edgesPath, { onProgress: () => {} });
  const loadMs = performance.now() - t0;
  const observations = lib.readObservations(obsPath, readFileSync(obsPath, 'utf8'));
  const times = [];
  let result;
  for (let i = 0; i < Number(n); i++) {
    const t = performance.now();
    result = lib.explainObservations(index, observations, { maxDepth: Number(d) });
    times.push(performance.now() - t);
  }
  process.stdout.write(JSON.stringify({ loadMs, queryMs: times, complete: result.complete, stats: result.stats, top: result.hypotheses.slice(0, 3).map((h) => `${h.direction} ${h.node.id}`), rssMb: process.memoryUsage().rss / 2 ** 20 }) + '\n');
  process.exit(0);
}

log('building the library (tsc -p tsconfig.json)');
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
mkdirSync(out, { recursive: true });
const paths = kgxPaths(out, edges);
if (!existsSync(paths.edges)) {
  log(`generating ${edges.toLocaleString('en')} edges into ${out}`);
  generateKgx({ edges, seed, out });
}

// The planted perturbation: the first node (in file order) whose raising predicts >= 20 up/down changes.
const lib = await import(pathToFileURL(join(root, 'dist', 'src', 'node.js')).href);
const index = await lib.loadKgxIndex(paths.edges, { onProgress: () => {} });
let planted = null;
let rows = [];
for (let n = 0; n < index.nodeCount && !planted; n += 97) {
  const id = index.nodeId(n);
  const e = lib.effects(index, id, { depth }).effects.filter((x) => x.effect === 'up' || x.effect === 'down');
  if (e.length >= 40) {
    planted = id;
    // every other effect, so the observations are not all one branch; two flipped as noise
    rows = e.filter((_, i) => i % 2 === 0).slice(0, 20).map((x, i) => [x.node.id, (i === 5 || i === 13) === (x.effect === 'up') ? 'down' : 'up']);
  }
}
if (!planted) {
  log('no node with 40 predicted effects found');
  process.exit(1);
}
const obsPath = join(out, `observations-${edges}.csv`);
writeFileSync(obsPath, 'node,direction\n' + rows.map((r) => r.join(',')).join('\n') + '\n');
log(`planted: ${planted} raised; ${rows.length} observations in ${obsPath}`);

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const cli = [join(root, 'bin', 'mechkg.js'), '--graph', paths.edges, 'hypotheses', obsPath, '--json', '--max-depth', String(depth)];
const processes = [];
let answer = null;
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const r = TIME ? spawnSync(TIME, ['-v', process.execPath, ...cli], { encoding: 'utf8', maxBuffer: 1 << 28 }) : spawnSync(process.execPath, cli, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) {
    log(`mechkg exited ${r.status}: ${r.stderr.split('\n').slice(0, 3).join(' | ')}`);
    process.exit(1);
  }
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  processes.push({ wallMs, rssMb: rss ? Number(rss[1]) / 1024 : null });
  answer = JSON.parse(r.stdout);
  log(`process run ${i + 1}: ${(wallMs / 1000).toFixed(2)} s`);
}
const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--in-process', paths.edges, obsPath, String(depth), String(runs)], { encoding: 'utf8', maxBuffer: 1 << 28 });
const inProcess = JSON.parse(child.stdout.trim());
const observations = lib.readObservations(obsPath, (await import('node:fs')).readFileSync(obsPath, 'utf8'));
const wide = lib.explainObservations(index, observations, { maxDepth: depth, limit: 100 });
const rank = wide.hypotheses.findIndex((h) => h.node.id === planted && h.direction === 'up');
/** "up chebi-1 (correct/incorrect/ambiguous/unreached, p-values)". */
function describe(h) {
  return `${h.direction} ${h.node.id} (${h.correct}/${h.incorrect}/${h.ambiguous}/${h.unreached}, pC ${h.pConcordance.toExponential(2)}, pR ${h.pRichness.toExponential(2)})`;
}
const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
const uptime = spawnSync('uptime', { encoding: 'utf8' }).stdout.trim();
process.stdout.write(
  JSON.stringify(
    {
      date: new Date().toISOString(),
      commit,
      load: uptime,
      graph: { edges: index.edgeCount, nodes: index.nodeCount, file: paths.edges },
      observations: rows.length,
      depth,
      process: { wallMsMedian: Math.round(median(processes.map((p) => p.wallMs))), peakRssMb: processes.map((p) => p.rssMb && Math.round(p.rssMb)) },
      inProcess: { loadMs: Math.round(inProcess.loadMs), queryMsMedian: Math.round(median(inProcess.queryMs)), queryMs: inProcess.queryMs.map(Math.round), rssMb: Math.round(inProcess.rssMb) },
      complete: answer.complete,
      stats: answer.stats,
      planted,
      plantedRank: rank < 0 ? null : rank + 1,
      plantedHypothesis: rank < 0 ? null : describe(wide.hypotheses[rank]),
      top3: answer.hypotheses.slice(0, 3).map(describe),
    },
    null,
    2,
  ) + '\n',
);
