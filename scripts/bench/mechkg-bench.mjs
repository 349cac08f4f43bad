#!/usr/bin/env node
/**
 * mechkg side of `npm run bench`: one process loads a KGX file and times queries, printing one JSON object.
 *
 *   node scripts/bench/mechkg-bench.mjs EDGES_TSV QUERIES_JSON MODE ENGINE [--reps N]
 *
 * MODE: `load` (load only) or `queries` (load, then time shortest / ranked / bounded on every pair).
 * ENGINE: `compact` (src/scale's CompactIndex, streamed) or `graphology` (the KGX importer into graphology,
 * as small files open). The same workload as networkx_bench.py: shortest = paths --limit 1, ranked =
 * paths --limit 10, bounded = paths --max-length 5 --limit 1000; one warm-up query first (as for networkx).
 * Uses the compiled library in dist/ (the runner builds it first).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const lib = await import(pathToFileURL(join(root, 'dist', 'src', 'node.js')).href);

export const QUERIES = {
  // networkx ranks by length, so mechkg is asked to as well (its default ranks by evidence first).
  shortest: { limit: 1, rank: 'length' },
  ranked: { limit: 10, rank: 'length' },
  bounded: { maxLength: 5, limit: 1000, rank: 'length' },
};

async function open(edgesPath, engine) {
  if (engine === 'compact') return lib.loadKgxIndex(edgesPath, { onProgress: () => {} });
  if (engine === 'graphology') return lib.loadGraph(edgesPath);
  throw new Error(`mechkg-bench: unknown engine "${engine}" (compact or graphology)`);
}

async function main() {
  const [edgesPath, queriesPath, mode, engine] = process.argv.slice(2);
  const repsAt = process.argv.indexOf('--reps');
  const reps = repsAt > 0 ? Number(process.argv[repsAt + 1]) : 3;
  const pairs = JSON.parse(readFileSync(queriesPath, 'utf8'));
  const started = performance.now();
  const graph = await open(edgesPath, engine);
  const loadMs = performance.now() - started;
  const out = { tool: `mechkg-${engine}`, mode, load_ms: loadMs };
  if (mode === 'queries') {
    out.queries = {};
    for (const [name, options] of Object.entries(QUERIES)) {
      lib.findPaths(graph, pairs[0].from, pairs[0].to, options); // warm-up
      const ms = [];
      const found = [];
      const lengths = [];
      const complete = [];
      for (const pair of pairs) {
        let result;
        for (let r = 0; r < reps; r++) {
          const t0 = performance.now();
          result = lib.findPaths(graph, pair.from, pair.to, options);
          ms.push(performance.now() - t0);
        }
        found.push(result.paths.length);
        lengths.push(result.paths.slice(0, 10).map((p) => p.length));
        complete.push(result.complete);
      }
      out.queries[name] = { ms, found, lengths, complete };
      process.stderr.write(`mechkg-bench: ${engine} ${name} done\n`);
    }
  } else if (mode !== 'load') {
    throw new Error(`mechkg-bench: unknown mode "${mode}" (load or queries)`);
  }
  out.max_rss_kb = process.resourceUsage().maxRSS;
  out.process_ms = performance.now() - started;
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((err) => {
  process.stderr.write(`mechkg-bench: ${err.message}\n`);
  process.exit(1);
});
