#!/usr/bin/env node
/**
 * `npm run bench`: mechkg (compact index, and graphology on small sizes) against networkx on seeded signed
 * scale-free KGX graphs written in several file shapes (kgx-shapes.mjs: plain 4-column, wide 16-column,
 * long CURIEs with non-ASCII names, KGX writer quirks), every measurement in its own process, mechkg and
 * networkx runs alternating. Prints one table per shape, the hub queries, and the goal check on every shape;
 * the raw numbers go to <out>/results.json. Progress on stderr.
 *
 *   node scripts/bench/run.mjs [--sizes 100000,1000000] [--shapes plain,wide,unicode,quirks] [--runs 3]
 *                              [--out /tmp/mechkg-bench] [--graphology-max 0] [--no-networkx] [--no-hubs]
 *
 * Per size, shape and tool:
 *   - "load+paths" process: load the file, answer `paths FROM TO --limit 10` (mechkg: the real CLI with
 *     --json; networkx: load + islice(shortest_simple_paths, 10)); whole-process wall time and peak RSS
 *     (from /usr/bin/time when present, else the process's own maxRSS), median of --runs; the tools take
 *     turns run by run, so a change in machine load hits both.
 *   - load: the in-process load time, median of --runs "load" processes.
 *   - per query (after load, one warm-up): median over every query pair x 3 repetitions, one process.
 *     shortest is shortestPath (one shortest route, as nx.shortest_path); `paths --rank length --limit 1`
 *     (mechkg only) ranks every shortest route by evidence and looks for a route of the other sign.
 *   - hubs (mechkg only, biggest size): `effects` from the node with most edges out, `regulators` and
 *     `loops` of the node with most edges in, as whole CLI processes with --json: wall time, peak RSS and
 *     the `complete` flag each answer gives.
 * Not a test: CI never runs it, and nothing here asserts a time.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateKgx, kgxPaths } from './generate-kgx.mjs';
import { SHAPES } from './kgx-shapes.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const sizes = opt('sizes', '100000,1000000').split(',').map(Number);
const shapes = opt('shapes', 'plain,wide,unicode,quirks').split(',');
const runs = Number(opt('runs', '3'));
const out = opt('out', '/tmp/mechkg-bench');
const graphologyMax = Number(opt('graphology-max', '0'));
const withNetworkx = !args.includes('--no-networkx');
const withHubs = !args.includes('--no-hubs');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const log = (s) => process.stderr.write(`bench: ${s}\n`);

const unknownShape = shapes.find((x) => !SHAPES.includes(x));
if (unknownShape !== undefined) {
  log(`--shapes: unknown shape "${unknownShape}" (one of ${SHAPES.join(', ')})`);
  process.exit(2);
}
for (const [name, value, min] of [['--sizes', sizes, 1], ['--runs', [runs], 1], ['--graphology-max', [graphologyMax], 0]]) {
  if (value.some((v) => !Number.isInteger(v) || v < min)) {
    log(`${name} must be whole numbers of at least ${min}, got "${opt(name.slice(2))}"`);
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
  // CPU time (user + system, all threads) says what the work cost even when other jobs share the cores.
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '');
  const sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '');
  const cpuMs = user && sys ? (Number(user[1]) + Number(sys[1])) * 1000 : null;
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
  return { status: r.status, wallMs, cpuMs, rssKb: rss ? Number(rss[1]) : (json?.max_rss_kb ?? null), json, stdout: r.stdout };
}

function hasNetworkx() {
  const r = spawnSync('python3', ['-c', 'import networkx'], { encoding: 'utf8' });
  return r.status === 0;
}

function build() {
  log('building the library (tsc -p tsconfig.json)');
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

function ensureData(edges, shape) {
  const paths = kgxPaths(out, edges, shape);
  if (!existsSync(paths.edges) || !existsSync(paths.queries) || !existsSync(paths.hubs)) {
    log(`generating ${edges.toLocaleString('en')} edges, shape ${shape}, into ${out}`);
    generateKgx({ edges, seed: 7, out, shape });
  }
  return paths;
}

/** One load+paths run (and one load-only run) of a tool, added to its row. */
function runOnce(tool, row, paths, pair, r) {
  let m;
  {
    if (tool === 'networkx') {
      m = measure('python3', [join(here, 'networkx_bench.py'), paths.edges, paths.queries, 'paths']);
      if (m.status === 3) return false;
      row.loadMs.push(m.json?.load_ms);
      row.pathsFound = m.json?.found;
    } else {
      const env = { MECHKG_COMPACT: tool === 'mechkg-compact' ? 'always' : 'never' };
      m = measure(process.execPath, [join(root, 'bin', 'mechkg.js'), '--graph', paths.edges, 'paths', pair.from, pair.to, '--limit', '10', '--rank', 'length', '--json'], env); // networkx ranks by length: like for like
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
      if (m.cpuMs !== null) row.cpuMs.push(m.cpuMs);
      row.rssKb.push(m.rssKb);
    }
    log(`${tool}: load+paths run ${r + 1}/${runs}: ${(m.wallMs / 1000).toFixed(2)} s, ${m.rssKb ? Math.round(m.rssKb / 1024) : '?'} MB`);
  }
  return true;
}

/** The per-query timings of a tool (one process after load). */
function queryTimes(tool, row, paths) {
  const q =
    tool === 'networkx'
      ? measure('python3', [join(here, 'networkx_bench.py'), paths.edges, paths.queries, 'queries', '--reps', '3'])
      : measure(process.execPath, [join(here, 'mechkg-bench.mjs'), paths.edges, paths.queries, 'queries', tool.replace('mechkg-', ''), '--reps', '3']);
  for (const [name, v] of Object.entries(q.json?.queries ?? {})) {
    row.queries[name] = { ms: median(v.ms), coldMs: v.cold_ms ? median(v.cold_ms) : null, found: v.found, lengths: v.lengths, complete: v.complete };
  }
  log(`${tool}: queries ${Object.entries(row.queries).map(([k, v]) => `${k} ${v.ms?.toFixed(2)} ms`).join(', ')}`);
}

/** All tools on one file: load+paths runs alternate between the tools, then the per-query processes. */
function benchFile(tools, paths, pair) {
  const rows = tools.map((tool) => ({ tool, processMs: [], cpuMs: [], rssKb: [], loadMs: [], queries: {} }));
  const live = new Set(tools);
  for (let r = 0; r < runs; r++) {
    for (const row of rows) if (live.has(row.tool) && !runOnce(row.tool, row, paths, pair, r)) live.delete(row.tool);
  }
  const kept = rows.filter((row) => live.has(row.tool));
  for (const row of kept) queryTimes(row.tool, row, paths);
  return kept;
}

/** effects / regulators / loops on the hubs, each a whole CLI process; median of runs. */
function benchHubs(paths) {
  const hubs = JSON.parse(readFileSync(paths.hubs, 'utf8'));
  const commands = [
    ['effects', hubs.out],
    ['regulators', hubs.in],
    ['loops', hubs.in],
  ];
  return commands.map(([command, node]) => {
    const wall = [];
    const rss = [];
    let answer = null;
    for (let r = 0; r < runs; r++) {
      const m = measure(process.execPath, [join(root, 'bin', 'mechkg.js'), '--graph', paths.edges, command, node, '--json'], { MECHKG_COMPACT: 'always' });
      try {
        answer = JSON.parse(m.stdout);
      } catch {
        answer = null;
      }
      if (m.status === 0) {
        wall.push(m.wallMs);
        rss.push(m.rssKb);
      }
      log(`hub ${command} ${node}: ${(m.wallMs / 1000).toFixed(2)} s, ${m.rssKb ? Math.round(m.rssKb / 1024) : '?'} MB, exit ${m.status}`);
    }
    const count = answer ? (answer.effects ?? answer.regulators ?? answer.loops ?? []).length : null;
    return { command, node, ms: median(wall), rssKb: median(rss), complete: answer?.complete ?? (answer ? !answer.truncated : null), count };
  });
}

const fmt = (x, digits = 2) => (x === null || x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(digits));
const per = (x, d) => (x === null ? null : x / d);
const ratio = (a, b) => (a && b ? a / b : null);

function table(results) {
  const lines = [];
  const cold = [];
  lines.push('| edges | tool | load (s) | load + `paths --limit 10` process (s) | its CPU time (s) | peak RSS (MB) | shortest (ms) | `paths --rank length --limit 1` (ms) | 10 ranked (ms) | bounded, max-length 5, 1,000 (ms) | paths found (ranked / bounded, per pair) |');
  lines.push('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const { edges, rows } of results) {
    for (const r of rows) {
      const q = r.queries;
      lines.push(
        `| ${edges.toLocaleString('en')} | ${r.tool} | ${fmt(per(median(r.loadMs), 1000))} | ${fmt(per(median(r.processMs), 1000))} | ${fmt(per(median(r.cpuMs), 1000))} | ${fmt(per(median(r.rssKb), 1024), 0)} | ${fmt(q.shortest?.ms, 2)} | ${q.bestShortest ? fmt(q.bestShortest.ms, 2) : 'n/a'} | ${fmt(q.ranked?.ms, 2)} | ${fmt(q.bounded?.ms, 2)} | ${(q.ranked?.found ?? []).join(',')} / ${(q.bounded?.found ?? []).join(',')} |`,
      );
    }
    const nx = rows.find((r) => r.tool === 'networkx');
    const mc = rows.find((r) => r.tool === 'mechkg-compact');
    if (nx && mc) {
      cold.push(`${edges.toLocaleString('en')} edges, first pass over the pairs before warm-up (median ms, mechkg / networkx): ${['shortest', 'ranked', 'bounded'].map((q) => `${q} ${fmt(mc.queries[q]?.coldMs, 2)} / ${fmt(nx.queries[q]?.coldMs, 2)}`).join(', ')}`);
      lines.push(
        `| ${edges.toLocaleString('en')} | **networkx / compact** | ${fmt(ratio(median(nx.loadMs), median(mc.loadMs)), 1)}x | ${fmt(ratio(median(nx.processMs), median(mc.processMs)), 1)}x | ${fmt(ratio(median(nx.cpuMs), median(mc.cpuMs)), 1)}x | ${fmt(per(ratio(median(mc.rssKb), median(nx.rssKb)), 0.01), 0)}% of networkx | ${fmt(ratio(nx.queries.shortest?.ms, mc.queries.shortest?.ms), 2)}x | | ${fmt(ratio(nx.queries.ranked?.ms, mc.queries.ranked?.ms), 2)}x | ${fmt(ratio(nx.queries.bounded?.ms, mc.queries.bounded?.ms), 2)}x | |`,
      );
    }
  }
  if (cold.length) lines.push('', 'Per-query times above are after warm-up (the first pass over the pairs, then up to 5,000 calls or 2 s per query kind, the same rule for both tools).', ...cold.map((c) => `- ${c}`));
  return lines.join('\n');
}

/** The goal checks on the biggest size of one shape, as [label, value, met] rows and text. */
function goalRows(results) {
  const big = results[results.length - 1];
  const nx = big?.rows.find((r) => r.tool === 'networkx');
  const mc = big?.rows.find((r) => r.tool === 'mechkg-compact');
  if (!nx || !mc) return null;
  return [
    ['load + paths --limit 10 speed-up', ratio(median(nx.processMs), median(mc.processMs)), 10, true, 'x'],
    ['peak memory share of networkx', per(ratio(median(mc.rssKb), median(nx.rssKb)), 0.01), 40, false, '%'],
    ['shortest path speed-up', ratio(nx.queries.shortest?.ms, mc.queries.shortest?.ms), 1, true, 'x'],
    ['10 ranked paths speed-up', ratio(nx.queries.ranked?.ms, mc.queries.ranked?.ms), 10, true, 'x'],
    ['bounded enumeration speed-up', ratio(nx.queries.bounded?.ms, mc.queries.bounded?.ms), 10, true, 'x'],
  ].map(([label, value, target, higher, unit]) => ({ label, value, target, higher, unit, met: value !== null && (higher ? value >= target : value <= target) }));
}

function goalSummary(results) {
  const lines = ['goal check (issue 17), biggest size of each shape:'];
  let all = true;
  for (const shape of shapes) {
    const rows = goalRows(results.filter((r) => r.shape === shape));
    if (!rows) {
      lines.push(`- ${shape}: not checked (needs networkx and mechkg-compact)`);
      all = false;
      continue;
    }
    const missed = rows.filter((r) => !r.met);
    all &&= missed.length === 0;
    lines.push(`- ${shape}: ${missed.length === 0 ? 'every goal MET' : `MISSED ${missed.map((r) => r.label).join('; ')}`}`);
  }
  lines.push(all ? 'all shapes meet every goal' : 'not every shape meets every goal');
  return lines.join('\n');
}

function hubTable(hubRows) {
  if (hubRows.length === 0) return '';
  const lines = ['hub queries (mechkg CLI, whole process, goal: seconds and <= 500 MB with an honest complete flag):', '', '| shape | edges | command | node | time (s) | peak RSS (MB) | answers | complete |', '|---|---:|---|---|---:|---:|---:|---|'];
  for (const { shape, edges, rows } of hubRows) {
    for (const r of rows) lines.push(`| ${shape} | ${edges.toLocaleString('en')} | ${r.command} | ${r.node} | ${fmt(per(r.ms, 1000))} | ${fmt(per(r.rssKb, 1024), 0)} | ${r.count ?? 'n/a'} | ${r.complete ?? 'n/a'} |`);
  }
  return lines.join('\n');
}

function goals(results, shape) {
  const big = results[results.length - 1];
  const nx = big?.rows.find((r) => r.tool === 'networkx');
  const mc = big?.rows.find((r) => r.tool === 'mechkg-compact');
  if (!nx || !mc) return 'goals: not checked (needs networkx and mechkg-compact on the same size)';
  const check = (label, value, target, unit = 'x', higherIsBetter = true) =>
    `- ${label}: ${value === null ? 'n/a' : `${value.toFixed(unit === '%' ? 0 : 1)}${unit}`} (goal ${higherIsBetter ? '>=' : '<='} ${target}${unit}): ${value === null ? 'not measured' : (higherIsBetter ? value >= target : value <= target) ? 'MET' : 'MISSED'}`;
  return [
    `goals at ${big.edges.toLocaleString('en')} edges, shape ${shape}:`,
    check('load + paths --limit 10, whole process, speed-up over networkx', ratio(median(nx.processMs), median(mc.processMs)), 10),
    check('   ... peak memory as a share of networkx', per(ratio(median(mc.rssKb), median(nx.rssKb)), 0.01), 40, '%', false),
    check('shortest path speed-up', ratio(nx.queries.shortest?.ms, mc.queries.shortest?.ms), 1),
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
const load = () => {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'n/a';
  }
};
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const loadBefore = load();
const results = [];
for (const shape of shapes) {
  for (const edges of sizes) {
    const paths = ensureData(edges, shape);
    const pair = JSON.parse(readFileSync(paths.queries, 'utf8'))[0];
    const tools = ['mechkg-compact', ...(edges <= graphologyMax ? ['mechkg-graphology'] : []), ...(nxAvailable ? ['networkx'] : [])];
    log(`${shape}, ${edges.toLocaleString('en')} edges: ${tools.join(', ')} (load average ${load()})`);
    results.push({ shape, edges, load: load(), rows: benchFile(tools, paths, pair) });
  }
}
const hubRows = [];
if (withHubs) {
  for (const shape of shapes) hubRows.push({ shape, edges: sizes[sizes.length - 1], rows: benchHubs(kgxPaths(out, sizes[sizes.length - 1], shape)) });
}
const header = `${machine()}; commit ${commit}; load average (1, 5, 15 min) ${loadBefore} before, ${load()} after`;
writeFileSync(join(out, 'results.json'), JSON.stringify({ machine: header, results, hubs: hubRows }, null, 2));
const perShape = shapes.map((shape) => `### ${shape}\n\n${table(results.filter((r) => r.shape === shape))}\n\n${goals(results.filter((r) => r.shape === shape), shape)}`).join('\n\n');
process.stdout.write(`\n${header}\n\n${perShape}\n\n${hubTable(hubRows)}\n\n${goalSummary(results)}\n\nraw numbers: ${join(out, 'results.json')}\n`);
