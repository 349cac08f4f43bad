import { readFileSync } from 'node:fs';
const lib = await import('../dist/src/node.js');
const pairs = JSON.parse(readFileSync('/tmp/mechkg-bench/plain-1000000_queries.json','utf8'));
const g = await lib.loadKgxIndex('/tmp/mechkg-bench/plain-1000000_edges.tsv', { onProgress: () => {} });
for (const o of [{limit:1,rank:'length'},{limit:1,rank:'length',sign:'+'},{limit:1,rank:'evidence'},{limit:10,rank:'length'}]) for (const p of pairs) { const t0=performance.now(); const r=lib.findPaths(g, p.from, p.to, o); const ms=performance.now()-t0; console.log(JSON.stringify(o), p.from, p.to, ms.toFixed(2), JSON.stringify(r.stats), r.paths.map(x=>x.length+x.sign).join(','), r.agreement?.unlisted ? JSON.stringify(r.agreement.unlisted).slice(0,80):''); }
