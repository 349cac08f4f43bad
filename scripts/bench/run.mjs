#!/usr/bin/env node
/**
 * `npm run bench`: mechkg (compact index, and graphology on the smaller sizes) against networkx on seeded
 * signed scale-free KGX graphs, every measurement in its own process. Prints a table of medians and the
 * goals of issue 7 (met or missed); the raw numbers go to <out>/results.json. Progress on stderr.
 *
 *   node scripts/bench/run.mjs [--sizes 10000,100000,1000000] [--runs 3] [--out /tmp/mechkg-bench]
 *                              [--graphology-max 100000] [--no-networkx] [--markdown]
 *
 * Per size and tool:
 *   - "load+paths" process: load the file, answer `paths FROM TO --limit 10` (mechkg: the real CLI with
 *     --json; networkx: load + islice(shortest_simple_paths, 10)); whole-process wall time and peak RSS
 *     (from /usr/bin/time when present, else the process's own maxRSS), median of --runs.
 *   - load: the in-process load time, median of --runs "load" processes.
 *   - per query (after load, one warm-up): median over every query pair x 3 repetitions, one process.
 * Not a test: CI never runs it, and nothing here asserts a time.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateKgx, kgxPaths } from './generate-kgx.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const sizes = opt('sizes', '10000,100000,1000000').split(',').map(Number);
const runs = Number(opt('runs', '3'));
const out = opt('out', '/tmp/mechkg-bench');
const graphologyMax = Number(opt('graphology-max', '100000'));
const withNetworkx = !args.includes('--no-networkx');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const log = (s) => process.stderr.write(`bench: ${s}\n`);

for (const [name, value] of [['--sizes', sizes], ['--runs', [runs]], ['--graphology-max', [graphologyMax]]]) {
  if (value.some((v) => !Number.isInteger(v) || v < 1)) {
    log(`${name} must be positive whole numbers, got "${opt(name.slice(2))}"`);
    process.exit(2);
  }
}

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs a command as its own process; wall ms measured here, peak RSS from /usr/bin/time -v when present. */
function measure(cmd, argv, env = {}) {
  const full = TIME ? [TIME, ['-v', cmd, ...argv]] : [cmd, argv];
  const t0 = performance.now();
  const r = spawnSync(full[0], full[1], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wallMs = performance.now() - t0;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  let json = null;
  try {
    json = JSON.parse(r.stdout.trim().split('\n').pop() || 'null');
  } catch {
    json = null;
  }
  if (r.status !== 0 && !(r.status === 3 && cmd === 'python3')) {
    const why = (r.stderr ?? '').split('\n').filter((l) => l && !/^\s/.test(l) && !/Command being timed/.test(l)).slice(-3).join(' | ');
    log(`${cmd} ${argv.join(' ')} exited ${r.status}: ${why}`);
  }
  return { status: r.status, wallMs, rssKb: rss ? Number(rss[1]) : (json?.max_rss_kb ?? null), json, stdout: r.stdout };
}

function hasNetworkx() {
  const r = spawnSync('python3', ['-c', 'import networkx'], { encoding: 'utf8' });
  return r.status === 0;
}

function build() {
  log('building the library (tsc -p tsconfig.json)');
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

function ensureData(edges) {
  const paths = kgxPaths(out, edges);
  if (!existsSync(paths.edges) || !existsSync(paths.queries)) {
    log(`generating ${edges.toLocaleString('en')} edges into ${out}`);
    generateKgx({ edges, seed: 7, out });
  }
  return paths;
}

/** One tool on one size: load+paths processes, load processes, one queries process. */
function benchTool(tool, paths, pair) {
  const row = { tool, processMs: [], rssKb: [], loadMs: [], queries: {} };
  for (let r = 0; r < runs; r++) {
    let m;
    if (tool === 'networkx') {
      m = measure('python3', [join(here, 'networkx_bench.py'), paths.edges, paths.queries, 'paths']);
      if (m.status === 3) return null;
      row.loadMs.push(m.json?.load_ms);
      row.pathsFound = m.json?.found;
    } else {
      const env = { MECHKG_COMPACT: tool === 'mechkg-compact' ? 'always' : 'never' };
      m = measure(process.execPath, [join(root, 'bin', 'mechkg.js'), '--graph', paths.edges, 'paths', pair.from, pair.to, '--limit', '10', '--json'], env);
      try {
        row.pathsFound = JSON.parse(m.stdout).paths.length;
      } catch {
        row.pathsFound = null;
      }
      const l = measure(process.execPath, [join(here, 'mechkg-bench.mjs'), paths.edges, paths.queries, 'load', tool.replace('mechkg-', '')]);
      row.loadMs.push(l.json?.load_ms);
    }
    if (m.status === 0) {
      row.processMs.push(m.wallMs);
      row.rssKb.push(m.rssKb);
    }
    log(`${tool}: load+paths run ${r + 1}/${runs}: ${(m.wallMs / 1000).toFixed(2)} s, ${m.rssKb ? Math.round(m.rssKb / 1024) : '?'} MB`);
  }
  const q =
    tool === 'networkx'
      ? measure('python3', [join(here, 'networkx_bench.py'), paths.edges, paths.queries, 'queries', '--reps', '3'])
      : measure(process.execPath, [join(here, 'mechkg-bench.mjs'), paths.edges, paths.queries, 'queries', tool.replace('mechkg-', ''), '--reps', '3']);
  for (const [name, v] of Object.entries(q.json?.queries ?? {})) {
    row.queries[name] = { ms: median(v.ms), found: v.found, lengths: v.lengths, complete: v.complete };
  }
  log(`${tool}: queries ${Object.entries(row.queries).map(([k, v]) => `${k} ${v.ms?.toFixed(2)} ms`).join(', ')}`);
  return row;
}

const fmt = (x, digits = 2) => (x === null || x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(digits));
const per = (x, d) => (x === null ? null : x / d);
const ratio = (a, b) => (a && b ? a / b : null);

function table(results) {
  const lines = [];
  lines.push('| edges | tool | load (s) | load + `paths --limit 10` process (s) | peak RSS (MB) | shortest (ms) | 10 ranked (ms) | bounded, max-length 5, 1,000 (ms) | paths found (ranked / bounded, per pair) |');
  lines.push('|---:|---|---:|---:|---:|---:|---:|---:|---|');
  for (const { edges, rows } of results) {
    for (const r of rows) {
      const q = r.queries;
      lines.push(
        `| ${edges.toLocaleString('en')} | ${r.tool} | ${fmt(per(median(r.loadMs), 1000))} | ${fmt(per(median(r.processMs), 1000))} | ${fmt(per(median(r.rssKb), 1024), 0)} | ${fmt(q.shortest?.ms, 2)} | ${fmt(q.ranked?.ms, 2)} | ${fmt(q.bounded?.ms, 2)} | ${(q.ranked?.found ?? []).join(',')} / ${(q.bounded?.found ?? []).join(',')} |`,
      );
    }
    const nx = rows.find((r) => r.tool === 'networkx');
    const mc = rows.find((r) => r.tool === 'mechkg-compact');
    if (nx && mc) {
      lines.push(
        `| ${edges.toLocaleString('en')} | **networkx / compact** | ${fmt(ratio(median(nx.loadMs), median(mc.loadMs)), 1)}x | ${fmt(ratio(median(nx.processMs), median(mc.processMs)), 1)}x | ${fmt(per(ratio(median(mc.rssKb), median(nx.rssKb)), 0.01), 0)}% of networkx | ${fmt(ratio(nx.queries.shortest?.ms, mc.queries.shortest?.ms), 2)}x | ${fmt(ratio(nx.queries.ranked?.ms, mc.queries.ranked?.ms), 2)}x | ${fmt(ratio(nx.queries.bounded?.ms, mc.queries.bounded?.ms), 2)}x | |`,
      );
    }
  }
  return lines.join('\n');
}

function goals(results) {
  const big = results[results.length - 1];
  const nx = big?.rows.find((r) => r.tool === 'networkx');
  const mc = big?.rows.find((r) => r.tool === 'mechkg-compact');
  if (!nx || !mc) return 'goals: not checked (needs networkx and mechkg-compact on the same size)';
  const check = (label, value, target, unit = 'x', higherIsBetter = true) =>
    `- ${label}: ${value === null ? 'n/a' : `${value.toFixed(unit === '%' ? 0 : 1)}${unit}`} (goal ${higherIsBetter ? '>=' : '<='} ${target}${unit}): ${value === null ? 'not measured' : (higherIsBetter ? value >= target : value <= target) ? 'MET' : 'MISSED'}`;
  return [
    `goals of issue 7 at ${big.edges.toLocaleString('en')} edges:`,
    check('load + paths --limit 10, whole process, speed-up over networkx', ratio(median(nx.processMs), median(mc.processMs)), 10),
    check('   ... peak memory as a share of networkx', per(ratio(median(mc.rssKb), median(nx.rssKb)), 0.01), 40, '%', false),
    check('shortest path speed-up', ratio(nx.queries.shortest?.ms, mc.queries.shortest?.ms), 5),
    check('10 ranked paths speed-up', ratio(nx.queries.ranked?.ms, mc.queries.ranked?.ms), 10),
    check('bounded enumeration speed-up', ratio(nx.queries.bounded?.ms, mc.queries.bounded?.ms), 10),
  ].join('\n');
}

function machine() {
  const model = (() => {
    try {
      return /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model;
    } catch {
      return cpus()[0]?.model;
    }
  })();
  return `${cpus().length} cores (${model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}`;
}

build();
mkdirSync(out, { recursive: true });
const nxAvailable = withNetworkx && hasNetworkx();
if (withNetworkx && !nxAvailable) log('python3 with networkx not found: networkx columns skipped');
const results = [];
for (const edges of sizes) {
  const paths = ensureData(edges);
  const pair = JSON.parse(readFileSync(paths.queries, 'utf8'))[0];
  const tools = ['mechkg-compact', ...(edges <= graphologyMax ? ['mechkg-graphology'] : []), ...(nxAvailable ? ['networkx'] : [])];
  const rows = [];
  for (const tool of tools) {
    log(`${edges.toLocaleString('en')} edges: ${tool}`);
    const row = benchTool(tool, paths, pair);
    if (row) rows.push(row);
  }
  results.push({ edges, rows });
}
writeFileSync(join(out, 'results.json'), JSON.stringify({ machine: machine(), results }, null, 2));
process.stdout.write(`\n${machine()}\n\n${table(results)}\n\n${goals(results)}\n\nraw numbers: ${join(out, 'results.json')}\n`);
