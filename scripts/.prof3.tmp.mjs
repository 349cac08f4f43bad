import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
const lib = await import('../dist/src/node.js');
const pairs = JSON.parse(readFileSync('/tmp/mechkg-bench/plain-1000000_queries.json','utf8'));
const g = await lib.loadKgxIndex('/tmp/mechkg-bench/plain-1000000_edges.tsv', { onProgress: () => {} });
const opts = JSON.parse(process.argv[2] ?? '{"limit":1,"rank":"length"}');
for (let r=0;r<20;r++) for (const p of pairs) lib.findPaths(g, p.from, p.to, opts);
const session = new Session(); session.connect();
await session.post('Profiler.enable'); await session.post('Profiler.setSamplingInterval',{interval:50}); await session.post('Profiler.start');
const t0 = performance.now(); let n=0;
for (let r=0;r<200;r++) for (const p of pairs) { lib.findPaths(g, p.from, p.to, opts); n++; }
const ms=(performance.now()-t0)/n;
const { profile: p } = await session.post('Profiler.stop');
console.log(JSON.stringify(opts), ms.toFixed(3), 'ms/query');
const self=new Map();const dt=p.timeDeltas;const cnt=new Map();p.samples.forEach((s,i)=>cnt.set(s,(cnt.get(s)||0)+(dt[i]||0)));
let tot=0;for(const nd of p.nodes){const k=nd.callFrame.functionName+" "+nd.callFrame.url.split("/").slice(-2).join("/")+":"+nd.callFrame.lineNumber;const v=cnt.get(nd.id)||0;tot+=v;self.set(k,(self.get(k)||0)+v);}
[...self].sort((a,b)=>b[1]-a[1]).slice(0,25).forEach(([k,v])=>console.log((100*v/tot).toFixed(1).padStart(6)+'%',k));
