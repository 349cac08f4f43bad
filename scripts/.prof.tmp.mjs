import { readFileSync } from 'node:fs';
const lib = await import('../dist/src/node.js');
const pairs = JSON.parse(readFileSync('/tmp/mechkg-bench/plain-1000000_queries.json','utf8'));
const g = await lib.loadKgxIndex('/tmp/mechkg-bench/plain-1000000_edges.tsv', { onProgress: () => {} });
const opts = JSON.parse(process.argv[2] ?? '{"limit":1,"rank":"length"}');
for (const p of pairs) lib.findPaths(g, p.from, p.to, opts);
const t0 = performance.now(); let n=0;
for (let r=0;r<200;r++) for (const p of pairs) { lib.findPaths(g, p.from, p.to, opts); n++; }
console.log(JSON.stringify(opts), ((performance.now()-t0)/n).toFixed(3), 'ms/query');
