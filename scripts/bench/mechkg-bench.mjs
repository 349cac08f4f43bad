#!/usr/bin/env node
/**
 * mechkg side of `npm run bench`: one process loads a KGX file and times queries, printing one JSON object.
 *
 *   node scripts/bench/mechkg-bench.mjs EDGES_TSV QUERIES_JSON MODE ENGINE [--reps N]
 *
 * MODE: `load` (load only) or `queries` (load, then time shortest / ranked / bounded on every pair).
 * ENGINE: `compact` (src/scale's CompactIndex, streamed) or `graphology` (the KGX importer into graphology,
 * as small files open). The same workload as networkx_bench.py: shortest = shortestPath (one shortest
 * route, as nx.shortest_path), ranked = paths --limit 10, bounded = paths --max-length 5 --limit 1000; one
 * timed first pass (cold) and warm-up calls first, as for networkx. Also `bestShortest` = paths --rank length --limit 1, which networkx
 * has no counterpart for: it ranks every shortest route by evidence and looks for a route of the other sign.
 * Uses the compiled library in dist/ (the runner builds it first).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const lib = await import(pathToFileURL(join(root, 'dist', 'src', 'node.js')).href);

// networkx ranks by length, so mechkg is asked to as well (its default ranks by evidence first).
export const QUERIES = {
  shortest: (graph, pair) => {
    const r = lib.shortestPath(graph, pair.from, pair.to);
    return { paths: r.path ? [r.path] : [], complete: r.complete };
  },
  bestShortest: (graph, pair) => lib.findPaths(graph, pair.from, pair.to, { limit: 1, rank: 'length' }),
  ranked: (graph, pair) => lib.findPaths(graph, pair.from, pair.to, { limit: 10, rank: 'length' }),
  bounded: (graph, pair) => lib.findPaths(graph, pair.from, pair.to, { maxLength: 5, limit: 1000, rank: 'length' }),
};

/**
 * Warm-up before the timed repetitions: this many calls, or this many milliseconds, whichever comes first
 * (the same in networkx_bench.py). 5,000, not 1,000: on the 1M-edge unicode file `shortestPath` took a median
 * 0.011 to 0.021 ms per call right after 1,000 calls and 0.004 to 0.008 ms after 3,000 or more, in one process
 * (V8 was still optimising its helpers); the first, cold pass is timed and printed apart either way.
 */
const WARM_CALLS = 5000;
const WARM_MS = 2000;

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
    for (const [name, query] of Object.entries(QUERIES)) {
      // First pass over the pairs, timed apart (`cold_ms`: V8 still interprets the query code), then
      // warm-up passes until WARM_CALLS calls or WARM_MS, the same rule as networkx_bench.py: the
      // per-query figure measures the query, not the compiler.
      const coldMs = [];
      for (const pair of pairs) {
        const t0 = performance.now();
        query(graph, pair);
        coldMs.push(performance.now() - t0);
      }
      const warmStart = performance.now();
      for (let calls = pairs.length; calls < WARM_CALLS && performance.now() - warmStart < WARM_MS; calls++) query(graph, pairs[calls % pairs.length]);
      const ms = [];
      const found = [];
      const lengths = [];
      const complete = [];
      for (const pair of pairs) {
        let result;
        for (let r = 0; r < reps; r++) {
          const t0 = performance.now();
          result = query(graph, pair);
          ms.push(performance.now() - t0);
        }
        found.push(result.paths.length);
        lengths.push(result.paths.slice(0, 10).map((p) => p.length));
        complete.push(result.complete);
      }
      out.queries[name] = { ms, cold_ms: coldMs, found, lengths, complete };
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
