#!/usr/bin/env node
// Validation of a large graph folder: generates N nodes (default 50,000) in 50 module files with two edges
// per node, each with one evidence entry, then loads it through the one loader (YAML parse, schema, cross
// checks, graph build) in a fresh process and prints wall time and peak memory (max RSS).
// Usage: node scripts/bench-validate.mjs [nodes=50000] [runs=3]   (run `npm run build:lib` first)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const nodes = Number(process.argv[2] ?? 50_000);
const runs = Number(process.argv[3] ?? 3);
const MODULES = 50;
// kinds that need no PMID or DOI on their source (no identifier is invented for generated sources)
const KINDS = ['established_biochemistry', 'review_statement'];
const CATEGORIES = ['small_molecule', 'protein', 'gene', 'biological_process', 'disease', 'phenotype'];
const PREDICATES = ['increases', 'decreases', 'activates', 'inhibits', 'associated_with'];

const dir = mkdtempSync(join(tmpdir(), 'mechkg-bench-validate-'));
mkdirSync(join(dir, 'modules'));
const sources = Array.from({ length: 1000 }, (_, i) => `  - {id: src-${i}, kind: primary_paper, title: Study number ${i}, year: ${1990 + (i % 35)}}`);
writeFileSync(join(dir, 'sources.yaml'), `sources:\n${sources.join('\n')}\n`);
const per = Math.ceil(nodes / MODULES);
let bytes = 0;
for (let m = 0; m < MODULES; m++) {
  const lines = [`module: {id: m${m}, title: Module ${m}, summary: Generated module ${m} for the validation benchmark.}`, 'nodes:'];
  const first = m * per;
  const last = Math.min(nodes, first + per);
  for (let i = first; i < last; i++) {
    lines.push(`  - id: n${i}`, `    label: entity ${i}`, `    category: ${CATEGORIES[i % CATEGORIES.length]}`, `    description: Generated entity number ${i}.`, `    synonyms: [alias ${i}a, alias ${i}b]`);
  }
  lines.push('edges:');
  for (let i = first; i < last; i++) {
    for (const d of [1, 7]) {
      const t = (i + d * 7919) % nodes;
      if (t === i) continue;
      lines.push(
        `  - source: n${i}`,
        `    predicate: ${PREDICATES[(i + d) % PREDICATES.length]}`,
        `    target: n${t}`,
        `    evidence:`,
        `      - source: src-${(i * 31 + d) % 1000}`,
        `        kind: ${KINDS[(i + d) % KINDS.length]}`,
        `        statement: Generated finding linking entity ${i} to entity ${t}.`,
      );
    }
  }
  const text = lines.join('\n') + '\n';
  bytes += text.length;
  writeFileSync(join(dir, 'modules', `m${m}.yaml`), text);
}

export const GRAPH_DIR = dir;
if (process.env.BENCH_KEEP) { console.log(dir); process.exit(0); }
const probe = `
const { tryLoadGraph } = await import(${JSON.stringify(join(root, 'dist/src/node.js'))});
const t = performance.now();
const r = tryLoadGraph(${JSON.stringify(dir)});
const ms = performance.now() - t;
console.log(JSON.stringify({ ms, ok: r.ok, nodes: r.ok ? r.graph.order : 0, edges: r.ok ? r.graph.size : 0, errors: r.problems.filter((p) => p.level === 'error').length, maxRssMb: process.resourceUsage().maxRSS / 1024, cpuS: (process.cpuUsage().user + process.cpuUsage().system) / 1e6 }));`;
const results = [];
for (let i = 0; i < runs; i++) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  results.push(JSON.parse(r.stdout));
}
const cli = spawnSync(process.execPath, [join(root, 'bin/mechkg.js'), 'validate', dir], { encoding: 'utf8', maxBuffer: 1 << 28 });
rmSync(dir, { recursive: true, force: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const r0 = results[0];
console.log(`graph: ${r0.nodes} nodes, ${r0.edges} edges in ${MODULES} module files (${(bytes / 1e6).toFixed(1)} MB of YAML); ok=${r0.ok}, errors=${r0.errors}`);
console.log(`load + validate: median ${(median(results.map((r) => r.ms)) / 1000).toFixed(2)} s wall, ${median(results.map((r) => r.cpuS)).toFixed(1)} s CPU (whole process), peak RSS median ${median(results.map((r) => r.maxRssMb)).toFixed(0)} MB (${runs} fresh processes)`);
console.log(`mechkg validate exit ${cli.status}: ${cli.stdout.trim().split('\n').pop()}`);
console.log(`machine: ${cpus()[0]?.model ?? 'unknown'} x${cpus().length}, node ${process.version}, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}, ${new Date().toISOString().slice(0, 10)}`);
